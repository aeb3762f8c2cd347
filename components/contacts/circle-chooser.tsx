"use client";

import { PlusIcon } from "lucide-react";
import { useId, useState } from "react";
import { useController, type UseFormReturn } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import type { CircleRow } from "@/lib/domain/circles";
import type { ContactFormInput, ContactFormValues } from "@/lib/validations/contact";

type CircleChooserProps = {
  form: UseFormReturn<ContactFormInput, unknown, ContactFormValues>;
  circles: CircleRow[];
};

// The user's circles as checkboxes, plus circles to create with the contact
// (checked until unticked). A name that matches an existing circle ticks it.
export function CircleChooser({ form, circles }: CircleChooserProps) {
  const ids = useController({ control: form.control, name: "circleIds" });
  const names = useController({ control: form.control, name: "newCircleNames" });
  const chosen = ids.field.value ?? [];
  const created = names.field.value ?? [];
  const [draft, setDraft] = useState("");
  const [draftError, setDraftError] = useState<string | null>(null);
  const draftId = useId();
  const serverError = form.formState.errors.circleIds?.message ?? form.formState.errors.newCircleNames?.message;

  function toggle(id: string, isChecked: boolean) {
    ids.field.onChange(isChecked ? [...chosen, id] : chosen.filter((chosenId) => chosenId !== id));
  }

  // The contact form's schema has loaded this module (and zod) by the time a
  // circle is typed: see lazyZodResolver.
  async function addDraft() {
    const { circleNameSchema } = await import("@/lib/validations/circle");
    const parsed = circleNameSchema.safeParse(draft);
    if (!parsed.success) {
      setDraftError(parsed.error.issues[0]?.message ?? "Enter a name for the circle.");
      return;
    }
    const name = parsed.data;
    const existing = circles.find((circle) => circle.name.toLowerCase() === name.toLowerCase());
    if (existing) {
      if (!chosen.includes(existing.id)) toggle(existing.id, true);
    } else if (!created.some((other) => other.toLowerCase() === name.toLowerCase())) {
      names.field.onChange([...created, name]);
    }
    setDraft("");
    setDraftError(null);
  }

  return (
    <fieldset className="space-y-3" aria-describedby={serverError ? "circles-error" : undefined}>
      <legend className="text-sm font-semibold">Circles</legend>
      {circles.length === 0 && created.length === 0 ? (
        <p className="text-sm text-muted-foreground">No circles yet: create one below, like “Alumni” or “Volunteering”.</p>
      ) : (
        <ul className="grid gap-2 sm:grid-cols-2">
          {circles.map((circle) => (
            <li key={circle.id}>
              <label className="flex items-center gap-2 text-sm">
                <input
                  type="checkbox"
                  className="size-4 accent-primary"
                  checked={chosen.includes(circle.id)}
                  onChange={(event) => toggle(circle.id, event.target.checked)}
                />
                {circle.name}
              </label>
            </li>
          ))}
          {created.map((name) => (
            <li key={`new-${name}`}>
              <label className="flex items-center gap-2 text-sm">
                <input
                  type="checkbox"
                  className="size-4 accent-primary"
                  checked
                  onChange={() => names.field.onChange(created.filter((other) => other !== name))}
                />
                {name} <span className="text-muted-foreground">(new)</span>
              </label>
            </li>
          ))}
        </ul>
      )}
      <div className="grid gap-2">
        <Label htmlFor={draftId}>New circle</Label>
        <div className="flex gap-2">
          <Input
            id={draftId}
            value={draft}
            autoComplete="off"
            aria-invalid={draftError ? true : undefined}
            aria-describedby={draftError ? `${draftId}-error` : undefined}
            onChange={(event) => setDraft(event.target.value)}
            onKeyDown={(event) => {
              // Enter adds the circle instead of submitting the whole form.
              if (event.key === "Enter") {
                event.preventDefault();
                addDraft();
              }
            }}
          />
          <Button type="button" variant="outline" onClick={addDraft}>
            <PlusIcon aria-hidden="true" />
            Add
          </Button>
        </div>
        {draftError ? (
          <p id={`${draftId}-error`} role="alert" className="text-sm font-medium text-destructive">
            {draftError}
          </p>
        ) : null}
      </div>
      {serverError ? (
        <p id="circles-error" role="alert" className="text-sm font-medium text-destructive">
          {serverError}
        </p>
      ) : null}
    </fieldset>
  );
}
