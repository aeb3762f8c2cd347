// Any CSV a person exported from a spreadsheet or another CRM: they say
// which column holds what (suggestMapping offers a first guess from the
// titles), then parseMappedCsv reads the rows with that mapping.
//
// A mapping gives each column index ("0", "1", …) a Kith field or "ignore".
// A column left out of the mapping is kept in `extra` under its title; an
// ignored one is dropped, because the person asked for that.

import { z } from "zod";
import { normalizeUrl } from "@/lib/domain/url";
import type { ImportedContact, ImportedValue, ImportRejection, ParseResult } from "@/lib/domain/import";
import { STORED_LIMITS } from "@/lib/validations/stored-contact";
import {
  addExtra,
  cleanCell,
  cutText,
  extraKey,
  extraObject,
  guessSlashOrder,
  normalizeEmail,
  normalizeLinkedInUrl,
  parseCsvRows,
  parseDateParts,
  parseDay,
  splitTrimmed,
  type ExtraFields,
  type SlashOrder,
  csvRows,
} from "./csv";
import { MAX_IMPORT_ROWS, tooManyRowsMessage } from "./decode";
import { MAX_NOTES_LENGTH } from "./merge";
import { runSteps, type Steps } from "./steps";

export const IMPORT_FIELDS = [
  "name",
  "firstName",
  "lastName",
  "email",
  "phone",
  "company",
  "role",
  "location",
  "notes",
  "linkedin",
  "website",
  "birthday",
  "labels",
  "connectedOn",
] as const;

export type ImportField = (typeof IMPORT_FIELDS)[number];

export const IMPORT_FIELD_LABELS: Record<ImportField, string> = {
  name: "Name",
  firstName: "First name",
  lastName: "Last name",
  email: "Email",
  phone: "Phone",
  company: "Company",
  role: "Role",
  location: "Location",
  notes: "Notes",
  linkedin: "LinkedIn",
  website: "Website",
  birthday: "Birthday",
  labels: "Labels",
  connectedOn: "Connected on",
};

// Several columns may feed these (Work email, Home email…); every other
// field takes one column.
const MULTI_COLUMN_FIELDS = new Set<ImportField>(["email", "phone", "website", "labels", "notes"]);
const MAX_COLUMNS = 1000;

export const columnMappingSchema = z
  .record(z.string().regex(/^\d{1,4}$/, "Unknown column."), z.enum([...IMPORT_FIELDS, "ignore"]))
  .superRefine((mapping, ctx) => {
    const entries = Object.entries(mapping);
    if (entries.length > MAX_COLUMNS) {
      ctx.addIssue({ code: "custom", message: `Kith imports files with up to ${MAX_COLUMNS} columns.` });
      return;
    }
    const columnsOf = new Map<ImportField, string[]>();
    for (const [column, field] of entries) {
      if (field !== "ignore") columnsOf.set(field, [...(columnsOf.get(field) ?? []), column]);
    }
    for (const [field, columns] of columnsOf) {
      if (MULTI_COLUMN_FIELDS.has(field) || columns.length < 2) continue;
      for (const column of columns.slice(1)) {
        ctx.addIssue({ code: "custom", path: [column], message: `Only one column can be ${IMPORT_FIELD_LABELS[field]}.` });
      }
    }
    if (!columnsOf.has("name") && !columnsOf.has("firstName") && !columnsOf.has("lastName")) {
      ctx.addIssue({ code: "custom", message: "Choose the column with the name (or first and last name)." });
    }
  });

export type ColumnMapping = z.infer<typeof columnMappingSchema>;

const SAMPLE_ROWS = 5;

// The first row (taken as the titles) and a few rows to show beside the
// mapping. Cells are trimmed and capped, so a huge cell does not travel to
// the browser.
export function readCsvHeader(text: string): { header: string[]; sample: string[][] } {
  const [header = [], ...sample] = parseCsvRows(text, { delimiter: "auto", preview: SAMPLE_ROWS + 1 });
  const clean = (row: string[]) => row.map((cell) => cleanCell(cell) ?? "");
  return { header: clean(header), sample: sample.map(clean) };
}

// Exact titles, compared lower-cased with punctuation as spaces.
const TITLES: [ImportField, string[]][] = [
  ["name", ["name", "full name", "fullname", "display name", "contact name", "contact", "person"]],
  ["firstName", ["first name", "firstname", "given name", "first", "forename"]],
  ["lastName", ["last name", "lastname", "surname", "family name", "last"]],
  ["email", ["email", "e mail", "email address", "e mail address", "mail", "primary email", "work email", "personal email", "emails"]],
  ["phone", ["phone", "mobile", "cell", "telephone", "tel", "phone number", "mobile phone", "work phone", "home phone", "phones"]],
  ["company", ["company", "organization", "organisation", "employer", "company name", "organization name", "org"]],
  ["role", ["title", "job title", "position", "role", "job", "occupation"]],
  ["location", ["location", "city", "town"]],
  ["notes", ["notes", "note", "comments", "comment"]],
  ["linkedin", ["linkedin", "linkedin url", "linkedin profile", "profile url", "profile"]],
  ["website", ["website", "web", "url", "homepage", "home page", "site", "web site", "web page", "websites"]],
  ["birthday", ["birthday", "birth date", "birthdate", "date of birth", "dob"]],
  ["labels", ["tags", "labels", "groups", "tag", "label", "group", "categories", "category", "lists", "circles", "circle"]],
  ["connectedOn", ["connected on", "connected", "date connected", "connection date"]],
];
const FIELD_BY_TITLE = new Map(TITLES.flatMap(([field, titles]) => titles.map((title) => [title, field] as const)));

// Looser guesses for titles like "Work E-mail 2" or "Mobile number".
const TITLE_PATTERNS: [ImportField, RegExp][] = [
  ["linkedin", /\blinked ?in\b/],
  ["email", /\be ?mail\b/],
  ["phone", /\b(?:phone|mobile|cell|tel)\b/],
  ["birthday", /\bbirth/],
  ["website", /\b(?:website|url)\b/],
];

export function suggestMapping(header: readonly string[]): ColumnMapping {
  const mapping: ColumnMapping = {};
  const taken = new Set<ImportField>();
  header.forEach((title, index) => {
    const words = title
      .toLowerCase()
      .replace(/[^\p{L}\p{N}]+/gu, " ")
      .trim();
    const field = FIELD_BY_TITLE.get(words) ?? TITLE_PATTERNS.find(([, pattern]) => pattern.test(words))?.[0];
    if (field === undefined || (taken.has(field) && !MULTI_COLUMN_FIELDS.has(field))) return;
    taken.add(field);
    mapping[String(index)] = field;
  });
  return mapping;
}

type Layout = {
  header: string[];
  fieldOf: Map<number, ImportField | "ignore">;
  columnsOf: Map<ImportField, number[]>;
  slashOrders: Map<number, SlashOrder>;
};

export function parseMappedCsv(text: string, mapping: ColumnMapping): ParseResult {
  return runSteps(mappedCsvSteps(text, mapping));
}

export function* mappedCsvSteps(text: string, mapping: ColumnMapping): Steps<ParseResult> {
  const failed = (errors: string[]): ParseResult => ({ source: "csv", rows: 0, contacts: [], rejected: [], errors });
  const checked = columnMappingSchema.safeParse(mapping);
  if (!checked.success) return failed(checked.error.issues.map((issue) => issue.message));
  let header: string[] | undefined;
  const data: string[][] = [];
  for (const cells of csvRows(text, { delimiter: "auto" })) {
    yield;
    if (header === undefined) header = cells;
    else if (data.length === MAX_IMPORT_ROWS) return failed([tooManyRowsMessage()]);
    else data.push(cells);
  }
  if (header === undefined) return failed(["This file has no rows."]);

  const fieldOf = new Map<number, ImportField | "ignore">();
  const columnsOf = new Map<ImportField, number[]>();
  for (const [column, field] of Object.entries(checked.data)) {
    fieldOf.set(Number(column), field);
    if (field !== "ignore") columnsOf.set(field, [...(columnsOf.get(field) ?? []), Number(column)]);
  }
  // 03/04/1990 is read the way the rest of its column shows it must be.
  const slashOrders = new Map<number, SlashOrder>();
  for (const column of [...(columnsOf.get("birthday") ?? []), ...(columnsOf.get("connectedOn") ?? [])]) {
    slashOrders.set(column, guessSlashOrder(data.map((cells) => cells[column] ?? "")));
  }
  const layout: Layout = { header, fieldOf, columnsOf, slashOrders };

  const result: ParseResult = { source: "csv", rows: data.length, contacts: [], rejected: [], errors: [] };
  for (const [index, cells] of data.entries()) {
    yield;
    const contact = readRow(index + 1, cells, layout);
    if ("reason" in contact) result.rejected.push(contact);
    else result.contacts.push(contact);
  }
  return result;
}

const LIST_SEPARATORS = [",", ";", ":::"];
const VALUE_SEPARATORS = [";", ":::"];

function readRow(row: number, cells: string[], layout: Layout): ImportedContact | ImportRejection {
  const { header, fieldOf, columnsOf } = layout;
  const extra: ExtraFields = new Map();
  const keep = (column: number, value: string) => addExtra(extra, extraKey(header, column), value);
  cells.forEach((cell, column) => {
    const value = cleanCell(cell);
    if (value !== null && !fieldOf.has(column)) keep(column, value);
  });
  // The non-empty cells of a field's columns, with their column.
  const read = (field: ImportField): [number, string][] =>
    (columnsOf.get(field) ?? []).flatMap((column) => {
      const value = cleanCell(cells[column]);
      return value === null ? [] : [[column, value] as [number, string]];
    });
  const first = (field: ImportField): string | null => read(field)[0]?.[1] ?? null;

  const name = first("name") ?? ([first("firstName"), first("lastName")].filter((part) => part !== null).join(" ") || null);
  if (name === null) return { row, reason: "No name" };

  const emails = readList(read("email"), LIST_SEPARATORS, keep, (raw) => normalizeEmail(raw));
  const phones = readList(read("phone"), VALUE_SEPARATORS, keep, (raw) => raw);
  const profiles = readList(read("linkedin"), VALUE_SEPARATORS, keep, (raw) => normalizeLinkedInUrl(raw));
  const websites = readList(
    read("website"),
    VALUE_SEPARATORS,
    keep,
    (raw) => normalizeLinkedInUrl(raw) ?? normalizeUrl(raw),
    STORED_LIMITS.rows - profiles.length,
  );
  const isProfile = (url: string) => normalizeLinkedInUrl(url) === url;
  const links = [...profiles, ...websites].map(({ value }) => ({ value, label: isProfile(value) ? "LinkedIn" : null }));
  const uniqueLinks = [...new Map(links.map((link) => [link.value, link])).values()];

  let birthday: ImportedContact["birthday"] = null;
  for (const [column, value] of read("birthday")) {
    birthday = parseDateParts(value, { slashOrder: layout.slashOrders.get(column) });
    if (birthday === null) keep(column, value);
  }
  let connectedOn: string | null = null;
  for (const [column, value] of read("connectedOn")) {
    connectedOn = parseDay(value, { slashOrder: layout.slashOrders.get(column) });
    if (connectedOn === null) keep(column, value);
  }

  const labels = new Set<string>();
  for (const [column, value] of read("labels")) {
    for (const label of splitTrimmed(value, LIST_SEPARATORS)) {
      if (labels.size < STORED_LIMITS.rows) labels.add(label);
      else if (!labels.has(label)) keep(column, label);
    }
  }
  const notes = cutText(
    read("notes")
      .map(([, value]) => value)
      .join("\n\n"),
    MAX_NOTES_LENGTH,
  );

  return {
    row,
    name,
    company: first("company"),
    role: first("role"),
    location: first("location"),
    notes: notes === "" ? null : notes,
    emails,
    phones,
    links: uniqueLinks,
    linkedinUrl: uniqueLinks.find((link) => isProfile(link.value))?.value ?? null,
    birthday,
    connectedOn,
    labels: [...labels],
    extra: extraObject(extra),
  };
}

// Splits each cell into values and normalises them; unusable ones, and
// those past `most`, are kept in extra (the whole cell when none of it was
// usable). Duplicates go.
function readList(
  cells: [number, string][],
  separators: readonly string[],
  keep: (column: number, value: string) => void,
  accept: (raw: string) => string | null,
  most: number = STORED_LIMITS.rows,
): ImportedValue[] {
  const values: ImportedValue[] = [];
  const seen = new Set<string>();
  for (const [column, cell] of cells) {
    const parts = splitTrimmed(cell, separators);
    const accepted = parts.map(accept);
    if (accepted.every((value) => value === null)) {
      keep(column, cell);
      continue;
    }
    accepted.forEach((value, index) => {
      if (value === null || (values.length >= most && !seen.has(value))) keep(column, parts[index] ?? "");
      else if (!seen.has(value)) {
        seen.add(value);
        values.push({ value, label: null });
      }
    });
  }
  return values;
}
