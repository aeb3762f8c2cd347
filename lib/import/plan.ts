import { normalizeLinkedInUrl } from "./csv";
import type { ImportedContact, ImportedValue, ImportSource } from "./types";

// Decides, for every parsed row, what confirming the import does: create a
// contact, merge new details into the contact it matches, or skip it
// because it adds nothing. Pure: db/queries/imports.ts loads the user's
// candidate contacts and writes the plan.
//
// A row matches an existing contact by email, then LinkedIn URL, then phone,
// then name and company, then name alone when one side has no company and
// only one contact has that name. A row that repeats an earlier row of the
// same file is folded into that row.
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
  | { row: number; action: "skip"; contact: ImportedContact; matchContactId: string; matchReason: MatchReason; reason: string }
  | { row: number; action: "reject"; contact: ImportedContact; reason: string };

export type MatchReason = "email" | "linkedin" | "phone" | "name_company" | "name";

export const MATCH_REASON_LABELS: Record<MatchReason, string> = {
  email: "same email",
  linkedin: "same LinkedIn profile",
  phone: "same phone number",
  name_company: "same name and company",
  name: "same name",
};

// The name keys: every contact under name_any, those without a company
// under name_blank. A row without a company looks up name_any, a row with
// one looks up name_blank.
type KeyKind = Exclude<MatchReason, "name"> | "name_any" | "name_blank";
const LOOKUP_ORDER: KeyKind[] = ["email", "linkedin", "phone", "name_company", "name_any", "name_blank"];
const AMBIGUOUS = null;

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
const sameTarget = (a: Target, b: Target) =>
  "row" in a ? "row" in b && a.row === b.row : "contactId" in b && a.contactId === b.contactId;

class Index {
  private maps = new Map<KeyKind, Map<string, Target | typeof AMBIGUOUS>>(LOOKUP_ORDER.map((kind) => [kind, new Map()]));

  add(keys: MatchKeys, target: Target) {
    for (const kind of LOOKUP_ORDER) {
      const map = this.maps.get(kind);
      for (const key of keys[kind] ?? []) {
        const found = map?.get(key);
        if (found === undefined) map?.set(key, target);
        // Two people of one name: the name alone no longer tells them apart.
        else if (found && (kind === "name_any" || kind === "name_blank") && !sameTarget(found, target)) {
          map?.set(key, AMBIGUOUS);
        }
      }
    }
  }

  // A person who gained a company is found by it from now on, and no
  // longer by their name alone among those without one, as after saving.
  companyChanged(target: Target, name: string, company: string | null) {
    if (!company) return;
    for (const [kind, key] of [
      ["name_blank", nameKey(name)],
      ["name_company", nameCompanyKey(name, null)],
    ] as const) {
      const map = this.maps.get(kind);
      const found = map?.get(key);
      if (found && sameTarget(found, target)) map?.delete(key);
    }
    this.add({ name_company: [nameCompanyKey(name, company)] }, target);
  }

  /** Who a strong key (an email, a profile, a phone) belongs to. */
  owner(kind: "email" | "linkedin" | "phone", key: string): Target | null {
    return this.maps.get(kind)?.get(key) ?? null;
  }

  find(keys: MatchKeys): { target: Target; reason: MatchReason } | "ambiguous" | null {
    let isAmbiguous = false;
    for (const kind of LOOKUP_ORDER) {
      for (const key of keys[kind] ?? []) {
        const target = this.maps.get(kind)?.get(key);
        if (target) return { target, reason: kind === "name_any" || kind === "name_blank" ? "name" : kind };
        if (target === AMBIGUOUS) isAmbiguous = true;
      }
    }
    return isAmbiguous ? "ambiguous" : null;
  }
}

type MatchKeys = Partial<Record<KeyKind, string[]>>;

const nameKey = (name: string) => name.trim().toLowerCase();

// What a row looks up, and what it is found by once planned as new.
export function keysOfImported(contact: ImportedContact, as: "lookup" | "index" = "lookup"): MatchKeys {
  const hasCompany = Boolean(contact.company?.trim());
  return {
    email: contact.emails.map((email) => email.value.toLowerCase()),
    linkedin: contact.linkedinUrl ? [contact.linkedinUrl] : [],
    phone: contact.phones.flatMap((phone) => phoneKey(phone.value) ?? []),
    name_company: [nameCompanyKey(contact.name, contact.company)],
    ...(as === "index"
      ? { name_any: [nameKey(contact.name)], name_blank: hasCompany ? [] : [nameKey(contact.name)] }
      : hasCompany
        ? { name_blank: [nameKey(contact.name)] }
        : { name_any: [nameKey(contact.name)] }),
  };
}

// A row that joined another person adds only the keys that name one person
// (its name may be a nickname or a typo): a later row must not join them by
// a name the contact will not have once saved.
function strongKeys(contact: ImportedContact): MatchKeys {
  const { email, linkedin, phone } = keysOfImported(contact);
  return { email, linkedin, phone };
}

function keysOfExisting(contact: ExistingContact): MatchKeys {
  return {
    email: contact.emails.map((email) => email.toLowerCase()),
    linkedin: contact.links.flatMap((link) => normalizeLinkedInUrl(link) ?? []),
    phone: contact.phones.flatMap((phone) => phoneKey(phone) ?? []),
    name_company: [nameCompanyKey(contact.name, contact.company)],
    name_any: [nameKey(contact.name)],
    name_blank: contact.company?.trim() ? [] : [nameKey(contact.name)],
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
  // Existing contacts an earlier row of this file already matched: for a
  // later row, as for a repeat of a new person, the first row wins, so the
  // same file imported twice plans the same thing.
  const matchedBefore = new Set<string>();

  // An email, profile or phone stays with the one person it already
  // belongs to: a row that joins someone else does not carry it over.
  const onlyTheirs = (contact: ImportedContact, target: Target): ImportedContact => {
    const free = (kind: "email" | "linkedin" | "phone", key: string | null) => {
      const owner = key === null ? null : index.owner(kind, key);
      return owner === null || sameTarget(owner, target);
    };
    return {
      ...contact,
      emails: contact.emails.filter((email) => free("email", email.value.toLowerCase())),
      phones: contact.phones.filter((phone) => free("phone", phoneKey(phone.value))),
      links: contact.links.filter((link) => free("linkedin", normalizeLinkedInUrl(link.value))),
      linkedinUrl: free("linkedin", contact.linkedinUrl) ? contact.linkedinUrl : null,
    };
  };

  // A row that only its name could match, among several people of that
  // name, waits until the rest of the file is planned: a later row may tie
  // one of its emails or profiles to one of them. Planned in file order,
  // the same file would otherwise plan differently the second time.
  let deferred = params.contacts;
  for (;;) {
    const still = deferred.filter((contact) => planRow(contact, false) === "deferred");
    if (still.length === deferred.length) break;
    deferred = still;
  }
  for (const contact of deferred) planRow(contact, true);
  return planned.sort((a, b) => a.row - b.row);

  function planRow(contact: ImportedContact, isLastChance: boolean): "deferred" | undefined {
    const keys = keysOfImported(contact);
    const match = index.find(keys);
    if (match === "ambiguous") {
      if (!isLastChance) return "deferred";
      planned.push({
        row: contact.row,
        action: "reject",
        contact,
        reason: `More than one contact is called ${contact.name}: add an email, LinkedIn URL or company to say which`,
      });
      return;
    }
    if (!match) {
      // A copy, since a later row of the file may fold into it (foldInto
      // replaces fields and lists, never changes them in place).
      const copy = { ...contact };
      planned.push({ row: contact.row, action: "create", contact: copy });
      createdAt.set(contact.row, copy);
      index.add(keysOfImported(contact, "index"), { row: contact.row });
      return;
    }
    if ("row" in match.target) {
      // The same person twice in one file: the first row gets the details.
      const first = createdAt.get(match.target.row);
      const theirs = onlyTheirs(contact, match.target);
      if (first) {
        const company = first.company;
        foldInto(first, theirs);
        if (first.company !== company) index.companyChanged(match.target, first.name, first.company);
      }
      index.add(strongKeys(theirs), match.target);
      planned.push({
        row: contact.row,
        action: "merge",
        contact,
        matchContactId: null,
        matchRow: match.target.row,
        matchReason: match.reason,
        changes: {},
      });
      return;
    }
    const target = existing.get(match.target.contactId);
    if (!target) return;
    const theirs = onlyTheirs(contact, match.target);
    const changes = changesFor(target, theirs, isJobSource && !matchedBefore.has(target.id));
    matchedBefore.add(target.id);
    if (Object.keys(changes).length === 0) {
      planned.push({
        row: contact.row,
        action: "skip",
        contact,
        matchContactId: target.id,
        matchReason: match.reason,
        reason: `Already in Kith as ${target.name} (${MATCH_REASON_LABELS[match.reason]}), nothing new`,
      });
      return;
    }
    applyChanges(target, changes);
    if (changes.company) index.companyChanged(match.target, target.name, target.company);
    index.add(strongKeys(theirs), { contactId: target.id });
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
