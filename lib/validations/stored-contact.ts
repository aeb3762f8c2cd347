import { z } from "zod";
import { MONTHS } from "@/lib/domain/dates";
import { normalizeUrl } from "@/lib/domain/url";
import { daysInMonth } from "./contact";

// What Kith can hold on a contact, whichever path wrote it: the contact
// form, quick add (which appends its note to a contact's notes), an import
// (cells of up to 10,000 characters, lib/import/csv.ts MAX_CELL_LENGTH;
// names and locations joined from several cells; labels that become
// circles; merges that add rows; vCard years before 1900) and a restore.
// A restore reads an export with these. The rules that keep a value safe
// are the forms' (web links only, email syntax, real dates, one line where
// one line is meant); the bounds are the largest writer's, with margin, and
// still far from a hostile megabyte in one field.
export const STORED_LIMITS = {
  /** Company, role, phone, a row's label, a circle's name: one import cell. */
  text: 10_010,
  /** Up to five cells (vCard N's parts; Google's given, middle and family name) and the spaces between. */
  name: 50_010,
  /** Locality, region and country, each a cell. */
  location: 30_010,
  /** The form's 10,000, with room for notes joined from several columns or appended by quick add. */
  notes: 100_000,
  /** Quick add's bound (the form's is 254). */
  email: 320,
  /** A link as normalizeUrl writes it: a cell of non-Latin text is up to 9 times longer percent-encoded. */
  link: 100_000,
  /** Emails, phones, links and circles of one contact, which every merge can add to. */
  rows: 1_000,
  /** What an import keeps verbatim (photos included), in characters: at most the 20 MB file it read. */
  extra: 20 * 1024 * 1024,
} as const;

/** "Now <role> at <company> (was <role> at <company>)": the success a LinkedIn import writes on a job change. */
export const STORED_SUCCESS_TITLE_MAX = 4 * STORED_LIMITS.text + 20;

const LINE_BREAKS = /[\t\n\v\f\r\u0085\u2028\u2029]+/g;
// C0 and C1 controls; PostgreSQL refuses U+0000 in text and jsonb.
const CONTROLS = /[\u0000-\u001f\u007f-\u009f]/g;

const count = (value: number) => value.toLocaleString("en");

// A one-line value never carries a line break or a control character:
// breaks and tabs become a space and the rest go, before the bounds are
// checked. A form or a CSV cell can hold them, so they are cleaned, not
// refused: a stored value always restores.
function singleLine(max: number, what: string) {
  return z
    .string()
    .transform((value) => value.replace(LINE_BREAKS, " ").replace(CONTROLS, "").trim())
    .pipe(z.string().max(max, `Keep ${what} under ${count(max)} characters.`));
}

function requiredLine(max: number, what: string, empty: string) {
  return singleLine(max, what).pipe(z.string().min(1, empty));
}

// Empty means "not given": stored as null, as the forms do.
function optionalLine(max: number, what: string) {
  return singleLine(max, what)
    .nullable()
    .transform((value) => (value ? value : null));
}

export const storedNameSchema = requiredLine(STORED_LIMITS.name, "the name", "Enter a name.");
export const storedTextSchema = (what: string) => optionalLine(STORED_LIMITS.text, what);
export const storedLocationSchema = optionalLine(STORED_LIMITS.location, "the location");
export const storedLabelSchema = optionalLine(STORED_LIMITS.text, "the label");
export const storedCircleNameSchema = requiredLine(STORED_LIMITS.text, "the circle's name", "Enter a name for the circle.");
export const storedSuccessTitleSchema = requiredLine(STORED_SUCCESS_TITLE_MAX, "the title", "Say what happened.");

export const storedNotesSchema = z
  .string()
  .transform((value) => value.replaceAll("\u0000", "").trim())
  .pipe(z.string().max(STORED_LIMITS.notes, `Keep the notes under ${count(STORED_LIMITS.notes)} characters.`))
  .nullable()
  .transform((value) => (value ? value : null));

// The form's email rule, without its bound (quick add allows 320).
export const storedEmailSchema = z
  .string()
  .trim()
  .min(1, "The email is empty.")
  .max(STORED_LIMITS.email, `Keep the email under ${STORED_LIMITS.email} characters.`)
  .pipe(z.email("Enter an email like ada@example.com."));

// An import keeps a phone as the file wrote it ("ext. 12", "+1 (555) 010-9999 x3").
export const storedPhoneSchema = requiredLine(STORED_LIMITS.text, "the phone number", "The phone number is empty.");

// Only web links, as normalizeUrl writes them (a LinkedIn profile as the
// import normalises it is one): never `javascript:` or `data:` in an href.
export const storedLinkSchema = z
  .string()
  .max(STORED_LIMITS.link, `Keep the link under ${count(STORED_LIMITS.link)} characters.`)
  .transform((value, ctx) => {
    if (value.trim() === "") {
      ctx.addIssue({ code: "custom", message: "The link is empty." });
      return z.NEVER;
    }
    const url = normalizeUrl(value);
    if (url !== null && url.length <= STORED_LIMITS.link) return url;
    ctx.addIssue({ code: "custom", message: url === null ? "Enter a web address, like linkedin.com/in/ada." : "This link is too long." });
    return z.NEVER;
  });

export function storedRows<T extends z.ZodType>(row: T, what: string) {
  return z.array(row).max(STORED_LIMITS.rows, `A contact has at most ${count(STORED_LIMITS.rows)} ${what}.`);
}

// Any year a vCard can give (1 to 9999), February 29 without one.
export const storedBirthdaySchema = z
  .object({
    month: z.number().int("Choose a month.").min(1, "Choose a month.").max(12, "Choose a month."),
    day: z.number().int("Enter a day from 1 to 31.").min(1, "Enter a day from 1 to 31.").max(31, "Enter a day from 1 to 31."),
    year: z.number().int("Enter a year from 1 to 9999.").min(1, "Enter a year from 1 to 9999.").max(9999, "Enter a year from 1 to 9999.").nullable(),
  })
  .superRefine(({ month, day, year }, ctx) => {
    const days = daysInMonth(month, year);
    if (day <= days) return;
    const monthName = MONTHS[month - 1];
    ctx.addIssue({
      code: "custom",
      path: ["day"],
      message: year === null ? `${monthName} has ${days} days.` : `${monthName} ${year} has ${days} days.`,
    });
  });

// Columns and vCard lines an import kept, by name: text only, and no more
// than one import file could hold. JSON.parse already made a plain object,
// "__proto__" keys included: it is taken as it is (a rebuilt object would
// lose such a key).
export const storedExtraSchema = z
  .custom<Record<string, unknown>>((value) => typeof value === "object" && value !== null && !Array.isArray(value), "Expected an object.")
  .superRefine((extra, ctx) => {
    let chars = 0;
    for (const [key, value] of Object.entries(extra)) {
      const values = typeof value === "string" ? [value] : Array.isArray(value) ? value : [null];
      if (!values.every((text): text is string => typeof text === "string")) {
        ctx.addIssue({ code: "custom", path: [key], message: "Expected text or a list of texts." });
        continue;
      }
      if ([key, ...values].some((text) => text.includes("\u0000"))) {
        ctx.addIssue({ code: "custom", path: [key], message: "A kept field holds a null character." });
      }
      chars += key.length + values.reduce((sum, text) => sum + text.length, 0);
    }
    if (chars > STORED_LIMITS.extra) {
      ctx.addIssue({ code: "custom", message: `Keep the other fields under ${count(STORED_LIMITS.extra)} characters.` });
    }
  });
