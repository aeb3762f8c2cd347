// Writes contacts as vCard 3.0 (RFC 2426), the version Apple Contacts, Google
// and Outlook all read, one card at a time so an export can stream.
//
// What parseVCards reads back from a card written here is what was written:
// the fields, the labels and the lines an import kept in extra.vcard.
// - Labels Apple and Google know ("work", "home", "mobile"…) become TYPEs;
//   any other label is an X-ABLabel in the value's group, as Apple writes it.
// - An imported N or ORG line is written back as it was (keeping a middle
//   name or a department) while it still agrees with the name or company.
// - The location becomes an ADR holding it as the city, unless the kept ADR
//   lines already give it; when they give another, X-KITH-LOCATION says
//   which one is right.

import type { ImportedContact, ImportedValue } from "@/lib/domain/import";
import { locationOf, nameAgrees, splitPersonName } from "@/lib/import/vcard";
import { componentsOf, parseVCardLine, type VCardProperty } from "@/lib/import/vcard-lines";

export type ExportableContact = Pick<
  ImportedContact,
  "name" | "company" | "role" | "location" | "notes" | "emails" | "phones" | "links" | "birthday" | "labels" | "extra"
>;

const EMAIL_TYPES = new Map([
  ["work", "WORK"],
  ["home", "HOME"],
]);
const TEL_TYPES = new Map([
  ["mobile", "CELL"],
  ["work", "WORK"],
  ["home", "HOME"],
  ["fax", "FAX"],
  ["pager", "PAGER"],
]);
const URL_TYPES = EMAIL_TYPES;
// Kept lines never written back: the card's frame, and what this writer
// always decides itself.
const NEVER_KEPT = new Set(["BEGIN", "END", "VERSION", "FN", "N", "ORG", "X-KITH-LOCATION"]);
const MAX_OCTETS = 75;
const ASCII = /^[\x00-\x7f]*$/;

export function toVCard(contact: ExportableContact): string {
  const extras = keptLines(contact.extra);
  const groups = new Set(extras.flatMap((p) => (p.group ? [p.group.toLowerCase()] : [])));
  let item = 0;
  const newGroup = () => {
    do item++;
    while (groups.has(`item${item}`));
    return `item${item}`;
  };
  const name = oneLine(contact.name);
  // Kept lines of these names are not copied: the card has its own.
  const written = new Set(NEVER_KEPT);
  const lines = ["BEGIN:VCARD", "VERSION:3.0", `FN:${escapeText(name)}`];

  // Kept N and ORG lines are written back in their place among the kept lines.
  const keptName = extras.find((p) => p.name === "N" && nameAgrees(p, name));
  const { family, given } = splitPersonName(name);
  if (!keptName) lines.push(`N:${escapeText(family)};${escapeText(given)};;;`);
  // An ORG with a department but no company agrees with no company.
  const company = oneLine(contact.company ?? "");
  const keptOrg = extras.find((p) => p.name === "ORG" && (componentsOf(p)[0] ?? "") === company);
  if (!keptOrg && company) lines.push(`ORG:${escapeText(company)}`);
  const role = oneLine(contact.role ?? "");
  if (role) {
    lines.push(`TITLE:${escapeText(role)}`);
    written.add("TITLE");
  }

  const valueLines = (
    property: string,
    values: ImportedValue[],
    known: Map<string, string>,
    encode: (value: string) => string,
    base: string[] = [],
  ) => {
    const present = values.filter((v) => v.value.trim() !== "");
    present.forEach(({ value, label }, index) => {
      const types = [...base];
      const text = label?.trim() ?? "";
      const type = known.get(text);
      if (type) types.push(type);
      if (index === 0 && present.length > 1) types.push("PREF");
      const group = text && !type ? newGroup() : null;
      const params = types.length > 0 ? `;TYPE=${types.join(",")}` : "";
      lines.push(`${group ? `${group}.` : ""}${property}${params}:${encode(value.trim())}`);
      if (group) lines.push(`${group}.X-ABLabel:${escapeText(text)}`);
    });
  };
  valueLines("EMAIL", contact.emails, EMAIL_TYPES, escapeText, ["INTERNET"]);
  valueLines("TEL", contact.phones, TEL_TYPES, escapeText);
  valueLines("URL", contact.links, URL_TYPES, escapeUri);

  const location = oneLine(contact.location ?? "") || null;
  const fromAddresses = extras.filter((p) => p.name === "ADR").map(locationOf).find((l) => l !== null) ?? null;
  if (location !== fromAddresses) {
    if (fromAddresses === null) lines.push(`ADR:;;;${escapeText(location ?? "")};;;`);
    else lines.push(`X-KITH-LOCATION:${escapeText(location ?? "")}`);
  }
  const notes = contact.notes?.trim();
  if (notes) {
    lines.push(`NOTE:${escapeText(notes)}`);
    written.add("NOTE");
  }
  const labels = contact.labels.map(oneLine).filter(Boolean);
  if (labels.length > 0) {
    lines.push(`CATEGORIES:${labels.map(escapeText).join(",")}`);
    written.add("CATEGORIES");
  }
  if (contact.birthday) {
    lines.push(`BDAY:${birthdayText(contact.birthday)}`);
    written.add("BDAY");
  }

  for (const prop of extras) {
    if (prop === keptName || prop === keptOrg || !written.has(prop.name)) lines.push(prop.line);
  }
  lines.push("END:VCARD");
  return `${lines.map(foldLine).join("\r\n")}\r\n`;
}

export function toVCards(contacts: Iterable<ExportableContact>): string {
  const cards: string[] = [];
  for (const contact of contacts) cards.push(toVCard(contact));
  return cards.join("");
}

/** RFC 2426 §4: backslash, line breaks, comma and semicolon are escaped in text values. */
export function escapeText(text: string): string {
  return text.replace(/[\\,;]/g, (c) => `\\${c}`).replace(/\r\n|\r|\n/g, "\\n");
}

// A URI is not text and is written as it is, but readers unescape it: a
// backslash (rare, and only in a query) is written as %5C.
function escapeUri(uri: string): string {
  return uri.replace(/\\/g, "%5C").replace(/[\r\n]/g, "");
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

function pad(value: number, length: number): string {
  return String(value).padStart(length, "0");
}

// `--0417` when there is no year, as Apple and Google write it.
function birthdayText({ year, month, day }: NonNullable<ExportableContact["birthday"]>): string {
  return year === null ? `--${pad(month, 2)}${pad(day, 2)}` : `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

function keptLines(extra: ExportableContact["extra"]): VCardProperty[] {
  // extra comes from a jsonb column: checked, not trusted.
  const value: unknown = extra.vcard;
  const lines = Array.isArray(value) ? value.filter((line): line is string => typeof line === "string") : typeof value === "string" ? [value] : [];
  // A line break would end the line early, and a leading space would join
  // it to the line before: either would corrupt the card.
  return lines.flatMap((line) => {
    const prop = /[\r\n]|^[ \t]/.test(line) ? null : parseVCardLine(line);
    return prop ? [prop] : [];
  });
}

/**
 * Folds a content line into lines of at most 75 octets of UTF-8, each after
 * the first starting with a space (RFC 2426 §2.6). A character is never
 * split, and no line ends in "=", which a vCard 2.1 reader would take for a
 * quoted-printable soft break in a kept line.
 */
export function foldLine(line: string): string {
  if (line.length <= MAX_OCTETS && ASCII.test(line)) return line;
  const chunks: string[] = [];
  if (ASCII.test(line)) {
    let start = 0;
    while (start < line.length) {
      let end = Math.min(line.length, start + (start === 0 ? MAX_OCTETS : MAX_OCTETS - 1));
      while (end < line.length && end - start > 1 && line[end - 1] === "=") end--;
      chunks.push(line.slice(start, end));
      start = end;
    }
    return chunks.join("\r\n ");
  }
  let chunk: string[] = [];
  let octets = 0;
  let limit = MAX_OCTETS;
  for (const char of line) {
    const size = utf8Length(char);
    if (octets + size > limit && chunk.length > 0) {
      // Carry trailing "=" over to the next line.
      const carried: string[] = [];
      while (chunk.length > 1 && chunk[chunk.length - 1] === "=") carried.unshift(chunk.pop() ?? "");
      chunks.push(chunk.join(""));
      chunk = carried;
      octets = carried.length;
      limit = MAX_OCTETS - 1;
      while (octets + size > limit && chunk.length > 0) {
        chunks.push(chunk.join(""));
        chunk = [];
        octets = 0;
      }
    }
    chunk.push(char);
    octets += size;
  }
  chunks.push(chunk.join(""));
  return chunks.join("\r\n ");
}

function utf8Length(char: string): number {
  const code = char.codePointAt(0) ?? 0;
  if (code < 0x80) return 1;
  if (code < 0x800) return 2;
  return code < 0x10000 ? 3 : 4;
}
