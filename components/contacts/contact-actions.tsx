"use client";

import { ArchiveIcon, ArchiveRestoreIcon, Trash2Icon } from "lucide-react";
import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { toast } from "sonner";
import {
  archiveContactAction,
  deleteContactAction,
  unarchiveContactAction,
} from "@/app/(app)/contacts/actions";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";

type ContactActionsProps = { contact: { id: string; name: string; isArchived: boolean } };

export function ContactActions({ contact }: ContactActionsProps) {
  const router = useRouter();
  const [isPending, startTransition] = useTransition();

  function toggleArchived() {
    startTransition(async () => {
      const result = contact.isArchived
        ? await unarchiveContactAction({ id: contact.id })
        : await archiveContactAction({ id: contact.id });
      if (!result.ok) {
        toast.error(result.formError ?? "Nothing changed.");
        return;
      }
      toast.success(contact.isArchived ? `${contact.name} is back in your contacts` : `${contact.name} archived`);
    });
  }

  async function remove() {
    const result = await deleteContactAction({ id: contact.id });
    if (!result.ok) {
      toast.error(result.formError ?? "The contact was not deleted.");
      return false;
    }
    toast.success(`${contact.name} deleted`);
    router.push("/contacts");
    return true;
  }

  return (
    <>
      <Button type="button" variant="outline" onClick={toggleArchived} disabled={isPending}>
        {contact.isArchived ? <ArchiveRestoreIcon aria-hidden="true" /> : <ArchiveIcon aria-hidden="true" />}
        {contact.isArchived ? "Unarchive" : "Archive"}
      </Button>
      <ConfirmDialog
        trigger={
          <Button type="button" variant="outline" className="text-destructive">
            <Trash2Icon aria-hidden="true" />
            Delete
          </Button>
        }
        title={`Delete ${contact.name}?`}
        description="Their details, circle memberships and successes go, and so do the touches that involved only them. This cannot be undone; archive them instead to keep the history."
        confirmLabel="Delete contact"
        pendingLabel="Deleting…"
        onConfirm={remove}
      />
    </>
  );
}
