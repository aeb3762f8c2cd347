"use client";

import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import { Dialog } from "radix-ui";
import { toast } from "sonner";

import { EventLinkForm, SkillLinkForm, WinLinkForm } from "@/components/career/stone-links-forms";
import { AddPeopleForm, EditPersonForm, type LinkedPerson } from "@/components/career/stone-links-person-form";
import { DialogHeading } from "@/components/ui/dialog-heading";

export type StoneLinkRequest =
  | { kind: "person" }
  | { kind: "skill" }
  | { kind: "win" }
  | { kind: "event" }
  | { kind: "edit-person"; person: LinkedPerson };

function copy(request: StoneLinkRequest, stoneTitle: string): { title: string; description: string } {
  const step = `“${stoneTitle}”`;
  switch (request.kind) {
    case "person":
      return { title: `Who matters for ${step}`, description: "Someone who can help, has done it, or could introduce you." };
    case "edit-person":
      return { title: `Why ${request.person.name} matters`, description: `For ${step}.` };
    case "skill":
      return { title: `A skill ${step} needs`, description: "Your skill of the same name is reused, in any case." };
    case "win":
      return { title: `Evidence for ${step}`, description: "A win from your journal that shows progress on this step." };
    case "event":
      return { title: `An event that advanced ${step}`, description: "A volunteering day, a conference, a meetup." };
  }
}

type StoneLinksDialogProps = {
  stone: { id: string; title: string };
  request: StoneLinkRequest | null;
  onClose: () => void;
};

// One dialog for every kind of link; its form is chosen by the request.
// Focus goes to the first field, and back to the button that opened it.
export function StoneLinksDialog({ stone, request, onClose }: StoneLinksDialogProps) {
  const router = useRouter();
  const fieldId = useId();
  // The last request stays on screen while the dialog animates out.
  const [shown, setShown] = useState(request);
  if (request !== null && request !== shown) setShown(request);
  const text = shown ? copy(shown, stone.title) : null;

  function onDone(message: string) {
    toast.success(message);
    onClose();
    router.refresh();
  }

  const formProps = { stoneId: stone.id, onDone, fieldId };

  return (
    <Dialog.Root open={request !== null} onOpenChange={(isOpen) => !isOpen && onClose()}>
      <Dialog.Portal>
        <Dialog.Overlay className="fixed inset-0 z-50 bg-black/50 data-[state=closed]:animate-out data-[state=closed]:fade-out-0 data-[state=open]:animate-in data-[state=open]:fade-in-0 motion-reduce:animate-none" />
        <Dialog.Content
          onOpenAutoFocus={(event) => {
            const first = document.getElementById(shown?.kind === "edit-person" ? `${fieldId}-part` : fieldId);
            if (!first) return;
            event.preventDefault();
            first.focus();
          }}
          onEscapeKeyDown={(event) => {
            // Escape first closes an open list of matches.
            if (event.target instanceof HTMLElement && event.target.getAttribute("aria-expanded") === "true") {
              event.preventDefault();
            }
          }}
          className="fixed inset-x-0 bottom-0 z-50 max-h-[92dvh] overflow-y-auto rounded-t-xl border bg-background p-4 shadow-lg data-[state=closed]:animate-out data-[state=closed]:fade-out-0 data-[state=open]:animate-in data-[state=open]:fade-in-0 motion-reduce:animate-none sm:inset-x-auto sm:top-[12dvh] sm:bottom-auto sm:left-1/2 sm:w-full sm:max-w-md sm:-translate-x-1/2 sm:rounded-xl sm:p-6"
        >
          <DialogHeading title={text?.title} description={text?.description} />
          {shown?.kind === "person" ? <AddPeopleForm {...formProps} /> : null}
          {shown?.kind === "edit-person" ? <EditPersonForm {...formProps} person={shown.person} /> : null}
          {shown?.kind === "skill" ? <SkillLinkForm {...formProps} /> : null}
          {shown?.kind === "win" ? <WinLinkForm {...formProps} /> : null}
          {shown?.kind === "event" ? <EventLinkForm {...formProps} /> : null}
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
