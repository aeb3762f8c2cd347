// LinkedIn's Connections.csv (Settings → Data privacy → Get a copy of your
// data). Two shapes are in circulation:
// - current: a few lines of notes ("Notes:", a quoted paragraph about
//   missing emails, a blank line) above the header
//   First Name,Last Name,URL,Email Address,Company,Position,Connected On
//   with dates like "22 Dec 2025";
// - older: no notes, no URL column, dates like "1/8/18, 6:14 PM" (US).
// The header is found by looking for First Name and Last Name, so more or
// fewer note lines do not matter.

import type { ImportedContact, ImportedValue, ImportRejection, ParseResult } from "@/lib/domain/import";
import {
  addExtra,
  cleanCell,
  extraKey,
  extraObject,
  headerKey,
  normalizeEmail,
  normalizeLinkedInUrl,
  parseDay,
  type ExtraFields,
  csvRows,
} from "./csv";
import { MAX_IMPORT_ROWS, tooManyRowsMessage } from "./decode";
import { runSteps, type Steps } from "./steps";

export const LINKEDIN_NO_HEADER_ERROR =
  "This doesn't look like a LinkedIn Connections.csv: no row with First Name and Last Name.";

type LinkedInColumn = "firstName" | "lastName" | "url" | "email" | "company" | "position" | "connectedOn";

const COLUMNS = new Map<string, LinkedInColumn>([
  ["first name", "firstName"],
  ["last name", "lastName"],
  ["url", "url"],
  ["profile url", "url"],
  ["email address", "email"],
  ["email", "email"],
  ["company", "company"],
  ["position", "position"],
  ["connected on", "connectedOn"],
]);

export function parseLinkedInCsv(text: string): ParseResult {
  return runSteps(linkedInCsvSteps(text));
}

export function* linkedInCsvSteps(text: string): Steps<ParseResult> {
  const failed = (error: string): ParseResult => ({ source: "linkedin", rows: 0, contacts: [], rejected: [], errors: [error] });
  let header: string[] | null = null;
  let linesBefore = 0;
  const columns = new Map<LinkedInColumn, number>();
  const result: ParseResult = { source: "linkedin", rows: 0, contacts: [], rejected: [], errors: [] };
  for (const cells of csvRows(text)) {
    yield;
    if (header === null) {
      if (isHeaderRow(cells)) {
        header = cells;
        // The first column with each title wins; a repeated one goes to extra.
        header.forEach((title, index) => {
          const column = COLUMNS.get(headerKey(title));
          if (column !== undefined && !columns.has(column)) columns.set(column, index);
        });
      } else if (++linesBefore > MAX_IMPORT_ROWS) {
        break;
      }
      continue;
    }
    if (result.rows === MAX_IMPORT_ROWS) return failed(tooManyRowsMessage());
    result.rows += 1;
    const contact = readRow(result.rows, cells, header, columns);
    if ("reason" in contact) result.rejected.push(contact);
    else result.contacts.push(contact);
  }
  return header === null ? failed(LINKEDIN_NO_HEADER_ERROR) : result;
}

function isHeaderRow(cells: string[]): boolean {
  const keys = cells.map(headerKey);
  return keys.includes("first name") && keys.includes("last name");
}

function readRow(
  row: number,
  cells: string[],
  header: string[],
  columns: Map<LinkedInColumn, number>,
): ImportedContact | ImportRejection {
  const mapped = new Set(columns.values());
  const extra: ExtraFields = new Map();
  cells.forEach((cell, index) => {
    const value = cleanCell(cell);
    if (value !== null && !mapped.has(index)) addExtra(extra, extraKey(header, index), value);
  });
  const read = (column: LinkedInColumn): string | null => {
    const index = columns.get(column);
    return index === undefined ? null : cleanCell(cells[index]);
  };
  // What Kith cannot use is kept as written, under its own title.
  const keepRaw = (column: LinkedInColumn, value: string) =>
    addExtra(extra, extraKey(header, columns.get(column) ?? 0), value);

  const name = [read("firstName"), read("lastName")].filter((part) => part !== null).join(" ");
  if (name === "") return { row, reason: "No name" };

  const emails: ImportedValue[] = [];
  const rawEmail = read("email");
  if (rawEmail !== null) {
    const email = normalizeEmail(rawEmail);
    if (email === null) keepRaw("email", rawEmail);
    else emails.push({ value: email, label: null });
  }

  const rawUrl = read("url");
  const linkedinUrl = rawUrl === null ? null : normalizeLinkedInUrl(rawUrl);
  if (rawUrl !== null && linkedinUrl === null) keepRaw("url", rawUrl);

  const rawConnectedOn = read("connectedOn");
  const connectedOn = rawConnectedOn === null ? null : parseDay(rawConnectedOn);
  if (rawConnectedOn !== null && connectedOn === null) keepRaw("connectedOn", rawConnectedOn);

  return {
    row,
    name,
    company: read("company"),
    role: read("position"),
    location: null,
    notes: null,
    emails,
    phones: [],
    links: linkedinUrl === null ? [] : [{ value: linkedinUrl, label: "LinkedIn" }],
    linkedinUrl,
    birthday: null,
    connectedOn,
    labels: [],
    extra: extraObject(extra),
  };
}
