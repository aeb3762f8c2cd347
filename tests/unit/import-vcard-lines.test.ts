import { describe, expect, it } from "vitest";
import type { ImportedContact, ParseResult } from "@/lib/domain/import";
import { NO_NAME, VCARD_NO_CARDS_ERROR, parseVCards } from "@/lib/import/vcard";
import { card } from "../helpers/import";

function only(result: ParseResult): ImportedContact {
  expect(result.rejected).toEqual([]);
  expect(result.contacts).toHaveLength(1);
  return result.contacts[0] as ImportedContact;
}

describe("parseVCards: properties and values", () => {
  it("unfolds lines continued with a space or a tab", () => {
    const c = only(parseVCards(card("FN:Zoë Mü", " ller", "NOTE:one\\, two", "\t three", "EMAIL:zo", " e@exam", "\tple.com")));
    expect(c).toMatchObject({ name: "Zoë Müller", notes: "one, two three", emails: [{ value: "zoe@example.com", label: null }] });
  });

  it("reads repeated TYPE parameters, quoted values and upper- or lower-case names", () => {
    const c = only(
      parseVCards(
        card(
          "fn:Ada",
          "TEL;TYPE=WORK;TYPE=VOICE:+44 1",
          'tel;type="home,fax":+44 2',
          "TEL;type=work,pref:+44 3",
          'EMAIL;LABEL="a;b:c";TYPE=home:ada@example.com',
        ),
      ),
    );
    expect(c.phones).toEqual([
      { value: "+44 3", label: "work" },
      { value: "+44 1", label: "work" },
      { value: "+44 2", label: "home fax" },
    ]);
    expect(c.emails).toEqual([{ value: "ada@example.com", label: "home" }]);
  });

  it("unescapes text and splits structured values and lists only on unescaped separators", () => {
    const c = only(
      parseVCards(
        card(
          "FN:Ada",
          "NOTE:Line one\\nLine two\\NLine three\\, with\\; marks \\\\ and C:\\temp",
          "ORG:Lovelace\\; Babbage\\, Ltd;Engines",
          "CATEGORIES:Friends\\, close,Work,,Work",
          "CATEGORIES:Chess",
          "ADR:;;;St. John's\\, NL;;;Canada",
        ),
      ),
    );
    expect(c).toMatchObject({
      notes: "Line one\nLine two\nLine three, with; marks \\ and C:\\temp",
      company: "Lovelace; Babbage, Ltd",
      labels: ["Friends, close", "Work", "Chess"],
      location: "St. John's, NL, Canada",
    });
  });

  it("builds a name from N, then NICKNAME, ORG or email, and rejects a card with none", () => {
    const names = parseVCards(
      [
        card("N:Lovelace;Ada;Augusta,Byron;;"),
        card("N:山田;太郎;;;"),
        card("NICKNAME:Bob,Bobby", "EMAIL:bob@example.com"),
        card("ORG:Analytical Engines;Research", "EMAIL:info@engines.example"),
        card("EMAIL:Grace@Navy.MIL"),
        card("TEL:+1 555 0100", "NOTE:only a phone"),
        card(),
      ].join(""),
    );
    expect(names.contacts.map((c) => c.name)).toEqual([
      "Ada Augusta Byron Lovelace",
      "山田 太郎",
      "Bob",
      "Analytical Engines",
      "grace@navy.mil",
    ]);
    expect(names.rejected).toEqual([
      { row: 6, reason: NO_NAME },
      { row: 7, reason: NO_NAME },
    ]);
  });

  it("reads the birthday formats found in the wild", () => {
    const birthday = (line: string) => only(parseVCards(card("FN:Ada", line))).birthday;
    expect(birthday("BDAY:1990-04-17")).toEqual({ year: 1990, month: 4, day: 17 });
    expect(birthday("BDAY:19900417")).toEqual({ year: 1990, month: 4, day: 17 });
    expect(birthday("BDAY:1990-04-17T00:00:00Z")).toEqual({ year: 1990, month: 4, day: 17 });
    expect(birthday("BDAY;VALUE=date:19900417T083000")).toEqual({ year: 1990, month: 4, day: 17 });
    expect(birthday("BDAY:--0417")).toEqual({ year: null, month: 4, day: 17 });
    expect(birthday("BDAY:--04-17")).toEqual({ year: null, month: 4, day: 17 });
    expect(birthday("BDAY:--0229")).toEqual({ year: null, month: 2, day: 29 });
    expect(birthday("BDAY;X-APPLE-OMIT-YEAR=1604:1604-02-29")).toEqual({ year: null, month: 2, day: 29 });
    expect(birthday("BDAY:1604-02-29")).toEqual({ year: 1604, month: 2, day: 29 });
    const unreadable = [
      "BDAY:1990-13-01",
      "BDAY:1990-02-30",
      "BDAY:1991-02-29",
      "BDAY:--0000",
      "BDAY;VALUE=text:circa 1800",
      "BDAY:17.04.1990",
      "BDAY:1990-04",
    ];
    for (const line of unreadable) {
      const c = only(parseVCards(card("FN:Ada", line)));
      expect(c.birthday).toBeNull();
      expect(c.extra).toEqual({ vcard: [line] });
    }
  });

  it("reads the first usable name, company, role and birthday, and keeps invalid emails", () => {
    const c = only(
      parseVCards(
        card(
          "FN:",
          "FN:Ada",
          "FN;LANGUAGE=fr:Ada la comtesse",
          "ORG:Analytical Engines",
          "ORG:Difference Engines",
          "TITLE:",
          "TITLE:Programmer",
          "TITLE:Countess",
          "EMAIL:not an email",
          "BDAY;VALUE=text:circa 1815",
          "BDAY:--1210",
          "BDAY:1815-12-10",
        ),
      ),
    );
    expect(c).toMatchObject({
      name: "Ada",
      company: "Analytical Engines",
      role: "Programmer",
      emails: [],
      birthday: { year: null, month: 12, day: 10 },
      extra: { vcard: ["EMAIL:not an email"] },
    });
  });

  it("reads LinkedIn from URL, X-SOCIALPROFILE and X-LINKEDIN, once", () => {
    const c = only(
      parseVCards(
        card(
          "FN:Ada",
          "URL:http://uk.linkedin.com/in/Ada-Lovelace/?trk=profile",
          "X-SOCIALPROFILE;type=linkedin:https://www.linkedin.com/in/ada-lovelace",
          "X-SOCIALPROFILE;type=twitter:https://twitter.com/ada",
          "X-LINKEDIN:linkedin.com/in/countess-ada/",
        ),
      ),
    );
    expect(c.linkedinUrl).toBe("https://www.linkedin.com/in/ada-lovelace");
    expect(c.links).toEqual([
      { value: "https://www.linkedin.com/in/ada-lovelace", label: null },
      { value: "https://www.linkedin.com/in/countess-ada", label: "linkedin" },
    ]);
    expect(c.extra).toEqual({ vcard: ["X-SOCIALPROFILE;type=twitter:https://twitter.com/ada"] });
  });

  it("uses the label of the value's group, and keeps labels of groups it did not map", () => {
    const c = only(
      parseVCards(
        card(
          "FN:Ada",
          "item1.EMAIL;type=INTERNET;type=WORK:ada@work.example",
          "item1.X-ABLabel:_$!<Other>!$_",
          "ITEM2.TEL:+44 1",
          "item2.X-ABLabel:Weekend line",
          "item3.X-ABDATE:1835-07-08",
          "item3.X-ABLabel:_$!<Anniversary>!$_",
        ),
      ),
    );
    expect(c.emails).toEqual([{ value: "ada@work.example", label: "other" }]);
    expect(c.phones).toEqual([{ value: "+44 1", label: "Weekend line" }]);
    expect(c.extra).toEqual({ vcard: ["item3.X-ABDATE:1835-07-08", "item3.X-ABLabel:_$!<Anniversary>!$_"] });
  });

  it("reads vCard 2.1 bare parameters and an unknown charset as UTF-8", () => {
    const text = [
      "BEGIN:VCARD",
      "VERSION:2.1",
      "N;ENCODING=QUOTED-PRINTABLE;CHARSET=X-MADE-UP:Fran=C3=A7ois;=",
      "Dupont",
      "EMAIL;INTERNET;PREF:f@example.fr",
      "TEL;CELL;QUOTED-PRINTABLE:+33=20612",
      "END:VCARD",
    ].join("\r\n");
    expect(only(parseVCards(text))).toMatchObject({
      name: "Dupont François",
      emails: [{ value: "f@example.fr", label: null }],
      phones: [{ value: "+33 612", label: "mobile" }],
    });
  });

  it("ends a card at the next BEGIN when its END is missing", () => {
    const result = parseVCards(["BEGIN:VCARD", "FN:Ada", "BEGIN:VCARD", "FN:Grace", "END:VCARD", "END:VCARD", "FN:Outside"].join("\n"));
    expect(result.rows).toBe(2);
    expect(result.contacts.map((c) => [c.row, c.name])).toEqual([
      [1, "Ada"],
      [2, "Grace"],
    ]);
  });

  it("reports a file with no card as a whole", () => {
    for (const text of ["", "\uFEFF", "Name,Email\nAda,ada@example.com\n", "END:VCARD\nFN:Ada\n"]) {
      const result = parseVCards(text);
      expect(result).toEqual({ source: "vcard", rows: 0, contacts: [], rejected: [], errors: [VCARD_NO_CARDS_ERROR] });
    }
  });
});
