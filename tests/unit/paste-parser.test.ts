import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parsePastedPeople } from "@/lib/events/paste-parser";

const LETTERS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZéøüßĳ李ñ";
const EMAIL_LIKE = /(?<![^\s<>,;"()[\]])[^\s@<>,;"()[\]]+@[^\s@<>,;"()[\]]+\.[^\s@<>,;"()[\]]+/;
const HEADER_LIKE = /^(name|full name|first name|last name|company|organi[sz]ation|employer|role|title|job title|position|e-?mail|email address)$/i;

// A name or company as people type them: letters, spaces, punctuation,
// commas and quotes (which need quoting), angle brackets without an email.
const textField = fc
  .string({ unit: fc.constantFrom(...LETTERS, " ", " ", ",", '"', "'", "-", ".", "&", "(", ")", "<", ">"), minLength: 1, maxLength: 24 })
  .map((s) => s.trim())
  .filter((s) => s !== "" && !HEADER_LIKE.test(s));

const label = fc.string({ unit: fc.constantFrom(..."abcdefghijklmnopqrstuvwxyz0123456789"), minLength: 1, maxLength: 8 });
const email = fc
  .tuple(
    fc.string({ unit: fc.constantFrom(..."abcdefghijklmnopqrstuvwxyz0123456789._+-"), minLength: 1, maxLength: 12 }),
    fc.array(label, { minLength: 1, maxLength: 3 }),
    fc.string({ unit: fc.constantFrom(..."abcdefghijklmnopqrstuvwxyz"), minLength: 2, maxLength: 6 }),
  )
  .map(([local, labels, tld]) => `${local}@${labels.join(".")}.${tld}`);

const person = fc.record({
  name: textField,
  company: fc.oneof(fc.constant(""), textField),
  email: fc.oneof(fc.constant(""), email),
});

function csvField(value: string, forceQuotes: boolean): string {
  return forceQuotes || /[,"]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

// Lines made from the pieces the parser reacts to, to reach its corners more
// often than uniformly random text does.
const messyLine = fc
  .array(
    fc.oneof(
      textField,
      email,
      email.map((e) => `<${e}>`),
      fc.constantFrom(",", "\t", '"', '""', " ", "<", ">", "@", "mailto:", "\r"),
    ),
    { maxLength: 8 },
  )
  .map((parts) => parts.join(""));
const messyText = fc.array(messyLine, { maxLength: 12 }).map((lines) => lines.join("\n"));

function nonBlankLineNumbers(text: string): number[] {
  return text
    .split(/\r\n|\r|\n/)
    .flatMap((line, index) => (line.trim() === "" ? [] : [index + 1]));
}

describe("parsePastedPeople", () => {
  it("reads the formats people paste", () => {
    const text = [
      "Ada Lovelace, Analytical Engines, ada@example.com",
      "Grace Hopper <grace@navy.mil>",
      "",
      "Katherine Johnson\tNASA\tMathematician\tkatherine@nasa.gov",
      '"Lovelace, Ada", "Engines, Ltd", Countess',
      "alan.turing@bletchley.uk",
      "margaret@mit.edu, Margaret Hamilton, MIT",
      "Hedy Lamarr, , Inventor",
      "  Radia Perlman hello@radia.net  ",
    ].join("\r\n");
    const { rows, problems } = parsePastedPeople(text);
    expect(problems).toEqual([]);
    expect(rows).toEqual([
      { line: 1, name: "Ada Lovelace", company: "Analytical Engines", role: "", email: "ada@example.com" },
      { line: 2, name: "Grace Hopper", company: "", role: "", email: "grace@navy.mil" },
      { line: 4, name: "Katherine Johnson", company: "NASA", role: "Mathematician", email: "katherine@nasa.gov" },
      { line: 5, name: "Lovelace, Ada", company: "Engines, Ltd", role: "Countess", email: "" },
      // No name given: one is made from the email, for the person to check.
      { line: 6, name: "Alan Turing", company: "", role: "", email: "alan.turing@bletchley.uk" },
      { line: 7, name: "Margaret Hamilton", company: "MIT", role: "", email: "margaret@mit.edu" },
      { line: 8, name: "Hedy Lamarr", company: "", role: "Inventor", email: "" },
      { line: 9, name: "Radia Perlman", company: "", role: "", email: "hello@radia.net" },
    ]);
  });

  it("reports the lines it cannot turn into one person, and why", () => {
    const { rows, problems } = parsePastedPeople(
      [
        "Name, Company, Email",
        "Ada <ada@example.com>, Grace <grace@navy.mil>",
        "Ada Lovelace, Engines, Countess, London, ada@example.com",
        ", Engines, Countess",
        '""',
        "Linus, Kernel, linus@example.com",
      ].join("\n"),
    );
    expect(rows).toEqual([{ line: 6, name: "Linus", company: "Kernel", role: "", email: "linus@example.com" }]);
    expect(problems).toEqual([
      { line: 1, text: "Name, Company, Email", reason: expect.stringMatching(/column titles/i) },
      { line: 2, text: "Ada <ada@example.com>, Grace <grace@navy.mil>", reason: expect.stringMatching(/more than one email/i) },
      { line: 3, text: "Ada Lovelace, Engines, Countess, London, ada@example.com", reason: expect.stringMatching(/too many/i) },
      { line: 4, text: ", Engines, Countess", reason: expect.stringMatching(/no name/i) },
      { line: 5, text: '""', reason: expect.stringMatching(/no name/i) },
    ]);
  });

  it("treats column titles as a header only on the first line", () => {
    const { rows, problems } = parsePastedPeople("Ada, Engines\nName, Company");
    expect(problems).toEqual([]);
    expect(rows.map((row) => row.name)).toEqual(["Ada", "Name"]);
  });

  it("keeps the same email written twice on a line as one email", () => {
    const { rows } = parsePastedPeople("Ada <ada@example.com>, ADA@example.com");
    expect(rows).toEqual([{ line: 1, name: "Ada", company: "", role: "", email: "ada@example.com" }]);
  });

  it("reads a very long line in linear time", () => {
    const started = performance.now();
    for (const text of ["a".repeat(100_000), `${"a".repeat(100_000)}@`, `x@${"a".repeat(100_000)}`, "<".repeat(100_000)]) {
      expect(parsePastedPeople(text).rows).toHaveLength(1);
    }
    expect(performance.now() - started).toBeLessThan(2_000);
  });

  it("gives nothing for empty or blank input", () => {
    expect(parsePastedPeople("")).toEqual({ rows: [], problems: [] });
    expect(parsePastedPeople(" \n\t\r\n  ")).toEqual({ rows: [], problems: [] });
  });

  it("never throws, and accounts for every non-blank line exactly once", () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: "binary", maxLength: 300 }), messyText), (text) => {
        const { rows, problems } = parsePastedPeople(text);
        const seen = [...rows.map((row) => row.line), ...problems.map((problem) => problem.line)].sort((a, b) => a - b);
        expect(seen).toEqual(nonBlankLineNumbers(text));
        for (const row of rows) expect(row.name.trim()).not.toBe("");
        for (const problem of problems) expect(problem.reason).not.toBe("");
      }),
      { numRuns: 300 },
    );
  });

  it("never puts an email in the name, company or role", () => {
    fc.assert(
      fc.property(messyText, (text) => {
        for (const row of parsePastedPeople(text).rows) {
          expect(row.email.includes("@") || row.email === "").toBe(true);
          if (row.name !== row.email) expect(`${row.name} ${row.company} ${row.role}`).not.toMatch(EMAIL_LIKE);
        }
      }),
      { numRuns: 300 },
    );
  });

  it("reads back rows written as 'name, company, email' lines", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(person, fc.boolean()), { minLength: 1, maxLength: 10 }), (people) => {
        const text = people
          .map(([p, forceQuotes]) => [p.name, p.company, p.email].map((f) => csvField(f, forceQuotes && f !== "")).join(", "))
          .join("\n");
        const { rows, problems } = parsePastedPeople(text);
        expect(problems).toEqual([]);
        expect(rows).toEqual(people.map(([p], index) => ({ line: index + 1, ...p, role: "" })));
      }),
      { numRuns: 300 },
    );
  });

  it("reads back rows pasted from a spreadsheet, empty cells included", () => {
    const cell = textField.filter((s) => !s.startsWith('"'));
    fc.assert(
      fc.property(
        fc.array(fc.record({ name: cell, company: fc.oneof(fc.constant(""), cell), role: fc.oneof(fc.constant(""), cell), email }), {
          minLength: 1,
          maxLength: 10,
        }),
        (people) => {
          const text = people.map((p) => [p.name, p.company, p.role, p.email].join("\t")).join("\n");
          const { rows, problems } = parsePastedPeople(text);
          expect(problems).toEqual([]);
          expect(rows).toEqual(people.map((p, index) => ({ line: index + 1, ...p })));
        },
      ),
      { numRuns: 200 },
    );
  });
});
