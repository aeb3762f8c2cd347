import { normalizeLinkedInUrl } from "./csv";
import type { ImportedContact, ImportedValue, ImportSource } from "./types";

// Decides, for every parsed row, what confirming the import does: create a
// contact, merge new details into the contact it matches, or skip it
// because it adds nothing. Pure: db/queries/imports.ts loads the user's
// candidate contacts and writes the plan.
//
// A row matches an existing contact by email, then LinkedIn URL, then phone,
// then name and company (name alone when neither has a company). A row that
// repeats an earlier row of the same file is folded into that row.
// Merging never overwrites what the user has: it fills empty fields, adds
// emails, phones, links, circles and unknown fields, and appends notes. The
// exception is a LinkedIn export, the source of truth for jobs: a changed
// company or position replaces the old one and is a new role to congratulate.

export type ExistingContact = {
  id: string;
  name: string;
  company: string | null;
  role: string | null;
  location: string | null;
  notes: string | null;
  birthday: { year: number | null; month: number; day: number } | null;
  connectedOn: string | null;
  emails: string[];
  phones: string[];
  links: string[];
  /** Lower-cased circle names. */
  circles: string[];
  extra: Record<string, unknown>;
};

export type Change = { from: unknown; to: unknown };

export type PlannedRow =
  | { row: number; action: "create"; contact: ImportedContact }
  | {
      row: number;
      action: "merge";
      contact: ImportedContact;
      matchContactId: string | null;
      matchRow: number | null;
      matchReason: MatchReason;
      changes: Record<string, Change>;
    }
  | { row: number; action: "skip"; contact: ImportedContact; matchContactId: string; matchReason: MatchReason; reason: string };

export type MatchReason = "email" | "linkedin" | "phone" | "name_company";

export const MATCH_REASON_LABELS: Record<MatchReason, string> = {
  email: "same email",
  linkedin: "same LinkedIn profile",
  phone: "same phone number",
  name_company: "same name and company",
};

export const phoneKey = (phone: string) => {
  const digits = phone.replace(/\D/g, "");
  return digits.length >= 7 ? digits.slice(-10) : null;
};
export const nameCompanyKey = (name: string, company: string | null) =>
  `${name.trim().toLowerCase()}\u0000${(company ?? "").trim().toLowerCase()}`;
const linkKey = (url: string) => normalizeLinkedInUrl(url) ?? url.trim().replace(/\/+$/, "").toLowerCase();
const same = (a: string | null, b: string | null) => (a ?? "").trim().toLowerCase() === (b ?? "").trim().toLowerCase();

// Where each key points: an existing contact, or a row planned earlier.
type Target = { contactId: string } | { row: number };

class Index {
  private maps: Record<MatchReason, Map<string, Target>> = {
    email: new Map(),
    linkedin: new Map(),
    phone: new Map(),
    name_company: new Map(),
  };

  add(keys: MatchKeys, target: Target) {
    for (const reason of Object.keys(keys) as MatchReason[]) {
      for (const key of keys[reason]) if (!this.maps[reason].has(key)) this.maps[reason].set(key, target);
    }
  }

  find(keys: MatchKeys): { target: Target; reason: MatchReason } | null {
    for (const reason of ["email", "linkedin", "phone", "name_company"] as const) {
      for (const key of keys[reason]) {
        const target = this.maps[reason].get(key);
        if (target) return { target, reason };
      }
    }
    return null;
  }
}

type MatchKeys = Record<MatchReason, string[]>;

export function keysOfImported(contact: ImportedContact): MatchKeys {
  return {
    email: contact.emails.map((email) => email.value.toLowerCase()),
    linkedin: contact.linkedinUrl ? [contact.linkedinUrl] : [],
    phone: contact.phones.flatMap((phone) => phoneKey(phone.value) ?? []),
    name_company: [nameCompanyKey(contact.name, contact.company)],
  };
}

function keysOfExisting(contact: ExistingContact): MatchKeys {
  return {
    email: contact.emails.map((email) => email.toLowerCase()),
    linkedin: contact.links.flatMap((link) => normalizeLinkedInUrl(link) ?? []),
    phone: contact.phones.flatMap((phone) => phoneKey(phone) ?? []),
    name_company: [nameCompanyKey(contact.name, contact.company)],
  };
}

export function planImport(params: {
  source: ImportSource;
  contacts: ImportedContact[];
  existing: ExistingContact[];
}): PlannedRow[] {
  const index = new Index();
  const existing = new Map(params.existing.map((contact) => [contact.id, { ...contact }]));
  for (const contact of existing.values()) index.add(keysOfExisting(contact), { contactId: contact.id });
  const isJobSource = params.source === "linkedin";
  const planned: PlannedRow[] = [];
  const createdAt = new Map<number, ImportedContact>();

  for (const contact of params.contacts) {
    const keys = keysOfImported(contact);
    const match = index.find(keys);
    if (!match) {
      // A copy, since a later row of the file may fold into it (foldInto
      // replaces fields and lists, never changes them in place).
      const copy = { ...contact };
      planned.push({ row: contact.row, action: "create", contact: copy });
      createdAt.set(contact.row, copy);
      index.add(keys, { row: contact.row });
      continue;
    }
    if ("row" in match.target) {
      // The same person twice in one file: the first row gets the details.
      const first = createdAt.get(match.target.row);
      if (first) foldInto(first, contact);
      planned.push({
        row: contact.row,
        action: "merge",
        contact,
        matchContactId: null,
        matchRow: match.target.row,
        matchReason: match.reason,
        changes: {},
      });
      continue;
    }
    const target = existing.get(match.target.contactId);
    if (!target) continue;
    const changes = changesFor(target, contact, isJobSource);
    if (Object.keys(changes).length === 0) {
      planned.push({
        row: contact.row,
        action: "skip",
        contact,
        matchContactId: target.id,
        matchReason: match.reason,
        reason: `Already in Kith as ${target.name} (${MATCH_REASON_LABELS[match.reason]}), nothing new`,
      });
      continue;
    }
    applyChanges(target, changes);
    index.add(keys, { contactId: target.id });
    planned.push({
      row: contact.row,
      action: "merge",
      contact,
      matchContactId: target.id,
      matchRow: null,
      matchReason: match.reason,
      changes,
    });
  }
  return planned;
}

/** "Head of Design at Acme", from whichever parts are known. */
export function roleLine(role: string | null, company: string | null): string {
  if (role && company) return `${role} at ${company}`;
  return role ?? company ?? "";
}

// What merging `incoming` into `target` would change; empty when nothing.
export function changesFor(
  target: ExistingContact,
  incoming: ImportedContact,
  isJobSource: boolean,
): Record<string, Change> {
  const changes: Record<string, Change> = {};
  for (const field of ["company", "role", "location"] as const) {
    const value = incoming[field];
    if (!value || same(target[field], value)) continue;
    if (!target[field]) changes[field] = { from: null, to: value };
    else if (isJobSource && field !== "location") changes[field] = { from: target[field], to: value };
  }
  if (isJobSource && (changes.company?.from || changes.role?.from)) {
    changes.newRole = {
      from: roleLine(target.role, target.company),
      to: roleLine(incoming.role ?? target.role, incoming.company ?? target.company),
    };
  }
  if (incoming.notes && !(target.notes ?? "").includes(incoming.notes)) {
    changes.notes = { from: target.notes, to: target.notes ? `${target.notes}\n\n${incoming.notes}` : incoming.notes };
  }
  if (incoming.birthday && !target.birthday) changes.birthday = { from: null, to: incoming.birthday };
  if (incoming.connectedOn && !target.connectedOn) changes.connectedOn = { from: null, to: incoming.connectedOn };

  const added = (have: string[], values: ImportedValue[], key: (value: string) => string | null) => {
    const known = new Set(have.flatMap((value) => key(value) ?? value.toLowerCase()));
    const fresh: ImportedValue[] = [];
    for (const value of values) {
      const k = key(value.value) ?? value.value.toLowerCase();
      if (known.has(k)) continue;
      known.add(k);
      fresh.push(value);
    }
    return fresh;
  };
  const emails = added(target.emails, incoming.emails, (value) => value.toLowerCase());
  if (emails.length > 0) changes.emails = { from: target.emails, to: emails };
  const phones = added(target.phones, incoming.phones, phoneKey);
  if (phones.length > 0) changes.phones = { from: target.phones, to: phones };
  const links = added(target.links, incoming.links, linkKey);
  if (links.length > 0) changes.links = { from: target.links, to: links };
  const circles = [...new Set(incoming.labels.filter((label) => !target.circles.includes(label.toLowerCase())))];
  if (circles.length > 0) changes.circles = { from: target.circles, to: circles };
  const extra = Object.fromEntries(Object.entries(incoming.extra).filter(([key]) => !(key in target.extra)));
  if (Object.keys(extra).length > 0) changes.extra = { from: null, to: extra };
  return changes;
}

function applyChanges(target: ExistingContact, changes: Record<string, Change>) {
  const text = (change: Change | undefined, current: string | null) => (change ? (change.to as string) : current);
  target.company = text(changes.company, target.company);
  target.role = text(changes.role, target.role);
  target.location = text(changes.location, target.location);
  target.notes = text(changes.notes, target.notes);
  if (changes.birthday) target.birthday = changes.birthday.to as ExistingContact["birthday"];
  if (changes.connectedOn) target.connectedOn = changes.connectedOn.to as string;
  const values = (change: Change | undefined) => ((change?.to ?? []) as ImportedValue[]).map((value) => value.value);
  target.emails = [...target.emails, ...values(changes.emails)];
  target.phones = [...target.phones, ...values(changes.phones)];
  target.links = [...target.links, ...values(changes.links)];
  target.circles = [...target.circles, ...((changes.circles?.to ?? []) as string[]).map((name) => name.toLowerCase())];
  target.extra = { ...target.extra, ...((changes.extra?.to ?? {}) as Record<string, unknown>) };
}

// A later row of the same file adds what the first lacked.
function foldInto(first: ImportedContact, later: ImportedContact) {
  for (const field of ["company", "role", "location", "linkedinUrl", "connectedOn"] as const) {
    first[field] ??= later[field];
  }
  if (later.notes && !(first.notes ?? "").includes(later.notes)) {
    first.notes = first.notes ? `${first.notes}\n\n${later.notes}` : later.notes;
  }
  first.birthday ??= later.birthday;
  const union = (a: ImportedValue[], b: ImportedValue[], key: (value: string) => string) => {
    const seen = new Set(a.map((value) => key(value.value)));
    return [...a, ...b.filter((value) => !seen.has(key(value.value)))];
  };
  first.emails = union(first.emails, later.emails, (value) => value.toLowerCase());
  first.phones = union(first.phones, later.phones, (value) => phoneKey(value) ?? value);
  first.links = union(first.links, later.links, linkKey);
  first.labels = [...new Set([...first.labels, ...later.labels])];
  first.extra = { ...later.extra, ...first.extra };
}
