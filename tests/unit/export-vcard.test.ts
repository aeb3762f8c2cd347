import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { normalizeUrl } from "@/lib/domain/url";
import { type ExportableContact, escapeText, foldLine, toVCard, toVCards } from "@/lib/export/vcard";
import { normalizeEmail, normalizeLinkedInUrl } from "@/lib/import/csv";
import type { ImportedContact } from "@/lib/domain/import";
import { parseVCards } from "@/lib/import/vcard";
import { fixture, withoutRow } from "../helpers/import";

function exportable(values: Partial<ExportableContact> & Pick<ExportableContact, "name">): ExportableContact {
  return {
    company: null,
    role: null,
    location: null,
    notes: null,
    emails: [],
    phones: [],
    links: [],
    birthday: null,
    labels: [],
    extra: {},
    ...values,
  };
}

function readBack(contact: ExportableContact): ImportedContact {
  const result = parseVCards(toVCard(contact));
  expect(result.rejected).toEqual([]);
  expect(result.contacts).toHaveLength(1);
  return result.contacts[0] as ImportedContact;
}

function octets(text: string): number {
  return Buffer.byteLength(text, "utf8");
}

describe("toVCard", () => {
  it("writes a vCard 3.0 card with CRLF line ends", () => {
    const card = toVCard(
      exportable({
        name: "Ada Lovelace",
        company: "Analytical Engines; Ltd",
        role: "Programmer, the first",
        location: "London",
        notes: "Met at the Royal Society.\r\nLikes poetry\\maths.",
        emails: [
          { value: "ada@example.com", label: "work" },
          { value: "ada@home.example", label: "Weekend" },
        ],
        phones: [{ value: "+44 20 7946 0958", label: "mobile" }],
        links: [{ value: "https://www.linkedin.com/in/ada", label: null }],
        birthday: { year: 1815, month: 12, day: 10 },
        labels: ["Friends", "Royal Society, London"],
        extra: {
          vcard: [
            // Written by this writer, or the card's frame: skipped.
            "VERSION:4.0",
            "FN;LANGUAGE=fr:Ada la comtesse",
            "BDAY:--0101",
            "END:VCARD",
            // Not content lines: skipped.
            "X-BROKEN\nLINE:x",
            " X-INDENTED:would join the line before",
            "not a line",
            // Kept: written back as they came.
            "UID:1234",
            "item1.X-ABDATE:1835-07-08",
            "item1.X-ABLabel:_$!<Anniversary>!$_",
          ],
        },
      }),
    );
    expect(card).toBe(
      [
        "BEGIN:VCARD",
        "VERSION:3.0",
        "FN:Ada Lovelace",
        "N:Lovelace;Ada;;;",
        "ORG:Analytical Engines\\; Ltd",
        "TITLE:Programmer\\, the first",
        "EMAIL;TYPE=INTERNET,WORK,PREF:ada@example.com",
        // item1 is taken by a kept line.
        "item2.EMAIL;TYPE=INTERNET:ada@home.example",
        "item2.X-ABLabel:Weekend",
        "TEL;TYPE=CELL:+44 20 7946 0958",
        "URL:https://www.linkedin.com/in/ada",
        "ADR:;;;London;;;",
        "NOTE:Met at the Royal Society.\\nLikes poetry\\\\maths.",
        "CATEGORIES:Friends,Royal Society\\, London",
        "BDAY:1815-12-10",
        "UID:1234",
        "item1.X-ABDATE:1835-07-08",
        "item1.X-ABLabel:_$!<Anniversary>!$_",
        "END:VCARD",
        "",
      ].join("\r\n"),
    );
  });

  it("writes a birthday without a year as --MMDD, and one name as the given name", () => {
    const card = toVCard(exportable({ name: "Cher", birthday: { year: null, month: 4, day: 7 } }));
    expect(card).toContain("\r\nN:;Cher;;;\r\n");
    expect(card).toContain("\r\nBDAY:--0407\r\n");
    expect(toVCard(exportable({ name: "Hypatia", birthday: { year: 370, month: 3, day: 8 } }))).toContain("\r\nBDAY:0370-03-08\r\n");
    expect(toVCard(exportable({ name: "山田 太郎" }))).toContain("\r\nN:山田;太郎;;;\r\n");
  });

  it("writes an imported N or ORG back while it agrees with the name and company", () => {
    const extra = { vcard: ["N:Lovelace;Ada;Augusta;Lady;", "ORG:Analytical Engines;Research;"] };
    const same = toVCard(exportable({ name: "Ada Lovelace", company: "Analytical Engines", extra }));
    expect(same).toContain("\r\nN:Lovelace;Ada;Augusta;Lady;\r\nORG:Analytical Engines;Research;\r\nEND:VCARD");
    expect(same.match(/\r\n(?:N|ORG)[;:]/g)).toHaveLength(2);
    const changed = toVCard(exportable({ name: "Ada King", company: "Difference Engines", extra }));
    expect(changed).toContain("\r\nN:King;Ada;;;\r\nORG:Difference Engines\r\n");
    expect(changed).not.toContain("Lovelace");
    expect(changed).not.toContain("Research");
    expect(toVCard(exportable({ name: "Ada King", extra: { vcard: ["ORG:;Research"] } }))).toContain("\r\nORG:;Research\r\nEND:VCARD");
  });

  it("leaves the location to kept addresses that give it, and overrides them when they give another", () => {
    const address = "item4.ADR;type=HOME:;;Oranienstraße 12;Berlin;;10999;Deutschland";
    const same = exportable({ name: "Zoë Müller", location: "Berlin, Deutschland", extra: { vcard: [address] } });
    expect(toVCard(same)).not.toMatch(/\r\n(?:ADR|X-KITH-LOCATION)[;:]/);
    expect(readBack(same)).toMatchObject({ location: "Berlin, Deutschland", extra: { vcard: [address] } });

    const moved = { ...same, location: "Hamburg" };
    expect(toVCard(moved)).toContain("\r\nX-KITH-LOCATION:Hamburg\r\n");
    expect(readBack(moved)).toMatchObject({ location: "Hamburg", extra: { vcard: [address] } });

    const cleared = { ...same, location: null };
    expect(toVCard(cleared)).toContain("\r\nX-KITH-LOCATION:\r\n");
    expect(readBack(cleared)).toMatchObject({ location: null, extra: { vcard: [address] } });
  });

  it("reads extra.vcard as it may come back from the database", () => {
    const lines = (vcard: unknown) => toVCard(exportable({ name: "Ada", extra: { vcard } as ExportableContact["extra"] })).split("\r\n");
    expect(lines("UID:1")).toContain("UID:1");
    expect(lines(["UID:1", 42, null, "X-A:b"])).toEqual(expect.arrayContaining(["UID:1", "X-A:b"]));
    expect(lines({ UID: "1" })).toEqual(["BEGIN:VCARD", "VERSION:3.0", "FN:Ada", "N:;Ada;;;", "END:VCARD", ""]);
  });

  it("joins cards for a whole export", () => {
    const cards = toVCards([exportable({ name: "Ada" }), exportable({ name: "Grace" })]);
    expect(parseVCards(cards).contacts.map((c) => c.name)).toEqual(["Ada", "Grace"]);
    expect(toVCards([])).toBe("");
  });
});

describe("escapeText", () => {
  it("escapes backslashes, line breaks, commas and semicolons", () => {
    expect(escapeText("a\\b,c;d\ne\r\nf\rg:h")).toBe("a\\\\b\\,c\\;d\\ne\\nf\\ng:h");
  });
});

describe("foldLine", () => {
  it("folds at 75 octets of UTF-8 without splitting a character", () => {
    const line = `NOTE:${"Zoë Müller 山田太郎 👩‍👩‍👧 ".repeat(12)}`;
    const folded = foldLine(line);
    const physical = folded.split("\r\n");
    expect(physical.length).toBeGreaterThan(5);
    for (const [index, part] of physical.entries()) {
      expect(octets(part)).toBeLessThanOrEqual(75);
      if (index > 0) expect(part.startsWith(" ")).toBe(true);
      // A split character would not survive a trip through UTF-8.
      expect(Buffer.from(part, "utf8").toString("utf8")).toBe(part);
    }
    expect(physical.map((part, index) => (index === 0 ? part : part.slice(1))).join("")).toBe(line);
  });

  it("leaves a short line alone and folds a long ASCII line at exactly 75 octets", () => {
    expect(foldLine("FN:Ada")).toBe("FN:Ada");
    const photo = `PHOTO;ENCODING=b;TYPE=JPEG:${"A".repeat(300)}`;
    const physical = foldLine(photo).split("\r\n");
    expect(physical.map((part) => part.length)).toEqual([75, 75, 75, 75, 31]);
  });

  it("never ends a folded line with = (a quoted-printable soft break to vCard 2.1 readers)", () => {
    const line = `X-NOTE;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:${"=C3=A9".repeat(40)}`;
    const physical = foldLine(line).split("\r\n");
    for (const part of physical.slice(0, -1)) expect(part.endsWith("=")).toBe(false);
    expect(readBack(exportable({ name: "Zoë", extra: { vcard: [line] } })).extra).toEqual({ vcard: [line] });
  });

  it("keeps every line within 75 octets and unfolds to the original, for any text", () => {
    const unit = fc.oneof(
      fc.constantFrom("a", "=", " ", "é", "山", "😀", "\uD800", "\uDC00"),
      fc.string({ unit: "binary", minLength: 1, maxLength: 1 }),
    );
    fc.assert(
      fc.property(fc.string({ unit, maxLength: 400 }), (value) => {
        const line = `X-TEXT:${value.replace(/[\r\n]/g, "")}`;
        const physical = foldLine(line).split("\r\n");
        for (const part of physical) expect(octets(part)).toBeLessThanOrEqual(75);
        expect(physical.map((part, index) => (index === 0 ? part : part.slice(1))).join("")).toBe(line);
      }),
      { numRuns: 500 },
    );
  });
});

describe("parseVCards(toVCard(contact))", () => {
  const SPECIALS = [",", ";", ":", "\\", "\n", "\r\n", "\t", "=", '"', " ", "  ", ".", "😀", "👩‍👩‍👧", "é", "ß", "山", "\u00a0", "\\n", "\\,"];
  const unit = fc.oneof(
    fc.constantFrom(...SPECIALS),
    fc.constantFrom(..."abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"),
    fc.string({ unit: "grapheme", minLength: 1, maxLength: 1 }),
  );
  const anyText = fc.oneof(fc.string({ unit, maxLength: 40 }), fc.string({ unit: "binary", maxLength: 20 }));
  // What the parser gives back: one line, single spaces, trimmed.
  const oneLine = (text: string) => text.replace(/\s+/g, " ").trim();
  const line = anyText.map(oneLine).filter((text) => text !== "");
  const optionalLine = fc.option(line, { nil: null });
  const label = fc.option(
    fc.oneof(
      fc.constantFrom("work", "home", "mobile", "fax", "pager", "other", "Work", "iPhone"),
      line.filter((l) => !/^_\$!<.*>!\$_$/.test(l)),
    ),
    { nil: null },
  );
  const email = fc.emailAddress().filter((value) => normalizeEmail(value) === value);
  const phone = line.filter((value) => !/^tel:/i.test(value));
  const link = fc
    .webUrl({ withQueryParameters: true, withFragments: true })
    .map((value) => normalizeUrl(value))
    .filter((value): value is string => value !== null && normalizeLinkedInUrl(value) === null);
  const values = (value: fc.Arbitrary<string>) =>
    fc.uniqueArray(fc.record({ value, label }), { maxLength: 3, selector: (item) => item.value });
  const birthday = fc.option(
    fc
      .record({
        year: fc.option(fc.integer({ min: 1, max: 9999 }), { nil: null }),
        month: fc.integer({ min: 1, max: 12 }),
        day: fc.integer({ min: 1, max: 31 }),
      })
      .filter(({ year, month, day }) => {
        const date = new Date(Date.UTC(2000, month - 1, day));
        date.setUTCFullYear(year ?? 2000);
        return date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
      }),
    { nil: null },
  );
  const MAPPED = new Set(["X-ABLABEL", "X-SOCIALPROFILE", "X-LINKEDIN", "X-KITH-LOCATION", "X-ADDRESSBOOKSERVER-KIND"]);
  const keptLine = fc.oneof(
    fc.constantFrom(
      `PHOTO;ENCODING=b;TYPE=JPEG:${Buffer.alloc(900, 0x5a).toString("base64")}`,
      "UID:8D5A2F1C-3B7E-4C9A-9E2D-6F1B0A7C4E35",
      "PRODID:-//Apple Inc.//macOS 14.5//EN",
      "item9.X-ABDATE;type=pref:2015-06-20",
      "item9.X-ABLabel:_$!<Anniversary>!$_",
      "IMPP;X-SERVICE-TYPE=Skype;type=HOME:skype:ada.lovelace",
      "X-ANDROID-CUSTOM;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:vnd.android.cursor.item/nickname;Zo=C3=AB;1;;;;",
      "GENDER:F",
      "ANNIVERSARY:18350708",
    ),
    fc
      .tuple(
        fc.constantFrom("", "item1.", "ITEM2.", "g."),
        fc.stringMatching(/^X-[A-Z][A-Z0-9-]{0,10}$/).filter((name) => !MAPPED.has(name)),
        fc.constantFrom("", ";TYPE=home", ';X-P="a;b:c"'),
        anyText.map((text) => text.replace(/[\r\n]/g, "")),
      )
      .map(([group, name, params, value]) => `${group}${name}${params}:${value}`),
  );
  const contact = fc.record({
    name: line,
    company: optionalLine,
    role: optionalLine,
    location: optionalLine,
    notes: fc.option(anyText, { nil: null }),
    emails: values(email),
    phones: values(phone),
    links: values(link),
    birthday,
    labels: fc.uniqueArray(line.filter((l) => l.toLowerCase() !== "mycontacts"), { maxLength: 4 }),
    extra: fc.array(keptLine, { maxLength: 4 }).map((lines): Record<string, string[]> => (lines.length > 0 ? { vcard: lines } : {})),
  });

  it("gives back every field and every kept line", () => {
    fc.assert(
      fc.property(contact, (c) => {
        const card = toVCard(c);
        for (const physical of card.split("\r\n")) expect(octets(physical)).toBeLessThanOrEqual(75);
        const back = readBack(c);
        const notes = c.notes?.replace(/\r\n?/g, "\n").trim() || null;
        expect({
          name: back.name,
          company: back.company,
          role: back.role,
          location: back.location,
          notes: back.notes,
          emails: back.emails,
          phones: back.phones,
          links: back.links,
          birthday: back.birthday,
          labels: back.labels,
          extra: back.extra,
        }).toEqual({ ...c, notes });
      }),
      { numRuns: 300 },
    );
  });

  it("gives back what was imported from real exports", () => {
    for (const name of ["vcard-apple.vcf", "vcard-google.vcf", "vcard-v4.vcf", "vcard-android-21.vcf", "vcard-messy.vcf"]) {
      const imported = parseVCards(fixture(name)).contacts;
      const again = parseVCards(toVCards(imported));
      expect(again.rejected).toEqual([]);
      expect(again.contacts.map(withoutRow)).toEqual(imported.map(withoutRow));
    }
  });
});
