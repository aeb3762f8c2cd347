"use client";

import { useRouter } from "next/navigation";
import { useForm } from "react-hook-form";
import { toast } from "sonner";
import { recordSkillLevel } from "@/app/(app)/career/skills/actions";
import { lazyZodResolver } from "@/components/forms/lazy-resolver";
import { Button } from "@/components/ui/button";
import { FormField, fieldAria } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { SelectNative } from "@/components/ui/select-native";
import { formatDay } from "@/lib/domain/dates";
import { SKILL_LEVELS } from "@/lib/domain/enums";
import { skillLevelLabel, levelChoice } from "@/lib/domain/skills";
import type { SkillLevelRecord, SkillLevelRecordInput } from "@/lib/validations/skills";

const skillLevelRecordResolver = lazyZodResolver(() =>
  import("@/lib/validations/skills").then((module) => module.skillLevelRecordSchema),
);

type SkillLevelFormProps = {
  skillId: string;
  // The id of the heading that names the form.
  labelledBy: string;
  // Offered first: the latest level, so "still the same" is one click.
  currentLevel: number | null;
  // The user's today, where they live: the default day and the latest allowed.
  today: string;
};

const FIELDS = ["level", "assessedOn"] as const;

// Records a self-assessed level on a day; the same day again replaces it.
export function SkillLevelForm({ skillId, labelledBy, currentLevel, today }: SkillLevelFormProps) {
  const router = useRouter();
  const defaults: SkillLevelRecordInput = { skillId, level: levelChoice(currentLevel), assessedOn: today };
  const form = useForm<SkillLevelRecordInput, unknown, SkillLevelRecord>({
    resolver: skillLevelRecordResolver,
    defaultValues: defaults,
  });
  const { errors, isSubmitting } = form.formState;

  async function record(values: SkillLevelRecord) {
    const result = await recordSkillLevel(values);
    if (result.ok) {
      toast.success(`Level ${skillLevelLabel(values.level)} recorded for ${formatDay(result.data.assessedOn)}`);
      router.refresh();
      return;
    }
    FIELDS.filter((key) => result.fieldErrors?.[key]?.[0]).forEach((key, index) => {
      form.setError(key, { message: result.fieldErrors?.[key]?.[0] }, { shouldFocus: index === 0 });
    });
    toast.error(result.formError ?? "The level was not recorded.");
  }

  return (
    <form
      onFocus={skillLevelRecordResolver.warm}
      onSubmit={form.handleSubmit(record)}
      noValidate
      aria-labelledby={labelledBy}
      className="grid items-start gap-3 sm:grid-cols-[1fr_1fr_auto]"
    >
      <FormField id="skill-level" label="Level" error={errors.level?.message}>
        <SelectNative id="skill-level" {...fieldAria("skill-level", { hasError: Boolean(errors.level) })} {...form.register("level")}>
          <option value="" disabled>
            Choose a level
          </option>
          {SKILL_LEVELS.map((level) => (
            <option key={level} value={String(level)}>
              {skillLevelLabel(level)}
            </option>
          ))}
        </SelectNative>
      </FormField>
      <FormField id="skill-level-date" label="Date" error={errors.assessedOn?.message}>
        <Input
          id="skill-level-date"
          type="date"
          max={today}
          {...fieldAria("skill-level-date", { hasError: Boolean(errors.assessedOn) })}
          {...form.register("assessedOn")}
        />
      </FormField>
      <Button type="submit" disabled={isSubmitting} className="sm:mt-6">
        {isSubmitting ? "Recording…" : "Record level"}
      </Button>
    </form>
  );
}
