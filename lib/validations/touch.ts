import { z } from "zod";
import { CHANNELS, VALUE_DIRECTIONS, VALUE_KINDS } from "@/lib/domain/enums";
import { MAX_SUMMARY_LENGTH } from "@/lib/domain/limits";
import { latestAllowedDate } from "@/lib/domain/touch-dates";
import { idempotencyKeyField } from "@/lib/validations/idempotency";

export const MAX_TOUCH_CONTACTS = 50;

// A calendar day as the date input sends it, not after the earliest zone's today.
export function pastDaySchema(messages: { required: string; future: string }) {
  return z
    .string({ error: messages.required })
    .trim()
    .min(1, messages.required)
    .pipe(z.iso.date({ error: "Enter a real date, like 2026-03-14." }))
    .refine((day) => day >= "1900-01-01", "Enter a date after 1900.")
    .refine((day) => day <= latestAllowedDate(), messages.future);
}

// Every output below is valid input again (empty strings and nulls both mean
// "none"), because the form submits the parsed values to the action, which
// parses them once more.
const touchFields = {
  occurredOn: pastDaySchema({ required: "Enter the date of the touch.", future: "A touch can't be in the future." }),
  channel: z.enum(CHANNELS, { error: "Choose how you were in touch." }),
  contactIds: z
    .array(z.uuid({ error: "Choose contacts from the list." }), { error: "Choose at least one contact." })
    .min(1, "Choose at least one contact.")
    .max(MAX_TOUCH_CONTACTS, `Choose at most ${MAX_TOUCH_CONTACTS} contacts.`)
    .transform((ids) => [...new Set(ids)]),
  summary: z
    .string({ error: "Enter a summary as text." })
    .trim()
    .max(MAX_SUMMARY_LENGTH, `Keep the summary under ${MAX_SUMMARY_LENGTH} characters.`)
    .nullish()
    .transform((text) => text || null),
  valueKind: z
    .enum([...VALUE_KINDS, ""], { error: "Choose a kind of value from the list." })
    .nullish()
    .transform((kind) => kind || null),
  valueDirection: z
    .enum([...VALUE_DIRECTIONS, ""], { error: "Choose I gave or I received." })
    .nullish()
    .transform((direction) => direction || null),
};

type Parsed = Record<string, unknown>;

// With `always`, a check also sees fields that failed their own parsing: it
// judges only values that parsed, so each error stays at its own field.
function valueOf<T extends string>(touch: Parsed, key: string, allowed: readonly T[]): T | null | "invalid" {
  const value = touch[key];
  if (value === null || value === undefined || value === "") return null;
  return allowed.includes(value as T) ? (value as T) : "invalid";
}

// The database's check (both null or both set), reported at the missing field.
function requireValuePair(touch: Parsed, ctx: z.RefinementCtx) {
  const kind = valueOf(touch, "valueKind", VALUE_KINDS);
  const direction = valueOf(touch, "valueDirection", VALUE_DIRECTIONS);
  if (kind === "invalid" || direction === "invalid") return;
  if (kind && !direction) {
    ctx.addIssue({ code: "custom", path: ["valueDirection"], message: "Say whether you gave or received it." });
  }
  if (!kind && direction) {
    ctx.addIssue({ code: "custom", path: ["valueKind"], message: "Choose what kind of value it added." });
  }
}

// Run the cross-field checks even while other fields are invalid, so the form
// shows every error at once.
const always = { when: () => true };

function isObject(value: unknown): value is Parsed {
  return typeof value === "object" && value !== null;
}

export const touchInputSchema = z
  .object({
    ...touchFields,
    // Set by "Congratulate": this touch congratulates that success.
    successId: z
      .union([z.uuid({ error: "That success was not found." }), z.literal("")])
      .nullish()
      .transform((id) => id || null),
    ...idempotencyKeyField,
  })
  .superRefine((touch, ctx) => {
    if (!isObject(touch)) return;
    requireValuePair(touch, ctx);
    if (!z.uuid().safeParse(touch.successId).success || valueOf(touch, "valueKind", VALUE_KINDS) === "invalid") return;
    if (touch.valueKind !== "congratulation") {
      ctx.addIssue({ code: "custom", path: ["valueKind"], message: "A congratulation is of the kind Congratulation." });
    } else if (touch.valueDirection && touch.valueDirection !== "given") {
      ctx.addIssue({ code: "custom", path: ["valueDirection"], message: "A congratulation you send is one you gave." });
    }
  }, always);

export type TouchInput = z.input<typeof touchInputSchema>;
export type Touch = z.output<typeof touchInputSchema>;

export const touchUpdateSchema = z
  .object({ id: z.uuid({ error: "That touch was not found." }), ...touchFields })
  .superRefine((touch, ctx) => {
    if (isObject(touch)) requireValuePair(touch, ctx);
  }, always);

export type TouchUpdateInput = z.input<typeof touchUpdateSchema>;
export type TouchUpdate = z.output<typeof touchUpdateSchema>;

export const touchIdSchema = z.object({ id: z.uuid({ error: "That touch was not found." }) });

export type TouchId = z.output<typeof touchIdSchema>;

export const contactSearchSchema = z.object({
  q: z.string({ error: "Type a name to search." }).trim().max(100, "Type fewer than 100 characters."),
});

export type ContactSearch = z.output<typeof contactSearchSchema>;
