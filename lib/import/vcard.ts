// Reads vCard 2.1, 3.0 and 4.0 files (Apple Contacts, Google, Android, old
// phones) into ImportedContacts. Pure and total: any string gives a result,
// never an exception, and every BEGIN:VCARD is one contact or one rejection.
//
// - Lines end in CRLF, LF or CR; a line starting with a space or tab
//   continues the one before (RFC 6350 §3.2). vCard 2.1 quoted-printable
//   values continue after a trailing "=", and 2.1 base64 blocks may run on
//   over unindented lines.
// - Text outside BEGIN:VCARD … END:VCARD is ignored; a card missing its END
//   ends at the next BEGIN or at the end of the file.
// - What Kith has no column for (photos, UID, anniversaries, street
//   addresses…) is kept in extra.vcard as the unfolded lines, exactly as
//   written, so lib/export/vcard.ts can write them back.
// - A value is cut as a CSV cell is (MAX_CELL_LENGTH), the notes of a card
//   together at MAX_NOTES_LENGTH, and a card gives at most
//   STORED_LIMITS.rows emails, phones, links and labels: what Kith stores
//   must restore from its own export. A line whose values are past that
//   many is kept in extra, so nothing is lost.
// Every step is one pass over its text: files of 10,000 cards with photos
// folded over hundreds of lines are common.

import { normalizeUrl } from "@/lib/domain/url";
import { STORED_LIMITS } from "@/lib/validations/stored-contact";
import { cutText, MAX_CELL_LENGTH, normalizeEmail, normalizeLinkedInUrl } from "./csv";
import { MAX_NOTES_LENGTH } from "./merge";
import type { ImportedContact, ImportedValue, ImportRejection, ParseResult } from "@/lib/domain/import";
import {
  componentsOf,
  decoded,
  listOf,
  oneLine,
  param,
  parseVCardLine,
  splitEscaped,
  textOf,
  types,
  unescapeText,
  unfoldedLines,
  type VCardProperty,
} from "./vcard-lines";
import { MAX_IMPORT_ROWS, tooManyRowsMessage } from "./decode";
import { runSteps, type Steps } from "./steps";

export const VCARD_NO_CARDS_ERROR = "No contacts found: a vCard file lists each contact between BEGIN:VCARD and END:VCARD lines.";
export const NO_NAME = "No name, email or organization";
export const GROUP_CARD = "A contact group, not a person";

// TYPE values that say how to use a value, not whose it is: no label.
const NOT_LABELS = new Set(
  ["internet", "x400", "pref", "voice", "msg", "text", "bbs", "modem", "isdn", "pcs", "intl", "dom", "postal", "parcel", "video", "uri"],
);
// Apple wraps its built-in labels: `_$!<Mobile>!$_`.
const APPLE_LABEL = /^_\$!<(.*)>!\$_$/;
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;

const cell = (text: string) => cutText(text, MAX_CELL_LENGTH);

export function parseVCards(text: string): ParseResult {
  return runSteps(vCardSteps(text));
}

export function* vCardSteps(text: string): Steps<ParseResult> {
  const result: ParseResult = { source: "vcard", rows: 0, contacts: [], rejected: [], errors: [] };
  let card: VCardProperty[] | null = null;
  const finish = (props: VCardProperty[]) => {
    result.rows += 1;
    const outcome = cardToContact(props, result.rows);
    if ("reason" in outcome) result.rejected.push(outcome);
    else result.contacts.push(outcome);
  };
  for (const line of unfoldedLines(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text)) {
    yield;
    const prop = parseVCardLine(line);
    if (!prop) continue;
    if (prop.name === "BEGIN") {
      if (prop.value.trim().toUpperCase() !== "VCARD") continue;
      if (card) finish(card);
      if (result.rows === MAX_IMPORT_ROWS) {
        return { source: "vcard", rows: 0, contacts: [], rejected: [], errors: [tooManyRowsMessage()] };
      }
      card = [];
    } else if (card && prop.name === "END") {
      finish(card);
      card = null;
    } else if (card) {
      card.push(prop);
    }
  }
  if (card) finish(card);
  if (result.rows === 0) result.errors.push(VCARD_NO_CARDS_ERROR);
  return result;
}

type NameParts = { family: string; given: string; additional: string; prefix: string; suffix: string };

function nameParts(prop: VCardProperty): NameParts {
  // Each component may be a list ("Augusta,Byron"): read as words.
  const [family = "", given = "", additional = "", prefix = "", suffix = ""] = splitEscaped(decoded(prop), ";").map((part) =>
    cell(
      splitEscaped(part, ",")
        .map((item) => oneLine(unescapeText(item)))
        .filter(Boolean)
        .join(" "),
    ),
  );
  return { family, given, additional, prefix, suffix };
}

function nameFromParts(n: NameParts): string {
  // Chinese, Japanese and Korean names are written family name first.
  const ordered = CJK.test(n.family)
    ? [n.prefix, n.family, n.given, n.additional, n.suffix]
    : [n.prefix, n.given, n.additional, n.family, n.suffix];
  return ordered.filter(Boolean).join(" ");
}

/** How the writer fills N from a name: last word is the family name (the first one for CJK names). */
export function splitPersonName(name: string): { family: string; given: string } {
  const words = oneLine(name).split(" ").filter(Boolean);
  if (words.length < 2) return { family: "", given: words.join("") };
  if (CJK.test(name)) return { family: words[0] ?? "", given: words.slice(1).join(" ") };
  return { family: words[words.length - 1] ?? "", given: words.slice(0, -1).join(" ") };
}

/** Whether an N's family and given names are in the name: the writer then writes it back. */
export function nameAgrees(prop: VCardProperty, name: string): boolean {
  const { family, given } = nameParts(prop);
  const parts = [family, given].filter(Boolean);
  return parts.length > 0 && parts.every((part) => name.includes(part));
}

/** The location an ADR gives: locality, region and country. Null when it names none. */
export function locationOf(prop: VCardProperty): string | null {
  const [, , , locality = "", region = "", , country = ""] = componentsOf(prop);
  return [locality, region, country].filter(Boolean).join(", ") || null;
}

// The ADR the writer makes from a location: nothing else in it, so it is not kept in extra.
function isPlainLocation(prop: VCardProperty): boolean {
  if (prop.group !== null || prop.params.size > 0) return false;
  const parts = componentsOf(prop);
  return parts.length <= 7 && parts.every((part, index) => index === 3 || part === "");
}

function labelText(raw: string): string | null {
  const text = oneLine(raw);
  const apple = APPLE_LABEL.exec(text);
  return cell(apple ? oneLine(apple[1] ?? "").toLowerCase() : text) || null;
}

function typeLabel(prop: VCardProperty): string | null {
  // Apple's iPhone number is also TYPE=CELL.
  if (types(prop).includes("iphone")) return "iPhone";
  const words = types(prop)
    .map(oneLine)
    .filter((t) => t !== "" && !NOT_LABELS.has(t))
    .map((t) => (t === "cell" ? "mobile" : t));
  return cell(oneLine([...new Set(words)].join(" "))) || null;
}

// vCard 4 PREF=1 (1 is most preferred) or 2.1/3.0 TYPE=pref.
function preference(prop: VCardProperty): number {
  const pref = Number(param(prop, "PREF"));
  if (Number.isInteger(pref) && pref >= 1) return pref;
  return types(prop).includes("pref") ? 1 : Number.POSITIVE_INFINITY;
}

const BIRTHDAY = /^(\d{4})-?(\d{2})-?(\d{2})$/;
const BIRTHDAY_NO_YEAR = /^--(\d{2})-?(\d{2})$/;

function birthdayOf(prop: VCardProperty): ImportedContact["birthday"] {
  const valueType = param(prop, "VALUE")?.toLowerCase();
  if (valueType && !valueType.startsWith("date")) return null;
  const text = textOf(prop).trim();
  const date = text.includes("T") ? text.slice(0, text.indexOf("T")) : text;
  const full = BIRTHDAY.exec(date);
  const partial = full ? null : BIRTHDAY_NO_YEAR.exec(date);
  if (!full && !partial) return null;
  let year = full ? Number(full[1]) : null;
  const month = Number(full ? full[2] : partial?.[1]);
  const day = Number(full ? full[3] : partial?.[2]);
  // Apple writes a birthday without a year as 1604 with X-APPLE-OMIT-YEAR=1604.
  if (year === 0 || (year !== null && Number(param(prop, "X-APPLE-OMIT-YEAR")) === year)) year = null;
  const check = new Date(Date.UTC(2000, month - 1, day));
  if (year !== null) check.setUTCFullYear(year, month - 1, day);
  if (month < 1 || month > 12 || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return null;
  return { year, month, day };
}

function phoneOf(prop: VCardProperty): string {
  let text = oneLine(textOf(prop));
  // tel:+1-555-555-0100;ext=102 (vCard 4 VALUE=uri)
  while (/^tel:/i.test(text)) {
    const [number = "", ...uriParams] = text.slice(4).split(";");
    const ext = uriParams.find((p) => p.toLowerCase().startsWith("ext="))?.slice(4);
    text = oneLine(ext?.trim() ? `${number} ext. ${ext}` : number);
  }
  return cell(text);
}

type Labelled = ImportedValue & { preference: number; prop: VCardProperty };

// The values most preferred first, each once, at most STORED_LIMITS.rows;
// the lines of those past that many are kept in extra.
function ordered(values: Labelled[], kept: Set<VCardProperty>): ImportedValue[] {
  const seen = new Set<string>();
  const unique = values
    .sort((a, b) => a.preference - b.preference)
    .filter((v) => {
      if (seen.has(v.value)) return false;
      seen.add(v.value);
      return true;
    });
  for (const { prop } of unique.slice(STORED_LIMITS.rows)) kept.add(prop);
  return unique.slice(0, STORED_LIMITS.rows).map(({ value, label }) => ({ value, label }));
}

function cardToContact(props: VCardProperty[], row: number): ImportedContact | ImportRejection {
  // Apple and Google label a value with an X-ABLabel line in the same group
  // (group names are case-insensitive).
  const groupLabels = new Map<string, string>();
  for (const prop of props) {
    const group = prop.group?.toLowerCase();
    if (prop.name === "X-ABLABEL" && group && !groupLabels.has(group)) groupLabels.set(group, textOf(prop));
  }
  const labelledGroups = new Set<string>();
  const labelOf = (prop: VCardProperty, fallback: string | null = null) => {
    const group = prop.group?.toLowerCase();
    const fromGroup = group === undefined ? undefined : groupLabels.get(group);
    if (group === undefined || fromGroup === undefined) return typeLabel(prop) ?? fallback;
    labelledGroups.add(group);
    return labelText(fromGroup);
  };

  let fn: string | null = null;
  let n: { parts: NameParts; prop: VCardProperty } | null = null;
  let nickname: string | null = null;
  let company: string | null | undefined;
  let role: string | null = null;
  let roleFallback: VCardProperty | null = null;
  let kithLocation: string | null | undefined;
  let adrLocation: { location: string; isCut: boolean; prop: VCardProperty } | null = null;
  let birthday: ImportedContact["birthday"] = null;
  let isGroup = false;
  const notes: string[] = [];
  const labels = new Set<string>();
  const emails: Labelled[] = [];
  const phones: Labelled[] = [];
  const links: Labelled[] = [];
  const kept = new Set<VCardProperty>();
  const unreadBirthdays: VCardProperty[] = [];

  for (const prop of props) {
    switch (prop.name) {
      case "VERSION":
      case "X-ABLABEL":
        continue;
      // One name, company, role and birthday: the first usable line gives
      // it, and later ones are dropped (vCard 3.0 could not write them back).
      case "FN":
        fn ??= cell(oneLine(textOf(prop))) || null;
        continue;
      case "N":
        n ??= { parts: nameParts(prop), prop };
        continue;
      case "NICKNAME":
        nickname ??= listOf(prop).slice(0, 1).map(cell)[0] ?? null;
        kept.add(prop);
        continue;
      case "ORG": {
        if (company !== undefined) continue;
        const [first = "", ...rest] = componentsOf(prop);
        company = cell(first) || null;
        // The department stays with the line, which the writer reuses.
        if (rest.some(Boolean)) kept.add(prop);
        continue;
      }
      case "TITLE":
        role ??= cell(oneLine(textOf(prop))) || null;
        continue;
      case "ROLE":
        if (!roleFallback && oneLine(textOf(prop))) roleFallback = prop;
        else kept.add(prop);
        continue;
      case "EMAIL": {
        const value = normalizeEmail(textOf(prop));
        if (value) emails.push({ value, label: labelOf(prop), preference: preference(prop), prop });
        else if (textOf(prop).trim()) kept.add(prop);
        continue;
      }
      case "TEL": {
        const value = phoneOf(prop);
        if (value) phones.push({ value, label: labelOf(prop), preference: preference(prop), prop });
        continue;
      }
      case "URL": {
        const text = cell(oneLine(textOf(prop)));
        const url = normalizeLinkedInUrl(text) ?? normalizeUrl(text);
        if (url) links.push({ value: url, label: labelOf(prop), preference: preference(prop), prop });
        else if (text) kept.add(prop);
        continue;
      }
      case "X-SOCIALPROFILE":
      case "X-LINKEDIN": {
        const isLinkedIn = prop.name === "X-LINKEDIN" || types(prop).includes("linkedin");
        const text = cell(oneLine(textOf(prop)));
        // Apple writes `x-user=ada-lovelace:x-apple:ada-lovelace` when it has no URL.
        const user = param(prop, "X-USER");
        const slug = user !== null ? cell(user) : /^[\p{L}\p{N}_%-]+$/u.test(text) ? text : null;
        const fromSlug = slug ? normalizeLinkedInUrl(`https://www.linkedin.com/in/${slug}`) : null;
        const url = isLinkedIn ? (normalizeLinkedInUrl(text) ?? fromSlug) : null;
        if (url) links.push({ value: url, label: labelOf(prop, "linkedin"), preference: preference(prop), prop });
        else kept.add(prop);
        continue;
      }
      case "ADR": {
        const location: string | null = adrLocation ? null : locationOf(prop);
        if (location) adrLocation = { location: cell(location), isCut: location.length > MAX_CELL_LENGTH, prop };
        kept.add(prop);
        continue;
      }
      case "X-KITH-LOCATION":
        kithLocation = cell(oneLine(textOf(prop))) || null;
        continue;
      case "NOTE": {
        const note = textOf(prop).replace(/\r\n?/g, "\n").trim();
        if (note) notes.push(note);
        continue;
      }
      case "CATEGORIES":
        // Google puts every contact in its system group "myContacts".
        for (const label of listOf(prop).map(cell)) {
          if (label.toLowerCase() === "mycontacts" || labels.has(label)) continue;
          if (labels.size < STORED_LIMITS.rows) labels.add(label);
          else kept.add(prop);
        }
        continue;
      case "BDAY":
        if (birthday) continue;
        birthday = birthdayOf(prop);
        // "circa 1800", month 13: kept while there is no birthday to write instead.
        if (!birthday) unreadBirthdays.push(prop);
        continue;
      case "KIND":
      case "X-ADDRESSBOOKSERVER-KIND":
        isGroup ||= textOf(prop).trim().toLowerCase() === "group";
        kept.add(prop);
        continue;
      default:
        kept.add(prop);
    }
  }

  if (isGroup) return { row, reason: GROUP_CARD };
  if (!birthday) for (const prop of unreadBirthdays) kept.add(prop);
  if (role === null && roleFallback) role = cell(oneLine(textOf(roleFallback)));
  else if (roleFallback) kept.add(roleFallback);
  const sortedEmails = ordered(emails, kept);
  const name = fn || (n && nameFromParts(n.parts)) || nickname || company || sortedEmails[0]?.value;
  if (!name) return { row, reason: NO_NAME };

  // N is kept when it says more than the writer would make from the name
  // (a middle name, a title), and only while it is this person's name.
  if (n && nameAgrees(n.prop, name)) {
    const split = splitPersonName(name);
    const { family, given, additional, prefix, suffix } = n.parts;
    if (family !== split.family || given !== split.given || additional || prefix || suffix) kept.add(n.prop);
  }
  // The ADR the location came from is dropped when the location says it all.
  const dropped =
    kithLocation === undefined && adrLocation && !adrLocation.isCut && isPlainLocation(adrLocation.prop) ? adrLocation.prop : null;
  const sortedLinks = ordered(links, kept);
  const sortedPhones = ordered(phones, kept);
  const extraLines = props
    .filter((p) => p !== dropped && (kept.has(p) || (p.name === "X-ABLABEL" && !labelledGroups.has(p.group?.toLowerCase() ?? ""))))
    .map((p) => p.line);

  return {
    row,
    name,
    company: company ?? null,
    role,
    location: kithLocation !== undefined ? kithLocation : (adrLocation?.location ?? null),
    notes: cutText(notes.join("\n\n"), MAX_NOTES_LENGTH) || null,
    emails: sortedEmails,
    phones: sortedPhones,
    links: sortedLinks,
    linkedinUrl: sortedLinks.find((link) => normalizeLinkedInUrl(link.value) === link.value)?.value ?? null,
    birthday,
    connectedOn: null,
    labels: [...labels],
    extra: extraLines.length > 0 ? { vcard: extraLines } : {},
  };
}
