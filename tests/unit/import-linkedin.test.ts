import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decodeFile } from "@/lib/import/decode";
import { LINKEDIN_NO_HEADER_ERROR, parseLinkedInCsv } from "@/lib/import/linkedin";
import type { ImportedContact } from "@/lib/domain/import";
import { contact as parsedContact, fixture, fixtureBytes } from "../helpers/import";

// A contact as LinkedIn gives it: the profile is also its one link.
function contact(values: Partial<ImportedContact> & Pick<ImportedContact, "row" | "name">): ImportedContact {
  return parsedContact({ links: values.linkedinUrl ? [{ value: values.linkedinUrl, label: "LinkedIn" }] : [], ...values });
}

describe("parseLinkedInCsv", () => {
  it("reads the current export, notes above the header", () => {
    const result = parseLinkedInCsv(fixture("linkedin-current.csv"));
    expect(result.source).toBe("linkedin");
    expect(result.errors).toEqual([]);
    expect(result.rows).toBe(7);
    expect(result.rejected).toEqual([{ row: 5, reason: "No name" }]);
    expect(result.contacts).toEqual([
      contact({
        row: 1,
        name: "Zoë Müller",
        company: "Siemens Healthineers",
        role: "Senior Product Manager",
        linkedinUrl: "https://www.linkedin.com/in/zoe-mueller-4a1b2c",
        connectedOn: "2025-12-22",
      }),
      contact({
        row: 2,
        name: "José García López",
        company: "Telefónica, S.A.",
        role: "Ingeniero de Datos",
        emails: [{ value: "jose.garcia@example.es", label: null }],
        linkedinUrl: "https://www.linkedin.com/in/jos%c3%a9-garc%c3%ada-l%c3%b3pez",
        connectedOn: "2025-11-03",
      }),
      contact({
        row: 3,
        name: "太郎 山田",
        company: "株式会社ヤマダ",
        role: "ソフトウェアエンジニア",
        linkedinUrl: "https://www.linkedin.com/in/taro-yamada-8812a",
        connectedOn: "2025-10-15",
      }),
      contact({
        row: 4,
        name: "Priya Raghunathan",
        company: "Stripe",
        role: "Engineering Manager, Payments",
        linkedinUrl: "https://www.linkedin.com/in/priyaraghunathan",
        connectedOn: "2024-09-01",
      }),
      contact({
        row: 6,
        name: "Siobhán O'Connor",
        company: "Self-employed",
        role: "Founder\nLeadership coach",
        linkedinUrl: "https://www.linkedin.com/in/siobhan-oconnor",
        connectedOn: "2023-03-14",
      }),
      // A date it cannot read is kept as written, not a reason to drop the person.
      contact({
        row: 7,
        name: "Marcus Chen",
        emails: [{ value: "marcus.chen@example.com", label: null }],
        linkedinUrl: "https://www.linkedin.com/in/marcus-chen-21b4",
        extra: { "Connected On": "sometime in 2019" },
      }),
    ]);
  });

  it("reads the older export: no notes, no URL column, US dates, BOM and CRLF", () => {
    const bytes = fixtureBytes("linkedin-legacy.csv");
    // The same whether the byte order mark is removed when decoding or left in the text.
    const result = parseLinkedInCsv(decodeFile(bytes));
    expect(parseLinkedInCsv(bytes.toString("utf8"))).toEqual(result);
    expect(result.errors).toEqual([]);
    // ",,,,," and the blank lines at the end are not rows.
    expect(result.rows).toBe(6);
    expect(result.rejected).toEqual([{ row: 5, reason: "No name" }]);
    expect(result.contacts).toEqual([
      contact({
        row: 1,
        name: "Anna Kowalska",
        company: "Allegro",
        role: "Backend Developer",
        emails: [{ value: "anna.kowalska@example.pl", label: null }],
        connectedOn: "2018-01-08",
      }),
      contact({ row: 2, name: "Björn Andersson", company: "Spotify", role: "Data Scientist", connectedOn: "2018-01-08" }),
      contact({
        row: 3,
        name: "Ngozi Okonkwo",
        company: "Flutterwave",
        role: "Product Designer",
        emails: [{ value: "ngozi@example.ng", label: null }],
        connectedOn: "2018-01-08",
      }),
      contact({ row: 4, name: "Liam", connectedOn: "2017-12-25" }),
      contact({
        row: 6,
        name: "Chloé Dubois",
        company: "Dubois & Fils, SARL",
        role: "Gérante",
        // 30 February does not exist; an address without @ is not an email.
        extra: { "Email Address": "not-an-email", "Connected On": "2/30/18, 1:00 PM" },
      }),
    ]);
  });

  it("keeps columns it does not know under their title", () => {
    const result = parseLinkedInCsv(
      "First Name,Last Name,URL,Email Address,Company,Position,Connected On,Tags,\n" +
        "Zoë,Müller,https://www.linkedin.com/company/siemens,,Siemens,PM,22 Dec 2025,Berlin,extra cell,one more\n",
    );
    expect(result.contacts).toEqual([
      contact({
        row: 1,
        name: "Zoë Müller",
        company: "Siemens",
        role: "PM",
        connectedOn: "2025-12-22",
        extra: { Tags: "Berlin", "Column 9": "extra cell", "Column 10": "one more", URL: "https://www.linkedin.com/company/siemens" },
      }),
    ]);
  });

  it("keeps formula-like cells as text, and cuts a 50,000-character cell", () => {
    const long = "ø".repeat(50_000);
    const result = parseLinkedInCsv(
      `First Name,Last Name,Company,Position,Connected On\n"=HYPERLINK(""http://evil"",""x"")",@SUM(1),+Acme,-CEO,${long}\n`,
    );
    expect(result.contacts).toEqual([
      contact({
        row: 1,
        name: '=HYPERLINK("http://evil","x") @SUM(1)',
        company: "+Acme",
        role: "-CEO",
        extra: { "Connected On": `${"ø".repeat(9_999)}…` },
      }),
    ]);
  });

  it("finds the header under any number of note lines, whatever its case", () => {
    const result = parseLinkedInCsv("Notes:\nSomething, with commas\n\nmore notes\n first name , LAST NAME \nAda,Lovelace\n");
    expect(result.rows).toBe(1);
    expect(result.contacts).toEqual([contact({ row: 1, name: "Ada Lovelace" })]);
  });

  it("gives a whole-file error when there is no header", () => {
    const expected = { source: "linkedin", rows: 0, contacts: [], rejected: [], errors: [LINKEDIN_NO_HEADER_ERROR] };
    expect(parseLinkedInCsv(fixture("google-legacy.csv"))).toEqual(expected);
    expect(parseLinkedInCsv("")).toEqual(expected);
    expect(parseLinkedInCsv("Name,Email\nAda,ada@example.com\n")).toEqual(expected);
    expect(LINKEDIN_NO_HEADER_ERROR).toBe(
      "This doesn't look like a LinkedIn Connections.csv: no row with First Name and Last Name.",
    );
  });

  it("gives a header with no rows under it zero rows and no error", () => {
    expect(parseLinkedInCsv("First Name,Last Name,URL\n\n\n")).toEqual({
      source: "linkedin",
      rows: 0,
      contacts: [],
      rejected: [],
      errors: [],
    });
  });

  it("reads back any connection written in the current format", () => {
    const text = fc.string({ unit: fc.constantFrom(..."abcXYZéøü李 ,\"'-\n"), minLength: 1, maxLength: 20 })
      // An apostrophe before a formula character is an exporter's and is taken off (see cleanCell).
      .filter((value) => !/^'[=+\-@]/.test(value.trim()));
    const quote = (value: string) => `"${value.replaceAll('"', '""')}"`;
    fc.assert(
      fc.property(
        fc.array(fc.record({ first: text, last: text, company: text, slug: fc.stringMatching(/^[a-z0-9-]{3,20}$/) }), { maxLength: 20 }),
        (people) => {
          const lines = people.map((p) =>
            [p.first, p.last, `https://www.linkedin.com/in/${p.slug}/`, "", p.company, "", "22 Dec 2025"].map(quote).join(","),
          );
          const result = parseLinkedInCsv(["First Name,Last Name,URL,Email Address,Company,Position,Connected On", ...lines].join("\n"));
          expect(result.rows).toBe(people.length);
          const isNameless = (p: (typeof people)[number]) => `${p.first}${p.last}`.trim() === "";
          expect(result.rejected).toEqual(
            people.flatMap((p, index) => (isNameless(p) ? [{ row: index + 1, reason: "No name" }] : [])),
          );
          expect(result.contacts.map((c) => c.row)).toEqual(people.flatMap((p, index) => (isNameless(p) ? [] : [index + 1])));
          for (const c of result.contacts) {
            const person = people[c.row - 1];
            expect(c.name).toBe([person?.first.trim(), person?.last.trim()].filter(Boolean).join(" "));
            expect(c.company).toBe(person?.company.trim() || null);
            expect(c.linkedinUrl).toBe(`https://www.linkedin.com/in/${person?.slug}`);
            expect(c.connectedOn).toBe("2025-12-22");
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});
