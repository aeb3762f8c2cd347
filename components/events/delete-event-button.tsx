"use client";

import { Trash2Icon } from "lucide-react";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState, useTransition } from "react";
import { toast } from "sonner";
import { deleteEventAction } from "@/app/(app)/events/actions";
import { Button } from "@/components/ui/button";

// Asks in place rather than in a dialog: one more click, with the
// consequence spelled out, and focus moved to the choice.
export function DeleteEventButton({ eventId, eventName }: { eventId: string; eventName: string }) {
  const router = useRouter();
  const [isConfirming, setIsConfirming] = useState(false);
  const [isPending, startTransition] = useTransition();
  const cancelRef = useRef<HTMLButtonElement>(null);
  const triggerRef = useRef<HTMLButtonElement>(null);
  const wasConfirming = useRef(false);

  useEffect(() => {
    if (isConfirming) cancelRef.current?.focus();
    else if (wasConfirming.current) triggerRef.current?.focus();
    wasConfirming.current = isConfirming;
  }, [isConfirming]);

  function confirmDelete() {
    startTransition(async () => {
      const result = await deleteEventAction({ eventId });
      if (!result.ok) {
        toast.error(result.formError ?? "The event was not deleted.");
        setIsConfirming(false);
        return;
      }
      toast.success(`Deleted “${eventName}”`);
      router.push("/events");
    });
  }

  if (!isConfirming) {
    return (
      <Button ref={triggerRef} type="button" variant="outline" onClick={() => setIsConfirming(true)}>
        <Trash2Icon aria-hidden="true" />
        Delete
      </Button>
    );
  }

  return (
    <div
      role="group"
      aria-labelledby="delete-event-question"
      className="flex flex-col gap-2 rounded-md border border-destructive/50 p-3 sm:max-w-sm"
      onKeyDown={(e) => {
        if (e.key === "Escape") setIsConfirming(false);
      }}
    >
      <p id="delete-event-question" className="text-sm">
        Delete “{eventName}”? The people you met stay in your contacts; only their link to this event goes.
      </p>
      <div className="flex gap-2">
        <Button type="button" variant="destructive" size="sm" disabled={isPending} onClick={confirmDelete}>
          {isPending ? "Deleting…" : "Delete event"}
        </Button>
        <Button ref={cancelRef} type="button" variant="ghost" size="sm" onClick={() => setIsConfirming(false)}>
          Cancel
        </Button>
      </div>
    </div>
  );
}
