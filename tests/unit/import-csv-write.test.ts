import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CSV_BOM, parseCsvRows, toCsv } from "@/lib/import/csv";

const FORMULA_START = /^[=+\-@\t\r]/;

describe("toCsv", () => {
  it("writes RFC 4180 with CRLF, quoting only where needed", () => {
    expect(
      toCsv(
        ["Name", "Company", "Notes"],
        [
          ["Zoë Müller", "Siemens, Berlin", 'Said "hi"\nthen left'],
          ["José", null, ""],
        ],
      ),
    ).toBe('Name,Company,Notes\r\nZoë Müller,"Siemens, Berlin","Said ""hi""\nthen left"\r\nJosé,,\r\n');
  });

  it("neutralises cells a spreadsheet would run as a formula", () => {
    expect(toCsv(["=cmd"], [['=HYPERLINK("http://evil","x")'], ["@SUM(1)"], ["+1 555 0100"], ["-2"], ["\tx"], ["\rx"], ["a=b"]])).toBe(
      [`'=cmd`, `"'=HYPERLINK(""http://evil"",""x"")"`, "'@SUM(1)", "'+1 555 0100", "'-2", "'\tx", `"'\rx"`, "a=b", ""].join("\r\n"),
    );
  });

  const specials = [",", '"', "\n", "\r", "\r\n", " ", "'", "=", "+", "-", "@", "\t", CSV_BOM, ":::", "a", "Z", "é", "李", "😀"];
  const cell = fc.oneof(
    fc.string({ unit: fc.constantFrom(...specials), maxLength: 12 }),
    fc.string({ unit: "grapheme", maxLength: 12 }),
  );
  const table = fc
    .integer({ min: 1, max: 5 })
    .chain((width) =>
      fc.tuple(
        fc.array(cell, { minLength: width, maxLength: width }),
        fc.array(fc.array(fc.option(cell, { nil: null }), { minLength: width, maxLength: width }), { maxLength: 8 }),
      ),
    );

  it("reads back exactly what it wrote, formula cells with their apostrophe", () => {
    fc.assert(
      fc.property(table, fc.boolean(), ([header, rows], withBom) => {
        const written = (withBom ? CSV_BOM : "") + toCsv(header, rows);
        const expected = [header, ...rows]
          .map((row) => row.map((value) => (value === null ? "" : FORMULA_START.test(value) ? `'${value}` : value)))
          // Rows of blank cells are skipped when reading: they are not people.
          .filter((row) => row.join("").trim() !== "");
        expect(parseCsvRows(written)).toEqual(expected);
      }),
      { numRuns: 1000 },
    );
  });
});
