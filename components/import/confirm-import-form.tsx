"use client";

import { useRouter } from "next/navigation";
import { useRef, useState } from "react";
import { toast } from "sonner";
import { commitImportAction } from "@/app/(app)/import/actions";
import { Button } from "@/components/ui/button";
import { FormField, fieldAria } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { KEEP_IN_TOUCH_CHOICES, type KeepInTouchChoice, keepInTouchChoiceLabel } from "@/lib/domain/import";
import { CIRCLE_NAME_MAX, CADENCE_MAX_DAYS } from "@/lib/domain/limits";

function contactsText(count: number): string {
  return count === 1 ? "1 contact" : `${count.toLocaleString("en-GB")} contacts`;
}

// Circles for everyone in the file and how often to keep in touch with the
// people it adds, then the one step that changes data.
export function ConfirmImportForm(props: {
  importId: string;
  circles: { id: string; name: string }[];
  willCreate: number;
  willMerge: number;
  defaultCadenceDays: number;
}) {
  const router = useRouter();
  const [circleIds, setCircleIds] = useState<string[]>([]);
  const [newCircle, setNewCircle] = useState("");
  const [newCircleError, setNewCircleError] = useState<string | undefined>();
  const [keepInTouch, setKeepInTouch] = useState<KeepInTouchChoice>("regular");
  const [cadenceDays, setCadenceDays] = useState("");
  const [cadenceError, setCadenceError] = useState<string | undefined>();
  const cadenceInput = useRef<HTMLInputElement>(null);
  const [isSaving, setIsSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function confirm(event: React.FormEvent) {
    event.preventDefault();
    setIsSaving(true);
    const result = await commitImportAction({
      importId: props.importId,
      circleIds,
      newCircle,
      keepInTouch,
      cadenceDays: keepInTouch === "custom" ? cadenceDays : null,
    });
    setIsSaving(false);
    if (!result.ok) {
      const cadenceFieldError = result.fieldErrors?.cadenceDays?.[0] ?? result.fieldErrors?.keepInTouch?.[0];
      setNewCircleError(result.fieldErrors?.newCircle?.[0]);
      setCadenceError(cadenceFieldError);
      setError(result.formError ?? "The import did not go through.");
      if (cadenceFieldError) cadenceInput.current?.focus();
      return;
    }
    const { created, merged, newRoles } = result.data;
    toast.success(
      `Imported: ${created} new, ${merged} updated${newRoles ? `, ${newRoles} new ${newRoles === 1 ? "role" : "roles"} to congratulate` : ""}`,
    );
    router.refresh();
  }

  return (
    <form onSubmit={confirm} className="flex flex-col gap-4">
      {props.circles.length > 0 ? (
        <fieldset className="flex flex-col gap-2">
          <legend className="mb-1 font-medium">Add everyone in this file to circles (optional)</legend>
          <div className="flex flex-wrap gap-x-5 gap-y-2">
            {props.circles.map((circle) => (
              <label key={circle.id} className="flex items-center gap-2 text-sm">
                <input
                  type="checkbox"
                  className="size-4 accent-primary"
                  checked={circleIds.includes(circle.id)}
                  onChange={(event) =>
                    setCircleIds(
                      event.target.checked ? [...circleIds, circle.id] : circleIds.filter((id) => id !== circle.id),
                    )
                  }
                />
                {circle.name}
              </label>
            ))}
          </div>
        </fieldset>
      ) : null}
      <FormField
        id="new-circle"
        label="And to a new circle (optional)"
        description="For example the event where you met them: Web Summit 2026."
        error={newCircleError}
      >
        <Input
          id="new-circle"
          value={newCircle}
          maxLength={CIRCLE_NAME_MAX}
          autoComplete="off"
          onChange={(event) => {
            setNewCircle(event.target.value);
            setNewCircleError(undefined);
          }}
          {...fieldAria("new-circle", { hasError: Boolean(newCircleError), hasDescription: true })}
        />
      </FormField>
      {props.willCreate > 0 ? (
        <fieldset className="flex flex-col gap-2" aria-describedby="keep-in-touch-description">
          <legend className="mb-1 font-medium">How often to keep in touch with the new contacts</legend>
          <p id="keep-in-touch-description" className="text-sm text-muted-foreground">
            For the {contactsText(props.willCreate)} this import adds: their first due dates are spread over the
            cadence, so they do not all come up on one day.
            {props.willMerge > 0
              ? ` The ${contactsText(props.willMerge)} it updates keep their own cadence.`
              : null}
          </p>
          <div className="flex flex-col gap-2">
            {KEEP_IN_TOUCH_CHOICES.map((choice) => (
              <label key={choice} className="flex items-center gap-2 text-sm">
                <input
                  type="radio"
                  name="keep-in-touch"
                  value={choice}
                  className="size-4 accent-primary"
                  checked={keepInTouch === choice}
                  onChange={() => {
                    setKeepInTouch(choice);
                    setCadenceError(undefined);
                    setError(null);
                  }}
                />
                {keepInTouchChoiceLabel(choice, props.defaultCadenceDays)}
              </label>
            ))}
          </div>
          {keepInTouch === "custom" ? (
            <FormField id="import-cadence" label="Reconnect every … days" error={cadenceError} className="pl-6">
              <Input
                ref={cadenceInput}
                id="import-cadence"
                type="number"
                inputMode="numeric"
                min={1}
                max={CADENCE_MAX_DAYS}
                className="max-w-32"
                value={cadenceDays}
                onChange={(event) => {
                  setCadenceDays(event.target.value);
                  setCadenceError(undefined);
                  setError(null);
                }}
                {...fieldAria("import-cadence", { hasError: Boolean(cadenceError) })}
              />
            </FormField>
          ) : keepInTouch === "none" ? (
            <p className="pl-6 text-sm text-muted-foreground">
              They never come up on Reconnect now or in the weekly email; a contact&apos;s Edit page turns reminders
              on.
            </p>
          ) : null}
        </fieldset>
      ) : null}
      {error ? (
        <p role="alert" className="text-sm text-destructive">
          {error}
        </p>
      ) : null}
      <div>
        <Button type="submit" disabled={isSaving}>
          {isSaving ? "Importing…" : props.willCreate + props.willMerge > 0 ? "Confirm import" : "Confirm (nothing to change)"}
        </Button>
      </div>
    </form>
  );
}
