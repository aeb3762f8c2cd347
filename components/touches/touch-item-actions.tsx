"use client";

import { useRouter } from "next/navigation";
import { PencilIcon, TrophyIcon } from "lucide-react";
import { toast } from "sonner";

import { deleteTouch } from "@/app/(app)/touches/actions";
import { useRecordWin } from "@/components/journal/record-win-provider";
import { ConfirmDeleteButton } from "@/components/touches/confirm-delete-button";
import type { LogTouchRequest } from "@/components/touches/log-touch-dialog";
import { useLogTouch } from "@/components/touches/log-touch-provider";
import { Button } from "@/components/ui/button";

type TouchItemActionsProps = {
  touch: Required<Pick<LogTouchRequest, "contacts" | "occurredOn" | "channel" | "summary">> &
    Pick<LogTouchRequest, "valueKind" | "valueDirection"> & { id: string };
  // For screen readers: which touch these buttons act on ("3 Mar 2026").
  dayLabel: string;
};

export function TouchItemActions({ touch, dayLabel }: TouchItemActionsProps) {
  const router = useRouter();
  const logTouch = useLogTouch();
  const recordWin = useRecordWin();
  const { id, ...draft } = touch;

  async function remove(): Promise<boolean> {
    const result = await deleteTouch(id);
    if (!result.ok) {
      toast.error(result.formError ?? "The touch was not deleted.");
      return false;
    }
    toast.success("Touch deleted");
    router.refresh();
    return true;
  }

  return (
    <div className="flex shrink-0 items-center">
      {touch.valueDirection === "received" ? (
        // Value received is often the start of a win: the people who gave it helped.
        <Button
          type="button"
          variant="ghost"
          size="icon"
          aria-label={`Record a win from the touch of ${dayLabel}`}
          title="Record a win"
          className="size-8 text-muted-foreground"
          onClick={() =>
            recordWin.open({
              people: touch.contacts.map((contact) => ({ contactId: contact.id, name: contact.name, part: "helped_me" })),
              what: touch.summary,
            })
          }
        >
          <TrophyIcon aria-hidden="true" />
        </Button>
      ) : null}
      <Button
        type="button"
        variant="ghost"
        size="icon"
        aria-label={`Edit touch of ${dayLabel}`}
        className="size-8 text-muted-foreground"
        onClick={() => logTouch.open({ ...draft, editTouchId: id })}
      >
        <PencilIcon aria-hidden="true" />
      </Button>
      <ConfirmDeleteButton
        label={`Delete touch of ${dayLabel}`}
        title="Delete this touch?"
        description="Its contacts' next due dates move back, and a success it congratulated waits again. This can't be undone."
        onConfirm={remove}
      />
    </div>
  );
}
