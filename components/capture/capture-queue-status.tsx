"use client";

import { formatDistanceToNow } from "date-fns";
import { CloudOffIcon, RefreshCwIcon } from "lucide-react";
import { Dialog } from "radix-ui";
import { useState } from "react";

import { useCaptureQueue } from "@/components/capture/capture-queue-provider";
import { Button } from "@/components/ui/button";
import { DialogHeading } from "@/components/ui/dialog-heading";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import type { QueuedCapture } from "@/lib/capture/queue";
import { cn } from "@/lib/utils";

function summary(waiting: number, refused: number): string {
  const parts = [
    waiting > 0 ? `${waiting} waiting to sync` : null,
    refused > 0 ? `${refused} ${refused === 1 ? "needs" : "need"} your attention` : null,
  ].filter((part) => part !== null);
  return parts.join(", ");
}

// Offline, and what waits on this device: a bar across the top of every
// signed-in page (in the page's flow, so it covers neither the header nor a
// toast), and the queue itself one tap away.
export function CaptureQueueStatus() {
  const { entries, isOnline, isSyncing, syncNow } = useCaptureQueue();
  const [isOpen, setIsOpen] = useState(false);
  const refused = entries.filter((entry) => entry.problem).length;
  const waiting = entries.length - refused;
  const isShown = !isOnline || entries.length > 0;

  return (
    <Dialog.Root open={isOpen} onOpenChange={setIsOpen}>
      <div
        role="status"
        className={cn(
          "flex flex-wrap items-center justify-center gap-x-3 gap-y-1 border-b bg-muted px-4 py-2 text-sm print:hidden",
          !isShown && "sr-only",
        )}
      >
        {!isOnline ? (
          <span className="flex items-center gap-1.5 font-medium">
            <CloudOffIcon aria-hidden="true" className="size-4" />
            Offline<span className="sr-only">: pages show what they showed when last opened, and captures wait on this device.</span>
          </span>
        ) : null}
        {entries.length > 0 ? (
          <Dialog.Trigger asChild>
            <Button variant="link" size="sm" className="h-auto p-0">
              {summary(waiting, refused)}
            </Button>
          </Dialog.Trigger>
        ) : null}
        {isSyncing ? <span className="text-muted-foreground">Syncing…</span> : null}
      </div>
      <Dialog.Portal>
        <Dialog.Overlay className="fixed inset-0 z-50 bg-black/50" />
        <Dialog.Content className="fixed inset-x-0 bottom-0 z-50 max-h-[85dvh] overflow-y-auto rounded-t-xl border bg-background p-4 shadow-lg sm:inset-x-auto sm:top-[10dvh] sm:bottom-auto sm:left-1/2 sm:w-full sm:max-w-lg sm:-translate-x-1/2 sm:rounded-xl sm:p-6">
          <DialogHeading title="Waiting on this device" description="Captures are sent in order, each once, when the network is back." />
          {entries.length === 0 ? (
            <p className="text-sm text-muted-foreground">Nothing is waiting: everything you captured is saved.</p>
          ) : (
            <ul className="grid gap-3" aria-label="Captures waiting to sync">
              {entries.map((entry) => (
                <QueuedItem key={entry.key} entry={entry} onEdit={() => setIsOpen(false)} />
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
