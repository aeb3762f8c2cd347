import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { MAX_CELL_LENGTH, toCsv } from "@/lib/import/csv";
import { decodeFile } from "@/lib/import/decode";
import {
  IMPORT_FIELDS,
  type ColumnMapping,
  columnMappingSchema,
  parseMappedCsv,
  readCsvHeader,
  suggestMapping,
} from "@/lib/import/mapped-csv";
import { contact, fixture } from "../helpers/import";

describe("readCsvHeader", () => {
  it("gives the titles and the first five rows", () => {
    const { header, sample } = readCsvHeader(fixture("generic.csv"));
    expect(header).toEqual([
      "Full name",
      "E-mail",
      "Company",
      "Job title",
      "Phone",
      "LinkedIn",
      "Notes",
      "Tags",
      "Birthday",
      "Favourite colour",
    ]);
    expect(sample).toHaveLength(5);
    expect(sample[2]).toEqual(["山田 太郎", "", "株式会社ヤマダ", "", "", "https://example.com/taro", "Line one\nLine two, with a comma", "", "", ""]);
  });

  it("caps the cells it shows, and copes with an empty file", () => {
    const { sample } = readCsvHeader(fixture("generic-long-field.csv"));
    expect(sample[0]?.[1]).toHaveLength(MAX_CELL_LENGTH);
    expect(readCsvHeader("")).toEqual({ header: [], sample: [] });
  });

  it("reads a semicolon file from a European Excel", () => {
    expect(readCsvHeader("Name;Firma;E-Mail\nZoë Müller;Siemens, Berlin;zoe@example.de\n")).toEqual({
      header: ["Name", "Firma", "E-Mail"],
      sample: [["Zoë Müller", "Siemens, Berlin", "zoe@example.de"]],
    });
  });
});

describe("suggestMapping", () => {
  it("guesses from common titles, leaving unknown columns out", () => {
    expect(suggestMapping(readCsvHeader(fixture("generic.csv")).header)).toEqual({
      "0": "name",
      "1": "email",
      "2": "company",
      "3": "role",
      "4": "phone",
      "5": "linkedin",
      "6": "notes",
      "7": "labels",
      "8": "birthday",
    });
  });

  it("knows first and last name, and several email or phone columns", () => {
    expect(
      suggestMapping([
        "First name",
        "Last name",
        "Email address",
        "Work E-mail",
        "Mobile",
        "Organization",
        "Position",
        "Profile URL",
        "Groups",
        "City",
        "Date of birth",
        "Connected On",
        "Website",
        "Company",
        "ID",
      ]),
    ).toEqual({
      "0": "firstName",
      "1": "lastName",
      "2": "email",
      "3": "email",
      "4": "phone",
      "5": "company",
      "6": "role",
      "7": "linkedin",
      "8": "labels",
      "9": "location",
      "10": "birthday",
      "11": "connectedOn",
      "12": "website",
    });
  });

  it("always gives a mapping the schema accepts, apart from a missing name", () => {
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 20 }), { maxLength: 30 }), (header) => {
        const parsed = columnMappingSchema.safeParse(suggestMapping(header));
        const messages = parsed.success ? [] : parsed.error.issues.map((issue) => issue.message);
        expect(messages.filter((message) => !message.startsWith("Choose the column with the name"))).toEqual([]);
      }),
    );
  });
});

describe("columnMappingSchema", () => {
  it("accepts a mapping with a name", () => {
    expect(columnMappingSchema.safeParse({ "0": "name", "1": "email", "2": "email", "3": "ignore" }).success).toBe(true);
    expect(columnMappingSchema.safeParse({ "0": "firstName", "4": "lastName" }).success).toBe(true);
  });

  it("rejects what a browser could send that makes no sense", () => {
    const messages = (input: unknown) => {
      const parsed = columnMappingSchema.safeParse(input);
      return parsed.success ? [] : parsed.error.issues.map((issue) => issue.message);
    };
    expect(messages({ "0": "name", "1": "company", "2": "company" })).toEqual(["Only one column can be Company."]);
    expect(messages({ "0": "email" })).toEqual(["Choose the column with the name (or first and last name)."]);
    expect(messages({ "0": "name", "1": "password" })).toHaveLength(1);
    expect(messages({ "0": "name", x: "email" })).toHaveLength(1);
    expect(messages({ "0": "name", "-1": "email" })).toHaveLength(1);
    expect(messages(["name"])).toHaveLength(1);
    expect(messages(null)).toHaveLength(1);
  });
});

describe("parseMappedCsv", () => {
  const text = fixture("generic.csv");
  const mapping = suggestMapping(readCsvHeader(text).header);

  it("reads every row with the mapping", () => {
    const result = parseMappedCsv(text, mapping);
    expect(result.source).toBe("csv");
    expect(result.errors).toEqual([]);
    expect(result.rows).toBe(5);
    expect(result.rejected).toEqual([{ row: 4, reason: "No name" }]);
    expect(result.contacts).toEqual([
      contact({
        row: 1,
        name: "Zoë Müller",
        company: "Siemens Healthineers",
        role: "Product Manager",
        notes: "Met at re:publica",
        emails: [
          { value: "zoe@mueller.example", label: null },
          { value: "zoe.m@example.com", label: null },
        ],
        phones: [{ value: "+49 170 1234567", label: null }],
        links: [{ value: "https://www.linkedin.com/in/zoe-mueller-4a1b2c", label: "LinkedIn" }],
        linkedinUrl: "https://www.linkedin.com/in/zoe-mueller-4a1b2c",
        birthday: { year: 1990, month: 4, day: 17 },
        labels: ["Friends", "Berlin"],
        extra: { "Favourite colour": "teal" },
      }),
      // 17/04/1990 above shows the column is day-first: 03/04 is 3 April.
      contact({
        row: 2,
        name: "José García",
        company: "Telefónica, S.A.",
        emails: [{ value: "jose@example.es", label: null }],
        birthday: { year: 1985, month: 4, day: 3 },
        labels: ["Work"],
      }),
      // Not a LinkedIn profile: kept as written.
      contact({
        row: 3,
        name: "山田 太郎",
        company: "株式会社ヤマダ",
        notes: "Line one\nLine two, with a comma",
        extra: { LinkedIn: "https://example.com/taro" },
      }),
      contact({
        row: 5,
        name: '=HYPERLINK("http://evil.example","x")',
        notes: "@SUM(1)",
        phones: [{ value: "+1 (555) 010-0199", label: null }],
        extra: { "Favourite colour": "-red" },
      }),
    ]);
  });

  it("drops ignored columns and keeps unmapped ones", () => {
    const result = parseMappedCsv(text, { ...mapping, "9": "ignore", "7": "ignore" });
    expect(result.contacts[0]?.extra).toEqual({});
    expect(result.contacts[0]?.labels).toEqual([]);
    const bare = parseMappedCsv(text, { "0": "name" });
    expect(bare.contacts[1]?.extra).toEqual({
      "E-mail": "jose@example.es",
      Company: "Telefónica, S.A.",
      Tags: "Work",
      Birthday: "03/04/1985",
    });
  });

  it("builds the name from first and last name, and joins notes from several columns", () => {
    const csv = toCsv(
      ["Vorname", "Nachname", "Notiz", "Kommentar", "Web", "Geburtstag", "Verbunden"],
      [
        ["Zoë", "Müller", "Klettert", "Mag Kaffee", "zoe.example ::: linkedin.com/in/zoe", "--04-17", "22 Dec 2025"],
        ["", "Okonkwo", null, "", "javascript:alert(1)", "someday", "yesterday"],
        ["", "", "only a note", "", "", "", ""],
      ],
    );
    const result = parseMappedCsv(csv, {
      "0": "firstName",
      "1": "lastName",
      "2": "notes",
      "3": "notes",
      "4": "website",
      "5": "birthday",
      "6": "connectedOn",
    });
    expect(result.rows).toBe(3);
    expect(result.rejected).toEqual([{ row: 3, reason: "No name" }]);
    expect(result.contacts).toEqual([
      contact({
        row: 1,
        name: "Zoë Müller",
        notes: "Klettert\n\nMag Kaffee",
        links: [
          { value: "https://zoe.example/", label: null },
          { value: "https://www.linkedin.com/in/zoe", label: "LinkedIn" },
        ],
        linkedinUrl: "https://www.linkedin.com/in/zoe",
        birthday: { year: null, month: 4, day: 17 },
        connectedOn: "2025-12-22",
      }),
      contact({
        row: 2,
        name: "Okonkwo",
        extra: { Web: "javascript:alert(1)", Geburtstag: "someday", Verbunden: "yesterday" },
      }),
    ]);
  });

  it("reads back a file Kith exported: formula characters keep their text, without the apostrophe", () => {
    const csv = toCsv(
      ["Name", "Phone", "Notes", "Labels"],
      [['=HYPERLINK("http://evil","x")', "+49 170 1234567", "@SUM(1)", "-Old, +New"]],
    );
    expect(csv).toContain(`"'=HYPERLINK(""http://evil"",""x"")",'+49 170 1234567,'@SUM(1),"'-Old, +New"`);
    expect(parseMappedCsv(csv, { "0": "name", "1": "phone", "2": "notes", "3": "labels" }).contacts).toEqual([
      contact({
        row: 1,
        name: '=HYPERLINK("http://evil","x")',
        notes: "@SUM(1)",
        phones: [{ value: "+49 170 1234567", label: null }],
        labels: ["-Old", "+New"],
      }),
    ]);
  });

  it("cuts a 50,000-character cell", () => {
    const result = parseMappedCsv(fixture("generic-long-field.csv"), { "0": "name", "1": "notes" });
    expect(result.rows).toBe(2);
    expect(result.contacts.map((c) => [c.name, c.notes?.length, c.notes?.endsWith("…")])).toEqual([
      ["Siobhán O'Connor", MAX_CELL_LENGTH, true],
      ["Björn Andersson", 5, false],
    ]);
  });

  it("reads a windows-1252 file saved by Excel, semicolons and all", () => {
    const bytes = Buffer.from("Name;E-Mail;Firma\r\nJos\xe9 Garc\xeda;jose@example.es;Caf\xe9 \x80uro\r\n", "latin1");
    const result = parseMappedCsv(decodeFile(bytes), { "0": "name", "1": "email", "2": "company" });
    expect(result.contacts).toEqual([
      contact({ row: 1, name: "José García", company: "Café €uro", emails: [{ value: "jose@example.es", label: null }] }),
    ]);
  });

  it("reports a mapping it cannot use, or an empty file, as a whole", () => {
    expect(parseMappedCsv(text, { "0": "email" } as ColumnMapping)).toEqual({
      source: "csv",
      rows: 0,
      contacts: [],
      rejected: [],
      errors: ["Choose the column with the name (or first and last name)."],
    });
    expect(parseMappedCsv("", { "0": "name" })).toEqual({
      source: "csv",
      rows: 0,
      contacts: [],
      rejected: [],
      errors: ["This file has no rows."],
    });
  });

  it("accounts for every row whatever the mapping", () => {
    const field = fc.constantFrom(...IMPORT_FIELDS, "ignore" as const);
    const cell = fc.oneof(
      fc.string({ maxLength: 10 }),
      fc.constantFrom("ada@example.com", "linkedin.com/in/ada", "--04-17", "1/8/18", "a ::: b; c"),
    );
    fc.assert(
      fc.property(
        fc.array(fc.array(cell, { minLength: 4, maxLength: 4 }), { maxLength: 10 }),
        fc.array(field, { minLength: 4, maxLength: 4 }),
        (rows, fields) => {
          const mapping: ColumnMapping = { "0": "name" };
          fields.forEach((f, index) => {
            if (index > 0) mapping[String(index)] = f;
          });
          fc.pre(columnMappingSchema.safeParse(mapping).success);
          const result = parseMappedCsv(toCsv(["A", "B", "C", "D"], rows), mapping);
          const nonBlank = rows.filter((row) => row.some((value) => (/^[=+\-@\t\r]/.test(value) ? "'" : value).trim() !== ""));
          expect(result.rows).toBe(nonBlank.length);
          const seen = [...result.contacts.map((c) => c.row), ...result.rejected.map((r) => r.row)].sort((a, b) => a - b);
          expect(seen).toEqual(Array.from({ length: result.rows }, (_, index) => index + 1));
        },
      ),
      { numRuns: 300 },
    );
  });
});
