// LinkedIn's Positions.csv (Settings → Data privacy → Get a copy of your
// data → Positions): the profile's Experience section, one job a row, under
//   Company Name,Title,Description,Location,Started On,Finished On
// with dates like "Mar 2021" or a bare year "2015", and an empty Finished On
// for the current job. Columns are found by their titles (any case, spacing
// or order; unknown ones ignored), so a file re-saved from a spreadsheet
// reads too. Pure and total: any string gives a result, never an exception.

import { MAX_POSITIONS_TEXT_LENGTH, POSITIONS_TOO_LARGE_MESSAGE } from "@/lib/domain/limits";
import { cleanCell, cutText, parseCsvRows } from "@/lib/import/csv";
import type { PositionSkip } from "@/lib/domain/roles";
import {
  MAX_ROLE_DESCRIPTION_LENGTH,
  MAX_ROLE_TEXT_LENGTH,
  roleInputSchema,
  type RoleValues,
} from "@/lib/validations/journal";
import { MAX_POSITIONS_ROWS, POSITIONS_TOO_MANY_ROWS_MESSAGE } from "@/lib/validations/role-import";

export type PositionsParse = { ok: true; roles: RoleValues[]; skipped: PositionSkip[] } | { ok: false; message: string };

export const POSITIONS_NO_HEADER_MESSAGE =
  "This doesn't look like LinkedIn's Positions.csv: no row has the columns Company Name, Title and Started On.";

type Column = "company" | "title" | "description" | "location" | "startedOn" | "finishedOn";

const COLUMNS = new Map<string, Column>([
  ["company name", "company"],
  ["company", "company"],
  ["title", "title"],
  ["job title", "title"],
  ["position", "title"],
  ["description", "description"],
  ["location", "location"],
  ["started on", "startedOn"],
  ["start date", "startedOn"],
  ["finished on", "finishedOn"],
  ["ended on", "finishedOn"],
  ["end date", "finishedOn"],
]);

// "Company_Name", " company  name " and "COMPANY-NAME" are the same title.
function columnOf(title: string): Column | undefined {
  return COLUMNS.get(
    title
      .toLowerCase()
      .replace(/[\s_-]+/g, " ")
      .trim(),
  );
}

export function parsePositionsCsv(text: string): PositionsParse {
  if (typeof text !== "string") return { ok: false, message: POSITIONS_NO_HEADER_MESSAGE };
  if (text.length > MAX_POSITIONS_TEXT_LENGTH) return { ok: false, message: POSITIONS_TOO_LARGE_MESSAGE };
  const rows = parseCsvRows(text);
  const headerIndex = rows.findIndex(isHeaderRow);
  if (headerIndex === -1) return { ok: false, message: POSITIONS_NO_HEADER_MESSAGE };
  const body = rows.slice(headerIndex + 1);
  if (body.length > MAX_POSITIONS_ROWS) return { ok: false, message: POSITIONS_TOO_MANY_ROWS_MESSAGE };
  const columns = new Map<Column, number>();
  // The first column with each title wins.
  rows[headerIndex]?.forEach((title, index) => {
    const column = columnOf(title);
    if (column !== undefined && !columns.has(column)) columns.set(column, index);
  });
  const roles: RoleValues[] = [];
  const skipped: PositionSkip[] = [];
  body.forEach((cells, index) => {
    const read = readRow(cells, columns);
    if (typeof read === "string") skipped.push({ row: index + 1, reason: read });
    else roles.push(read);
  });
  return { ok: true, roles, skipped };
}

function isHeaderRow(cells: string[]): boolean {
  const found = new Set(cells.map(columnOf));
  return found.has("company") && found.has("title") && found.has("startedOn");
}

// The role in a row, or why it cannot be one.
function readRow(cells: string[], columns: Map<Column, number>): RoleValues | string {
  const read = (column: Column): string | null => {
    const index = columns.get(column);
    return index === undefined ? null : cleanCell(cells[index]);
  };
  const company = read("company");
  const title = read("title");
  if (company === null && title === null) return "no company and no title";
  if (company === null) return "no company";
  if (title === null) return "no title";

  const rawStart = read("startedOn");
  if (rawStart === null) return "no Started On date";
  const start = parsePeriod(rawStart);
  if (start === null) return `Started On ${quoted(rawStart)} is not a date like “Mar 2021” or “2015”`;

  // Empty is the current job; "Present" is how a person writes the same.
  const rawEnd = read("finishedOn");
  const isCurrent = rawEnd === null || /^(present|now|current)$/i.test(rawEnd);
  const end = isCurrent ? null : parsePeriod(rawEnd);
  if (!isCurrent && end === null) return `Finished On ${quoted(rawEnd)} is not a date like “Mar 2021” or “2015”`;
  const startedOn = firstDay(start);
  const endedOn = end === null ? null : lastDay(end);
  if (endedOn !== null && endedOn < startedOn) {
    return `Finished On ${quoted(rawEnd ?? "")} is before Started On ${quoted(rawStart)}`;
  }

  const location = read("location");
  const description = read("description");
  // Cut to what the role form keeps, so an imported role can be edited and saved as it is.
  const parsed = roleInputSchema.safeParse({
    company: cutText(company, MAX_ROLE_TEXT_LENGTH),
    title: cutText(title, MAX_ROLE_TEXT_LENGTH),
    location: location === null ? null : cutText(location, MAX_ROLE_TEXT_LENGTH),
    description: description === null ? null : cutText(description.replace(/\r\n?/g, "\n"), MAX_ROLE_DESCRIPTION_LENGTH),
    startedOn,
    endedOn,
  });
  return parsed.success ? parsed.data : (parsed.error.issues[0]?.message ?? "it is not a role Kith can keep");
}

function quoted(value: string): string {
  return `“${cutText(value.replace(/\s+/g, " "), 40)}”`;
}

// ---------------------------------------------------------------- dates

// A date as LinkedIn (or a spreadsheet that re-saved its file) writes it:
// a year, a month of a year, or a day.
type Period = { year: number; month: number | null; day: number | null };

const MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];

// "Mar", "March", "Sept" and "Sep." all name a month; "Ma" or "Marc" do not.
function monthNamed(word: string): number | null {
  const lower = word.toLowerCase().replace(/\.$/, "");
  const index = MONTHS.findIndex((name) => lower === name || lower === name.slice(0, 3) || (name === "september" && lower === "sept"));
  return index === -1 ? null : index + 1;
}

function inRange(period: Period): Period | null {
  return period.year >= 1900 && period.year <= 2100 ? period : null;
}

function monthOf(year: number, month: number): Period | null {
  return month >= 1 && month <= 12 ? inRange({ year, month, day: null }) : null;
}

export function parsePeriod(raw: string): Period | null {
  const text = raw.trim().replace(/\s+/g, " ");
  let match = /^(\d{4})$/.exec(text);
  if (match) return inRange({ year: Number(match[1]), month: null, day: null });
  match = /^([a-z]+\.?),? (\d{4})$/i.exec(text);
  if (match) {
    const month = monthNamed(match[1] ?? "");
    return month === null ? null : inRange({ year: Number(match[2]), month, day: null });
  }
  match = /^(\d{4})-(\d{1,2})$/.exec(text);
  if (match) return monthOf(Number(match[1]), Number(match[2]));
  match = /^(\d{1,2})\/(\d{4})$/.exec(text);
  if (match) return monthOf(Number(match[2]), Number(match[1]));
  match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (match) {
    const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
    const date = new Date(Date.UTC(year, month - 1, day));
    const isReal = date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
    return isReal ? inRange({ year, month, day }) : null;
  }
  return null;
}

function isoDay(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

// A start date means the first day of its month (or year).
export function firstDay(period: Period): string {
  return isoDay(period.year, period.month ?? 1, period.day ?? 1);
}

// An end date means the last day of its month (or year): a job that
// "finished Mar 2021" was still held in March.
export function lastDay(period: Period): string {
  if (period.day !== null && period.month !== null) return isoDay(period.year, period.month, period.day);
  const month = period.month ?? 12;
  // Day 0 of the next month is the last day of this one.
  const last = new Date(Date.UTC(period.year, month, 0)).getUTCDate();
  return isoDay(period.year, month, last);
}
