"use client";

import { useState } from "react";
import type * as React from "react";
import { Controller, useForm } from "react-hook-form";
import { toast } from "sonner";

import { addLearning, updateLearning } from "@/app/(app)/career/learning/actions";
import { lazyZodResolver } from "@/components/forms/lazy-resolver";
import { SkillInput } from "@/components/journal/skill-input";
import { type ContactChoice, ContactPicker } from "@/components/touches/contact-picker";
import { Button } from "@/components/ui/button";
import { FormField, fieldAria } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { SelectNative } from "@/components/ui/select-native";
import { Textarea } from "@/components/ui/textarea";
import { LEARNING_KIND_LABELS, LEARNING_KINDS, LEARNING_STATUS_LABELS, LEARNING_STATUSES } from "@/lib/domain/enums";
import type { LearningItemView } from "@/lib/domain/learning";
import { MAX_URL_LENGTH, MAX_LEARNING_NOTES_LENGTH, MAX_LEARNING_TITLE_LENGTH } from "@/lib/domain/limits";
import { localToday } from "@/lib/domain/touch-dates";
import type { LearningInput, LearningValues } from "@/lib/validations/learning";

const learningInputResolver = lazyZodResolver(() =>
  import("@/lib/validations/learning").then((module) => module.learningInputSchema),
);

type LearningFormProps = {
  // Given: edit this item; absent: log a new one.
  item?: LearningItemView;
  // Prefixes the fields' ids, so two forms never share one.
  idPrefix: string;
  onSaved: () => void;
  // The dialog's Cancel.
  cancel: React.ReactNode;
};

// The fields in the order the form shows them: the first one at fault gets focus.
const FORM_KEYS = [
  "title",
  "kind",
  "status",
  "startedOn",
  "finishedOn",
  "hours",
  "skills",
  "mentorId",
  "url",
  "notes",
] as const satisfies readonly (keyof LearningInput)[];
type FormKey = (typeof FORM_KEYS)[number];

function defaultsOf(item: LearningItemView | undefined): LearningInput {
  return {
    title: item?.title ?? "",
    // A log mostly records what was learned: done, today unless told otherwise.
    kind: item?.kind ?? "course",
    status: item?.status ?? "done",
    startedOn: item?.startedOn ?? "",
    finishedOn: item?.finishedOn ?? "",
    hours: item?.hours == null ? "" : String(item.hours),
    mentorId: item?.mentor?.id ?? "",
    url: item?.url ?? "",
    notes: item?.notes ?? "",
    skills: item?.skills.map((skill) => skill.name) ?? [],
  };
}

// An error on the skills list or on one of its names.
function listError(error: unknown): string | undefined {
  if (!error || typeof error !== "object") return undefined;
  if ("message" in error && typeof error.message === "string") return error.message;
  for (const value of Object.values(error)) {
    const message = listError(value);
    if (message) return message;
  }
  return undefined;
}

export function LearningForm({ item, idPrefix, onSaved, cancel }: LearningFormProps) {
  const [today] = useState(localToday);
  const [mentor, setMentor] = useState<ContactChoice[]>(item?.mentor ? [item.mentor] : []);
  const form = useForm<LearningInput, unknown, LearningValues>({
    resolver: learningInputResolver,
    defaultValues: defaultsOf(item),
  });
  const { errors, isSubmitting, isSubmitted } = form.formState;
  const id = (key: FormKey) => `${idPrefix}-${key}`;
  const aria = (key: FormKey, hasDescription = false) =>
    fieldAria(id(key), { hasError: Boolean(errors[key]), hasDescription });
  const skillsError = listError(errors.skills);

  // One person: choosing someone else replaces whoever was chosen.
  function changeMentor(next: ContactChoice[]) {
    const chosen = next.at(-1);
    setMentor(chosen ? [chosen] : []);
    form.setValue("mentorId", chosen?.id ?? "", { shouldDirty: true, shouldValidate: isSubmitted });
  }

  async function onSubmit(values: LearningValues) {
    const result = item ? await updateLearning({ ...values, id: item.id }) : await addLearning(values);
    if (result.ok) {
      toast.success(item ? "Learning updated" : "Learning saved");
      onSaved();
      return;
    }
    // Server errors arrive keyed by path ("skills.0"): show each at its field.
    const byKey = new Map<string, string>();
    for (const [path, messages] of Object.entries(result.fieldErrors ?? {})) {
      const key = path.split(".")[0] ?? "";
      if (messages?.[0] && !byKey.has(key)) byKey.set(key, messages[0]);
    }
    FORM_KEYS.filter((key) => byKey.has(key)).forEach((key, index) => {
      form.setError(key, { message: byKey.get(key) }, { shouldFocus: index === 0 });
    });
    toast.error(result.formError ?? "The learning was not saved.");
  }

  return (
    <form onFocus={learningInputResolver.warm} onSubmit={form.handleSubmit(onSubmit)} noValidate className="grid gap-4">
      <FormField id={id("title")} label="Title" error={errors.title?.message}>
        <Input
          id={id("title")}
          maxLength={MAX_LEARNING_TITLE_LENGTH}
          placeholder="Designing Data-Intensive Applications"
          {...aria("title")}
          {...form.register("title")}
        />
      </FormField>

      <div className="grid gap-4 sm:grid-cols-2">
        <FormField id={id("kind")} label="Kind" error={errors.kind?.message}>
          <SelectNative id={id("kind")} {...aria("kind")} {...form.register("kind")}>
            {LEARNING_KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {LEARNING_KIND_LABELS[kind]}
              </option>
            ))}
          </SelectNative>
        </FormField>
        <FormField id={id("status")} label="Status" error={errors.status?.message}>
          <SelectNative id={id("status")} {...aria("status")} {...form.register("status")}>
            {LEARNING_STATUSES.map((status) => (
              <option key={status} value={status}>
                {LEARNING_STATUS_LABELS[status]}
              </option>
            ))}
          </SelectNative>
        </FormField>
        <FormField id={id("startedOn")} label="Started" error={errors.startedOn?.message}>
          <Input id={id("startedOn")} type="date" {...aria("startedOn")} {...form.register("startedOn")} />
        </FormField>
        <FormField
          id={id("finishedOn")}
          label="Finished"
          description="When it is done; empty means today."
          error={errors.finishedOn?.message}
        >
          <Input id={id("finishedOn")} type="date" max={today} {...aria("finishedOn", true)} {...form.register("finishedOn")} />
        </FormField>
      </div>

      <FormField id={id("hours")} label="Hours" description="Time spent, like 6 or 1.5." error={errors.hours?.message}>
        <Input
          id={id("hours")}
          inputMode="decimal"
          autoComplete="off"
          placeholder="6"
          className="sm:max-w-40"
          {...aria("hours", true)}
          {...form.register("hours")}
        />
      </FormField>

      <Controller
        control={form.control}
        name="skills"
        render={({ field }) => (
          <FormField id={id("skills")} label="Skills it builds" error={skillsError}>
            <SkillInput
              id={id("skills")}
              value={field.value ?? []}
              onChange={field.onChange}
              onBlur={field.onBlur}
              inputRef={field.ref}
              {...fieldAria(id("skills"), { hasError: Boolean(skillsError) })}
            />
          </FormField>
        )}
      />

      <Controller
        control={form.control}
        name="mentorId"
        render={({ field, fieldState }) => (
          <FormField
            id={id("mentorId")}
            label="Taught or mentored by"
            description="One of your contacts (optional)."
            error={fieldState.error?.message}
          >
            <ContactPicker
              id={id("mentorId")}
              value={mentor}
              onChange={changeMentor}
              onBlur={field.onBlur}
              inputRef={field.ref}
              {...aria("mentorId", true)}
            />
          </FormField>
        )}
      />

      <FormField id={id("url")} label="Link" error={errors.url?.message}>
        <Input
          id={id("url")}
          type="url"
          inputMode="url"
          maxLength={MAX_URL_LENGTH}
          placeholder="https://example.com/course"
          {...aria("url")}
          {...form.register("url")}
        />
      </FormField>

      <FormField id={id("notes")} label="Notes" error={errors.notes?.message}>
        <Textarea
          id={id("notes")}
          rows={3}
          maxLength={MAX_LEARNING_NOTES_LENGTH}
          placeholder="What you took away from it."
          {...aria("notes")}
          {...form.register("notes")}
        />
      </FormField>

      <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
        {cancel}
        <Button type="submit" disabled={isSubmitting}>
          {isSubmitting ? "Saving…" : "Save learning"}
        </Button>
      </div>
    </form>
  );
}
