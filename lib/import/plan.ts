import { normalizeLinkedInUrl } from "./csv";
import { MinQueue } from "./min-queue";
import { runSteps, type Steps } from "./steps";
import { nameCompanyKey, phoneKey } from "./match-keys";
import {
  applyChanges,
  changesFor,
  fitInto,
  folded,
  type Folding,
  foldInto,
  foldKeys,
  leftOutReason,
  mergeKeys,
  merging,
} from "./merge";
import type { ImportedContact, ImportSource } from "@/lib/domain/import";

// Decides, for every parsed row, what confirming the import does: create a
// contact, merge new details into the contact it matches, or skip it
// because it adds nothing. Pure: lib/import/candidates.ts loads the user's
// candidate contacts, process.ts writes the plan, merge.ts says what each
// merge adds.
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
