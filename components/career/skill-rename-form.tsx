"use client";

import { useRouter } from "next/navigation";
import { useForm } from "react-hook-form";
import { toast } from "sonner";
import { renameSkill } from "@/app/(app)/career/skills/actions";
import { lazyZodResolver } from "@/components/forms/lazy-resolver";
import { Button } from "@/components/ui/button";
import { FormField, fieldAria } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import type { SkillRename, SkillRenameInput } from "@/lib/validations/skills";

const skillRenameResolver = lazyZodResolver(() =>
  import("@/lib/validations/skills").then((module) => module.skillRenameSchema),
);

// The new name shows on every win tagged with the skill, in the journal too.
export function SkillRenameForm({ skillId, name }: { skillId: string; name: string }) {
  const router = useRouter();
  const form = useForm<SkillRenameInput, unknown, SkillRename>({
    resolver: skillRenameResolver,
    defaultValues: { id: skillId, name },
  });
  const { errors, isSubmitting, isDirty } = form.formState;

  async function rename(values: SkillRename) {
    const result = await renameSkill(values);
    if (result.ok) {
      form.reset({ id: skillId, name: result.data.name });
      toast.success(`Renamed to ${result.data.name}`);
      router.refresh();
      return;
    }
    const message = result.fieldErrors?.name?.[0];
    if (message) form.setError("name", { message }, { shouldFocus: true });
    toast.error(result.formError ?? "The skill was not renamed.");
  }

  return (
    <form
      onFocus={skillRenameResolver.warm}
      onSubmit={form.handleSubmit(rename)}
      noValidate
      className="flex flex-col gap-2 sm:flex-row sm:items-start"
    >
      <FormField
        id="skill-rename"
        label="Name"
        description="Wins tagged with it in your journal show the new name."
        error={errors.name?.message}
        className="flex-1"
      >
        <Input
          id="skill-rename"
          autoComplete="off"
          {...fieldAria("skill-rename", { hasError: Boolean(errors.name), hasDescription: true })}
          {...form.register("name")}
        />
      </FormField>
      <Button type="submit" variant="outline" disabled={isSubmitting || !isDirty} className="sm:mt-6">
        {isSubmitting ? "Renaming…" : "Rename"}
      </Button>
    </form>
  );
}
