"use client";

import { useForm } from "react-hook-form";
import { toast } from "sonner";
import { snoozeContactAction } from "@/app/(app)/contacts/actions";
import { lazyZodResolver } from "@/components/forms/lazy-resolver";
import { Button } from "@/components/ui/button";
import { FormField, fieldAria } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import type { SnoozeContactInput, SnoozeContactValues } from "@/lib/validations/contact";

const snoozeContactResolver = lazyZodResolver(() =>
  import("@/lib/validations/contact").then((module) => module.snoozeContactSchema),
);

type SnoozeFormProps = {
  contactId: string;
  snoozedUntil: string | null;
  /** The user's today (YYYY-MM-DD): the earliest date worth picking. */
  today: string;
};

export function SnoozeForm({ contactId, snoozedUntil, today }: SnoozeFormProps) {
  const form = useForm<SnoozeContactInput, unknown, SnoozeContactValues>({
    resolver: snoozeContactResolver,
    defaultValues: { id: contactId, until: snoozedUntil ?? "" },
  });
  const { errors, isSubmitting } = form.formState;

  async function save(values: SnoozeContactValues) {
    const result = await snoozeContactAction(values);
    if (result.ok) {
      form.reset({ id: contactId, until: result.data.snoozedUntil ?? "" });
      toast.success(result.data.snoozedUntil ? "Snoozed" : "Snooze cleared");
      return;
    }
    const message = result.fieldErrors?.until?.[0];
    if (message) form.setError("until", { message }, { shouldFocus: true });
    toast.error(result.formError ?? "The snooze was not saved.");
  }

  return (
    <form
      onFocus={snoozeContactResolver.warm}
      onSubmit={form.handleSubmit((values) => {
        // An empty date would clear the snooze: that is the other button's job.
        if (values.until === null) form.setError("until", { message: "Choose a date." }, { shouldFocus: true });
        else return save(values);
      })}
      noValidate
      className="grid gap-3"
    >
      <input type="hidden" {...form.register("id")} />
      <FormField
        id="snooze-until"
        label="Snooze until"
        description="No reminders for them until the day after."
        error={errors.until?.message}
      >
        <Input
          id="snooze-until"
          type="date"
          min={today}
          {...fieldAria("snooze-until", { hasError: Boolean(errors.until), hasDescription: true })}
          {...form.register("until")}
        />
      </FormField>
      <div className="flex flex-wrap gap-2">
        <Button type="submit" size="sm" disabled={isSubmitting}>
          {isSubmitting ? "Saving…" : "Snooze"}
        </Button>
        {snoozedUntil ? (
          <Button
            type="button"
            size="sm"
            variant="outline"
            disabled={isSubmitting}
            onClick={() => save({ id: contactId, until: null })}
          >
            Clear snooze
          </Button>
        ) : null}
      </div>
    </form>
  );
}
