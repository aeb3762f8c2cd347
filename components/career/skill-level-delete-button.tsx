"use client";

import { Trash2Icon } from "lucide-react";
import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { toast } from "sonner";
import { deleteSkillLevel } from "@/app/(app)/career/skills/actions";
import { Button } from "@/components/ui/button";

// One assessment is quick to record again, so it goes without a confirmation.
export function SkillLevelDeleteButton({ levelId, dayLabel }: { levelId: string; dayLabel: string }) {
  const router = useRouter();
  const [isPending, startTransition] = useTransition();

  function remove() {
    startTransition(async () => {
      const result = await deleteSkillLevel(levelId);
      if (!result.ok) {
        toast.error(result.formError ?? "The level was not deleted.");
        return;
      }
      toast.success(`The level of ${dayLabel} was deleted`);
      router.refresh();
    });
  }

  return (
    <Button type="button" variant="ghost" size="sm" onClick={remove} disabled={isPending} className="text-destructive">
      <Trash2Icon aria-hidden="true" />
      {isPending ? "Deleting…" : "Delete"}
      <span className="sr-only"> the level of {dayLabel}</span>
    </Button>
  );
}
