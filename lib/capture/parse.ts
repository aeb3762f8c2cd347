// Reads the text of a scanned QR code, or what another app shared, as a
// contact to pre-fill. Pure and total: any string gives a contact or null
// (not a contact), never an exception.
//
// - vCard 2.1, 3.0 and 4.0 (folded lines, escapes, QUOTED-PRINTABLE with a
//   CHARSET) through the importer's own reader; the first card counts.
// - MeCard: `MECARD:N:Quinn,Ada;TEL:…;EMAIL:…;ORG:…;TITLE:…;NOTE:…;URL:…;;`,
//   N written "family,given", `\` escaping `; : , \`.
// - A LinkedIn profile URL (scheme, www and a country subdomain optional,
//   query strings dropped, lookalike hosts refused), named from its slug.
// - "Name <email>" or a bare email on the first line; later lines are a note.
// Every field is then checked by the contact form's schema (prefill.ts).

import { parsePastedPeople } from "@/lib/events/paste-parser";
import { normalizeLinkedInUrl } from "@/lib/import/csv";
import { parseVCards } from "@/lib/import/vcard";
import { splitEscaped, unescapeText } from "@/lib/import/vcard-lines";
import {
  type CapturedContact,
  type ContactPrefill,
  type ContactPrefillInput,
  isEmptyPrefill,
  oneLine,
  PREFILL_NOTE_MAX,
  toPrefill,
} from "./prefill";

export type CaptureFormat = "vcard" | "mecard" | "linkedin" | "email";
export type Captured = { format: CaptureFormat; contact: CapturedContact };

// A QR code holds at most 2,953 bytes and a shared text is read from a capped
// body; past this length nothing is a contact worth reading.
const MAX_TEXT_LENGTH = 100_000;
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;

export function parseCapturedText(raw: string): Captured | null {
  if (typeof raw !== "string" || raw.length > MAX_TEXT_LENGTH) return null;
  const text = raw.replace(/^\uFEFF/, "").trim();
  if (text === "") return null;
  if (/^MECARD:/i.test(text)) return named("mecard", parseMeCard(text.slice("MECARD:".length)));
  if (/^BEGIN:VCARD\b/im.test(text)) return named("vcard", parseVCard(text));
  const linkedin = normalizeLinkedInUrl(text);
  if (linkedin && !/\s/.test(text)) return named("linkedin", { linkedin, name: nameFromLinkedInUrl(linkedin) });
  return named("email", parseEmailLine(text));
}

function named(format: CaptureFormat, input: ContactPrefillInput | null): Captured | null {
  if (!input) return null;
  const prefill = toPrefill(input);
  return prefill.name === null ? null : { format, contact: { ...prefill, name: prefill.name } };
}

function parseVCard(text: string): ContactPrefillInput | null {
  const card = parseVCards(text).contacts[0];
  if (!card) return null;
  return {
    name: card.name,
    email: card.emails[0]?.value,
    phone: card.phones[0]?.value,
    company: card.company,
    role: card.role,
    linkedin: card.linkedinUrl,
    website: card.links.find((link) => link.value !== card.linkedinUrl)?.value,
    note: card.notes,
  };
}

function parseMeCard(body: string): ContactPrefillInput | null {
  const values = new Map<string, string>();
  for (const part of splitEscaped(body, ";")) {
    const colon = part.indexOf(":");
    if (colon <= 0) continue;
    const key = part.slice(0, colon).trim().toUpperCase();
    // The first of each counts: a card with two numbers gives the first.
    if (!values.has(key)) values.set(key, part.slice(colon + 1));
  }
  const text = (key: string) => {
    const value = values.get(key);
    return value === undefined ? undefined : unescapeText(value).trim();
  };
  const n = values.get("N");
  const name = (n === undefined ? "" : nameFromMeCardN(n)) || text("NICKNAME") || text("ORG");
  if (!name) return null;
  const url = text("URL");
  const linkedin = url ? normalizeLinkedInUrl(url) : null;
  return {
    name,
    email: text("EMAIL"),
    phone: text("TEL"),
    company: text("ORG"),
    role: text("TITLE"),
    linkedin,
    website: linkedin ? undefined : url,
    note: text("NOTE"),
  };
}

// "Quinn,Ada" is family name, then given name; "Ada Quinn" is used as written.
function nameFromMeCardN(value: string): string {
  const [family = "", given = ""] = splitEscaped(value, ",").map((part) => oneLine(unescapeText(part)));
  if (given === "") return family;
  // Chinese, Japanese and Korean names are written family name first.
  return CJK.test(family) ? `${family} ${given}` : `${given} ${family}`;
}

/** "Ada Quinn" from …/in/ada-quinn-0a1b2c3: words without digits, capitalised. */
export function nameFromLinkedInUrl(url: string): string {
  const slug = url.slice(url.lastIndexOf("/") + 1);
  let decoded = slug;
  try {
    decoded = decodeURIComponent(slug);
  } catch {
    // A malformed escape: the slug as it is.
  }
  const words = decoded.split(/[-_.\s]+/).filter(Boolean);
  const letters = words.filter((word) => !/\d/.test(word));
  return (letters.length > 0 ? letters : words).map(capitalise).join(" ");
}

function capitalise(word: string): string {
  const [head = "", ...rest] = Array.from(word);
  return head.toLocaleUpperCase() + rest.join("");
}

// The first non-blank line is the person; the lines after it are a note.
function parseEmailLine(text: string): ContactPrefillInput | null {
  const lines = text.split(/\r\n?|\n/);
  const index = lines.findIndex((line) => line.trim() !== "");
  const line = (lines[index] ?? "").trim().replace(/^mailto:([^?\s]+)\?\S*$/i, "$1");
  if (!line.includes("@")) return null;
  const { rows } = parsePastedPeople(line);
  const row = rows[0];
  if (rows.length !== 1 || !row || row.email === "") return null;
  return { name: row.name, email: row.email, company: row.company, role: row.role, note: lines.slice(index + 1).join("\n") };
}

export type SharedData = { title?: string | null; text?: string | null; url?: string | null };

/**
 * What another app shared (Web Share Target's title, text and url), as a
 * new contact's fields: a contact when the text or url is one, otherwise
 * the text as a note and the url as a link for the person to finish.
 */
export function parseShare(shared: SharedData): ContactPrefill {
  const title = cap(shared.title);
  const text = cap(shared.text);
  const url = cap(shared.url);
  const linkedin = findLinkedInUrl(url) ?? findLinkedInUrl(text);
  if (linkedin) {
    return toPrefill({ linkedin, name: nameFromLinkedInTitle(title) ?? nameFromLinkedInUrl(linkedin) });
  }
  const captured = parseCapturedText(text) ?? parseCapturedText(url);
  if (captured) return captured.contact;
  // A long text is cut to what a note on the form holds, not dropped.
  const prefill = toPrefill({ note: text.slice(0, PREFILL_NOTE_MAX), website: url });
  return isEmptyPrefill(prefill) ? toPrefill({ note: [title, url].filter(Boolean).join("\n").slice(0, PREFILL_NOTE_MAX) }) : prefill;
}

function cap(value: string | null | undefined): string {
  return typeof value === "string" ? value.slice(0, MAX_TEXT_LENGTH) : "";
}

// A profile URL anywhere in the text ("See Ada's profile: https://…"), its
// trailing punctuation dropped.
function findLinkedInUrl(text: string): string | null {
  for (const token of text.split(/\s+/)) {
    const url = token.includes("linkedin.com") ? normalizeLinkedInUrl(token.replace(/^[<("']+|[>)"'.,;!?]+$/g, "")) : null;
    if (url) return url;
  }
  return null;
}

// A profile page's title: "Ada Quinn - Staff Engineer - Acme | LinkedIn".
function nameFromLinkedInTitle(title: string): string | null {
  const match = /^(.+?)\s+[-–|]\s.*\|\s*LinkedIn\s*$|^(.+?)\s*\|\s*LinkedIn\s*$/i.exec(oneLine(title));
  return (match?.[1] ?? match?.[2])?.trim() || null;
}
