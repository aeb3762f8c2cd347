// Google Contacts' CSV export, in both shapes found in the wild:
// - current (2024+): First Name, Middle Name, Last Name, …, Labels,
//   E-mail 1 - Label, E-mail 1 - Value, …, Organization Name,
//   Organization Title, Website 1 - Label, Website 1 - Value, …;
// - legacy ("Google CSV"): Name, Given Name, Additional Name, Family Name,
//   …, Group Membership, E-mail 1 - Type, E-mail 1 - Value, …,
//   Organization 1 - Name, Organization 1 - Title, ….
// One cell may hold several values separated by " ::: ", and a label
// starting with "* " is Google's mark for the primary value or a system
// group ("* myContacts"). Every non-empty cell Kith does not use ends up in
// `extra` under its column title, and so do the emails, phones, websites and
// labels of a row past STORED_LIMITS.rows of each.

import { normalizeUrl } from "@/lib/domain/url";
import type { ImportedContact, ImportedValue, ImportRejection, ParseResult } from "@/lib/domain/import";
import { STORED_LIMITS } from "@/lib/validations/stored-contact";
import {
  addExtra,
  cleanCell,
  extraKey,
  extraObject,
  headerKey,
  normalizeEmail,
  normalizeLinkedInUrl,
  parseDateParts,
  splitMultiValue,
  splitTrimmed,
  type ExtraFields,
  csvRows,
} from "./csv";
import { MAX_IMPORT_ROWS, tooManyRowsMessage } from "./decode";
import { runSteps, type Steps } from "./steps";

export const GOOGLE_NOT_RECOGNISED_ERROR =
  "This doesn't look like a Google Contacts export: no E-mail 1 - Value, First Name or Given Name column.";

// Group memberships every contact has, or that Kith has no place for.
const SYSTEM_LABELS = new Set(["mycontacts", "starred"]);

type Slot = { label: number | undefined; value: number };

type Layout = {
  header: string[];
  name: number | undefined;
  fileAs: number | undefined;
  nameParts: number[];
  notes: number | undefined;
  birthday: number | undefined;
  labels: number | undefined;
  company: number | undefined;
  role: number | undefined;
  city: number | undefined;
  country: number | undefined;
  address: number | undefined;
  location: number | undefined;
  emails: Slot[];
  phones: Slot[];
  websites: Slot[];
};

export function parseGoogleCsv(text: string): ParseResult {
  return runSteps(googleCsvSteps(text));
}

export function* googleCsvSteps(text: string): Steps<ParseResult> {
  const failed = (error: string): ParseResult => ({ source: "google", rows: 0, contacts: [], rejected: [], errors: [error] });
  let layout: Layout | null = null;
  const result: ParseResult = { source: "google", rows: 0, contacts: [], rejected: [], errors: [] };
  for (const cells of csvRows(text)) {
    yield;
    if (layout === null) {
      const keys = new Set(cells.map(headerKey));
      if (!keys.has("e-mail 1 - value") && !keys.has("first name") && !keys.has("given name")) {
        return failed(GOOGLE_NOT_RECOGNISED_ERROR);
      }
      layout = readLayout(cells);
      continue;
    }
    if (result.rows === MAX_IMPORT_ROWS) return failed(tooManyRowsMessage());
    result.rows += 1;
    const contact = readRow(result.rows, cells, layout);
    if ("reason" in contact) result.rejected.push(contact);
    else result.contacts.push(contact);
  }
  return layout === null ? failed(GOOGLE_NOT_RECOGNISED_ERROR) : result;
}

const mapNullable = <T, U>(value: T | null, map: (value: T) => U): U | null => (value === null ? null : map(value));

const SLOT = /^(e-mail|phone|website) (\d+) - (label|type|value)$/;

function readLayout(header: string[]): Layout {
  const indexes = new Map<string, number>();
  header.forEach((title, index) => {
    const key = headerKey(title);
    if (!indexes.has(key)) indexes.set(key, index);
  });
  const find = (...titles: string[]) => titles.map((title) => indexes.get(title)).find((index) => index !== undefined);

  const slots: Record<"e-mail" | "phone" | "website", Map<string, Partial<Slot>>> = {
    "e-mail": new Map(),
    phone: new Map(),
    website: new Map(),
  };
  for (const [key, index] of indexes) {
    const match = SLOT.exec(key);
    if (!match) continue;
    const [, kind, number = "", part] = match;
    const byNumber = kind === "e-mail" ? slots["e-mail"] : kind === "phone" ? slots.phone : slots.website;
    const slot = byNumber.get(number) ?? {};
    if (part === "value") slot.value = index;
    else slot.label ??= index;
    byNumber.set(number, slot);
  }
  const complete = (map: Map<string, Partial<Slot>>): Slot[] =>
    [...map]
      .sort(([a], [b]) => Number(a) - Number(b))
      .flatMap(([, slot]) => (slot.value === undefined ? [] : [{ label: slot.label, value: slot.value }]));

  return {
    header,
    name: find("name"),
    fileAs: find("file as"),
    nameParts: [
      find("first name", "given name"),
      find("middle name", "additional name"),
      find("last name", "family name"),
    ].filter((index) => index !== undefined),
    notes: find("notes"),
    birthday: find("birthday"),
    labels: find("labels", "group membership"),
    company: find("organization name", "organization 1 - name"),
    role: find("organization title", "organization 1 - title"),
    city: find("address 1 - city"),
    country: find("address 1 - country"),
    address: find("address 1 - formatted"),
    location: find("location"),
    emails: complete(slots["e-mail"]),
    phones: complete(slots.phone),
    websites: complete(slots.website),
  };
}

function readRow(row: number, cells: string[], layout: Layout): ImportedContact | ImportRejection {
  const { header } = layout;
  const extra: ExtraFields = new Map();
  // Columns whose content went into a Kith field; the rest go to extra.
  const used = new Set<number>();
  const cell = (index: number | undefined): string | null => (index === undefined ? null : cleanCell(cells[index]));
  const take = (index: number | undefined): string | null => {
    const value = cell(index);
    if (value !== null && index !== undefined) used.add(index);
    return value;
  };

  const keepRejected = (index: number, value: string) => addExtra(extra, extraKey(header, index), value);
  const emails = readValues(layout.emails, cells, used, keepRejected, (raw) => {
    const value = normalizeEmail(raw);
    return value === null ? null : { value };
  });
  const phones = readValues(layout.phones, cells, used, keepRejected, (value) => ({ value }));
  const links = readValues(layout.websites, cells, used, keepRejected, (raw) => {
    const profile = normalizeLinkedInUrl(raw);
    if (profile !== null) return { value: profile, label: "LinkedIn" };
    // Only web links: a "website" of javascript:… must never become an href.
    const value = normalizeUrl(raw);
    return value === null ? null : { value };
  });
  const linkedinUrl = links.find((link) => normalizeLinkedInUrl(link.value) === link.value)?.value ?? null;

  const [company = null, ...otherCompanies] = splitMultiValue(take(layout.company));
  const [role = null, ...otherRoles] = splitMultiValue(take(layout.role));
  // A second organisation in the same cell stays with its column.
  if (otherCompanies.length > 0 || otherRoles.length > 0) {
    for (const index of [layout.company, layout.role]) if (index !== undefined) used.delete(index);
  }

  const name = readName(layout, take, cell) ?? company ?? emails[0]?.value ?? null;
  if (name === null) return { row, reason: "No name, email or organization" };

  const rawBirthday = take(layout.birthday);
  const birthday = rawBirthday === null ? null : parseDateParts(rawBirthday);
  if (birthday === null && layout.birthday !== undefined) used.delete(layout.birthday);

  const labels = new Set<string>();
  for (const label of splitMultiValue(take(layout.labels))) {
    const group = label.replace(/^\*\s*/, "");
    if (!SYSTEM_LABELS.has(group.toLowerCase())) {
      if (group === "" || labels.has(group)) continue;
      if (labels.size < STORED_LIMITS.rows) labels.add(group);
      else addExtra(extra, extraKey(header, layout.labels ?? 0), label);
    } else if (group.toLowerCase() !== "mycontacts") {
      // "* starred" says something about the person; every contact is in myContacts.
      addExtra(extra, extraKey(header, layout.labels ?? 0), label);
    }
  }

  const city = take(layout.city);
  const location =
    city === null
      ? (mapNullable(take(layout.address), (address) => splitTrimmed(address, ["\n"]).join(", ")) ?? take(layout.location))
      : [city, take(layout.country)].filter((part) => part !== null).join(", ");

  const notes = take(layout.notes);

  cells.forEach((value, index) => {
    const text = cleanCell(value);
    if (text !== null && !used.has(index)) addExtra(extra, extraKey(header, index), text);
  });

  return {
    row,
    name,
    company,
    role,
    location,
    notes,
    emails,
    phones,
    links,
    linkedinUrl,
    birthday,
    connectedOn: null,
    labels: [...labels],
    extra: extraObject(extra),
  };
}

// Name (legacy) or File As (current; set by the person to how they want the
// contact shown, e.g. "山田 太郎"), else the parts joined. Once one gives
// the name all name columns are used: they say the same thing.
function readName(
  layout: Layout,
  take: (index: number | undefined) => string | null,
  cell: (index: number | undefined) => string | null,
): string | null {
  const parts = layout.nameParts.map(cell).filter((part) => part !== null);
  const name = cell(layout.name) ?? cell(layout.fileAs) ?? (parts.length > 0 ? parts.join(" ") : null);
  if (name !== null) [layout.name, layout.fileAs, ...layout.nameParts].forEach(take);
  return name;
}

// The values of every "X n - Value" column, each with its label: "a ::: b"
// with label "Work ::: Home" pairs up, a single label applies to all. A label
// marked "* " (Google's primary) puts its value first. `accept` normalises a
// value (null: not usable). A column none of whose values is usable is left
// unused, to reach extra whole; otherwise only its unusable values do, and
// those past STORED_LIMITS.rows.
function readValues(
  slots: Slot[],
  cells: string[],
  used: Set<number>,
  keepRejected: (index: number, value: string) => void,
  accept: (raw: string) => { value: string; label?: string } | null,
): ImportedValue[] {
  const primary: ImportedValue[] = [];
  const others: ImportedValue[] = [];
  const seen = new Set<string>();
  for (const slot of slots) {
    const values = splitMultiValue(cleanCell(cells[slot.value]));
    const labels = splitMultiValue(slot.label === undefined ? null : cleanCell(cells[slot.label]));
    const rejected: string[] = [];
    values.forEach((raw, position) => {
      const accepted = accept(raw);
      if (accepted === null || (seen.size >= STORED_LIMITS.rows && !seen.has(accepted.value))) {
        rejected.push(raw);
        return;
      }
      if (seen.has(accepted.value)) return;
      seen.add(accepted.value);
      const rawLabel = labels.length === values.length ? labels[position] : labels[0];
      const isPrimary = rawLabel?.startsWith("*") ?? false;
      const label = accepted.label ?? (rawLabel?.replace(/^\*\s*/, "") || null);
      (isPrimary ? primary : others).push({ value: accepted.value, label });
    });
    if (rejected.length < values.length) {
      used.add(slot.value);
      if (slot.label !== undefined) used.add(slot.label);
      for (const raw of rejected) keepRejected(slot.value, raw);
    }
  }
  return [...primary, ...others];
}
