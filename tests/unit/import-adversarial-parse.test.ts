import { describe, expect, it } from "vitest";
import { csvRows, parseCsvRows, splitMultiValue, splitTrimmed, toCsv } from "@/lib/import/csv";
import { MAX_IMPORT_ROWS, tooManyRowsMessage } from "@/lib/import/decode";
import { parseGoogleCsv } from "@/lib/import/google";
import { linkedInCsvSteps, parseLinkedInCsv } from "@/lib/import/linkedin";
import { parseMappedCsv } from "@/lib/import/mapped-csv";
import { parseImportFile, parseImportSteps } from "@/lib/import/parse";
import { runStepsSliced } from "@/lib/import/steps";
import { parseVCards } from "@/lib/import/vcard";
import { card } from "../helpers/import";

// Cells and files written to hurt the parsers: runs of spaces a splitting
// pattern backtracks over, more rows than Kith takes, and reading that
// must let a web server answer between rows.

const SPACES = " ".repeat(100_000);

describe("splitting cells with long runs of spaces", () => {
  it("splits Google's ::: lists around 100,000 spaces", () => {
    expect(splitMultiValue(`a${SPACES}:::${SPACES}b`)).toEqual(["a", "b"]);
    expect(splitMultiValue(`a${SPACES}b`)).toEqual([`a${SPACES}b`]);
    expect(splitMultiValue(`${SPACES}:::${SPACES}`)).toEqual([]);
  });

  it("splits a mapped CSV's lists on , ; and ::: around 100,000 spaces", () => {
    expect(splitTrimmed(`a${SPACES},${SPACES}b${SPACES};c:::${SPACES}d`, [",", ";", ":::"])).toEqual(["a", "b", "c", "d"]);
    expect(splitTrimmed(`a${SPACES}b`, [",", ";", ":::"])).toEqual([`a${SPACES}b`]);
  });

  it("reads a Google row whose cells are 10,000 characters of spaces around values", () => {
    const spaces = " ".repeat(9_990);
    const half = " ".repeat(4_980);
    const text = toCsv(
      ["First Name", "Labels", "E-mail 1 - Value", "Organization Name", "Address 1 - Formatted"],
      [["Grace", `Navy${spaces}:::${spaces}`, `grace@navy.example${spaces}`, `${spaces}Navy`, `Arlington${half}\n${half}Virginia`]],
    );
    const [grace] = parseGoogleCsv(text).contacts;
    expect(grace).toMatchObject({
      name: "Grace",
      labels: ["Navy"],
      emails: [{ value: "grace@navy.example", label: null }],
      company: "Navy",
      location: "Arlington, Virginia",
    });
  });

  it("reads a mapped CSV row whose list cells are 10,000 characters of spaces around values", () => {
    const spaces = " ".repeat(4_980);
    const text = toCsv(
      ["Name", "Emails", "Tags"],
      [["Grace", `a@navy.example${spaces},${spaces}b@navy.example`, `Navy${spaces};${spaces}Friends`]],
    );
    const [grace] = parseMappedCsv(text, { "0": "name", "1": "email", "2": "labels" }).contacts;
    expect(grace?.emails.map((email) => email.value)).toEqual(["a@navy.example", "b@navy.example"]);
    expect(grace?.labels).toEqual(["Navy", "Friends"]);
  });
});

describe("reading a CSV a piece at a time", () => {
  it("gives the rows a whole-text parse gives, across pieces, quoted line breaks and blank lines", () => {
    const rows = Array.from({ length: 6_000 }, (_, index) => [
      `Name ${index}`,
      index % 5 === 0 ? `Line one\r\nline "two", ${index}` : `plain ${index}`,
      index % 7 === 0 ? "" : "x".repeat(index % 50),
    ]);
    const text = `${toCsv(["Name", "Notes", "Other"], rows)}\r\n  \r\n${toCsv(["a;b"], [["c"]])}`;
    expect(text.length).toBeGreaterThan(3 * 64 * 1024);
    expect([...csvRows(text)]).toEqual(parseCsvRows(text));
    const semicolons = text.replaceAll(",", ";");
    expect([...csvRows(semicolons, { delimiter: "auto" })]).toEqual(parseCsvRows(semicolons, { delimiter: "auto" }));
  });
});

describe("the row limit", () => {
  const header = "First Name,Last Name,URL,Email Address,Company,Position,Connected On";
  const linkedIn = (rows: number) =>
    [header, ...Array.from({ length: rows }, (_, index) => `Ada,Lovelace${index},,,Acme,Engineer,22 Dec 2025`)].join("\n");

  it("takes a LinkedIn file of exactly the limit", () => {
    const result = parseLinkedInCsv(linkedIn(MAX_IMPORT_ROWS));
    expect(result.errors).toEqual([]);
    expect(result.rows).toBe(MAX_IMPORT_ROWS);
  });

  it("refuses one row more, saying the limit, the size limit and what to do, and stops reading there", () => {
    const text = linkedIn(2 * MAX_IMPORT_ROWS);
    const parser = linkedInCsvSteps(text);
    let steps = 0;
    let step = parser.next();
    for (; !step.done; step = parser.next()) steps += 1;
    expect(step.value).toEqual({ source: "linkedin", rows: 0, contacts: [], rejected: [], errors: [tooManyRowsMessage()] });
    expect(tooManyRowsMessage()).toBe(
      "This file has more than 50,000 contacts; Kith imports up to 50,000 contacts (and 20 MB) at a time. Split it into smaller files and import them one after another.",
    );
    // A step for each row read: the header, then rows up to the first one too many.
    expect(steps).toBe(MAX_IMPORT_ROWS + 2);
  });

  it("refuses a Google CSV, a mapped CSV and a vCard file over the limit", () => {
    const rows = Array.from({ length: MAX_IMPORT_ROWS + 1 }, (_, index) => `Ada${index},ada${index}@example.com`);
    const csv = ["First Name,E-mail 1 - Value", ...rows].join("\n");
    const refused = { rows: 0, contacts: [], rejected: [], errors: [tooManyRowsMessage()] };
    expect(parseGoogleCsv(csv)).toEqual({ source: "google", ...refused });
    expect(parseMappedCsv(csv, { "0": "name", "1": "email" })).toEqual({ source: "csv", ...refused });
    expect(parseVCards(card("FN:Ada").repeat(MAX_IMPORT_ROWS + 1))).toEqual({ source: "vcard", ...refused });
    expect(parseVCards(card("FN:Ada").repeat(MAX_IMPORT_ROWS)).rows).toBe(MAX_IMPORT_ROWS);
  });
});

describe("reading in slices", () => {
  it("gives timers a turn while a long file is read, and reads what a single pass reads", async () => {
    const text = Array.from({ length: 30_000 }, (_, index) => card(`FN:Ada ${index}`, `EMAIL:ada${index}@example.com`)).join("");
    let ticks = 0;
    const timer = setInterval(() => {
      ticks += 1;
    }, 1);
    const sliced = await runStepsSliced(parseImportSteps("vcard", text, null));
    clearInterval(timer);
    expect(ticks).toBeGreaterThan(0);
    expect(sliced).toEqual(parseImportFile("vcard", text, null));
    expect(sliced.rows).toBe(30_000);
  });
});
