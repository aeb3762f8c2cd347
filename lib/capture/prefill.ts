import { z } from "zod";
import { normalizeLinkedInUrl } from "@/lib/import/csv";
import { contactFormSchema } from "@/lib/validations/contact";

// What a scanned code or a shared text fills in on the new-contact form and
// in a quick-add row. Every field is checked by the contact form's own
// schema after normalising, and one that fails is dropped rather than
// refusing the rest: a card with a malformed phone still gives its name.
// The same schema reads /contacts/new?name=…&email=… (the share target's
// redirect), where any value may have been edited by hand.

export const CONTACT_PREFILL_FIELDS = ["name", "email", "phone", "company", "role", "linkedin", "website", "note"] as const;

export type ContactPrefillField = (typeof CONTACT_PREFILL_FIELDS)[number];
export type ContactPrefill = Record<ContactPrefillField, string | null>;
/** A scanned or shared contact: always named. */
export type CapturedContact = ContactPrefill & { name: string };

// Short enough for a query string; a longer note is cut.
export const PREFILL_NOTE_MAX = 2000;
// No field is read from more than this, so a hostile query string costs nothing.
const MAX_INPUT_LENGTH = 20_000;

const form = contactFormSchema.shape;

const first = (value: unknown) => (Array.isArray(value) ? value[0] : value);

export function oneLine(value: string): string {
  return value.replace(/\s+/g, " ").trim();
}

// Cut rather than refused: a long name from a card is still the name. Never
// half a surrogate pair.
function cut(value: string, max: number): string {
  if (value.length <= max) return value;
  const last = value.charCodeAt(max - 1);
  return value.slice(0, last >= 0xd800 && last <= 0xdbff ? max - 1 : max).trim();
}

function field(normalise: (value: string) => string | null | undefined) {
  return z
    .preprocess(first, z.string().max(MAX_INPUT_LENGTH).nullish())
    .transform((value) => (value ? normalise(value) || null : null))
    .catch(null);
}

function text(max: number) {
  return field((value) => cut(oneLine(value), max));
}

export const contactPrefillSchema = z.object({
  name: field((value) => {
    const parsed = form.name.safeParse(cut(oneLine(value), 200));
    return parsed.success ? parsed.data : null;
  }),
  email: field((value) => {
    const email = oneLine(value).replace(/^mailto:/i, "").toLowerCase();
    const parsed = form.emails.safeParse([{ email, label: "" }]);
    return parsed.success ? parsed.data[0]?.email : null;
  }),
  phone: field((value) => {
    const parsed = form.phones.safeParse([{ phone: oneLine(value).replace(/^tel:/i, ""), label: "" }]);
    return parsed.success ? parsed.data[0]?.phone : null;
  }),
  company: text(200),
  role: text(200),
  linkedin: field((value) => normalizeLinkedInUrl(oneLine(value))),
  website: field((value) => {
    const parsed = form.links.safeParse([{ url: oneLine(value), label: "" }]);
    return parsed.success ? parsed.data[0]?.url : null;
  }),
  note: field((value) => cut(value.replace(/\r\n?/g, "\n").trim(), PREFILL_NOTE_MAX)),
});

export const EMPTY_PREFILL: ContactPrefill = {
  name: null,
  email: null,
  phone: null,
  company: null,
  role: null,
  linkedin: null,
  website: null,
  note: null,
};

export type ContactPrefillInput = Partial<Record<ContactPrefillField, string | string[] | null | undefined>>;

/** Each field normalised and checked; one that fails is null. */
export function toPrefill(input: ContactPrefillInput): ContactPrefill {
  return contactPrefillSchema.parse(input);
}

export function isEmptyPrefill(prefill: ContactPrefill): boolean {
  return CONTACT_PREFILL_FIELDS.every((key) => prefill[key] === null);
}

/** /contacts/new's query string for a prefill: only the fields it has. */
export function prefillSearchParams(prefill: ContactPrefill): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of CONTACT_PREFILL_FIELDS) {
    const value = prefill[key];
    if (value) params.set(key, value);
  }
  return params;
}
