import { z } from "zod";
import { isCalendarDate, MONTHS } from "@/lib/domain/dates";
import { CADENCE_MAX_DAYS, MAX_ROWS_PER_KIND } from "@/lib/domain/limits";
import { normalizeUrl } from "@/lib/domain/url";
import { CONTACT_SORTS, CONTACT_TIERS } from "@/lib/domain/enums";
import { HEALTH_BANDS } from "@/lib/health/model";
import { circleNameSchema } from "./circle";
import { pageParamSchema } from "./paging";
import { idempotencyKeyField } from "./idempotency";

// Empty strings from a form mean "not given": stored as null.
function optionalText(max: number, what: string) {
  return z
    .string()
    .trim()
    .max(max, `Keep ${what} under ${max} characters.`)
    .nullish()
    .transform((value) => (value ? value : null));
}

function isBlank(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === "string" && value.trim() === "");
}

// Form inputs give strings ("", "12"); code gives numbers or null. Anything
// else is not a number (and a Promise passed through would make zod's sync
// parse throw instead of fail).
function optionalInt(min: number, max: number, message: string) {
  return z.preprocess(
    (value) => (isBlank(value) ? null : typeof value === "string" || typeof value === "number" ? value : Number.NaN),
    z.coerce.number({ error: message }).int(message).min(min, message).max(max, message).nullable(),
  );
}

const label = optionalText(40, "the label");

// Every kind of row (emails, phones, links) accepts a blank row, so the form
// can offer one without forcing it, and drops it only after validation: the
// index in a field error is the row the person sees.
function rows<T extends z.ZodType>(
  item: T,
  options: { what: string; field: string; valueOf: (row: z.output<T>) => string; duplicateMessage?: string },
) {
  return z
    .array(item)
    .max(MAX_ROWS_PER_KIND, `Keep it to ${MAX_ROWS_PER_KIND} ${options.what}.`)
    .default([])
    .superRefine((items, ctx) => {
      if (!options.duplicateMessage) return;
      const seen = new Set<string>();
      items.forEach((row, index) => {
        const value = options.valueOf(row).toLowerCase();
        if (value === "") return;
        if (seen.has(value)) ctx.addIssue({ code: "custom", path: [index, options.field], message: options.duplicateMessage });
        seen.add(value);
      });
    })
    .transform((items) => items.filter((row) => options.valueOf(row) !== ""));
}

const emailSchema = z
  .object({
    email: z.string().trim().max(254, "Keep the email under 254 characters."),
    label,
  })
  .superRefine((row, ctx) => {
    if (row.email === "") {
      if (row.label) ctx.addIssue({ code: "custom", path: ["email"], message: "Enter the email, or remove this row." });
      return;
    }
    if (!z.email().safeParse(row.email).success) {
      ctx.addIssue({ code: "custom", path: ["email"], message: "Enter an email like ada@example.com." });
    }
  });

const PHONE_PATTERN = /^\+?[\d\s().\-/]+(?:\s*(?:x|ext\.?)\s*\d+)?$/i;

const phoneSchema = z
  .object({
    phone: z.string().trim().max(40, "Keep the phone number under 40 characters."),
    label,
  })
  .superRefine((row, ctx) => {
    if (row.phone === "") {
      if (row.label) ctx.addIssue({ code: "custom", path: ["phone"], message: "Enter the number, or remove this row." });
      return;
    }
    const digits = row.phone.replace(/\D/g, "").length;
    if (!PHONE_PATTERN.test(row.phone) || digits < 3) {
      ctx.addIssue({ code: "custom", path: ["phone"], message: "Enter a phone number, like +44 20 7946 0958." });
    }
  });

const linkSchema = z
  .object({
    url: z
      .string()
      .trim()
      .max(2000, "Keep the link under 2,000 characters.")
      .transform((value, ctx) => {
        if (value === "") return "";
        const url = normalizeUrl(value);
        if (url) return url;
        ctx.addIssue({ code: "custom", message: "Enter a web address, like linkedin.com/in/ada." });
        return z.NEVER;
      }),
    label,
  })
  .superRefine((row, ctx) => {
    if (row.url === "" && row.label) {
      ctx.addIssue({ code: "custom", path: ["url"], message: "Enter the link, or remove this row." });
    }
  });

function unique<T>(values: T[], key: (value: T) => string = String): T[] {
  const seen = new Set<string>();
  return values.filter((value) => {
    const k = key(value);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

const contactFields = {
  name: z
    .string({ error: "Enter a name." })
    .trim()
    .min(1, "Enter a name.")
    .max(200, "Keep the name under 200 characters."),
  company: optionalText(200, "the company"),
  role: optionalText(200, "the role"),
  location: optionalText(200, "the location"),
  notes: optionalText(10_000, "the notes"),
  tier: z.enum(CONTACT_TIERS, { error: "Choose a tier." }),
  cadenceDays: optionalInt(1, CADENCE_MAX_DAYS, `Enter a whole number of days from 1 to ${CADENCE_MAX_DAYS}, or leave it empty.`),
  // Off: "No reminders", never due on the cadence. Omitted (a client from
  // before the choice existed): on, as every contact was.
  remindersEnabled: z.boolean({ error: "Choose whether to be reminded." }).default(true),
  emails: rows(emailSchema, {
    what: "emails",
    field: "email",
    valueOf: (row) => row.email,
    duplicateMessage: "This email is already listed.",
  }),
  phones: rows(phoneSchema, { what: "phone numbers", field: "phone", valueOf: (row) => row.phone }),
  links: rows(linkSchema, { what: "links", field: "url", valueOf: (row) => row.url }),
  birthdayMonth: optionalInt(1, 12, "Choose a month."),
  birthdayDay: optionalInt(1, 31, "Enter a day from 1 to 31."),
  birthdayYear: optionalInt(1900, 9999, "Enter a four-digit year, like 1990."),
  circleIds: z
    .array(z.uuid({ error: "Choose circles from the list." }))
    .max(100, "Choose at most 100 circles.")
    .default([])
    .transform((ids) => unique(ids)),
  newCircleNames: z
    .array(circleNameSchema)
    .max(20, "Create at most 20 circles at once.")
    .default([])
    .transform((names) => unique(names, (name) => name.toLowerCase())),
};

type BirthdayFields = { birthdayMonth: number | null; birthdayDay: number | null; birthdayYear: number | null };

export function daysInMonth(month: number, year: number | null): number {
  // Without a year, February 29 is a real birthday: count a leap year.
  return new Date(Date.UTC(year ?? 2000, month, 0)).getUTCDate();
}

function checkBirthday(values: BirthdayFields, ctx: z.RefinementCtx) {
  const { birthdayMonth: month, birthdayDay: day, birthdayYear: year } = values;
  if (month !== null && day === null) {
    ctx.addIssue({ code: "custom", path: ["birthdayDay"], message: "Add the day too." });
  } else if (month === null && day !== null) {
    ctx.addIssue({ code: "custom", path: ["birthdayMonth"], message: "Add the month too." });
  } else if (month === null && year !== null) {
    ctx.addIssue({ code: "custom", path: ["birthdayMonth"], message: "Add the month and day, or leave the year empty." });
  } else if (month !== null && day !== null) {
    const days = daysInMonth(month, year);
    if (day > days) {
      const monthName = MONTHS[month - 1];
      ctx.addIssue({
        code: "custom",
        path: ["birthdayDay"],
        message: year === null ? `${monthName} has ${days} days.` : `${monthName} ${year} has ${days} days.`,
      });
    }
  }
  if (year !== null && year > new Date().getUTCFullYear()) {
    ctx.addIssue({ code: "custom", path: ["birthdayYear"], message: "The year can't be in the future." });
  }
}

const BIRTHDAY_FIELDS = new Set<PropertyKey>(["birthdayMonth", "birthdayDay", "birthdayYear"]);

// Runs even when other fields failed, so every error shows at once; only the
// birthday's own field errors stop it, and an input that is not an object at
// all (zod runs a `when` check on it too).
const birthdayCheck = {
  when: (payload: z.core.ParsePayload) =>
    typeof payload.value === "object" &&
    payload.value !== null &&
    !payload.issues.some((issue) => BIRTHDAY_FIELDS.has(issue.path?.[0] ?? "")),
};

export const contactFormSchema = z.object(contactFields).superRefine(checkBirthday, birthdayCheck);

export const createContactSchema = z
  .object({
    ...contactFields,
    // Set by "Create anyway" once the person has seen the likely duplicates.
    confirmDuplicate: z.boolean().default(false),
    ...idempotencyKeyField,
  })
  .superRefine(checkBirthday, birthdayCheck);

export const updateContactSchema = z
  .object({ id: z.uuid({ error: "Contact not found." }), ...contactFields })
  .superRefine(checkBirthday, birthdayCheck);

// What the create form starts from: one email row, offered but not required.
export const EMPTY_CONTACT_FORM: ContactFormInput = {
  name: "",
  company: "",
  role: "",
  location: "",
  notes: "",
  tier: "regular",
  cadenceDays: "",
  remindersEnabled: true,
  emails: [{ email: "", label: "" }],
  phones: [],
  links: [],
  birthdayMonth: "",
  birthdayDay: "",
  birthdayYear: "",
  circleIds: [],
  newCircleNames: [],
};

export const contactIdSchema = z.object({ id: z.uuid({ error: "Contact not found." }) });

export const snoozeContactSchema = z.object({
  id: z.uuid({ error: "Contact not found." }),
  // null (or an empty date input) ends the snooze.
  until: z
    .string()
    .trim()
    .nullish()
    .transform((value) => (value ? value : null))
    .refine((value) => value === null || isCalendarDate(value), "Choose a date, like 2026-12-31."),
});

export type ContactFormInput = z.input<typeof contactFormSchema>;
export type ContactFormValues = z.output<typeof contactFormSchema>;
export type CreateContactInput = z.input<typeof createContactSchema>;
export type CreateContactValues = z.output<typeof createContactSchema>;
export type UpdateContactInput = z.input<typeof updateContactSchema>;
export type UpdateContactValues = z.output<typeof updateContactSchema>;
export type ContactIdInput = z.input<typeof contactIdSchema>;
export type SnoozeContactInput = z.input<typeof snoozeContactSchema>;
export type SnoozeContactValues = z.output<typeof snoozeContactSchema>;

const first = (value: unknown) => (Array.isArray(value) ? value[0] : value);
const flag = z.preprocess((value) => ["1", "on", "true"].includes(String(first(value))), z.boolean());

// A page's cursor as the URL carries it; what it says is decoded (and
// checked) where the list is read, against the sort it was made for.
const cursor = z.preprocess(first, z.string().regex(/^[A-Za-z0-9_-]{1,2048}$/).optional()).catch(undefined);

// The contacts list's URL (?q=&sort=&circle=&goal=&band=&overdue=1&archived=1,
// then after= or before= a page's cursor, with page=N only as the number shown):
// a hand-edited or stale value falls back to the default instead of failing.
// goal keeps the people who matter for one of the user's goals.
export const contactListQuerySchema = z.object({
  q: z.preprocess(first, z.string().trim().transform((q) => q.slice(0, 100))).catch(""),
  sort: z.preprocess(first, z.enum(CONTACT_SORTS)).catch("name"),
  circle: z.preprocess(first, z.uuid().optional()).catch(undefined),
  goal: z.preprocess(first, z.uuid().optional()).catch(undefined),
  band: z.preprocess(first, z.enum(HEALTH_BANDS).optional()).catch(undefined),
  overdue: flag,
  archived: flag,
  after: cursor,
  before: cursor,
  page: pageParamSchema,
});

export type ContactListQuery = z.output<typeof contactListQuerySchema>;
