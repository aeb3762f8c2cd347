"use client";

import { useRouter } from "next/navigation";
import { Trash2Icon } from "lucide-react";
import { toast } from "sonner";

import { deleteRole } from "@/app/(app)/journal/roles/actions";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { roleLabel } from "@/lib/domain/journal";
import type { RoleRow } from "@/lib/domain/roles";

function wins(count: number): string {
  return count === 1 ? "1 win" : `${count.toLocaleString("en")} wins`;
}

// What deleting takes away, and what it leaves: the role's wins stay in the journal.
function roleDeleteDescription(winCount: number): string {
  const kept =
    winCount === 0
      ? "No win in your journal belongs to it."
      : `Its ${wins(winCount)} will stay in your journal, without a role.`;
  return `${kept} This can't be undone.`;
}

export function RoleDeleteButton({ role }: { role: RoleRow }) {
  const router = useRouter();
  const label = roleLabel(role);

  async function remove(): Promise<boolean> {
    const result = await deleteRole(role.id);
    if (!result.ok) {
      toast.error(result.formError ?? "The role was not deleted.");
      return false;
    }
    const { winsKept } = result.data;
    toast.success(`${label} deleted`, {
      description: winsKept === 0 ? undefined : `${wins(winsKept)} kept, without a role.`,
    });
    router.refresh();
    return true;
  }

  return (
    <ConfirmDialog
      trigger={
        <Button type="button" variant="outline" size="sm" className="text-destructive">
          <Trash2Icon aria-hidden="true" />
          Delete<span className="sr-only"> {label}</span>
        </Button>
      }
      title={`Delete “${label}”?`}
      description={roleDeleteDescription(role.winCount)}
      confirmLabel="Delete role"
      pendingLabel="Deleting…"
      onConfirm={remove}
    />
  );
}
