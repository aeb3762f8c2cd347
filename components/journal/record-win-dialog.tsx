"use client";

import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { Dialog } from "radix-ui";
import { toast } from "sonner";

import { getWinForEdit } from "@/app/(app)/journal/actions";
import { WinForm, type WinFormDefaults } from "@/components/journal/win-form";
import { Button } from "@/components/ui/button";
import { DialogHeading } from "@/components/ui/dialog-heading";
import type { WinPersonPart } from "@/lib/domain/enums";

export type RecordWinRequest = {
  people?: { contactId: string; name: string; part: WinPersonPart }[];
  title?: string;
  what?: string;
  // Edit: the form loads this win and saving changes it.
  editWinId?: string;
  // A win waiting on this device, reopened from the queue to be fixed.
  queued?: { key: string; defaults: WinFormDefaults };
};

type Loaded = { status: "ready"; defaults: WinFormDefaults } | { status: "loading" } | { status: "missing"; message: string };

// Toasts after a save, shared by the dialog and the new-win page.
export function announceSavedWin(saved: { isEdit: boolean; isQueued?: boolean }, openJournal?: () => void) {
  if (saved.isQueued) {
    toast.success("Saved on this device: it syncs when you're back online.");
  } else if (saved.isEdit) {
    toast.success("Win updated");
  } else {
    toast.success("Win recorded", openJournal ? { action: { label: "Open journal", onClick: openJournal } } : undefined);
  }
}

export function RecordWinDialog({
  isOpen,
  onOpenChange,
  request,
}: {
  isOpen: boolean;
  onOpenChange: (isOpen: boolean) => void;
  request: RecordWinRequest;
}) {
  const router = useRouter();
  const editWinId = request.editWinId;
  const [loaded, setLoaded] = useState<Loaded>(() =>
    editWinId
      ? { status: "loading" }
      : { status: "ready", defaults: request.queued?.defaults ?? { people: request.people, title: request.title, what: request.what } },
  );

  useEffect(() => {
    if (!editWinId) return;
    let isCurrent = true;
    getWinForEdit(editWinId).then((result) => {
      if (!isCurrent) return;
      setLoaded(result.ok ? { status: "ready", defaults: result.data } : { status: "missing", message: result.formError ?? "Win not found." });
    });
    return () => {
      isCurrent = false;
    };
  }, [editWinId]);

  const cancel = (
    <Dialog.Close asChild>
      <Button type="button" variant="outline">
        Cancel
      </Button>
    </Dialog.Close>
  );

  return (
    <Dialog.Root open={isOpen} onOpenChange={onOpenChange}>
      <Dialog.Portal>
        <Dialog.Overlay className="fixed inset-0 z-50 bg-black/50 data-[state=closed]:animate-out data-[state=closed]:fade-out-0 data-[state=open]:animate-in data-[state=open]:fade-in-0 motion-reduce:animate-none" />
        <Dialog.Content
          onOpenAutoFocus={(event) => {
            // Straight to the title: a win is recorded in seconds.
            const title = document.getElementById("win-title");
            if (title) {
              event.preventDefault();
              title.focus();
            }
          }}
          onEscapeKeyDown={(event) => {
            // Escape first closes an open list of contact or skill matches.
            if (event.target instanceof HTMLElement && event.target.getAttribute("aria-expanded") === "true") {
              event.preventDefault();
            }
          }}
          className="fixed inset-x-0 bottom-0 z-50 max-h-[92dvh] overflow-y-auto rounded-t-xl border bg-background p-4 shadow-lg data-[state=closed]:animate-out data-[state=closed]:fade-out-0 data-[state=open]:animate-in data-[state=open]:fade-in-0 motion-reduce:animate-none sm:inset-x-auto sm:top-[5dvh] sm:bottom-auto sm:left-1/2 sm:max-h-[90dvh] sm:w-full sm:max-w-2xl sm:-translate-x-1/2 sm:rounded-xl sm:p-6"
        >
          <DialogHeading title={editWinId ? "Edit win" : "Record a win"} description="What you did, what came of it, and who was part of it." />

          {loaded.status === "ready" ? (
            <WinForm
              idPrefix="win"
              defaults={loaded.defaults}
              editWinId={editWinId}
              replacesQueued={request.queued?.key}
              cancel={cancel}
              onLeave={() => onOpenChange(false)}
              onSaved={(saved) => {
                onOpenChange(false);
                router.refresh();
                announceSavedWin(saved, () => router.push("/journal"));
              }}
            />
          ) : (
            <div className="grid gap-4">
              <p role={loaded.status === "missing" ? "alert" : "status"} className="text-sm text-muted-foreground">
                {loaded.status === "missing" ? loaded.message : "Loading the win…"}
              </p>
              <div className="flex justify-end">{cancel}</div>
            </div>
          )}
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
