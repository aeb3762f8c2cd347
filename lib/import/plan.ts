import { normalizeLinkedInUrl } from "./csv";
import { runSteps, type Steps } from "./steps";
import type { ImportedContact, ImportedValue, ImportSource } from "@/lib/domain/import";
import { STORED_LIMITS } from "@/lib/validations/stored-contact";

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
// Notes grow only up to what the contact form accepts, and a contact's
// emails, phones, links and circles up to STORED_LIMITS.rows of each: what
// Kith stores must restore from its own export. A note with no room left,
// and values past those, are not added, and the row says so in its reason.
//
// Every row costs time in its own size, never in what was merged before it:
// one person 15,000 times in a file is planned as fast as 15,000 people.

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
      /** What of the row was not added (leftOutReason), when something was. */
      reason?: string;
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

  /** `onNewKey` hears of every key that starts pointing somewhere. */
  constructor(private onNewKey: (kind: KeyKind, key: string) => void) {}

  add(keys: MatchKeys, target: Target) {
    for (const kind of LOOKUP_ORDER) {
      const map = this.maps.get(kind);
      for (const key of keys[kind] ?? []) {
        const found = map?.get(key);
        if (found === undefined) {
          map?.set(key, target);
          this.onNewKey(kind, key);
        }
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

export function planImport(params: PlanParams): PlannedRow[] {
  return runSteps(planImportSteps(params));
}

type PlanParams = { source: ImportSource; contacts: ImportedContact[]; existing: ExistingContact[] };

export function* planImportSteps(params: PlanParams): Steps<PlannedRow[]> {
  // Rows waiting (see below) under each key they look up, woken when that
  // key starts pointing at someone.
  const waiting = new Map<string, number[]>();
  const woken: number[] = [];
  const index = new Index((kind, key) => {
    const positions = waiting.get(`${kind}\u0000${key}`);
    if (positions === undefined) return;
    waiting.delete(`${kind}\u0000${key}`);
    woken.push(...positions);
  });
  const existing = new Map(params.existing.map((contact) => [contact.id, merging(contact)]));
  for (const { contact } of existing.values()) index.add(keysOfExisting(contact), { contactId: contact.id });
  const isJobSource = params.source === "linkedin";
  const planned: PlannedRow[] = [];
  const createdAt = new Map<number, Folding>();
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
  // The rows are gone through in file order, then the waiting ones again,
  // in file order, until a round plans none of them. A waiting row can only
  // be planned once one of its keys points at someone (names that are
  // ambiguous stay so), so each round takes only the rows such a key woke,
  // as the full rounds would meet them: those after the current row in this
  // round, the others in the next.
  const { contacts } = params;
  const isWaiting = new Set<number>();
  for (const [position, contact] of contacts.entries()) {
    yield;
    if (planRow(contact, false) === "deferred") wait(position);
  }
  let round = woken.splice(0);
  while (round.length > 0) {
    const next: number[] = [];
    const queue = new MinQueue(round);
    for (let position = queue.pop(); position !== undefined; position = queue.pop()) {
      yield;
      if (!isWaiting.has(position)) continue;
      const contact = contacts[position];
      if (contact === undefined) continue;
      // Woken by a key that was taken away again (a company changed): it waits on.
      if (planRow(contact, false) === "deferred") {
        wait(position);
        continue;
      }
      isWaiting.delete(position);
      for (const other of woken.splice(0)) {
        if (other > position) queue.push(other);
        else next.push(other);
      }
    }
    round = next;
  }
  for (const position of [...isWaiting].sort((a, b) => a - b)) {
    yield;
    const contact = contacts[position];
    if (contact !== undefined) planRow(contact, true);
  }
  return planned.sort((a, b) => a.row - b.row);

  function wait(position: number) {
    isWaiting.add(position);
    const keys = keysOfImported(contacts[position] as ImportedContact);
    for (const kind of LOOKUP_ORDER) {
      for (const key of keys[kind] ?? []) {
        const name = `${kind}\u0000${key}`;
        const positions = waiting.get(name);
        if (positions === undefined) waiting.set(name, [position]);
        else positions.push(position);
      }
    }
  }

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
      const folding = folded(contact);
      planned.push({ row: contact.row, action: "create", contact: folding.contact });
      createdAt.set(contact.row, folding);
      index.add(keysOfImported(contact, "index"), { row: contact.row });
      return;
    }
    if ("row" in match.target) {
      // The same person twice in one file: the first row gets the details.
      const first = createdAt.get(match.target.row);
      let theirs = onlyTheirs(contact, match.target);
      let reason: string | null = null;
      if (first) {
        const fitted = fitInto(theirs, foldKeys(first), first.contact.notes);
        theirs = fitted.contact;
        reason = leftOutReason(fitted.leftOut);
        const company = first.contact.company;
        foldInto(first, theirs);
        if (first.contact.company !== company) index.companyChanged(match.target, first.contact.name, first.contact.company);
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
        ...(reason === null ? {} : { reason }),
      });
      return;
    }
    const target = existing.get(match.target.contactId);
    if (!target) return;
    const fitted = fitInto(onlyTheirs(contact, match.target), mergeKeys(target), target.contact.notes);
    const theirs = fitted.contact;
    const reason = leftOutReason(fitted.leftOut);
    const changes = changesFor(target, theirs, isJobSource && !matchedBefore.has(target.contact.id));
    matchedBefore.add(target.contact.id);
    if (Object.keys(changes).length === 0) {
      const found = `Already in Kith as ${target.contact.name} (${MATCH_REASON_LABELS[match.reason]})`;
      planned.push({
        row: contact.row,
        action: "skip",
        contact,
        matchContactId: target.contact.id,
        matchReason: match.reason,
        reason: reason === null ? `${found}, nothing new` : `${found}. ${reason}`,
      });
      return;
    }
    applyChanges(target, changes);
    if (changes.company) index.companyChanged(match.target, target.contact.name, target.contact.company);
    index.add(strongKeys(theirs), { contactId: target.contact.id });
    planned.push({
      row: contact.row,
      action: "merge",
      contact,
      matchContactId: target.contact.id,
      matchRow: null,
      matchReason: match.reason,
      changes,
      ...(reason === null ? {} : { reason }),
    });
  }
}

// The smallest waiting position first: a round goes in file order.
class MinQueue {
  private heap: number[] = [];

  constructor(values: number[]) {
    for (const value of values) this.push(value);
  }

  push(value: number) {
    const heap = this.heap;
    heap.push(value);
    for (let at = heap.length - 1; at > 0; ) {
      const parent = (at - 1) >> 1;
      if ((heap[parent] ?? 0) <= value) break;
      heap[at] = heap[parent] ?? 0;
      heap[parent] = value;
      at = parent;
    }
  }

  pop(): number | undefined {
    const heap = this.heap;
    const top = heap[0];
    const last = heap.pop();
    if (top === undefined || last === undefined || heap.length === 0) return top;
    heap[0] = last;
    for (let at = 0; ; ) {
      const [left, right] = [2 * at + 1, 2 * at + 2];
      let least = at;
      if (left < heap.length && (heap[left] ?? 0) < (heap[least] ?? 0)) least = left;
      if (right < heap.length && (heap[right] ?? 0) < (heap[least] ?? 0)) least = right;
      if (least === at) break;
      [heap[at], heap[least]] = [heap[least] ?? 0, heap[at] ?? 0];
      at = least;
    }
    return top;
  }
}

/** "Head of Design at Acme", from whichever parts are known. */
export function roleLine(role: string | null, company: string | null): string {
  if (role && company) return `${role} at ${company}`;
  return role ?? company ?? "";
}

/** The notes limit of the contact form (lib/validations/contact.ts). */
export const MAX_NOTES_LENGTH = 10_000;

const hasRoomFor = (notes: string | null, note: string) => (notes ? notes.length + 2 : 0) + note.length <= MAX_NOTES_LENGTH;

// `note` appended to `notes`, or null when it is already there or there is
// no room for it. The room is checked first, so the search for the note
// reads at most MAX_NOTES_LENGTH characters.
function withNote(notes: string | null, note: string | null): string | null {
  if (!note || !hasRoomFor(notes, note)) return null;
  if (notes?.includes(note)) return null;
  return notes ? `${notes}\n\n${note}` : note;
}

// A note withNote does not add for want of room, and that is not already
// there: notes longer than the form allows (written before this limit) are
// not searched, they are full.
function isNoteLeftOut(notes: string | null, note: string | null): boolean {
  if (!note || hasRoomFor(notes, note)) return false;
  return !(notes !== null && notes.length <= MAX_NOTES_LENGTH && notes.includes(note));
}

const ROW_KINDS = { emails: "emails", phones: "phone numbers", links: "links", circles: "circles" } as const;
type RowKind = keyof typeof ROW_KINDS;

/** What a row brought that its contact had no room for. */
type LeftOut = { note: boolean } & Record<RowKind, number>;

const count = (value: number) => value.toLocaleString("en");

function leftOutReason(leftOut: LeftOut): string | null {
  const sentences: string[] = [];
  if (leftOut.note) {
    sentences.push(`The notes are full (${count(MAX_NOTES_LENGTH)} characters): this row's note was not added.`);
  }
  for (const [kind, words] of Object.entries(ROW_KINDS) as [RowKind, string][]) {
    const n = leftOut[kind];
    if (n === 0) continue;
    sentences.push(`A contact has at most ${count(STORED_LIMITS.rows)} ${words}: ${count(n)} from this row ${n === 1 ? "was" : "were"} not added.`);
  }
  return sentences.length > 0 ? sentences.join(" ") : null;
}

// What a contact holds of each kind, by the key that tells values apart.
type Holdings = {
  emails: Set<string>;
  phones: Set<string>;
  links: Set<string>;
  circles: Set<string>;
  /** How many it holds: the stored rows, which the keys may count fewer of. */
  sizes: Record<RowKind, number>;
  phoneKey: (value: string) => string;
  circleKey: (label: string) => string;
};

// The row with only the values its contact has room for (one it holds
// takes no room), and how many it had no room for. The planner goes on with
// what fits: a later row must not find the contact by a value it will not have.
function fitInto(contact: ImportedContact, holds: Holdings, notes: string | null): { contact: ImportedContact; leftOut: LeftOut } {
  const leftOut: LeftOut = { note: isNoteLeftOut(notes, contact.notes), emails: 0, phones: 0, links: 0, circles: 0 };
  const fit = <T>(kind: RowKind, values: T[], key: (value: T) => string): T[] => {
    const known = holds[kind];
    const fresh = new Set<string>();
    let room = STORED_LIMITS.rows - holds.sizes[kind];
    return values.filter((value) => {
      const k = key(value);
      if (known.has(k) || fresh.has(k)) return true;
      if (room <= 0) {
        leftOut[kind] += 1;
        return false;
      }
      room -= 1;
      fresh.add(k);
      return true;
    });
  };
  const links = fit("links", contact.links, (link) => linkKey(link.value));
  const profile = contact.linkedinUrl;
  const isProfileLeftOut = profile !== null && links.length < contact.links.length && !links.some((link) => linkKey(link.value) === linkKey(profile));
  return {
    contact: {
      ...contact,
      emails: fit("emails", contact.emails, (email) => emailKey(email.value)),
      phones: fit("phones", contact.phones, (phone) => holds.phoneKey(phone.value)),
      links,
      linkedinUrl: isProfileLeftOut ? null : profile,
      labels: fit("circles", contact.labels, holds.circleKey),
    },
    leftOut,
  };
}

// An own property, even one named like Object.prototype's ("__proto__").
function setOwn(object: Record<string, unknown>, key: string, value: unknown) {
  Object.defineProperty(object, key, { value, enumerable: true, writable: true, configurable: true });
}

// A contact being merged into, with the keys of what it has, kept as rows
// add to it: a row is compared with the sets, never with the lists.
type Merging = {
  contact: ExistingContact;
  emails: Set<string>;
  phones: Set<string>;
  links: Set<string>;
  circles: Set<string>;
};

const emailKey = (value: string) => value.toLowerCase();
const phoneValueKey = (value: string) => phoneKey(value) ?? value.toLowerCase();
// Within one file, a phone too short to be a number is told apart as written.
const foldPhoneKey = (value: string) => phoneKey(value) ?? value;

function mergeKeys(merging: Merging): Holdings {
  const { contact, emails, phones, links, circles } = merging;
  return {
    emails,
    phones,
    links,
    circles,
    sizes: { emails: contact.emails.length, phones: contact.phones.length, links: contact.links.length, circles: contact.circles.length },
    phoneKey: phoneValueKey,
    circleKey: (label) => label.toLowerCase(),
  };
}

function merging(contact: ExistingContact): Merging {
  // Copies: the lists and extra grow in place, and are the caller's.
  const copy = {
    ...contact,
    emails: [...contact.emails],
    phones: [...contact.phones],
    links: [...contact.links],
    circles: [...contact.circles],
    extra: { ...contact.extra },
  };
  return {
    contact: copy,
    emails: new Set(copy.emails.map(emailKey)),
    phones: new Set(copy.phones.map(phoneValueKey)),
    links: new Set(copy.links.map(linkKey)),
    circles: new Set(copy.circles),
  };
}

// What merging `incoming` into `target` would change; empty when nothing.
// The lists say what they add: `from` is null, since nothing is replaced.
function changesFor(merging: Merging, incoming: ImportedContact, isJobSource: boolean): Record<string, Change> {
  const target = merging.contact;
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
  const notes = withNote(target.notes, incoming.notes);
  if (notes !== null) changes.notes = { from: target.notes, to: notes };
  if (incoming.birthday && !target.birthday) changes.birthday = { from: null, to: incoming.birthday };
  if (incoming.connectedOn && !target.connectedOn) changes.connectedOn = { from: null, to: incoming.connectedOn };

  const added = (known: Set<string>, values: ImportedValue[], key: (value: string) => string) => {
    const inRow = new Set<string>();
    return values.filter((value) => {
      const k = key(value.value);
      if (known.has(k) || inRow.has(k)) return false;
      inRow.add(k);
      return true;
    });
  };
  const emails = added(merging.emails, incoming.emails, emailKey);
  if (emails.length > 0) changes.emails = { from: null, to: emails };
  const phones = added(merging.phones, incoming.phones, phoneValueKey);
  if (phones.length > 0) changes.phones = { from: null, to: phones };
  const links = added(merging.links, incoming.links, linkKey);
  if (links.length > 0) changes.links = { from: null, to: links };
  const circles = [...new Set(incoming.labels.filter((label) => !merging.circles.has(label.toLowerCase())))];
  if (circles.length > 0) changes.circles = { from: null, to: circles };
  const extra = Object.entries(incoming.extra).filter(([key]) => !Object.hasOwn(target.extra, key));
  if (extra.length > 0) {
    const to: Record<string, unknown> = {};
    for (const [key, value] of extra) setOwn(to, key, value);
    changes.extra = { from: null, to };
  }
  return changes;
}

function applyChanges(merging: Merging, changes: Record<string, Change>) {
  const target = merging.contact;
  const text = (change: Change | undefined, current: string | null) => (change ? (change.to as string) : current);
  target.company = text(changes.company, target.company);
  target.role = text(changes.role, target.role);
  target.location = text(changes.location, target.location);
  target.notes = text(changes.notes, target.notes);
  if (changes.birthday) target.birthday = changes.birthday.to as ExistingContact["birthday"];
  if (changes.connectedOn) target.connectedOn = changes.connectedOn.to as string;
  const append = (list: string[], known: Set<string>, change: Change | undefined, key: (value: string) => string) => {
    for (const { value } of (change?.to ?? []) as ImportedValue[]) {
      list.push(value);
      known.add(key(value));
    }
  };
  append(target.emails, merging.emails, changes.emails, emailKey);
  append(target.phones, merging.phones, changes.phones, phoneValueKey);
  append(target.links, merging.links, changes.links, linkKey);
  for (const name of (changes.circles?.to ?? []) as string[]) {
    target.circles.push(name.toLowerCase());
    merging.circles.add(name.toLowerCase());
  }
  for (const [key, value] of Object.entries((changes.extra?.to ?? {}) as Record<string, unknown>)) setOwn(target.extra, key, value);
}

// A row planned as new, which later rows of the file fold into; its sets
// start with the first fold.
type FoldingKeys = { emails: Set<string>; phones: Set<string>; links: Set<string>; labels: Set<string> };
type Folding = { contact: ImportedContact; keys: FoldingKeys | null };

function folded(contact: ImportedContact): Folding {
  // A copy whose lists grow in place: the parsed row stays as it was.
  const copy = {
    ...contact,
    emails: [...contact.emails],
    phones: [...contact.phones],
    links: [...contact.links],
    labels: [...contact.labels],
    extra: { ...contact.extra },
  };
  return { contact: copy, keys: null };
}

function keysOf(folding: Folding): FoldingKeys {
  const first = folding.contact;
  if (folding.keys === null) {
    first.labels = [...new Set(first.labels)];
    folding.keys = {
      emails: new Set(first.emails.map((value) => emailKey(value.value))),
      phones: new Set(first.phones.map((value) => foldPhoneKey(value.value))),
      links: new Set(first.links.map((value) => linkKey(value.value))),
      labels: new Set(first.labels),
    };
  }
  return folding.keys;
}

function foldKeys(folding: Folding): Holdings {
  const first = folding.contact;
  const { emails, phones, links, labels } = keysOf(folding);
  return {
    emails,
    phones,
    links,
    circles: labels,
    sizes: { emails: first.emails.length, phones: first.phones.length, links: first.links.length, circles: first.labels.length },
    phoneKey: foldPhoneKey,
    circleKey: (label) => label,
  };
}

// A later row of the same file adds what the first lacked.
function foldInto(folding: Folding, later: ImportedContact) {
  const first = folding.contact;
  const keys = keysOf(folding);
  for (const field of ["company", "role", "location", "linkedinUrl", "connectedOn"] as const) {
    first[field] ??= later[field];
  }
  first.notes = withNote(first.notes, later.notes) ?? first.notes;
  first.birthday ??= later.birthday;
  const union = (list: ImportedValue[], known: Set<string>, values: ImportedValue[], key: (value: string) => string) => {
    for (const value of values) {
      const k = key(value.value);
      if (known.has(k)) continue;
      known.add(k);
      list.push(value);
    }
  };
  union(first.emails, keys.emails, later.emails, emailKey);
  union(first.phones, keys.phones, later.phones, foldPhoneKey);
  union(first.links, keys.links, later.links, linkKey);
  for (const label of later.labels) {
    if (keys.labels.has(label)) continue;
    keys.labels.add(label);
    first.labels.push(label);
  }
  for (const [key, value] of Object.entries(later.extra)) {
    if (!Object.hasOwn(first.extra, key)) setOwn(first.extra, key, value);
  }
}
