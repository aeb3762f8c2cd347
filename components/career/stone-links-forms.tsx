"use client";

import { Dialog } from "radix-ui";
import { Controller, type FieldValues, type Path, useForm, type UseFormReturn } from "react-hook-form";

import { addStoneEvent, addStoneSkill, addStoneWin, searchEventOptions, searchWinOptions } from "@/app/(app)/career/links/actions";
import { searchSkills } from "@/app/(app)/journal/actions";
import { type SearchOption, StoneLinksSearch } from "@/components/career/stone-links-search";
import { lazyZodResolver } from "@/components/forms/lazy-resolver";
import { Button } from "@/components/ui/button";
import { FormField, fieldAria } from "@/components/ui/form-field";
import type { ActionResult } from "@/lib/actions/result";
import { formatDay } from "@/lib/domain/dates";
import { MAX_SKILL_NAME_LENGTH } from "@/lib/domain/limits";
import type { StoneEventRef, StoneEventRefInput, StoneSkillInput, StoneSkillValues, StoneWinRef, StoneWinRefInput } from "@/lib/validations/stone-links";

const stoneEventRefResolver = lazyZodResolver(() =>
  import("@/lib/validations/stone-links").then((module) => module.stoneEventRefSchema),
);
const stoneSkillInputResolver = lazyZodResolver(() =>
  import("@/lib/validations/stone-links").then((module) => module.stoneSkillInputSchema),
);
const stoneWinRefResolver = lazyZodResolver(() =>
  import("@/lib/validations/stone-links").then((module) => module.stoneWinRefSchema),
);

// The forms of the "Add skill", "Add evidence" and "Add event" dialogs (the
// person form is in stone-links-person-form.tsx), and what they share.

export type LinkFormProps = { stoneId: string; onDone: (message: string) => void };

// Server errors arrive keyed by path: shown at the field they name, the first
// focused; the rest is the dialog's error.
export function showServerErrors<T extends FieldValues>(
  form: UseFormReturn<T, unknown, unknown>,
  result: Extract<ActionResult<unknown>, { ok: false }>,
  fields: Path<T>[],
): string {
  let isFirst = true;
  for (const [path, messages] of Object.entries(result.fieldErrors ?? {})) {
    const field = fields.find((name) => path === name || path.startsWith(`${name}.`));
    if (!field || !messages?.[0]) continue;
    form.setError(field, { message: messages[0] }, { shouldFocus: isFirst });
    isFirst = false;
  }
  return result.formError ?? "The link was not saved.";
}

export function LinkFormFooter({ isSubmitting, formError, submitLabel = "Link" }: { isSubmitting: boolean; formError: string | undefined; submitLabel?: string }) {
  return (
    <>
      {formError ? (
        <p role="alert" className="text-sm font-medium text-destructive">
          {formError}
        </p>
      ) : null}
      <div className="flex flex-col-reverse gap-2 pt-2 sm:flex-row sm:justify-end">
        <Dialog.Close asChild>
          <Button type="button" variant="outline">
            Cancel
          </Button>
        </Dialog.Close>
        <Button type="submit" disabled={isSubmitting}>
          {isSubmitting ? "Saving…" : submitLabel}
        </Button>
      </div>
    </>
  );
}

// Module-level, so the type-ahead's effect sees the same function every render.
async function skillOptions(q: string): Promise<SearchOption[]> {
  const result = await searchSkills(q);
  if (!result.ok) return [];
  return result.data.map((skill) => ({
    id: skill.id,
    label: skill.name,
    detail: skill.uses === 1 ? "1 win" : `${skill.uses} wins`,
  }));
}

async function winOptions(q: string): Promise<SearchOption[]> {
  const result = await searchWinOptions(q);
  return result.ok ? result.data.map((win) => ({ id: win.id, label: win.title, detail: formatDay(win.occurredOn) })) : [];
}

async function eventOptions(q: string): Promise<SearchOption[]> {
  const result = await searchEventOptions(q);
  return result.ok ? result.data.map((event) => ({ id: event.id, label: event.name, detail: formatDay(event.occurredOn) })) : [];
}

const newSkillLabel = (name: string) => `New skill “${name}”`;

export function SkillLinkForm({ stoneId, onDone, fieldId }: LinkFormProps & { fieldId: string }) {
  const form = useForm<StoneSkillInput, unknown, StoneSkillValues>({
    resolver: stoneSkillInputResolver,
    defaultValues: { stoneId, name: "" },
  });
  const { errors, isSubmitting } = form.formState;

  async function onSubmit(values: StoneSkillValues) {
    const result = await addStoneSkill(values);
    if (result.ok) onDone(`Linked “${values.name}”`);
    else form.setError("root", { message: showServerErrors(form, result, ["name"]) });
  }

  return (
    <form onFocus={stoneSkillInputResolver.warm} onSubmit={form.handleSubmit(onSubmit)} noValidate className="grid gap-4">
      <Controller
        control={form.control}
        name="name"
        render={({ field, fieldState }) => (
          <FormField
            id={fieldId}
            label="Skill"
            description="One of your skills, or a new one."
            error={fieldState.error?.message}
          >
            <StoneLinksSearch
              id={fieldId}
              search={skillOptions}
              onType={field.onChange}
              onPick={(option) => field.onChange(option.label)}
              typedLabel={newSkillLabel}
              maxLength={MAX_SKILL_NAME_LENGTH}
              placeholder="Type a skill…"
              emptyText="No skills match."
              onBlur={field.onBlur}
              inputRef={field.ref}
              {...fieldAria(fieldId, { hasError: Boolean(fieldState.error), hasDescription: true })}
            />
          </FormField>
        )}
      />
      <LinkFormFooter isSubmitting={isSubmitting} formError={errors.root?.message} />
    </form>
  );
}

export function WinLinkForm({ stoneId, onDone, fieldId }: LinkFormProps & { fieldId: string }) {
  const form = useForm<StoneWinRefInput, unknown, StoneWinRef>({
    resolver: stoneWinRefResolver,
    defaultValues: { stoneId, winId: "" },
  });
  const { errors, isSubmitting } = form.formState;

  async function onSubmit(values: StoneWinRef) {
    const result = await addStoneWin(values);
    if (result.ok) onDone("Evidence linked");
    else form.setError("root", { message: showServerErrors(form, result, ["winId"]) });
  }

  return (
    <form onFocus={stoneWinRefResolver.warm} onSubmit={form.handleSubmit(onSubmit)} noValidate className="grid gap-4">
      <Controller
        control={form.control}
        name="winId"
        render={({ field, fieldState }) => (
          <FormField id={fieldId} label="Win" description="Search your journal by words in a win." error={fieldState.error?.message}>
            <StoneLinksSearch
              id={fieldId}
              search={winOptions}
              onType={() => field.onChange("")}
              onPick={(option) => field.onChange(option.id)}
              placeholder="Type words from the win…"
              emptyText="No wins match."
              onBlur={field.onBlur}
              inputRef={field.ref}
              {...fieldAria(fieldId, { hasError: Boolean(fieldState.error), hasDescription: true })}
            />
          </FormField>
        )}
      />
      <LinkFormFooter isSubmitting={isSubmitting} formError={errors.root?.message} />
    </form>
  );
}

export function EventLinkForm({ stoneId, onDone, fieldId }: LinkFormProps & { fieldId: string }) {
  const form = useForm<StoneEventRefInput, unknown, StoneEventRef>({
    resolver: stoneEventRefResolver,
    defaultValues: { stoneId, eventId: "" },
  });
  const { errors, isSubmitting } = form.formState;

  async function onSubmit(values: StoneEventRef) {
    const result = await addStoneEvent(values);
    if (result.ok) onDone("Event linked");
    else form.setError("root", { message: showServerErrors(form, result, ["eventId"]) });
  }

  return (
    <form onFocus={stoneEventRefResolver.warm} onSubmit={form.handleSubmit(onSubmit)} noValidate className="grid gap-4">
      <Controller
        control={form.control}
        name="eventId"
        render={({ field, fieldState }) => (
          <FormField id={fieldId} label="Event" description="Your latest events, or search by name." error={fieldState.error?.message}>
            <StoneLinksSearch
              id={fieldId}
              search={eventOptions}
              onType={() => field.onChange("")}
              onPick={(option) => field.onChange(option.id)}
              placeholder="Type an event's name…"
              emptyText="No events match."
              onBlur={field.onBlur}
              inputRef={field.ref}
              {...fieldAria(fieldId, { hasError: Boolean(fieldState.error), hasDescription: true })}
            />
          </FormField>
        )}
      />
      <LinkFormFooter isSubmitting={isSubmitting} formError={errors.root?.message} />
    </form>
  );
}
