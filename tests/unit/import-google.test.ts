import { describe, expect, it } from "vitest";
import { toCsv } from "@/lib/import/csv";
import { GOOGLE_NOT_RECOGNISED_ERROR, parseGoogleCsv } from "@/lib/import/google";
import { contact, fixture } from "../helpers/import";

// A current-format file with only the given columns.
function current(rows: Record<string, string>[]): string {
  const header = [...new Set(["First Name", "Last Name", "E-mail 1 - Value", ...rows.flatMap((row) => Object.keys(row))])];
  return toCsv(
    header,
    rows.map((row) => header.map((title) => row[title] ?? "")),
  );
}

describe("parseGoogleCsv, current format", () => {
  const result = parseGoogleCsv(fixture("google-current.csv"));

  it("accounts for every row", () => {
    expect(result.source).toBe("google");
    expect(result.errors).toEqual([]);
    expect(result.rows).toBe(7);
    expect(result.contacts.map((c) => c.row)).toEqual([1, 2, 3, 4, 5, 7]);
    expect(result.rejected).toEqual([{ row: 6, reason: "No name, email or organization" }]);
  });

  it("reads a full contact: several values in a cell, the primary email first, system labels dropped", () => {
    expect(result.contacts[0]).toEqual(
      contact({
        row: 1,
        name: "Zoë Müller",
        company: "Siemens Healthineers",
        role: "Senior Product Manager",
        location: "Berlin, Germany",
        notes: "Met at re:publica 2023.\nLoves bouldering, ask about Fontainebleau.",
        emails: [
          { value: "zoe.m@example.com", label: "Home" },
          { value: "zoe.mueller@siemens-healthineers.example", label: "Work" },
          { value: "zoe@mueller.example", label: "Work" },
        ],
        phones: [{ value: "+49 170 1234567", label: "Mobile" }],
        links: [{ value: "https://www.linkedin.com/in/zoe-mueller-4a1b2c", label: "LinkedIn" }],
        linkedinUrl: "https://www.linkedin.com/in/zoe-mueller-4a1b2c",
        birthday: { year: 1990, month: 4, day: 17 },
        labels: ["Friends"],
        extra: {
          Labels: "* starred",
          Nickname: "Zo",
          "Address 1 - Label": "Home",
          "Address 1 - Formatted": "Torstraße 1\n10119 Berlin\nGermany",
          "Address 1 - Street": "Torstraße 1",
          "Address 1 - Postal Code": "10119",
          "Relation 1 - Label": "Spouse",
          "Relation 1 - Value": "Lena",
        },
      }),
    );
  });

  it("pairs several labels with several values, and reads a birthday without a year", () => {
    expect(result.contacts[1]).toEqual(
      contact({
        row: 2,
        name: "José Luis García López",
        location: "Calle Mayor 5, 28013 Madrid",
        emails: [{ value: "jose@example.es", label: "Work" }],
        phones: [
          { value: "+34 612 345 678", label: "Mobile" },
          { value: "+34 913 000 000", label: "Work" },
        ],
        links: [{ value: "https://josegarcia.example.es/", label: "Blog" }],
        birthday: { year: null, month: 4, day: 17 },
        labels: ["Work"],
      }),
    );
  });

  it("takes the name from File As, and reads 'April 17, 1990'", () => {
    expect(result.contacts[2]).toEqual(
      contact({
        row: 3,
        name: "山田 太郎",
        company: "株式会社ヤマダ",
        emails: [{ value: "taro.yamada@example.jp", label: "Work" }],
        birthday: { year: 1990, month: 4, day: 17 },
        extra: { "Phonetic First Name": "タロウ", "Phonetic Last Name": "ヤマダ" },
      }),
    );
  });

  it("names a contact without a name after its organization, else its email", () => {
    expect(result.contacts[3]).toEqual(
      contact({
        row: 4,
        name: "Acme Plumbing GmbH",
        company: "Acme Plumbing GmbH",
        phones: [{ value: "+43 1 234 5678", label: "Work" }],
        labels: ["Home"],
      }),
    );
    expect(result.contacts[4]).toEqual(
      contact({ row: 5, name: "newsletter@example.org", emails: [{ value: "newsletter@example.org", label: null }] }),
    );
  });

  it("keeps formulas as text and what it cannot use in extra, never a javascript: link", () => {
    expect(result.contacts[5]).toEqual(
      contact({
        row: 7,
        name: '=HYPERLINK("http://evil.example","x") Formula',
        notes: "@SUM(1)",
        emails: [{ value: "ok@example.com", label: null }],
        labels: ["+Clients", "-Old"],
        extra: {
          "E-mail 1 - Value": "not an email",
          Birthday: "sometime in spring",
          "Website 1 - Value": "javascript:alert(1)",
        },
      }),
    );
  });
});

describe("parseGoogleCsv, legacy format", () => {
  const result = parseGoogleCsv(fixture("google-legacy.csv"));

  it("reads every row", () => {
    expect(result.errors).toEqual([]);
    expect(result.rows).toBe(5);
    expect(result.rejected).toEqual([{ row: 4, reason: "No name, email or organization" }]);
    expect(result.contacts).toEqual([
      contact({
        row: 1,
        name: "Zoë Müller",
        company: "Siemens Healthineers",
        role: "Senior Product Manager",
        // "* Home" marks the primary: its values come first.
        emails: [
          { value: "zoe@mueller.example", label: "Home" },
          { value: "zoe.m@example.com", label: "Home" },
          { value: "zoe.mueller@siemens-healthineers.example", label: "Work" },
        ],
        phones: [{ value: "+49 170 1234567", label: "Mobile" }],
        links: [{ value: "https://www.linkedin.com/in/zoe-mueller-4a1b2c", label: "LinkedIn" }],
        linkedinUrl: "https://www.linkedin.com/in/zoe-mueller-4a1b2c",
        birthday: { year: 1990, month: 4, day: 17 },
        // Google's old system groups Friends, Family and Coworkers are kept.
        labels: ["Friends", "Coworkers"],
      }),
      contact({
        row: 2,
        name: "山田 太郎",
        location: "Osaka",
        emails: [{ value: "taro.yamada@example.jp", label: "Other" }],
        extra: { "Yomi Name": "ヤマダ タロウ" },
      }),
      contact({
        row: 3,
        name: "Ana Souza",
        location: "São Paulo, Brazil",
        notes: 'Recommended "Grande Sertão: Veredas", read it!',
        phones: [{ value: "+55 11 91234-5678", label: "Mobile" }],
        labels: ["Book club"],
        extra: { "Address 1 - Type": "Home" },
      }),
      contact({ row: 5, name: "someone@example.net", emails: [{ value: "someone@example.net", label: null }] }),
    ]);
  });
});

describe("parseGoogleCsv, edge cases", () => {
  it("rejects a file that is not a Google export as a whole", () => {
    const expected = { source: "google", rows: 0, contacts: [], rejected: [], errors: [GOOGLE_NOT_RECOGNISED_ERROR] };
    expect(parseGoogleCsv(fixture("generic.csv"))).toEqual(expected);
    expect(parseGoogleCsv("")).toEqual(expected);
    expect(GOOGLE_NOT_RECOGNISED_ERROR).toMatch(/^This doesn't look like a Google Contacts export/);
  });

  it("accepts a file with only an email column", () => {
    const result = parseGoogleCsv("E-mail 1 - Value\nada@example.com ::: ADA@example.com\n\n");
    expect(result).toEqual({
      source: "google",
      rows: 1,
      rejected: [],
      errors: [],
      contacts: [contact({ row: 1, name: "ada@example.com", emails: [{ value: "ada@example.com", label: null }] })],
    });
  });

  it("keeps a second organization in its column and a 50,000-character note cut", () => {
    const result = parseGoogleCsv(
      current([
        {
          "First Name": "Zoë",
          "Organization Name": "Siemens ::: TU Berlin",
          Notes: "n".repeat(50_000),
          "Website 1 - Value": "linkedin.com/in/zoe ::: https://zoe.example",
        },
      ]),
    );
    expect(result.contacts).toEqual([
      contact({
        row: 1,
        name: "Zoë",
        company: "Siemens",
        notes: `${"n".repeat(9_999)}…`,
        links: [
          { value: "https://www.linkedin.com/in/zoe", label: "LinkedIn" },
          { value: "https://zoe.example/", label: null },
        ],
        linkedinUrl: "https://www.linkedin.com/in/zoe",
        extra: { "Organization Name": "Siemens ::: TU Berlin" },
      }),
    ]);
  });

  it("keeps columns titled like Object's own properties as plain keys", () => {
    const result = parseGoogleCsv(current([{ "First Name": "Ada", ["__proto__"]: "polluted?", constructor: "x", toString: "y" }]));
    const extra = result.contacts[0]?.extra ?? {};
    expect(Object.keys(extra)).toEqual(["__proto__", "constructor", "toString"]);
    expect(Object.getPrototypeOf(extra)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("keeps two columns with the same title as a list", () => {
    const result = parseGoogleCsv("First Name,Custom,Custom\nAda,one,two\n");
    expect(result.contacts[0]?.extra).toEqual({ Custom: ["one", "two"] });
  });
});
