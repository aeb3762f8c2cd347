import { z } from "zod";
import { isCalendarDate } from "@/lib/domain/dates";
import { EVENT_KINDS } from "@/lib/domain/enums";

// Optional free text: "" (an empty input) and absence both store null.
export function optionalText(max: number, tooLong: string) {
  return z
    .string({ error: "Enter text." })
    .trim()
    .max(max, tooLong)
    .nullish()
    .transform((value) => (value ? value : null));
}

export const eventIdSchema = z.uuid({ error: "This event was not found." });

export const eventInputSchema = z.object({
  name: z
    .string({ error: "Give the event a name." })
    .trim()
    .min(1, "Give the event a name.")
    .max(200, "Keep the name under 200 characters."),
  occurredOn: z
    .string({ error: "Enter the date of the event." })
    .trim()
    .min(1, "Enter the date of the event.")
    .refine(isCalendarDate, "Enter a real date between 1900 and 2100, like 2026-11-12."),
  place: optionalText(200, "Keep the place under 200 characters."),
  kind: z.enum(EVENT_KINDS, { error: "Choose what kind of event it was." }),
  notes: optionalText(5000, "Keep the notes under 5,000 characters."),
});

export type EventInput = z.input<typeof eventInputSchema>;
export type EventValues = z.output<typeof eventInputSchema>;

export const updateEventInputSchema = eventInputSchema.extend({ eventId: eventIdSchema });
export type UpdateEventInput = z.input<typeof updateEventInputSchema>;
export type UpdateEventValues = z.output<typeof updateEventInputSchema>;

export const deleteEventInputSchema = z.object({ eventId: eventIdSchema });
export type DeleteEventInput = z.input<typeof deleteEventInputSchema>;
export type DeleteEventValues = z.output<typeof deleteEventInputSchema>;
