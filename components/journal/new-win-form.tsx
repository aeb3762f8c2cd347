"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";

import { announceSavedWin } from "@/components/journal/record-win-dialog";
import { WinForm, type WinFormDefaults } from "@/components/journal/win-form";
import { Button } from "@/components/ui/button";
import type { RoleOption } from "@/lib/domain/journal";

// The record-a-win form as a page of its own (the weekly email's link):
// saving goes to the journal.
export function NewWinForm({ roles, defaults }: { roles: RoleOption[]; defaults: WinFormDefaults }) {
  const router = useRouter();
  return (
    <WinForm
      idPrefix="new-win"
      roles={roles}
      defaults={defaults}
      cancel={
        <Button asChild variant="outline">
          <Link href="/journal">Cancel</Link>
        </Button>
      }
      onSaved={(saved) => {
        announceSavedWin(saved);
        router.push("/journal");
      }}
    />
  );
}
