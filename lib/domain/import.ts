// What every import parser (LinkedIn, Google Contacts, vCard, any CSV with
// a column mapping) turns a file into. Parsers are pure functions: they
// never throw on bad input; a row they cannot use becomes a rejection with
// its row number and a reason a person can act on.

import { type ContactTier, TIER_CADENCE_DAYS } from "./enums";

export type ImportSource = "linkedin" | "google" | "vcard" | "csv";

export type ImportedValue = { value: string; label: string | null };

export type ImportedContact = {
  /** 1-based: the CSV data row (header excluded) or the vCard's position in the file. */
  row: number;
  name: string;
  company: string | null;
  role: string | null;
  location: string | null;
  notes: string | null;
  /** Lower-cased and trimmed; the first one is the primary. */
  emails: ImportedValue[];
  phones: ImportedValue[];
  /** Profile and web links; a LinkedIn profile URL normalised by normalizeLinkedInUrl. */
  links: ImportedValue[];
  linkedinUrl: string | null;
  /** Year null when the file gives only month and day (vCard BDAY:--MMDD). */
  birthday: { year: number | null; month: number; day: number } | null;
  /** yyyy-mm-dd: when the user connected with them (LinkedIn "Connected On"). */
  connectedOn: string | null;
  /** Group names from the file (Google "Labels" / "Group Membership", vCard CATEGORIES). */
  labels: string[];
  /**
   * Everything the file held that Kith has no column for, kept verbatim so an
   * export can give it back: CSV columns by header, vCard properties as their
   * unfolded lines (photos included).
   */
  extra: Record<string, string | string[]>;
};

export type ImportRejection = { row: number; reason: string };

export type ParseResult = {
  source: ImportSource;
  /** Data rows (or cards) in the file: contacts.length + rejected.length. */
  rows: number;
  contacts: ImportedContact[];
  rejected: ImportRejection[];
  /** Problems with the file as a whole ("no header row found"); rows is then 0. */
  errors: string[];
};

// How often to keep in touch with the contacts an import creates, chosen at
// confirm: a tier (regular: the user's default cadence), a cadence of its
// own, or no reminders. Contacts the import merges into keep theirs.
export const KEEP_IN_TOUCH_CHOICES = ["regular", "inner", "distant", "custom", "none"] as const;
export type KeepInTouchChoice = (typeof KEEP_IN_TOUCH_CHOICES)[number];

/** What a choice gives each created contact (and is stored with the import). */
export type KeepInTouch = { contactTier: ContactTier; cadenceDays: number | null; remindersEnabled: boolean };

export const DEFAULT_KEEP_IN_TOUCH: KeepInTouch = { contactTier: "regular", cadenceDays: null, remindersEnabled: true };

export function keepInTouchOf(choice: KeepInTouchChoice, cadenceDays: number | null): KeepInTouch {
  if (choice === "none") return { ...DEFAULT_KEEP_IN_TOUCH, remindersEnabled: false };
  if (choice === "custom") return { ...DEFAULT_KEEP_IN_TOUCH, cadenceDays };
  return { ...DEFAULT_KEEP_IN_TOUCH, contactTier: choice };
}

const TIER_NAMES: Record<ContactTier, string> = {
  inner: "Inner circle",
  regular: "Your default cadence",
  distant: "Distant",
};

function everyDays(days: number): string {
  return days === 1 ? "every day" : `every ${days} days`;
}

/** A choice as the confirm form offers it ("custom" has a field of its own for the days). */
export function keepInTouchChoiceLabel(choice: KeepInTouchChoice, defaultCadenceDays: number): string {
  if (choice === "none") return "No reminders";
  if (choice === "custom") return "Another cadence";
  const days = TIER_CADENCE_DAYS[choice] ?? defaultCadenceDays;
  return `${TIER_NAMES[choice]} (${everyDays(days)})`;
}

/** What an import gave the contacts it created, for its page once done. */
export function keepInTouchSummary(keepInTouch: KeepInTouch, defaultCadenceDays: number): string {
  if (!keepInTouch.remindersEnabled) {
    return "No reminders: they never come up on Reconnect now or in the weekly email (a contact's Edit page turns reminders on).";
  }
  const { contactTier, cadenceDays } = keepInTouch;
  const days = cadenceDays ?? TIER_CADENCE_DAYS[contactTier] ?? defaultCadenceDays;
  const how = cadenceDays !== null ? `Their own cadence, ${everyDays(days)}` : `${TIER_NAMES[contactTier]}, ${everyDays(days)}`;
  return `${how}; their first due dates are spread over the ${days === 1 ? "day" : `${days} days`} after the import.`;
}
