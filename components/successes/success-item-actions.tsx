"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { PencilIcon } from "lucide-react";
import { toast } from "sonner";

import { deleteSuccess } from "@/app/(app)/successes/actions";
import { SuccessDialog, type SuccessDraft } from "@/components/successes/success-dialog";
import { ConfirmDeleteButton } from "@/components/touches/confirm-delete-button";
import { Button } from "@/components/ui/button";

type SuccessItemActionsProps = {
  success: SuccessDraft;
  contact: { id: string; name: string };
};

export function SuccessItemActions({ success, contact }: SuccessItemActionsProps) {
  const router = useRouter();
  const [dialog, setDialog] = useState({ isOpen: false, session: 0 });

  async function remove(): Promise<boolean> {
    const result = await deleteSuccess(success.id);
    if (!result.ok) {
      toast.error(result.formError ?? "The success was not deleted.");
      return false;
    }
    toast.success("Success deleted");
    router.refresh();
    return true;
  }

  return (
    <div className="flex shrink-0 items-center">
      <Button
        type="button"
        variant="ghost"
        size="icon"
        aria-label={`Edit success “${success.title}”`}
        className="size-8 text-muted-foreground"
        onClick={() => setDialog((current) => ({ isOpen: true, session: current.session + 1 }))}
      >
        <PencilIcon aria-hidden="true" />
      </Button>
      <SuccessDialog
        key={dialog.session}
        contact={contact}
        success={success}
        isOpen={dialog.isOpen}
        onOpenChange={(isOpen) => setDialog((current) => ({ ...current, isOpen }))}
      />
      <ConfirmDeleteButton
        label={`Delete success “${success.title}”`}
        title="Delete this success?"
        description="A congratulation you logged for it stays in the timeline. This can't be undone."
        onConfirm={remove}
      />
    </div>
  );
}
