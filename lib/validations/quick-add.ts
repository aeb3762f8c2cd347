import { z } from "zod";
import { eventIdSchema, optionalText } from "./event";
import { idempotencyKeyField } from "./idempotency";

export const QUICK_ADD_MAX_ROWS = 100;
const MAX_CIRCLES_PER_ROW = 20;
const MAX_CIRCLE_NAME = 60;

// "Volunteering, alumni ,volunteering" → ["Volunteering", "alumni"]: trimmed,
// blanks dropped, the first spelling kept when names differ only in case
// (circles are unique per user regardless of case).
export function splitCircleNames(value: string): string[] {
  const byKey = new Map<string, string>();
  for (const part of value.split(",")) {
    const name = part.trim().replace(/\s+/g, " ");
    if (name !== "" && !byKey.has(name.toLowerCase())) byKey.set(name.toLowerCase(), name);
  }
  return [...byKey.values()];
}

const followUpMessage = "Follow up in 1 to 365 days, or leave it empty.";

export const quickAddRowSchema = z.object({
  name: z
    .string({ error: "Enter a name." })
    .trim()
    .min(1, "Enter a name.")
    .max(200, "Keep the name under 200 characters."),
  company: optionalText(200, "Keep the company under 200 characters."),
  role: optionalText(200, "Keep the role under 200 characters."),
  email: z
    .string({ error: "Enter an email, or leave it empty." })
    .trim()
    .max(320, "Keep the email under 320 characters.")
    .nullish()
    .transform((value) => (value ? value : null))
    .pipe(z.email("Enter a valid email, like ada@example.com.").nullable()),
  circles: z
    .string({ error: "Enter circle names separated by commas." })
    .nullish()
    .transform((value, ctx) => {
      const names = splitCircleNames(value ?? "");
      if (names.some((name) => name.length > MAX_CIRCLE_NAME)) {
        ctx.addIssue({ code: "custom", message: `Keep each circle name under ${MAX_CIRCLE_NAME} characters.` });
      } else if (names.length > MAX_CIRCLES_PER_ROW) {
        ctx.addIssue({ code: "custom", message: `Put a person in at most ${MAX_CIRCLES_PER_ROW} circles here.` });
      }
      return names;
    }),
  note: optionalText(5000, "Keep the note under 5,000 characters."),
  // A form's number input sends a string, "" when left empty.
  followUpDays: z
    .union([z.string(), z.number(), z.null()], { error: followUpMessage })
    .optional()
    .transform((value) =>
      value === null || value === undefined || (typeof value === "string" && value.trim() === "") ? null : Number(value),
    )
    .pipe(
      z
        .number({ error: followUpMessage })
        .int("Enter a whole number of days.")
        .min(1, followUpMessage)
        .max(365, followUpMessage)
        .nullable(),
    ),
});

export type QuickAddRowInput = z.input<typeof quickAddRowSchema>;

// Two new contacts with one email would be one person twice. This also runs
// when other fields failed (so every error shows at once), when a row may
// still hold its raw input: read emails defensively.
function refuseRepeatedEmails(value: { rows: unknown[] }, ctx: z.RefinementCtx) {
  const firstRowByEmail = new Map<string, number>();
  value.rows.forEach((row, index) => {
    const email = typeof row === "object" && row !== null && "email" in row ? row.email : null;
    if (typeof email !== "string" || email.trim() === "") return;
    const key = email.trim().toLowerCase();
    const first = firstRowByEmail.get(key);
    if (first === undefined) firstRowByEmail.set(key, index);
    else ctx.addIssue({ code: "custom", path: ["rows", index, "email"], message: `Same email as row ${first + 1}.` });
  });
}

const quickAddFields = {
  rows: z
    .array(quickAddRowSchema, { error: "Add at least one person." })
    .min(1, "Add at least one person.")
    .max(QUICK_ADD_MAX_ROWS, `Add at most ${QUICK_ADD_MAX_ROWS} people at a time.`),
  ...idempotencyKeyField,
};

const rowsGiven = { when: (payload: { value: unknown }) => hasRowArray(payload.value) };

export const quickAddInputSchema = z
  .object({ eventId: eventIdSchema, ...quickAddFields })
  .superRefine(refuseRepeatedEmails, rowsGiven);

// The same people for an event named elsewhere (the REST API's path).
export const quickAddPeopleSchema = z.object(quickAddFields).superRefine(refuseRepeatedEmails, rowsGiven);

function hasRowArray(value: unknown): boolean {
  return typeof value === "object" && value !== null && "rows" in value && Array.isArray(value.rows);
}

export type QuickAddInput = z.input<typeof quickAddInputSchema>;
export type QuickAdd = z.output<typeof quickAddInputSchema>;

// The preview only reads emails; any other row fields sent along are ignored.
export const quickAddPreviewInputSchema = z.object({
  rows: z
    .array(z.object({ email: z.string().max(320).nullish() }))
    .max(QUICK_ADD_MAX_ROWS, `Add at most ${QUICK_ADD_MAX_ROWS} people at a time.`),
});

export type QuickAddPreviewInput = z.input<typeof quickAddPreviewInputSchema>;
export type QuickAddPreviewValues = z.output<typeof quickAddPreviewInputSchema>;
