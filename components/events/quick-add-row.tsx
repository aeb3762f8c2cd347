"use client";

import { Link2Icon, XIcon } from "lucide-react";
import { type UseFormReturn, useFormState } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { FormField, fieldAria } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import type { ExistingContactMatch } from "@/lib/events/quick-add";
import type { QuickAdd, QuickAddInput } from "@/lib/validations/quick-add";
import { cn } from "@/lib/utils";

type RowFieldName = "name" | "company" | "role" | "email" | "circles" | "note" | "followUpDays";

type QuickAddRowProps = {
  index: number;
  form: UseFormReturn<QuickAddInput, unknown, QuickAdd>;
  /** The existing contact this row's email links to, if any. */
  match: ExistingContactMatch | undefined;
  canRemove: boolean;
  onRemove: () => void;
  onEmailBlur: () => void;
};

function rowFieldId(index: number, field: RowFieldName): string {
  return `rows-${index}-${field}`;
}

export function QuickAddRow({ index, form, match, canRemove, onRemove, onEmailBlur }: QuickAddRowProps) {
  const { errors } = useFormState({ control: form.control, name: `rows.${index}` });
  const rowErrors = errors.rows?.[index];
  const person = index + 1;

  function field(name: RowFieldName, label: string, options: { description?: string } = {}) {
    const id = rowFieldId(index, name);
    const error = rowErrors?.[name]?.message;
    const registered = form.register(`rows.${index}.${name}`);
    return (
      <FormField
        id={id}
        label={
          <>
            {label}
            <span className="sr-only">, person {person}</span>
          </>
        }
        description={options.description}
        error={error}
      >
        <Input
          id={id}
          {...fieldAria(id, { hasError: Boolean(error), hasDescription: Boolean(options.description) })}
          {...(name === "email" ? { type: "email", autoComplete: "off", spellCheck: false } : {})}
          {...(name === "followUpDays" ? { type: "number", inputMode: "numeric" as const, min: 1, max: 365 } : {})}
          {...registered}
          onBlur={(event) => {
            void registered.onBlur(event);
            if (name === "email") onEmailBlur();
          }}
        />
      </FormField>
    );
  }

  return (
    <fieldset
      data-invalid={rowErrors ? true : undefined}
      className={cn("grid min-w-0 gap-3 rounded-lg border p-4", rowErrors && "border-destructive")}
    >
      <legend className="px-1 text-sm font-semibold">Person {person}</legend>
      <div className="grid items-start gap-3 sm:grid-cols-2 lg:grid-cols-4">
        {field("name", "Name")}
        {field("company", "Company")}
        {field("role", "Role")}
        {field("email", "Email")}
      </div>
      <div className="grid items-start gap-3 sm:grid-cols-2 lg:grid-cols-[1fr_2fr_9rem]">
        {field("circles", "Circles", { description: "Separated by commas" })}
        {field("note", "Note")}
        {field("followUpDays", "Follow up in (days)")}
      </div>
      <div className="flex flex-wrap items-center justify-between gap-2">
        {match ? (
          <p className="flex items-center gap-1.5 text-sm text-muted-foreground">
            <Link2Icon aria-hidden="true" className="size-4 shrink-0 text-primary" />
            <span>
              Already in your contacts as <strong className="font-medium text-foreground">{match.name}</strong>
              {match.isArchived ? " (archived)" : ""}: they will be linked, not added again.
            </span>
          </p>
        ) : (
          <span />
        )}
        <Button type="button" variant="ghost" size="sm" onClick={onRemove} disabled={!canRemove}>
          <XIcon aria-hidden="true" />
          Remove<span className="sr-only"> person {person}</span>
        </Button>
      </div>
    </fieldset>
  );
}
