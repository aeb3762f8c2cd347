"use client";

import { Trash2Icon } from "lucide-react";
import { useRouter } from "next/navigation";
import { toast } from "sonner";
import { deleteSkill } from "@/app/(app)/career/skills/actions";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { skillTagCounts } from "@/lib/domain/skills";

type SkillDeleteButtonProps = {
  skillId: string;
  name: string;
  tags: { winCount: number; learningCount: number; stoneCount: number };
};

// What deleting takes away (the tag, the levels, the teachers) and what it
// leaves: the wins, learning items and stepping stones themselves.
function deleteDescription(tags: SkillDeleteButtonProps["tags"]): string {
  const tagged = skillTagCounts(tags);
  const untagged = tagged
    ? `${tagged} will lose the tag and stay as they are.`
    : "No win, learning item or stepping stone is tagged with it.";
  return `${untagged} Its level history and who can teach you go with it. This can't be undone.`;
}

export function SkillDeleteButton({ skillId, name, tags }: SkillDeleteButtonProps) {
  const router = useRouter();

  async function remove(): Promise<boolean> {
    const result = await deleteSkill(skillId);
    if (!result.ok) {
      toast.error(result.formError ?? "The skill was not deleted.");
      return false;
    }
    const tagged = skillTagCounts(result.data);
    toast.success(`${name} deleted`, { description: tagged ? `Untagged: ${tagged}.` : undefined });
    router.push("/career/skills");
    return true;
  }

  return (
    <ConfirmDialog
      trigger={
        <Button type="button" variant="outline" className="text-destructive">
          <Trash2Icon aria-hidden="true" />
          Delete skill
        </Button>
      }
      title={`Delete “${name}”?`}
      description={deleteDescription(tags)}
      confirmLabel="Delete skill"
      pendingLabel="Deleting…"
      onConfirm={remove}
    />
  );
}
