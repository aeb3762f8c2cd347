import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CSV_BOM, parseCsvRows } from "@/lib/import/csv";
import { decodeFile } from "@/lib/import/decode";
import { detectSource } from "@/lib/import/detect";
import { parseGoogleCsv } from "@/lib/import/google";
import { parseLinkedInCsv } from "@/lib/import/linkedin";
import { parseMappedCsv, suggestMapping } from "@/lib/import/mapped-csv";
import type { ParseResult } from "@/lib/domain/import";
import { fixture } from "../helpers/import";

describe("detectSource", () => {
  it("recognises each export", () => {
    expect(detectSource("Connections.csv", fixture("linkedin-current.csv"))).toBe("linkedin");
    expect(detectSource("Connections.csv", fixture("linkedin-legacy.csv"))).toBe("linkedin");
    expect(detectSource("contacts.csv", fixture("google-current.csv"))).toBe("google");
    expect(detectSource("google.csv", fixture("google-legacy.csv"))).toBe("google");
    expect(detectSource("people.csv", fixture("generic.csv"))).toBe("csv");
  });

  it("recognises vCards by their first line or their name", () => {
    expect(detectSource("contacts.txt", `${CSV_BOM}\r\n  begin:vcard\r\nVERSION:3.0\r\nEND:VCARD\r\n`)).toBe("vcard");
    expect(detectSource("Zoë Müller.VCF", "")).toBe("vcard");
    expect(detectSource("contacts.csv", "Name,BEGIN:VCARD\n")).toBe("csv");
  });

  it("tells LinkedIn from Google and from a CSV that only has names", () => {
    expect(detectSource("x.csv", "First Name,Last Name,Position\nZoë,Müller,PM\n")).toBe("linkedin");
    expect(detectSource("x.csv", "First Name,Last Name,Labels,Organization Name\nZoë,Müller,,\n")).toBe("google");
    expect(detectSource("x.csv", "Name,Group Membership\n")).toBe("google");
    expect(detectSource("x.csv", "First Name,Last Name\nZoë,Müller\n")).toBe("csv");
    expect(detectSource("x.csv", "")).toBe("csv");
  });
});

// Text made of the pieces the parsers react to, to reach their corners more
// often than uniformly random text does.
const csvPieces = fc.constantFrom(
  ",",
  '"',
  '""',
  "\n",
  "\r\n",
  "\r",
  " ::: ",
  "* myContacts",
  "First Name",
  "Last Name",
  "Given Name",
  "E-mail 1 - Value",
  "E-mail 1 - Label",
  "Website 1 - Value",
  "Labels",
  "Birthday",
  "Connected On",
  "URL",
  "Zoë",
  "ada@example.com",
  "linkedin.com/in/ada",
  "javascript:alert(1)",
  "=SUM(1)",
  "1/8/18, 6:14 PM",
  "--04-17",
  "__proto__",
  "constructor",
  CSV_BOM,
);
const messyCsv = fc.array(fc.oneof(csvPieces, fc.string({ maxLength: 4 })), { maxLength: 60 }).map((parts) => parts.join(""));
const anyText = fc.oneof(fc.string({ unit: "binary", maxLength: 300 }), messyCsv);

function expectAccountedFor(result: ParseResult): void {
  const rows = [...result.contacts.map((c) => c.row), ...result.rejected.map((r) => r.row)].sort((a, b) => a - b);
  expect(rows).toEqual(Array.from({ length: result.rows }, (_, index) => index + 1));
  if (result.errors.length > 0) expect(result.rows).toBe(0);
  for (const contact of result.contacts) {
    expect(contact.name.trim()).not.toBe("");
    for (const link of contact.links) expect(link.value).toMatch(/^https?:\/\//);
  }
}

describe("every parser", () => {
  it("never throws and accounts for every row", () => {
    fc.assert(
      fc.property(anyText, (text) => {
        expectAccountedFor(parseLinkedInCsv(text));
        expectAccountedFor(parseGoogleCsv(text));
        const header = parseCsvRows(text, { delimiter: "auto", preview: 1 })[0] ?? [];
        expectAccountedFor(parseMappedCsv(text, { ...suggestMapping(header), "0": "name" }));
        detectSource("file.csv", text);
      }),
      { numRuns: 500 },
    );
  });

  it("never throws on decoded random bytes", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 400 }), (bytes) => {
        const text = decodeFile(bytes);
        expectAccountedFor(parseLinkedInCsv(text));
        expectAccountedFor(parseGoogleCsv(text));
        expectAccountedFor(parseMappedCsv(text, { "0": "name", "1": "email" }));
      }),
      { numRuns: 300 },
    );
  });
});
