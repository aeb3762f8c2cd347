"use client";

import { useRouter } from "next/navigation";
import { Trash2Icon } from "lucide-react";
import { toast } from "sonner";

import { deleteGoal } from "@/app/(app)/career/goals/actions";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";

// What goes with the goal, and what stays.
function goalDeleteDescription(stoneCount: number): string {
  const goes =
    stoneCount === 0
      ? ""
      : stoneCount === 1
        ? "Its step, with its history and links, goes with it. "
        : `Its ${stoneCount.toLocaleString("en")} steps, with their history and links, go with it. `;
  return `${goes}Your contacts, wins and skills stay. This can't be undone.`;
}

export function GoalDeleteButton({ goalId, title, stoneCount }: { goalId: string; title: string; stoneCount: number }) {
  const router = useRouter();

  async function remove(): Promise<boolean> {
    const result = await deleteGoal(goalId);
    if (!result.ok) {
      toast.error(result.formError ?? "The goal was not deleted.");
      return false;
    }
    toast.success(`Deleted “${title}”`);
    router.push("/career");
    return true;
  }

  return (
    <ConfirmDialog
      trigger={
        <Button type="button" variant="outline" className="text-destructive">
          <Trash2Icon aria-hidden="true" />
          Delete goal
        </Button>
      }
      title={`Delete “${title}”?`}
      description={goalDeleteDescription(stoneCount)}
      confirmLabel="Delete goal"
      pendingLabel="Deleting…"
      onConfirm={remove}
    />
  );
}
