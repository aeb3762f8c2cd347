"use client";

import { formatDistanceToNow } from "date-fns";
import { RefreshCwIcon } from "lucide-react";
import { Dialog } from "radix-ui";

import { useCaptureQueue } from "@/components/capture/capture-queue-provider";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { DialogHeading } from "@/components/ui/dialog-heading";
import type { QueuedCapture } from "@/lib/capture/queue";

type CaptureQueueSheetProps = {
  isOpen: boolean;
  onOpenChange: (isOpen: boolean) => void;
  /** Where focus goes back to once the sheet has closed: the bar's summary. */
  onClosed: () => void;
};

// What waits on this device, each capture with what can be done about it;
// loaded by CaptureQueueStatus when the queue is first wanted.
export function CaptureQueueSheet({ isOpen, onOpenChange, onClosed }: CaptureQueueSheetProps) {
  const { entries, isOnline, isSyncing, syncNow } = useCaptureQueue();
  const waiting = entries.filter((entry) => !entry.problem).length;
  return (
    <Dialog.Root open={isOpen} onOpenChange={onOpenChange}>
      <Dialog.Portal>
        <Dialog.Overlay className="fixed inset-0 z-50 bg-black/50" />
        <Dialog.Content
          onCloseAutoFocus={(event) => {
            event.preventDefault();
            onClosed();
          }}
          className="fixed inset-x-0 bottom-0 z-50 max-h-[85dvh] overflow-y-auto rounded-t-xl border bg-background p-4 shadow-lg sm:inset-x-auto sm:top-[10dvh] sm:bottom-auto sm:left-1/2 sm:w-full sm:max-w-lg sm:-translate-x-1/2 sm:rounded-xl sm:p-6"
        >
          <DialogHeading title="Waiting on this device" description="Captures are sent in order, each once, when the network is back." />
          {entries.length === 0 ? (
            <p className="text-sm text-muted-foreground">Nothing is waiting: everything you captured is saved.</p>
          ) : (
            <ul className="grid gap-3" aria-label="Captures waiting to sync">
              {entries.map((entry) => (
                <QueuedItem key={entry.key} entry={entry} onEdit={() => onOpenChange(false)} />
              ))}
            </ul>
          )}
          <div className="mt-4 flex justify-end">
            <Button type="button" variant="outline" onClick={syncNow} disabled={!isOnline || isSyncing || waiting === 0}>
              <RefreshCwIcon aria-hidden="true" />
              {isOnline ? "Sync now" : "Sync when online"}
            </Button>
          </div>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}

function QueuedItem({ entry, onEdit }: { entry: QueuedCapture; onEdit: () => void }) {
  const { discard, resend, edit, canEdit, isOnline } = useCaptureQueue();
  const isDuplicate = entry.kind === "contact" && entry.problem && entry.input.confirmDuplicate !== true;
  return (
    <li className="grid gap-2 rounded-lg border p-3">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <span className="font-medium">{entry.label}</span>
        <span className="text-xs text-muted-foreground">
          captured {formatDistanceToNow(entry.queuedAt, { addSuffix: true })}
        </span>
      </div>
      {entry.problem ? (
        <p className="text-sm text-destructive">Not saved: {entry.problem.formError}</p>
      ) : (
        <p className="text-sm text-muted-foreground">Waiting to sync</p>
      )}
      <div className="flex gap-2">
        {entry.problem && canEdit(entry.kind) ? (
          <Button
            type="button"
            size="sm"
            variant="outline"
            onClick={() => {
              onEdit();
              edit(entry);
            }}
          >
            Edit<span className="sr-only"> {entry.label}</span>
          </Button>
        ) : null}
        {isDuplicate ? (
          <Button type="button" size="sm" variant="outline" disabled={!isOnline} onClick={() => void resend(entry, { confirmDuplicate: true })}>
            Create anyway<span className="sr-only"> {entry.label}</span>
          </Button>
        ) : null}
        <ConfirmDialog
          trigger={
            <Button type="button" size="sm" variant="ghost">
              Discard<span className="sr-only"> {entry.label}</span>
            </Button>
          }
          title="Discard this capture?"
          description={`“${entry.label}” has not been saved to Kith. Discarding removes it from this device for good.`}
          confirmLabel="Discard"
          pendingLabel="Discarding…"
          onConfirm={async () => {
            await discard(entry.key);
            return true;
          }}
        />
      </div>
    </li>
  );
}
