"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { PencilIcon, PlusIcon } from "lucide-react";
import { Dialog } from "radix-ui";

import { LearningForm } from "@/components/career/learning-form";
import { Button } from "@/components/ui/button";
import { DialogHeading } from "@/components/ui/dialog-heading";
import type { LearningItemView } from "@/lib/domain/learning";

// "Add learning" (no item) or "Edit" (an item): a button that opens the form
// in a dialog; saving closes it and reloads the page's data.
export function LearningDialog({ item }: { item?: LearningItemView }) {
  const router = useRouter();
  const [isOpen, setIsOpen] = useState(false);
  const idPrefix = item ? `learning-edit-${item.id}` : "learning-add";

  return (
    <Dialog.Root open={isOpen} onOpenChange={setIsOpen}>
      <Dialog.Trigger asChild>
        {item ? (
          <Button type="button" variant="outline" size="sm">
            <PencilIcon aria-hidden="true" />
            Edit<span className="sr-only"> {item.title}</span>
          </Button>
        ) : (
          <Button type="button">
            <PlusIcon aria-hidden="true" />
            Add learning
          </Button>
        )}
      </Dialog.Trigger>
      <Dialog.Portal>
        <Dialog.Overlay className="fixed inset-0 z-50 bg-black/50 data-[state=closed]:animate-out data-[state=closed]:fade-out-0 data-[state=open]:animate-in data-[state=open]:fade-in-0 motion-reduce:animate-none" />
        <Dialog.Content
          onOpenAutoFocus={(event) => {
            const title = document.getElementById(`${idPrefix}-title`);
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
          <DialogHeading title={item ? "Edit learning" : "Add learning"} description="A course, book, talk, mentoring session or certification, and the skills it builds." />
          <LearningForm
            item={item}
            idPrefix={idPrefix}
            cancel={
              <Dialog.Close asChild>
                <Button type="button" variant="outline">
                  Cancel
                </Button>
              </Dialog.Close>
            }
            onSaved={() => {
              setIsOpen(false);
              router.refresh();
            }}
          />
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
