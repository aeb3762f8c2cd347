"use client";

import { useRef } from "react";
import { Trash2Icon } from "lucide-react";
import { AlertDialog } from "radix-ui";

import { useRemovable } from "@/components/touches/removable-item";
import { Button, buttonVariants } from "@/components/ui/button";

type ConfirmDeleteButtonProps = {
  // Names the thing for screen readers, e.g. "Delete touch of 3 Mar 2026".
  label: string;
  title: string;
  description: string;
  // Resolves true when the server deleted it.
  onConfirm: () => Promise<boolean>;
};

// A delete control that asks first, then hides its list item at once and
// brings it back if the server refuses.
export function ConfirmDeleteButton({ label, title, description, onConfirm }: ConfirmDeleteButtonProps) {
  const removable = useRemovable();
  const isConfirmed = useRef(false);

  async function confirm() {
    isConfirmed.current = true;
    removable?.hide();
    const isDeleted = await onConfirm();
    if (!isDeleted) {
      isConfirmed.current = false;
      removable?.restore();
    }
  }

  return (
    <AlertDialog.Root>
      <AlertDialog.Trigger asChild>
        <Button type="button" variant="ghost" size="icon" aria-label={label} className="size-8 text-muted-foreground">
          <Trash2Icon aria-hidden="true" />
        </Button>
      </AlertDialog.Trigger>
      <AlertDialog.Portal>
        <AlertDialog.Overlay className="fixed inset-0 z-50 bg-black/50" />
        <AlertDialog.Content
          onCloseAutoFocus={(event) => {
            // The trigger is hidden with its item: focus its list instead.
            if (!removable || !isConfirmed.current) return;
            event.preventDefault();
            removable.focusList();
          }}
          className="fixed top-1/2 left-1/2 z-50 grid w-[calc(100%-2rem)] max-w-md -translate-x-1/2 -translate-y-1/2 gap-4 rounded-xl border bg-background p-6 shadow-lg"
        >
          <AlertDialog.Title className="text-lg font-semibold">{title}</AlertDialog.Title>
          <AlertDialog.Description className="text-sm text-muted-foreground">{description}</AlertDialog.Description>
          <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
            <AlertDialog.Cancel asChild>
              <Button type="button" variant="outline">
                Cancel
              </Button>
            </AlertDialog.Cancel>
            <AlertDialog.Action className={buttonVariants({ variant: "destructive" })} onClick={confirm}>
              Delete
            </AlertDialog.Action>
          </div>
        </AlertDialog.Content>
      </AlertDialog.Portal>
    </AlertDialog.Root>
  );
}
