"use client";

import { useRouter } from "next/navigation";
import { Trash2Icon } from "lucide-react";
import { toast } from "sonner";

import { deleteLearning } from "@/app/(app)/career/learning/actions";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";

export function LearningDeleteButton({ item }: { item: { id: string; title: string } }) {
  const router = useRouter();

  async function remove(): Promise<boolean> {
    const result = await deleteLearning(item.id);
    if (!result.ok) {
      toast.error(result.formError ?? "The learning was not deleted.");
      return false;
    }
    toast.success(`“${item.title}” deleted`);
    router.refresh();
    return true;
  }

  return (
    <ConfirmDialog
      trigger={
        <Button type="button" variant="outline" size="sm" className="text-destructive">
          <Trash2Icon aria-hidden="true" />
          Delete<span className="sr-only"> {item.title}</span>
        </Button>
      }
      title={`Delete “${item.title}”?`}
      description="It leaves your learning log, with its hours. The skills it builds stay in your skill list. This can't be undone."
      confirmLabel="Delete learning"
      pendingLabel="Deleting…"
      onConfirm={remove}
    />
  );
}
