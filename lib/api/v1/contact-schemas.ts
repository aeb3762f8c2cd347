import { z } from "zod";
import { contactSortKeySchema } from "@/db/queries/contacts-keyset";
import { CONTACT_SORTS, CONTACT_TIERS } from "@/lib/domain/enums";
import { HEALTH_BANDS } from "@/lib/health/model";
import { contactFormSchema } from "@/lib/validations/contact";
import { cursorParam, limitParam, nextCursorSchema } from "./keyset-cursor";

// The JSON shapes of contacts in /api/v1, and the inputs only the API has
// (the list's query and the partial update). Dates are ISO strings; every
// null says "not set".

const instant = z.iso.datetime().nullable();

export const circleRefSchema = z.object({ id: z.uuid(), name: z.string() });

export const healthRefSchema = z
  .object({
    score: z.int().min(0).max(100).describe("0 to 100: how well the relationship is kept up."),
    band: z.enum(HEALTH_BANDS),
  })
  .nullable()
  .describe("Null for archived contacts, and for a contact not scored yet.");

export const contactSummarySchema = z.object({
  id: z.uuid(),
  name: z.string(),
  company: z.string().nullable(),
  role: z.string().nullable(),
  lastTouchedAt: instant.describe("When you were last in touch; null if never."),
  nextDueAt: instant.describe("When they are next due for a touch; null with reminders off or archived."),
  snoozedUntil: z.iso.date().nullable().describe("Not due until after this day (in your time zone)."),
  archivedAt: instant,
  health: healthRefSchema,
  circles: z.array(circleRefSchema),
});

export const contactListSchema = z.object({
  data: z.array(contactSummarySchema),
  nextCursor: nextCursorSchema,
});

const flag = z
  .enum(["true", "false"], { error: "Give true or false." })
  .optional()
  .transform((value) => value === "true");

// The Contacts page's filters, strict: a value the page would quietly drop
// (a sort it does not know, a band misspelled) is a 400 here, so a script
// learns of its mistake instead of reading the wrong list.
export const listContactsQuerySchema = z
  .object({
    q: z
      .string()
      .trim()
      .max(100, "Search for fewer than 100 characters.")
      .optional()
      .describe("Search names, companies, roles, notes and emails, as the Contacts page does."),
    sort: z.enum(CONTACT_SORTS, { error: "Sort by name, last_touch, next_due or health." }).default("name")
      .describe("name (A–Z), last_touch (most recent first, never touched last), next_due (soonest first), health (weakest first)."),
    circle: z.uuid({ error: "Give a circle's id." }).optional().describe("Only the contacts in this circle."),
    goal: z.uuid({ error: "Give a goal's id." }).optional().describe("Only the people who matter for this goal."),
    band: z.enum(HEALTH_BANDS, { error: "Choose thriving, steady, fading or dormant." }).optional(),
    overdue: flag.describe("true: only the contacts due for a touch now."),
    archived: flag.describe("true: the archived contacts instead of the active ones."),
    limit: limitParam(25),
    cursor: cursorParam(contactSortKeySchema),
  })
  .superRefine((query, ctx) => {
    if (query.cursor && query.cursor.sort !== query.sort) {
      ctx.addIssue({
        code: "custom",
        path: ["cursor"],
        message: "This cursor was made for another sort: send the sort it came with, or leave the cursor out to start again.",
      });
    }
  });

const rowsOf = <S extends z.ZodRawShape>(shape: S) => z.array(z.object(shape));
const label = z.string().nullable();

export const healthSchema = z
  .object({
    score: z.int().min(0).max(100),
    band: z.enum(HEALTH_BANDS),
    explanation: z.string().describe("The reasons for the score, as the contact page words them."),
    recency: z.number().min(0).max(1).describe("Half the score: full within the cadence, halving every cadence after."),
    consistency: z.number().min(0).max(1).describe("30%: how many of the last cadence-long windows had a touch."),
    value: z.number().min(0).max(1).describe("20%: value given and received in the last year."),
    daysSince: z.number().describe("Days since the last touch (or since the contact was added)."),
    touchedWindows: z.int(),
    eligibleWindows: z.int(),
    given: z.int().describe("Value given in the last year."),
    received: z.int().describe("Value received in the last year."),
  })
  .nullable()
  .describe("Computed now; null for archived contacts.");

export const contactSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  company: z.string().nullable(),
  role: z.string().nullable(),
  location: z.string().nullable(),
  notes: z.string().nullable(),
  tier: z.enum(CONTACT_TIERS),
  cadenceDays: z.int().nullable().describe("Their own cadence in days; null follows the tier or your default."),
  effectiveCadenceDays: z.int().describe("The cadence in force: their own, else their tier's, else your default."),
  remindersEnabled: z.boolean().describe("False: never due on the cadence (No reminders)."),
  birthdayMonth: z.int().nullable(),
  birthdayDay: z.int().nullable(),
  birthdayYear: z.int().nullable(),
  emails: rowsOf({ email: z.string(), label }),
  phones: rowsOf({ phone: z.string(), label }),
  links: rowsOf({ url: z.string(), label }),
  circles: z.array(circleRefSchema),
  metAtEvent: z.object({ id: z.uuid(), name: z.string(), occurredOn: z.iso.date() }).nullable(),
  connectedOn: z.iso.date().nullable(),
  lastTouchedAt: instant,
  nextDueAt: instant,
  snoozedUntil: z.iso.date().nullable(),
  archivedAt: instant,
  createdAt: z.iso.datetime(),
  health: healthSchema,
});

export type ContactJson = z.output<typeof contactSchema>;

type FormShape = typeof contactFormSchema.shape;
type PatchShape = {
  [K in keyof FormShape]: z.ZodOptional<FormShape[K] extends z.ZodDefault<infer Inner> ? Inner : FormShape[K]>;
};

// A field without its default, so that leaving it out leaves it out. A list
// field is a pipe (checks on the defaulted array, then a transform): its
// checks move onto the bare array, so every message stays the form's.
function withoutDefault(field: z.ZodType): z.ZodType {
  if (field instanceof z.ZodDefault) return field.unwrap() as z.ZodType;
  if (field instanceof z.ZodPipe && field.in instanceof z.ZodDefault) {
    const checks = (field.in._zod.def.checks ?? []) as z.core.$ZodCheck<unknown>[];
    const bare = (field.in.unwrap() as z.ZodType).check(...checks);
    return bare.pipe(field.out as z.ZodType);
  }
  return field;
}

// The edit form's fields, each optional and without its default: a field
// left out keeps its stored value (a default would overwrite it). Each is
// the form's own schema; the merged contact is then checked whole by
// updateContactSchema, birthday and all.
function patchShape(shape: FormShape): PatchShape {
  const entries = Object.entries(shape).map(([key, field]) => [key, withoutDefault(field).optional()]);
  return Object.fromEntries(entries) as PatchShape;
}

export const contactPatchSchema = z.object(patchShape(contactFormSchema.shape));
