import { readFileSync } from "node:fs";
import { expect } from "vitest";
import { decodeFile } from "@/lib/import/decode";
import type { ImportedContact, ParseResult } from "@/lib/domain/import";

// Shared by the import and export parser tests.

/** A file of tests/fixtures/import, as bytes. */
export function fixtureBytes(name: string): Buffer {
  return readFileSync(new URL(`../fixtures/import/${name}`, import.meta.url));
}

/** A file of tests/fixtures/import, decoded as the upload route decodes it. */
export function fixture(name: string): string {
  return decodeFile(fixtureBytes(name));
}

/** A parsed contact: what is not given is empty. */
export function contact(values: Partial<ImportedContact> & Pick<ImportedContact, "row" | "name">): ImportedContact {
  return {
    company: null,
    role: null,
    location: null,
    notes: null,
    emails: [],
    phones: [],
    links: [],
    linkedinUrl: null,
    birthday: null,
    connectedOn: null,
    labels: [],
    extra: {},
    ...values,
  };
}

/** A contact without its row number, which changes when rejected rows are not exported. */
export function withoutRow(parsed: ImportedContact): Omit<ImportedContact, "row"> {
  const { row, ...rest } = parsed;
  expect(row).toBeGreaterThan(0);
  return rest;
}

/** A vCard 3.0 card of the given lines, CRLF-ended. */
export function card(...lines: string[]): string {
  return ["BEGIN:VCARD", "VERSION:3.0", ...lines, "END:VCARD", ""].join("\r\n");
}

/** The vCard lines a parsed contact kept in extra. */
export function keptLines(contact: ImportedContact | undefined): string[] {
  const lines = contact?.extra.vcard;
  return Array.isArray(lines) ? lines : [];
}

/** Every card of a vCard parse is a contact or a rejection, numbered 1 to rows. */
export function expectAccounted(result: ParseResult) {
  expect(result.contacts.length + result.rejected.length).toBe(result.rows);
  const rows = [...result.contacts.map((c) => c.row), ...result.rejected.map((r) => r.row)].sort((a, b) => a - b);
  expect(rows).toEqual(Array.from({ length: result.rows }, (_, i) => i + 1));
}
