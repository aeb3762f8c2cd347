"use client";

import { useRouter } from "next/navigation";
import { Trash2Icon } from "lucide-react";
import { toast } from "sonner";

import { deleteStone } from "@/app/(app)/career/goals/actions";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";

export function StoneDeleteButton({ stoneId, title }: { stoneId: string; title: string }) {
  const router = useRouter();

  async function remove(): Promise<boolean> {
    const result = await deleteStone(stoneId);
    if (!result.ok) {
      toast.error(result.formError ?? "The step was not deleted.");
      return false;
    }
    toast.success(`Deleted “${title}”`);
    router.refresh();
    return true;
  }

  return (
    <ConfirmDialog
      trigger={
        <Button type="button" variant="outline" size="sm" className="text-destructive">
          <Trash2Icon aria-hidden="true" />
          Delete<span className="sr-only"> “{title}”</span>
        </Button>
      }
      title={`Delete “${title}”?`}
      description="Its history and links go with it, and the steps after it move up. To keep it in the story, set its status to Dropped instead. This can't be undone."
      confirmLabel="Delete step"
      pendingLabel="Deleting…"
      onConfirm={remove}
    />
  );
}
