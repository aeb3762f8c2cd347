import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  CSV_BOM,
  MAX_CELL_LENGTH,
  cleanCell,
  guessSlashOrder,
  normalizeEmail,
  normalizeLinkedInUrl,
  parseCsvRows,
  parseDateParts,
  parseDay,
  splitMultiValue,
} from "@/lib/import/csv";
import { FILE_SIZE_LIMIT_BYTES, decodeFile, decodeWindows1252, fileTooLargeMessage } from "@/lib/import/decode";

// Reading: bytes to text, text to rows, cells to values. Writing (toCsv) is in
// import-csv-write.test.ts; detectSource and every parser on any input in import-detect.test.ts.

describe("decodeFile", () => {
  it("reads UTF-8 and drops its byte order mark", () => {
    const text = "First Name,Last Name\nZoë,Müller\n山田,太郎\n";
    const utf8 = new TextEncoder().encode(text);
    expect(decodeFile(utf8)).toBe(text);
    expect(decodeFile(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8]))).toBe(text);
  });

  it("reads UTF-16 in either byte order when it starts with a byte order mark", () => {
    const text = "Name,Email\r\nJosé García,jose@example.es\r\n山田 太郎,taro@example.jp 😀\r\n";
    const little = Buffer.from(text, "utf16le");
    const big = Buffer.from(little).swap16();
    expect(decodeFile(new Uint8Array([0xff, 0xfe, ...little]))).toBe(text);
    expect(decodeFile(new Uint8Array([0xfe, 0xff, ...big]))).toBe(text);
    // An odd trailing byte is a broken character, not an exception.
    expect(decodeFile(new Uint8Array([0xff, 0xfe, 0x41, 0x00, 0x42]))).toBe("A\uFFFD");
    expect(decodeFile(new Uint8Array([0xfe, 0xff, 0x00, 0x41, 0x42]))).toBe("A\uFFFD");
  });

  it("falls back to windows-1252 when the bytes are not UTF-8, € and smart quotes included", () => {
    // What Excel on Windows writes for "Save as CSV".
    const bytes = Buffer.concat([
      Buffer.from("Name,Company,Notes\r\nZo", "latin1"),
      Buffer.from([0xeb]), // ë
      Buffer.from(" M", "latin1"),
      Buffer.from([0xfc]), // ü
      Buffer.from("ller,Caf", "latin1"),
      Buffer.from([0xe9]), // é
      Buffer.from(" Ol", "latin1"),
      Buffer.from([0xe9]),
      Buffer.from(",", "latin1"),
      Buffer.from([0x93]), // “
      Buffer.from("Owes me 20", "latin1"),
      Buffer.from([0x80]), // €
      Buffer.from([0x94]), // ”
      Buffer.from([0x85]), // …
      Buffer.from(" it", "latin1"),
      Buffer.from([0x92]), // ’
      Buffer.from("s fine\r\n", "latin1"),
    ]);
    expect(decodeFile(bytes)).toBe("Name,Company,Notes\r\nZoë Müller,Café Olé,“Owes me 20€”… it’s fine\r\n");
  });

  it("maps every windows-1252 byte the way the Encoding Standard does", () => {
    const high = decodeWindows1252(Uint8Array.from({ length: 32 }, (_, i) => 0x80 + i));
    expect([...high].map((char) => char.codePointAt(0))).toEqual([
      0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d, 0x17d, 0x8f,
      0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178,
    ]);
    const rest = Uint8Array.from({ length: 224 }, (_, i) => (i < 128 ? i : i + 32));
    expect(decodeWindows1252(rest)).toBe(String.fromCharCode(...rest));
  });

  it("decodes a large file without running out of stack", () => {
    const bytes = new Uint8Array(3 * 1024 * 1024).fill(0xe9);
    expect(decodeFile(bytes)).toBe("é".repeat(bytes.length));
  });

  it("gives back any UTF-8 text it is given", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 200 }), (text) => {
        fc.pre(!text.startsWith("\uFEFF"));
        expect(decodeFile(new TextEncoder().encode(text))).toBe(text);
      }),
    );
  });

  it("never throws, whatever the bytes", () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.uint8Array({ maxLength: 300 }),
          fc.uint8Array({ maxLength: 300 }).map((bytes) => new Uint8Array([0xff, 0xfe, ...bytes])),
          fc.uint8Array({ maxLength: 300 }).map((bytes) => new Uint8Array([0xfe, 0xff, ...bytes])),
          fc.uint8Array({ maxLength: 300 }).map((bytes) => new Uint8Array([0xef, 0xbb, 0xbf, ...bytes])),
        ),
        (bytes) => {
          expect(typeof decodeFile(bytes)).toBe("string");
        },
      ),
      { numRuns: 500 },
    );
  });

  it("explains a file over the size limit", () => {
    expect(FILE_SIZE_LIMIT_BYTES).toBe(20 * 1024 * 1024);
    expect(fileTooLargeMessage(Math.round(23.4 * 1024 * 1024))).toBe(
      "This file is 23.4 MB; Kith imports files up to 20 MB. Split it into smaller files and import them one after another.",
    );
    // Just over the limit never reads as "20.0 MB".
    expect(fileTooLargeMessage(FILE_SIZE_LIMIT_BYTES + 1)).toMatch(/^This file is 20\.1 MB;/);
  });
});

describe("parseCsvRows", () => {
  it("reads quoted commas, quotes and line breaks, CRLF or LF", () => {
    const text = 'Name,Notes\r\n"García, José","Said ""hola""\r\nthen left"\r\nZoë,"a\nb"\r\n';
    expect(parseCsvRows(text)).toEqual([
      ["Name", "Notes"],
      ["García, José", 'Said "hola"\r\nthen left'],
      ["Zoë", "a\nb"],
    ]);
    expect(parseCsvRows(text.replaceAll("\r\n", "\n"))).toEqual([
      ["Name", "Notes"],
      ["García, José", 'Said "hola"\nthen left'],
      ["Zoë", "a\nb"],
    ]);
  });

  it("skips blank lines and rows of empty cells, and a byte order mark left in the text", () => {
    expect(parseCsvRows(`${CSV_BOM}Name,Email\n\nAda,ada@example.com\n,\n  ,  \n\n\n`)).toEqual([
      ["Name", "Email"],
      ["Ada", "ada@example.com"],
    ]);
    expect(parseCsvRows("")).toEqual([]);
    expect(parseCsvRows("\n\r\n  \n")).toEqual([]);
  });

  it("finds semicolons or tabs when asked to guess the delimiter", () => {
    expect(parseCsvRows("Name;Company\nZoë Müller;Siemens, Berlin\n", { delimiter: "auto" })).toEqual([
      ["Name", "Company"],
      ["Zoë Müller", "Siemens, Berlin"],
    ]);
    expect(parseCsvRows("Name\tCompany\nJosé\tTelefónica\n", { delimiter: "auto" })).toEqual([
      ["Name", "Company"],
      ["José", "Telefónica"],
    ]);
    expect(parseCsvRows("Name\nJosé\n", { delimiter: "auto" })).toEqual([["Name"], ["José"]]);
  });

  it("keeps formula-like cells as plain text", () => {
    expect(parseCsvRows('Name,Notes\n"=HYPERLINK(""http://evil"",""x"")",@SUM(1)\n')).toEqual([
      ["Name", "Notes"],
      ['=HYPERLINK("http://evil","x")', "@SUM(1)"],
    ]);
  });

  it("reads only the first rows when asked to preview", () => {
    expect(parseCsvRows("a\nb\nc\nd\n", { preview: 2 })).toEqual([["a"], ["b"]]);
  });
});

describe("cleanCell", () => {
  it("trims and turns empty into null", () => {
    expect(cleanCell("  Zoë Müller \t")).toBe("Zoë Müller");
    expect(cleanCell("   ")).toBeNull();
    expect(cleanCell("")).toBeNull();
    expect(cleanCell(undefined)).toBeNull();
    expect(cleanCell(null)).toBeNull();
    expect(cleanCell("=SUM(A1)")).toBe("=SUM(A1)");
  });

  it("takes off the apostrophe an exporter put before a formula character, and only that one", () => {
    expect(cleanCell("'+49 170 1234567")).toBe("+49 170 1234567");
    expect(cleanCell(`'=HYPERLINK("http://evil","x")`)).toBe(`=HYPERLINK("http://evil","x")`);
    expect(cleanCell("'@ada")).toBe("@ada");
    expect(cleanCell("'-")).toBe("-");
    expect(cleanCell("'\tindented")).toBe("indented");
    expect(cleanCell("'til tomorrow")).toBe("'til tomorrow");
    expect(cleanCell("''=1")).toBe("''=1");
  });

  it("cuts a very long cell to 10,000 characters ending in an ellipsis", () => {
    expect(cleanCell("x".repeat(MAX_CELL_LENGTH))).toBe("x".repeat(MAX_CELL_LENGTH));
    const cut = cleanCell("é".repeat(50_000));
    expect(cut).toHaveLength(MAX_CELL_LENGTH);
    expect(cut).toBe(`${"é".repeat(MAX_CELL_LENGTH - 1)}…`);
  });

  it("never cuts an emoji in half", () => {
    const cut = cleanCell(`${"a".repeat(MAX_CELL_LENGTH - 2)}😀😀😀`);
    expect(cut).toBe(`${"a".repeat(MAX_CELL_LENGTH - 2)}…`);
    expect(cut?.isWellFormed()).toBe(true);
  });
});

describe("splitMultiValue", () => {
  it("splits Google's ' ::: ' separator", () => {
    expect(splitMultiValue("a@x.com ::: b@x.com")).toEqual(["a@x.com", "b@x.com"]);
    expect(splitMultiValue("* myContacts:::Friends ::: ")).toEqual(["* myContacts", "Friends"]);
    expect(splitMultiValue(null)).toEqual([]);
  });
});

describe("normalizeEmail", () => {
  it.each([
    ["  Zoe.Mueller@Example.DE ", "zoe.mueller@example.de"],
    ["mailto:ada@example.com", "ada@example.com"],
    ["jose+crm@example.es", "jose+crm@example.es"],
    ["not an email", null],
    ["ada@", null],
    ["@example.com", null],
    ["", null],
    [`${"a".repeat(250)}@example.com`, null],
  ])("%j → %j", (input, expected) => {
    expect(normalizeEmail(input)).toBe(expected);
  });
});

describe("normalizeLinkedInUrl", () => {
  it.each([
    ["https://www.linkedin.com/in/zoe-mueller-4a1b2c", "https://www.linkedin.com/in/zoe-mueller-4a1b2c"],
    ["https://www.linkedin.com/in/zoe-mueller-4a1b2c/", "https://www.linkedin.com/in/zoe-mueller-4a1b2c"],
    ["linkedin.com/in/Zoe-Mueller", "https://www.linkedin.com/in/zoe-mueller"],
    ["http://de.linkedin.com/in/zoe?trk=public_profile#about", "https://www.linkedin.com/in/zoe"],
    ["HTTPS://WWW.LINKEDIN.COM/in/zoe/details/experience/", "https://www.linkedin.com/in/zoe"],
    ["https://m.linkedin.com/in/josé-garcía", "https://www.linkedin.com/in/jos%c3%a9-garc%c3%ada"],
    ["https://www.linkedin.com/company/siemens", null],
    ["https://www.linkedin.com/in/", null],
    ["https://evil-linkedin.com/in/zoe", null],
    ["https://linkedin.com.evil.example/in/zoe", null],
    ["javascript://www.linkedin.com/in/zoe", null],
    ["https://user:pass@www.linkedin.com/in/zoe", null],
    ["https://example.com/in/zoe", null],
    ["not a url at all", null],
    ["", null],
  ])("%j → %j", (input, expected) => {
    expect(normalizeLinkedInUrl(input)).toBe(expected);
  });
});

describe("dates", () => {
  it.each([
    ["22 Dec 2025", "2025-12-22"],
    ["08 Jan 2018", "2018-01-08"],
    ["8-Jan-2018", "2018-01-08"],
    ["2018-01-08", "2018-01-08"],
    ["2018-01-08T18:14:00Z", "2018-01-08"],
    ["1/8/18, 6:14 PM", "2018-01-08"],
    ["12/25/17, 9:02 AM", "2017-12-25"],
    ["1/8/2018", "2018-01-08"],
    ["April 17, 1990", "1990-04-17"],
    ["Sept 3 2001", "2001-09-03"],
    ["17.04.1990", "1990-04-17"],
    ["2/30/18, 1:00 PM", null],
    ["31 Jun 2020", null],
    ["--04-17", null],
    ["sometime in 2019", null],
    ["22 Dezember 2025", null],
    ["", null],
  ])("parseDay(%j) → %j", (input, expected) => {
    expect(parseDay(input)).toBe(expected);
  });

  it("reads birthdays with or without a year", () => {
    expect(parseDateParts("1990-04-17")).toEqual({ year: 1990, month: 4, day: 17 });
    expect(parseDateParts("--04-17")).toEqual({ year: null, month: 4, day: 17 });
    expect(parseDateParts("--0229")).toEqual({ year: null, month: 2, day: 29 });
    expect(parseDateParts("April 17")).toEqual({ year: null, month: 4, day: 17 });
    expect(parseDateParts("17 April")).toEqual({ year: null, month: 4, day: 17 });
    expect(parseDateParts("1604-04-17")).toEqual({ year: null, month: 4, day: 17 });
    expect(parseDateParts("1700-04-17")).toBeNull();
    expect(parseDateParts("--02-30")).toBeNull();
  });

  it("reads slashed dates day-first when the column shows it", () => {
    expect(parseDay("03/04/1985")).toBe("1985-03-04");
    expect(parseDay("03/04/1985", { slashOrder: "dmy" })).toBe("1985-04-03");
    expect(guessSlashOrder(["03/04/1985", "17/04/1990", ""])).toBe("dmy");
    expect(guessSlashOrder(["03/04/1985", "04/17/1990"])).toBe("mdy");
    expect(guessSlashOrder(["03/04/1985"])).toBe("mdy");
  });
});
