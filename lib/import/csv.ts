// What the CSV parsers (LinkedIn, Google Contacts, mapped CSV) share:
// reading rows, cleaning cells, emails, LinkedIn URLs and dates, plus the
// CSV writer used for exports. Pure and total: no function here throws on
// any string.

import Papa from "papaparse";
import { z } from "zod";

export const CSV_BOM = "\uFEFF";

/** Longer cells are cut to this many characters, the last being "…". */
export const MAX_CELL_LENGTH = 10_000;

export type CsvDelimiter = "," | ";" | "\t" | "auto";

// LinkedIn and Google always write commas; "auto" is for files a person
// saved from a spreadsheet, where a European Excel writes semicolons. Rows
// that are empty or only blanks are dropped: they are not people.
export function parseCsvRows(text: string, options: { delimiter?: CsvDelimiter; preview?: number } = {}): string[][] {
  const { delimiter = ",", preview = 0 } = options;
  const source = text.startsWith(CSV_BOM) ? text.slice(1) : text;
  const result = Papa.parse<string[]>(source, {
    header: false,
    skipEmptyLines: "greedy",
    delimiter: delimiter === "auto" ? "" : delimiter,
    delimitersToGuess: [",", ";", "\t"],
    preview,
  });
  // An unclosed quote makes Papa report an error and read on to the end of
  // the file: the rows it returns are still the best reading there is.
  return result.data;
}

// Small enough that reading one piece takes a few milliseconds.
const CHUNK_CHARS = 64 * 1024;

// The rows of parseCsvRows one by one, read a piece of the text at a time:
// the caller can pause between rows, and stops reading by leaving the loop.
export function* csvRows(text: string, options: { delimiter?: CsvDelimiter } = {}): Generator<string[], void, void> {
  const { delimiter = "," } = options;
  const source = text.startsWith(CSV_BOM) ? text.slice(1) : text;
  let batch: string[][] = [];
  let parser: Papa.Parser | null = null;
  let isDone = false;
  // Papa parses a string synchronously, chunk by chunk; pausing in `chunk`
  // makes Papa.parse and each resume() return after one chunk.
  Papa.parse<string[]>(source, {
    header: false,
    skipEmptyLines: "greedy",
    delimiter: delimiter === "auto" ? "" : delimiter,
    delimitersToGuess: [",", ";", "\t"],
    chunkSize: CHUNK_CHARS,
    chunk(results: Papa.ParseResult<string[]>, chunkParser: Papa.Parser) {
      batch = results.data;
      parser = chunkParser;
      chunkParser.pause();
    },
    complete() {
      isDone = true;
    },
  });
  try {
    for (;;) {
      const rows = batch;
      batch = [];
      yield* rows;
      if (isDone || parser === null) return;
      (parser as Papa.Parser).resume();
    }
  } finally {
    if (!isDone) (parser as Papa.Parser | null)?.abort();
  }
}

// Trimmed, null when empty, and never longer than MAX_CELL_LENGTH (a
// 50,000-character "note" is a pasted document, not something to keep
// whole on a contact). The apostrophe toCsv (or any exporter following
// OWASP's CSV-injection advice) puts before =, +, -, @ is taken off again,
// so a phone "+49 170 …" exported and imported stays "+49 170 …"; the text
// is stored, never evaluated, and toCsv adds the apostrophe back.
export function cleanCell(value: string | null | undefined): string | null {
  const trimmed = (value ?? "").trim();
  const text = /^'[=+\-@\t\r]/.test(trimmed) ? trimmed.slice(1).trim() : trimmed;
  if (text === "") return null;
  return cutText(text, MAX_CELL_LENGTH);
}

/** `text` if it has at most `max` characters, else its start cut to `max`, the last being "…". */
export function cutText(text: string, max: number): string {
  if (text.length <= max) return text;
  let end = max - 1;
  // Never split a surrogate pair: half an emoji is not text.
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end -= 1;
  return `${text.slice(0, end)}…`;
}

// Google writes several values in one cell: "a@x.com ::: b@x.com". Split
// on the bare separator, then trimmed: a pattern with \s* around it tries
// every start in a run of spaces, quadratic in a 10,000-space cell.
export function splitMultiValue(value: string | null): string[] {
  if (value === null) return [];
  return splitTrimmed(value, [":::"]);
}

// Parts between any of `separators`, trimmed, empty ones dropped.
export function splitTrimmed(value: string, separators: readonly string[]): string[] {
  let parts = [value];
  for (const separator of separators) parts = parts.flatMap((part) => part.split(separator));
  return parts.map((part) => part.trim()).filter((part) => part !== "");
}

const emailFormat = z.email();

// The same rule the contact form applies, so an imported email always saves.
export function normalizeEmail(value: string): string | null {
  const text = value
    .trim()
    .replace(/^mailto:/i, "")
    .trim()
    .toLowerCase();
  if (text === "" || text.length > 254) return null;
  return emailFormat.safeParse(text).success ? text : null;
}

// One form for every way a profile is written ("linkedin.com/in/ada/",
// "http://uk.linkedin.com/in/Ada?trk=…"), so the same person from two files
// is recognisably the same. Vanity names are case-insensitive on LinkedIn,
// so the slug is lower-cased too. null for anything but a profile URL
// (company pages included).
export function normalizeLinkedInUrl(value: string): string | null {
  const text = value.trim();
  if (text === "") return null;
  const withScheme = /^[a-z][a-z\d+.-]*:/i.test(text) ? text : `https://${text}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    return null;
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") return null;
  if (url.username || url.password) return null;
  if (url.hostname !== "linkedin.com" && !url.hostname.endsWith(".linkedin.com")) return null;
  const slug = /^\/in\/([^/]+)/.exec(url.pathname)?.[1];
  if (!slug) return null;
  return `https://www.linkedin.com/in/${slug.toLowerCase()}`;
}

// Column titles compare trimmed and case-insensitively.
export function headerKey(value: string): string {
  return value.trim().toLowerCase();
}

// The name a column's value is kept under in `extra`.
export function extraKey(header: readonly string[], index: number): string {
  return cleanCell(header[index]) ?? `Column ${index + 1}`;
}

// `extra` is built in a Map and turned into an object at the end: a column
// titled "__proto__" then becomes a key like any other.
export type ExtraFields = Map<string, string | string[]>;

export function addExtra(extra: ExtraFields, key: string, value: string): void {
  const existing = extra.get(key);
  if (existing === undefined) extra.set(key, value);
  else extra.set(key, Array.isArray(existing) ? [...existing, value] : [existing, value]);
}

export function extraObject(extra: ExtraFields): Record<string, string | string[]> {
  return Object.fromEntries(extra);
}

// ---------------------------------------------------------------- dates

export type DayParts = { year: number | null; month: number; day: number };

/** How to read 01/02/2020: US month-first unless the file shows otherwise. */
export type SlashOrder = "mdy" | "dmy";

const MONTH_NAMES: Record<string, number> = {
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  may: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  oct: 10,
  nov: 11,
  dec: 12,
};
const FULL_MONTH =
  /^(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)$/;

function monthFromName(word: string): number | null {
  const lower = word.toLowerCase();
  if (!FULL_MONTH.test(lower)) return null;
  return MONTH_NAMES[lower.slice(0, 3)] ?? null;
}

// Two-digit years the way spreadsheets read them: 00–29 are 2000s.
function fullYear(digits: string): number {
  const year = Number(digits);
  if (digits.length !== 2) return year;
  return year < 30 ? 2000 + year : 1900 + year;
}

const ISO = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:$|[T\s,])/;
const NO_YEAR = /^--(\d{2})-?(\d{2})$/;
const DAY_MONTH_YEAR = /^(\d{1,2})(?:st|nd|rd|th)?[\s-]+([a-z]+)\.?,?[\s-]+(\d{4}|\d{2})(?:$|[\s,T])/i;
const MONTH_DAY_YEAR = /^([a-z]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})(?:$|[\s,T])/i;
const SLASHED = /^(\d{1,2})\/(\d{1,2})\/(\d{4}|\d{2})(?:$|[\s,T])/;
const DOTTED = /^(\d{1,2})\.(\d{1,2})\.(\d{4}|\d{2})(?:$|[\s,T])/;
const DAY_MONTH = /^(\d{1,2})(?:st|nd|rd|th)?\s+([a-z]+)\.?$/i;
const MONTH_DAY = /^([a-z]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?$/i;

// Years that some address books write when the year is unknown.
const NO_YEAR_PLACEHOLDERS = new Set([0, 1604]);

// Reads the date formats that contact exports use: 2018-01-08, 22 Dec 2025,
// April 17, 1990, 1/8/18, 6:14 PM (a time after the date is ignored),
// 17.04.1990, and without a year --04-17 or April 17. null when the text
// is not one of these or names a day that does not exist.
export function parseDateParts(value: string, options: { slashOrder?: SlashOrder } = {}): DayParts | null {
  const text = value.trim();
  let match: RegExpExecArray | null;
  if ((match = ISO.exec(text))) return checked(Number(match[1]), Number(match[2]), Number(match[3]));
  if ((match = NO_YEAR.exec(text))) return checked(null, Number(match[1]), Number(match[2]));
  if ((match = DAY_MONTH_YEAR.exec(text))) return named(match[2], match[1], match[3]);
  if ((match = MONTH_DAY_YEAR.exec(text))) return named(match[1], match[2], match[3]);
  if ((match = SLASHED.exec(text))) {
    const [first, second] = [Number(match[1]), Number(match[2])];
    const isDayFirst = options.slashOrder === "dmy";
    return checked(fullYear(match[3] ?? ""), isDayFirst ? second : first, isDayFirst ? first : second);
  }
  if ((match = DOTTED.exec(text))) return checked(fullYear(match[3] ?? ""), Number(match[2]), Number(match[1]));
  if ((match = DAY_MONTH.exec(text))) return named(match[2], match[1], undefined);
  if ((match = MONTH_DAY.exec(text))) return named(match[1], match[2], undefined);
  return null;
}

function named(monthName: string | undefined, day: string | undefined, year: string | undefined): DayParts | null {
  const month = monthFromName(monthName ?? "");
  if (month === null) return null;
  return checked(year === undefined ? null : fullYear(year), month, Number(day));
}

function checked(year: number | null, month: number, day: number): DayParts | null {
  const knownYear = year !== null && NO_YEAR_PLACEHOLDERS.has(year) ? null : year;
  if (knownYear !== null && (knownYear < 1900 || knownYear > 2100)) return null;
  // 2000 was a leap year, so 29 February without a year is allowed.
  const probe = new Date(Date.UTC(knownYear ?? 2000, month - 1, day));
  if (probe.getUTCMonth() !== month - 1 || probe.getUTCDate() !== day) return null;
  return { year: knownYear, month, day };
}

/** A full date as yyyy-mm-dd, or null (no year counts as not a date). */
export function parseDay(value: string, options: { slashOrder?: SlashOrder } = {}): string | null {
  const parts = parseDateParts(value, options);
  if (parts === null || parts.year === null) return null;
  return `${parts.year}-${pad(parts.month)}-${pad(parts.day)}`;
}

function pad(value: number): string {
  return String(value).padStart(2, "0");
}

// A column of dates like 17/04/1990 is day-first if any of them can only be
// read that way, and none can only be read month-first.
export function guessSlashOrder(values: Iterable<string>): SlashOrder {
  let isDayFirstSeen = false;
  for (const value of values) {
    const match = SLASHED.exec(value.trim());
    if (!match) continue;
    const [first, second] = [Number(match[1]), Number(match[2])];
    if (second > 12 && first <= 12) return "mdy";
    if (first > 12 && second <= 12) isDayFirstSeen = true;
  }
  return isDayFirstSeen ? "dmy" : "mdy";
}

// ---------------------------------------------------------------- writing

// A cell a spreadsheet would run as a formula (OWASP "CSV injection").
const FORMULA_START = /^[=+\-@\t\r]/;

// RFC 4180 with CRLF line ends. A cell that starts like a formula gets a
// leading apostrophe, so Excel or Sheets shows it as text instead of
// running `=HYPERLINK(…)` from a contact's name; every other cell reads back
// exactly as it was written.
export function toCsv(header: readonly string[], rows: readonly (readonly (string | null)[])[]): string {
  return [header, ...rows].map((row) => row.map(csvField).join(",")).join("\r\n") + "\r\n";
}

function csvField(value: string | null): string {
  if (value === null) return "";
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  // A leading U+FEFF is quoted so a reader does not take it for a BOM.
  return /[",\r\n]/.test(text) || text.startsWith(CSV_BOM) ? `"${text.replaceAll('"', '""')}"` : text;
}
