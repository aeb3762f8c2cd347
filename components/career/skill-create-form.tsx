"use client";

import { PlusIcon } from "lucide-react";
import { useRouter } from "next/navigation";
import { useForm } from "react-hook-form";
import { toast } from "sonner";
import { addSkill } from "@/app/(app)/career/skills/actions";
import { lazyZodResolver } from "@/components/forms/lazy-resolver";
import { Button } from "@/components/ui/button";
import { FormField, fieldAria } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { SelectNative } from "@/components/ui/select-native";
import { SKILL_LEVELS } from "@/lib/domain/enums";
import { skillLevelLabel } from "@/lib/domain/skills";
import type { SkillCreate, SkillCreateInput } from "@/lib/validations/skills";

const skillCreateResolver = lazyZodResolver(() =>
  import("@/lib/validations/skills").then((module) => module.skillCreateSchema),
);

const EMPTY: SkillCreateInput = { name: "", level: "" };

// A skill by name, with a first level if the user knows it.
export function SkillCreateForm() {
  const router = useRouter();
  const form = useForm<SkillCreateInput, unknown, SkillCreate>({ resolver: skillCreateResolver, defaultValues: EMPTY });
  const { errors, isSubmitting } = form.formState;

  async function create(values: SkillCreate) {
    const result = await addSkill(values);
    if (result.ok) {
      form.reset(EMPTY);
      form.setFocus("name");
      toast.success(`${result.data.name} added`);
      router.refresh();
      return;
    }
    const nameError = result.fieldErrors?.name?.[0];
    const levelError = result.fieldErrors?.level?.[0];
    if (levelError) form.setError("level", { message: levelError }, { shouldFocus: !nameError });
    if (nameError) form.setError("name", { message: nameError }, { shouldFocus: true });
    toast.error(result.formError ?? "The skill was not added.");
  }

  return (
    <form
      onFocus={skillCreateResolver.warm}
      onSubmit={form.handleSubmit(create)}
      noValidate
      className="grid items-start gap-3 sm:grid-cols-[1fr_12rem_auto]"
    >
      <FormField id="skill-name" label="Skill" error={errors.name?.message}>
        <Input
          id="skill-name"
          placeholder="Negotiation, Kotlin, Facilitation…"
          autoComplete="off"
          {...fieldAria("skill-name", { hasError: Boolean(errors.name) })}
          {...form.register("name")}
        />
      </FormField>
      <FormField id="skill-first-level" label="Level today (optional)" error={errors.level?.message}>
        <SelectNative
          id="skill-first-level"
          {...fieldAria("skill-first-level", { hasError: Boolean(errors.level) })}
          {...form.register("level")}
        >
          <option value="">Not yet</option>
          {SKILL_LEVELS.map((level) => (
            <option key={level} value={String(level)}>
              {skillLevelLabel(level)}
            </option>
          ))}
        </SelectNative>
      </FormField>
      <Button type="submit" disabled={isSubmitting} className="sm:mt-6">
        <PlusIcon aria-hidden="true" />
        {isSubmitting ? "Adding…" : "Add skill"}
      </Button>
    </form>
  );
}
