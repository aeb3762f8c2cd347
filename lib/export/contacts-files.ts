// Contacts as files other tools open: a spreadsheet (CSV) and address books
// (vCard 3.0), written a page at a time so an export streams.

import { CSV_BOM, normalizeLinkedInUrl, toCsv } from "@/lib/import/csv";
import type { ExportContact } from "@/lib/validations/kith-export";
import { type ExportableContact, toVCard } from "./vcard";

// Titles Kith's own CSV import (lib/import/mapped-csv.ts suggestMapping)
// recognises, so this file imports again without choosing columns. Tier
// and cadence have no import field and come back in the contact's extra
// fields.
export const CONTACTS_CSV_HEADER = [
  "Name",
  "Company",
  "Role",
  "Location",
  "Emails",
  "Phones",
  "LinkedIn",
  "Websites",
  "Birthday",
  "Connected On",
  "Circles",
  "Notes",
  "Tier",
  "Cadence days",
] as const;

// How Google Contacts writes several values in one cell; the import splits on it.
const MULTI_VALUE = " ::: ";

const isLinkedIn = (url: string) => normalizeLinkedInUrl(url) !== null;

// --04-17 without a year, as vCard and Google write it (the import reads both).
export function birthdayText(birthday: ExportContact["birthday"]): string | null {
  if (!birthday) return null;
  const mmdd = `${String(birthday.month).padStart(2, "0")}-${String(birthday.day).padStart(2, "0")}`;
  return birthday.year === null ? `--${mmdd}` : `${String(birthday.year).padStart(4, "0")}-${mmdd}`;
}

function joined(values: string[]): string | null {
  return values.length > 0 ? values.join(MULTI_VALUE) : null;
}

export function contactCsvRow(contact: ExportContact): (string | null)[] {
  const urls = contact.links.map((link) => link.url);
  return [
    contact.name,
    contact.company,
    contact.role,
    contact.location,
    joined(contact.emails.map((email) => email.email)),
    joined(contact.phones.map((phone) => phone.phone)),
    joined(urls.filter(isLinkedIn)),
    joined(urls.filter((url) => !isLinkedIn(url))),
    birthdayText(contact.birthday),
    contact.connectedOn,
    joined(contact.circles.map((circle) => circle.name)),
    contact.notes,
    contact.tier,
    contact.cadenceDays === null ? null : String(contact.cadenceDays),
  ];
}

// UTF-8 with a BOM, so Excel reads accents right; one header, then a row a contact.
export async function* writeContactsCsv(pages: AsyncIterable<ExportContact[]>): AsyncGenerator<string> {
  const header = toCsv(CONTACTS_CSV_HEADER, []);
  yield `${CSV_BOM}${header}`;
  for await (const page of pages) {
    if (page.length > 0) yield toCsv(CONTACTS_CSV_HEADER, page.map(contactCsvRow)).slice(header.length);
  }
}

// The contact's extra fields hold what an import kept; the vCard writer
// reads the lines kept from a vCard (extra.vcard) and writes them back.
function textExtra(extra: Record<string, unknown>): ExportableContact["extra"] {
  // fromEntries, not assignment: a key named "__proto__" stays a key.
  return Object.fromEntries(
    Object.entries(extra).filter(
      (entry): entry is [string, string | string[]] =>
        typeof entry[1] === "string" || (Array.isArray(entry[1]) && entry[1].every((item) => typeof item === "string")),
    ),
  );
}

export function toExportableContact(contact: ExportContact): ExportableContact {
  return {
    name: contact.name,
    company: contact.company,
    role: contact.role,
    location: contact.location,
    notes: contact.notes,
    emails: contact.emails.map(({ email, label }) => ({ value: email, label })),
    phones: contact.phones.map(({ phone, label }) => ({ value: phone, label })),
    links: contact.links.map(({ url, label }) => ({ value: url, label })),
    birthday: contact.birthday,
    labels: contact.circles.map((circle) => circle.name),
    extra: textExtra(contact.extra),
  };
}

export async function* writeContactsVCard(pages: AsyncIterable<ExportContact[]>): AsyncGenerator<string> {
  for await (const page of pages) {
    if (page.length > 0) yield page.map((contact) => toVCard(toExportableContact(contact))).join("");
  }
}
