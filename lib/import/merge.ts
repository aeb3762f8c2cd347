import type { ImportedContact, ImportedValue } from "@/lib/domain/import";
import { STORED_LIMITS } from "@/lib/validations/stored-contact";
import { linkKey, phoneKey, same } from "./match-keys";
import type { Change, ExistingContact } from "./plan";

// What merging a row into a contact (or a repeated row into the first one)
// adds, within what a contact may hold: the planner (plan.ts) decides who
// merges into whom, this decides what it changes. Each merge costs time in
// the row's size: every target keeps the keys it already holds.

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

export function leftOutReason(leftOut: LeftOut): string | null {
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
export function fitInto(contact: ImportedContact, holds: Holdings, notes: string | null): { contact: ImportedContact; leftOut: LeftOut } {
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
export type Merging = {
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

export function mergeKeys(merging: Merging): Holdings {
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

export function merging(contact: ExistingContact): Merging {
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
export function changesFor(merging: Merging, incoming: ImportedContact, isJobSource: boolean): Record<string, Change> {
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

export function applyChanges(merging: Merging, changes: Record<string, Change>) {
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
export type Folding = { contact: ImportedContact; keys: FoldingKeys | null };

export function folded(contact: ImportedContact): Folding {
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

export function foldKeys(folding: Folding): Holdings {
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
export function foldInto(folding: Folding, later: ImportedContact) {
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
