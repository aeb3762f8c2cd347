"use client";

import { useRouter } from "next/navigation";
import { PencilIcon } from "lucide-react";
import { toast } from "sonner";

import { deleteWin } from "@/app/(app)/journal/actions";
import { useRecordWin } from "@/components/journal/record-win-provider";
import { ConfirmDeleteButton } from "@/components/touches/confirm-delete-button";
import { Button } from "@/components/ui/button";

type WinCardActionsProps = {
  win: { id: string; title: string };
  // For screen readers: which win these buttons act on ("3 Mar 2026").
  dayLabel: string;
};

// Edit opens the record-a-win dialog on this win; delete asks first.
export function WinCardActions({ win, dayLabel }: WinCardActionsProps) {
  const router = useRouter();
  const recordWin = useRecordWin();

  async function remove(): Promise<boolean> {
    const result = await deleteWin(win.id);
    if (!result.ok) {
      toast.error(result.formError ?? "The win was not deleted.");
      return false;
    }
    toast.success("Win deleted");
    router.refresh();
    return true;
  }

  return (
    <div className="flex shrink-0 items-center">
      <Button
        type="button"
        variant="ghost"
        size="icon"
        aria-label={`Edit win “${win.title}” of ${dayLabel}`}
        className="size-8 text-muted-foreground"
        onClick={() => recordWin.open({ editWinId: win.id })}
      >
        <PencilIcon aria-hidden="true" />
      </Button>
      <ConfirmDeleteButton
        label={`Delete win “${win.title}” of ${dayLabel}`}
        title="Delete this win?"
        description="It leaves the journal and the pages of the people in it; they stay in your contacts. This can't be undone."
        onConfirm={remove}
      />
    </div>
  );
}
