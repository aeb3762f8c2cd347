import { lastDayOfMonth } from "date-fns";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { MAX_POSITIONS_TEXT_LENGTH, POSITIONS_TOO_LARGE_MESSAGE } from "@/lib/domain/limits";
import { parsePositionsCsv, POSITIONS_NO_HEADER_MESSAGE } from "@/lib/journal/positions-csv";
import { roleInputSchema, type RoleValues } from "@/lib/validations/journal";
import { MAX_POSITIONS_ROWS, POSITIONS_TOO_MANY_ROWS_MESSAGE } from "@/lib/validations/role-import";

const HEADER = "Company Name,Title,Description,Location,Started On,Finished On";

function role(values: Partial<RoleValues> & Pick<RoleValues, "company" | "title" | "startedOn">): RoleValues {
  return { location: null, description: null, endedOn: null, ...values };
}

function parsed(text: string) {
  const result = parsePositionsCsv(text);
  if (!result.ok) throw new Error(`expected the file to parse: ${result.message}`);
  return result;
}

describe("parsePositionsCsv: examples", () => {
  it("reads LinkedIn's export: both date styles, the current role, quoted newlines and commas", () => {
    const text = [
      HEADER,
      `Analytical Engines Ltd,Staff Engineer,"Led the billing rewrite.\nCut build time by 40 %, too.","London, United Kingdom",Mar 2021,`,
      `"Babbage & Co, Inc.",Engineer,,Cambridge,2015,Feb 2021`,
      `Difference Works,Intern,"He said ""ship it""",,Jun 2012,2012`,
    ].join("\n");
    expect(parsed(text)).toEqual({
      ok: true,
      skipped: [],
      roles: [
        role({
          company: "Analytical Engines Ltd",
          title: "Staff Engineer",
          description: "Led the billing rewrite.\nCut build time by 40 %, too.",
          location: "London, United Kingdom",
          startedOn: "2021-03-01",
        }),
        role({ company: "Babbage & Co, Inc.", title: "Engineer", location: "Cambridge", startedOn: "2015-01-01", endedOn: "2021-02-28" }),
        role({ company: "Difference Works", title: "Intern", description: 'He said "ship it"', startedOn: "2012-06-01", endedOn: "2012-12-31" }),
      ],
    });
  });

  it("ends a role on the last day of its month, leap years included", () => {
    const { roles } = parsed(`${HEADER}\nA,B,,,Jan 2020,Feb 2024\nC,D,,,January 2019,Sept 2019\nE,F,,,2019-04,12/2019`);
    expect(roles.map((r) => [r.startedOn, r.endedOn])).toEqual([
      ["2020-01-01", "2024-02-29"],
      ["2019-01-01", "2019-09-30"],
      ["2019-04-01", "2019-12-31"],
    ]);
  });

  it("takes a UTF-8 BOM, CRLF line ends, other header spellings, column orders and unknown columns", () => {
    const text = "\uFEFFfinished_on,Notes,  STARTED  on , TITLE,company name\r\n,whatever,Apr 2018,CTO,Zoë & Söhne\r\n";
    expect(parsed(text).roles).toEqual([role({ company: "Zoë & Söhne", title: "CTO", startedOn: "2018-04-01" })]);
  });

  it("treats Present as the current role", () => {
    expect(parsed(`${HEADER}\nA,B,,,2020,Present`).roles[0]?.endedOn).toBeNull();
  });

  it("reports rows it cannot import by their place among the positions, and imports the rest", () => {
    const text = [
      HEADER,
      ",Engineer,,,2020,",
      "Acme,,,,2020,",
      "Acme,Engineer,,,sometime,",
      "Acme,Engineer,,,Smarch 2020,",
      "Acme,Engineer,,,2020,never",
      "Acme,Engineer,,,Mar 2021,Feb 2021",
      "Acme,Engineer,,,,",
      ",,,Berlin,,",
      "Acme,Engineer,,,1850,",
      "Acme,Engineer,,,2020-02-30,",
      "Acme,Engineer,,,Mar 2021,Mar 2021",
    ].join("\n");
    const result = parsed(text);
    expect(result.roles).toEqual([role({ company: "Acme", title: "Engineer", startedOn: "2021-03-01", endedOn: "2021-03-31" })]);
    expect(result.skipped).toEqual([
      { row: 1, reason: "no company" },
      { row: 2, reason: "no title" },
      { row: 3, reason: "Started On “sometime” is not a date like “Mar 2021” or “2015”" },
      { row: 4, reason: "Started On “Smarch 2020” is not a date like “Mar 2021” or “2015”" },
      { row: 5, reason: "Finished On “never” is not a date like “Mar 2021” or “2015”" },
      { row: 6, reason: "Finished On “Feb 2021” is before Started On “Mar 2021”" },
      { row: 7, reason: "no Started On date" },
      { row: 8, reason: "no company and no title" },
      { row: 9, reason: "Started On “1850” is not a date like “Mar 2021” or “2015”" },
      { row: 10, reason: "Started On “2020-02-30” is not a date like “Mar 2021” or “2015”" },
    ]);
  });

  it("cuts text to what the role form keeps", () => {
    const long = "x".repeat(5000);
    const [only] = parsed(`${HEADER}\n${"C".repeat(300)},${"T".repeat(300)},${long},${"L".repeat(300)},2020,`).roles;
    expect(only && roleInputSchema.safeParse(only).success).toBe(true);
    expect(only?.company).toHaveLength(200);
    expect(only?.description).toHaveLength(4000);
  });

  it("says why a file is not a Positions.csv, too large, or has too many rows", () => {
    expect(parsePositionsCsv("")).toEqual({ ok: false, message: POSITIONS_NO_HEADER_MESSAGE });
    expect(parsePositionsCsv("First Name,Last Name,Company,Position\nAda,L,Acme,CTO")).toEqual({
      ok: false,
      message: POSITIONS_NO_HEADER_MESSAGE,
    });
    expect(parsePositionsCsv(`${HEADER}\n${"x".repeat(MAX_POSITIONS_TEXT_LENGTH)}`)).toEqual({
      ok: false,
      message: POSITIONS_TOO_LARGE_MESSAGE,
    });
    const rows = (n: number) => `${HEADER}\n${Array.from({ length: n }, (_, i) => `Co ${i},T,,,2020,`).join("\n")}`;
    expect(parsed(rows(MAX_POSITIONS_ROWS)).roles).toHaveLength(MAX_POSITIONS_ROWS);
    expect(parsePositionsCsv(rows(MAX_POSITIONS_ROWS + 1))).toEqual({ ok: false, message: POSITIONS_TOO_MANY_ROWS_MESSAGE });
  });

  it("reads a header below a few lines of notes, and skips blank lines", () => {
    expect(parsed(`Exported by hand\n\n${HEADER}\n\nA,B,,,2020,\n  ,  ,,,,\n`).roles).toHaveLength(1);
  });
});

// ——— Properties ———

const MONTH_WORDS = [
  ["Jan", "January"],
  ["Feb", "February"],
  ["Mar", "March"],
  ["Apr", "April"],
  ["May", "May"],
  ["Jun", "June"],
  ["Jul", "July"],
  ["Aug", "August"],
  ["Sep", "September"],
  ["Oct", "October"],
  ["Nov", "November"],
  ["Dec", "December"],
] as const;

type Period = { year: number; month: number | null; written: string };

// A date as LinkedIn writes it: "Mar 2021" (or a full month name) or "2015".
const period: fc.Arbitrary<Period> = fc
  .record({ year: fc.integer({ min: 1950, max: 2035 }), month: fc.option(fc.integer({ min: 1, max: 12 })), long: fc.boolean() })
  .map(({ year, month, long }) => ({
    year,
    month,
    written: month === null ? String(year) : `${MONTH_WORDS[month - 1]?.[long ? 1 : 0]} ${year}`,
  }));

const pad = (n: number) => String(n).padStart(2, "0");
const startOf = (p: Period) => `${p.year}-${pad(p.month ?? 1)}-01`;
const endOf = (p: Period) =>
  p.month === null ? `${p.year}-12-31` : `${p.year}-${pad(p.month)}-${pad(lastDayOfMonth(new Date(p.year, p.month - 1, 1)).getDate())}`;

const LETTERS = [..."abcxyzABCÉéßü漢字 ", "&", ",", '"', "'", ";", "-", "😀"];
const words = (unit: fc.Arbitrary<string>, maxLength: number) =>
  fc.string({ unit, minLength: 1, maxLength }).map((text) => text.trim()).filter((text) => text !== "" && !text.startsWith("'"));
const name = words(fc.constantFrom(...LETTERS), 40);
const optionalText = fc.option(words(fc.constantFrom(...LETTERS, "\n"), 200), { nil: null });

type Position = { company: string; title: string; description: string | null; location: string | null; start: Period; end: Period | null };

const position: fc.Arbitrary<Position> = fc
  .record({ company: name, title: name, description: optionalText, location: optionalText, a: period, b: fc.option(period) })
  .map(({ a, b, ...rest }) => {
    // A role ends on or after it starts: of two periods, the later one ends it.
    const [start, end] = b !== null && endOf(b) < startOf(a) ? [b, a] : [a, b];
    return { ...rest, start, end };
  });

type Column = { key: keyof Omit<Position, "start" | "end"> | "start" | "end" | "extra"; titles: string[] };
const COLUMNS: Column[] = [
  { key: "company", titles: ["Company Name", "company_name", "COMPANY  NAME", "Company"] },
  { key: "title", titles: ["Title", "title", " TITLE ", "Job Title"] },
  { key: "description", titles: ["Description", "DESCRIPTION"] },
  { key: "location", titles: ["Location", "location "] },
  { key: "start", titles: ["Started On", "started_on", "STARTED-ON", "Start Date"] },
  { key: "end", titles: ["Finished On", "finished on", "End Date", "Ended On"] },
];

function cellOf(p: Position, key: Column["key"], extra: string): string {
  if (key === "start") return p.start.written;
  if (key === "end") return p.end?.written ?? "";
  if (key === "extra") return extra;
  return p[key] ?? "";
}

function csvCell(value: string, alwaysQuote: boolean): string {
  return alwaysQuote || /[",\r\n]/.test(value) || value !== value.trim() ? `"${value.replaceAll('"', '""')}"` : value;
}

// A Positions.csv as LinkedIn or a spreadsheet may write it: any column order,
// header spellings, unknown columns, BOM or not, LF or CRLF, quotes always or as needed.
const file = fc
  .record({
    positions: fc.array(position, { maxLength: 12 }),
    order: fc.shuffledSubarray(COLUMNS, { minLength: COLUMNS.length }),
    titlePicks: fc.array(fc.nat(), { minLength: COLUMNS.length, maxLength: COLUMNS.length }),
    extras: fc.array(fc.constantFrom("Notes", "Company URL", "Id"), { maxLength: 2 }),
    extraValue: fc.string({ maxLength: 20 }),
    hasBom: fc.boolean(),
    newline: fc.constantFrom("\n", "\r\n"),
    alwaysQuote: fc.boolean(),
  })
  .map(({ positions, order, titlePicks, extras, extraValue, hasBom, newline, alwaysQuote }) => {
    const columns: { key: Column["key"]; title: string }[] = order.map((column, index) => ({
      key: column.key,
      title: column.titles[(titlePicks[index] ?? 0) % column.titles.length] ?? column.titles[0] ?? "",
    }));
    for (const title of extras) columns.splice(1, 0, { key: "extra", title });
    const lines = [
      columns.map((column) => csvCell(column.title, alwaysQuote)).join(","),
      ...positions.map((p) => columns.map((column) => csvCell(cellOf(p, column.key, extraValue), alwaysQuote)).join(",")),
    ];
    return { positions, text: `${hasBom ? "\uFEFF" : ""}${lines.join(newline)}` };
  });

// Generous: these run beside other work on a shared machine.
const PROPERTY_TIMEOUT = 60_000;

describe("parsePositionsCsv: properties", () => {
  it("reads back every position written in either date style, an empty end being the current role", () => {
    fc.assert(
      fc.property(file, ({ positions, text }) => {
        const result = parsePositionsCsv(text);
        expect(result).toEqual({
          ok: true,
          skipped: [],
          roles: positions.map((p) => ({
            company: p.company,
            title: p.title,
            description: p.description,
            location: p.location,
            startedOn: startOf(p.start),
            endedOn: p.end === null ? null : endOf(p.end),
          })),
        });
      }),
      { numRuns: 300 },
    );
  }, PROPERTY_TIMEOUT);

  it("never throws on any text, and every role it gives is one the role form accepts", () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: "grapheme", maxLength: 300 }), fc.string({ unit: "binary", maxLength: 300 })), (text) => {
        expectWellFormed(parsePositionsCsv(text));
        expectWellFormed(parsePositionsCsv(`${HEADER}\n${text}`));
      }),
      { numRuns: 500 },
    );
  }, PROPERTY_TIMEOUT);

  it("never throws on CSV-ish rows of hostile cells", () => {
    const cell = fc.oneof(
      fc.string({ maxLength: 30 }),
      period.map((p) => p.written),
      fc.constantFrom("", " ", '"', '""', "\n", "\r", "\uFEFF", "Mar", "2021", "Present", "0000", "9999", "Feb 29", "=cmd()", "'+1"),
    );
    const rows = fc.array(fc.array(cell, { maxLength: 8 }), { maxLength: 15 });
    fc.assert(
      fc.property(rows, fc.boolean(), (cells, hasHeader) => {
        const lines = cells.map((row) => row.map((value) => csvCell(value, false)).join(","));
        const text = (hasHeader ? [HEADER, ...lines] : lines).join("\n");
        const result = parsePositionsCsv(text);
        expectWellFormed(result);
        if (hasHeader && result.ok) expect(result.roles.length + result.skipped.length).toBeLessThanOrEqual(cells.length);
      }),
      { numRuns: 500 },
    );
  }, PROPERTY_TIMEOUT);
});

function expectWellFormed(result: ReturnType<typeof parsePositionsCsv>) {
  if (!result.ok) {
    expect(result.message).toMatch(/\S/);
    return;
  }
  for (const r of result.roles) {
    expect(roleInputSchema.parse(r)).toEqual(r);
    if (r.endedOn !== null) expect(r.endedOn >= r.startedOn).toBe(true);
  }
  const rows = result.skipped.map((skip) => skip.row);
  expect(new Set(rows).size).toBe(rows.length);
  for (const skip of result.skipped) {
    expect(skip.row).toBeGreaterThanOrEqual(1);
    expect(skip.reason).toMatch(/\S/);
  }
}
