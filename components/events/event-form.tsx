"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useForm } from "react-hook-form";
import { toast } from "sonner";
import { createEventAction, updateEventAction } from "@/app/(app)/events/actions";
import { lazyZodResolver } from "@/components/forms/lazy-resolver";
import { Textarea } from "@/components/ui/textarea";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardFooter } from "@/components/ui/card";
import { FormField, fieldAria } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { SelectNative } from "@/components/ui/select-native";
import type { EventDetails } from "@/lib/domain/events";
import { EVENT_KIND_LABELS, EVENT_KINDS } from "@/lib/domain/enums";
import type { EventInput, EventValues } from "@/lib/validations/event";

const eventInputResolver = lazyZodResolver(() =>
  import("@/lib/validations/event").then((module) => module.eventInputSchema),
);

type EventFormProps = {
  /** The event to edit; without it the form creates one. */
  event?: EventDetails;
  /** "YYYY-MM-DD" proposed for a new event: today in the user's time zone. */
  defaultDate: string;
};

const FIELDS = ["name", "occurredOn", "place", "kind", "notes"] as const;

function isFormField(key: string): key is (typeof FIELDS)[number] {
  return (FIELDS as readonly string[]).includes(key);
}

export function EventForm({ event, defaultDate }: EventFormProps) {
  const router = useRouter();
  const form = useForm<EventInput, unknown, EventValues>({
    resolver: eventInputResolver,
    defaultValues: {
      name: event?.name ?? "",
      occurredOn: event?.occurredOn ?? defaultDate,
      place: event?.place ?? "",
      kind: event?.kind ?? "meetup",
      notes: event?.notes ?? "",
    },
  });
  const { errors, isSubmitting } = form.formState;

  async function onSubmit(values: EventValues) {
    const result = event ? await updateEventAction({ ...values, eventId: event.id }) : await createEventAction(values);
    if (result.ok) {
      toast.success(event ? "Event saved" : "Event created. Now add the people you met.");
      router.push(`/events/${result.data.id}`);
      return;
    }
    Object.entries(result.fieldErrors ?? {})
      .filter(([key]) => isFormField(key))
      .forEach(([key, messages], index) => {
        form.setError(key as (typeof FIELDS)[number], { message: messages?.[0] }, { shouldFocus: index === 0 });
      });
    toast.error(result.formError ?? "The event was not saved.");
  }

  const cancelHref = event ? `/events/${event.id}` : "/events";

  return (
    <form onFocus={eventInputResolver.warm} onSubmit={form.handleSubmit(onSubmit)} noValidate className="max-w-2xl">
      <Card>
        <CardContent className="space-y-4">
          <FormField id="name" label="Name" error={errors.name?.message}>
            <Input
              id="name"
              placeholder="Women in Tech meetup"
              {...fieldAria("name", { hasError: Boolean(errors.name) })}
              {...form.register("name")}
            />
          </FormField>
          <div className="grid gap-4 sm:grid-cols-2">
            <FormField id="occurredOn" label="Date" error={errors.occurredOn?.message}>
              <Input
                id="occurredOn"
                type="date"
                min="1900-01-01"
                max="2100-12-31"
                {...fieldAria("occurredOn", { hasError: Boolean(errors.occurredOn) })}
                {...form.register("occurredOn")}
              />
            </FormField>
            <FormField id="kind" label="Kind" error={errors.kind?.message}>
              <SelectNative id="kind" {...fieldAria("kind", { hasError: Boolean(errors.kind) })} {...form.register("kind")}>
                {EVENT_KINDS.map((kind) => (
                  <option key={kind} value={kind}>
                    {EVENT_KIND_LABELS[kind]}
                  </option>
                ))}
              </SelectNative>
            </FormField>
          </div>
          <FormField id="place" label="Place" description="Optional: a venue, a city, or “online”." error={errors.place?.message}>
            <Input
              id="place"
              {...fieldAria("place", { hasError: Boolean(errors.place), hasDescription: true })}
              {...form.register("place")}
            />
          </FormField>
          <FormField id="notes" label="Notes" description="Optional: what happened, what you learned." error={errors.notes?.message}>
            <Textarea
              id="notes"
              rows={4}
              {...fieldAria("notes", { hasError: Boolean(errors.notes), hasDescription: true })}
              {...form.register("notes")}
            />
          </FormField>
        </CardContent>
        <CardFooter className="justify-end gap-2">
          <Button asChild variant="ghost">
            <Link href={cancelHref}>Cancel</Link>
          </Button>
          <Button type="submit" disabled={isSubmitting}>
            {isSubmitting ? "Saving…" : event ? "Save event" : "Create event"}
          </Button>
        </CardFooter>
      </Card>
    </form>
  );
}
