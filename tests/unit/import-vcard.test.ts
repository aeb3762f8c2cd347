import { describe, expect, it } from "vitest";
import { GROUP_CARD, NO_NAME, parseVCards } from "@/lib/import/vcard";
import { contact, expectAccounted, fixture, keptLines } from "../helpers/import";

// Real exports, read whole. Line-level reading is in import-vcard-lines.test.ts,
// properties over any input in import-vcard-properties.test.ts.

describe("parseVCards: Apple Contacts export (vCard 3.0)", () => {
  const result = parseVCards(fixture("vcard-apple.vcf"));

  it("reads every card", () => {
    expect(result).toMatchObject({ source: "vcard", rows: 3, rejected: [], errors: [] });
    expectAccounted(result);
  });

  it("maps labels from item groups, a LinkedIn social profile and a birthday without a year", () => {
    const [zoe] = result.contacts;
    expect({ ...zoe, extra: undefined }).toEqual({
      ...contact({
        row: 1,
        name: "Zoë Müller",
        company: "Kraftwerk Systems GmbH",
        role: "Head of Platform",
        location: "Berlin, Deutschland",
        notes: "Met at JSConf EU 2019.\nLoves climbing, coffee and Kraftwerk; ask about the Berlin meetup.",
        emails: [
          { value: "zoe.mueller@kraftwerk-systems.de", label: "work" },
          { value: "zoe@posteo.de", label: "Privat" },
        ],
        phones: [
          { value: "+49 170 1234567", label: "mobile" },
          { value: "+49 30 9876543", label: "Büro" },
        ],
        links: [
          { value: "https://zoe.dev/", label: "homepage" },
          { value: "https://www.linkedin.com/in/zoe-mueller", label: "linkedin" },
        ],
        linkedinUrl: "https://www.linkedin.com/in/zoe-mueller",
        // BDAY;X-APPLE-OMIT-YEAR=1604:1604-04-17
        birthday: { year: null, month: 4, day: 17 },
        labels: ["Friends", "Berlin"],
      }),
      extra: undefined,
    });
  });

  it("keeps what Kith has no column for, unfolded and exactly as written", () => {
    const lines = keptLines(result.contacts[0]);
    expect(lines.filter((line) => !line.startsWith("PHOTO"))).toEqual([
      "PRODID:-//Apple Inc.//macOS 14.5//EN",
      // The department is kept with the line the company came from.
      "ORG:Kraftwerk Systems GmbH;Platform Engineering;",
      "item4.ADR;type=HOME;type=pref:;;Oranienstraße 12;Berlin;;10999;Deutschland",
      "item4.X-ABADR:de",
      "item6.X-ABDATE;type=pref:2015-06-20",
      "item6.X-ABLabel:_$!<Anniversary>!$_",
      "item7.X-ABRELATEDNAMES;type=pref:Jörg Müller",
      "item7.X-ABLabel:_$!<Brother>!$_",
      "UID:8D5A2F1C-3B7E-4C9A-9E2D-6F1B0A7C4E35",
      "X-IMAGETYPE:PHOTO",
      "REV:2024-05-01T10:20:30Z",
    ]);
    // The photo was folded over hundreds of lines: one line again, every byte there.
    const photo = lines.find((line) => line.startsWith("PHOTO;ENCODING=b;TYPE=JPEG:")) ?? "";
    const base64 = photo.slice("PHOTO;ENCODING=b;TYPE=JPEG:".length);
    expect(base64).toMatch(/^[A-Za-z0-9+/]+=*$/);
    const bytes = Buffer.from(base64, "base64");
    expect(bytes).toHaveLength(14_004);
    expect([...bytes.subarray(0, 4)]).toEqual([0xff, 0xd8, 0xff, 0xe0]);
  });

  it("reads a Japanese name, a birthday with a year and Apple's iPhone label", () => {
    expect(result.contacts[1]).toEqual(
      contact({
        row: 2,
        name: "山田 太郎",
        company: "株式会社サンプル",
        emails: [{ value: "taro.yamada@example.jp", label: "home" }],
        phones: [{ value: "+81 90-1234-5678", label: "iPhone" }],
        links: [{ value: "https://www.linkedin.com/in/taro-yamada", label: "LinkedIn" }],
        linkedinUrl: "https://www.linkedin.com/in/taro-yamada",
        birthday: { year: 1985, month: 11, day: 3 },
        // N says nothing FN does not: not kept.
        extra: {
          vcard: [
            "PRODID:-//Apple Inc.//macOS 14.5//EN",
            "X-PHONETIC-FIRST-NAME:たろう",
            "X-PHONETIC-LAST-NAME:やまだ",
            "UID:0E1F2A3B-4C5D-4E6F-8A9B-0C1D2E3F4A5B",
          ],
        },
      }),
    );
  });

  it("reads a company card", () => {
    expect(result.contacts[2]).toMatchObject({
      name: "Boulangerie François",
      company: "Boulangerie François",
      location: "Paris, Île-de-France, France",
      phones: [{ value: "+33 1 42 00 00 00", label: "main" }],
    });
    expect(keptLines(result.contacts[2])).toContain("X-ABShowAs:COMPANY");
    expect(keptLines(result.contacts[2])).not.toContain("N:;;;;");
  });
});

describe("parseVCards: Google Contacts export (vCard 3.0)", () => {
  const result = parseVCards(fixture("vcard-google.vcf"));

  it("reads every card", () => {
    expect(result).toMatchObject({ rows: 3, rejected: [], errors: [] });
    expectAccounted(result);
  });

  it("reads TYPE labels, custom labels, escaped colons in URLs and drops the myContacts group", () => {
    expect(result.contacts[0]).toEqual(
      contact({
        row: 1,
        name: "François Dupont",
        company: "Atelier Lumière",
        role: "Directeur artistique",
        location: "Paris, France",
        notes: "Rencontré au salon Maison&Objet.\nA recommandé l'imprimeur à Lyon.",
        emails: [
          { value: "francois.dupont@gmail.com", label: "home" },
          { value: "f.dupont@atelier-lumiere.fr", label: "work" },
          { value: "fd@lumiere-archive.fr", label: "Archive" },
        ],
        phones: [
          { value: "+33 6 12 34 56 78", label: "mobile" },
          { value: "+33 1 44 55 66 77", label: "work" },
        ],
        links: [
          { value: "https://www.linkedin.com/in/francois-dupont", label: "PROFILE" },
          { value: "http://atelier-lumiere.fr/", label: null },
        ],
        linkedinUrl: "https://www.linkedin.com/in/francois-dupont",
        birthday: { year: 1979, month: 8, day: 2 },
        labels: ["Famille", "Clients"],
        extra: { vcard: ["ADR;TYPE=WORK:;;12 Rue de Rivoli;Paris;;75004;France"] },
      }),
    );
  });

  it("names a contact with an empty FN from their email, and reads --MMDD", () => {
    expect(result.contacts[1]).toEqual(
      contact({ row: 2, name: "priya.raman@example.org", emails: [{ value: "priya.raman@example.org", label: null }] }),
    );
    expect(result.contacts[2]).toMatchObject({
      name: "Søren Kierkegaard-Nielsen",
      birthday: { year: null, month: 5, day: 5 },
      labels: ["starred"],
    });
  });
});

describe("parseVCards: vCard 4.0", () => {
  const result = parseVCards(fixture("vcard-v4.vcf"));

  it("reads tel: URIs, PREF=1 first, quoted TYPE lists and quoted parameters", () => {
    expect(result).toMatchObject({ rows: 3, errors: [] });
    expectAccounted(result);
    expect(result.contacts[0]).toEqual(
      contact({
        row: 1,
        name: "Ada Lovelace",
        location: "London, United Kingdom",
        notes: "Wrote the first published program.",
        emails: [
          { value: "ada.lovelace@example.org", label: null },
          { value: "ada@analytical-engines.example", label: "work" },
        ],
        phones: [
          { value: "+44-20-7946-0958", label: "mobile" },
          { value: "+44-20-7946-0000 ext. 102", label: "work" },
        ],
        links: [{ value: "https://en.wikipedia.org/wiki/Ada_Lovelace", label: null }],
        birthday: { year: null, month: 4, day: 17 },
        labels: ["Mathematicians", "Pioneers"],
        extra: {
          vcard: [
            "KIND:individual",
            // Her middle name and title are more than FN says: kept.
            "N:Lovelace;Ada;Augusta;Lady;",
            "GENDER:F",
            "ANNIVERSARY:18350708",
            "IMPP;PREF=1:xmpp:ada@example.org",
            "LANG;PREF=1:en",
            `ADR;TYPE=home;LABEL="12 St James's Square\\nLondon; UK":;;12 St James's Square;London;;SW1Y 4JH;United Kingdom`,
            "UID:urn:uuid:4fbe8971-0bc3-424c-9c26-36c3e1eff6b1",
          ],
        },
      }),
    );
  });

  it("keeps a text birthday in extra, uses ROLE when TITLE is empty, and rejects a group card", () => {
    expect(result.contacts[1]).toMatchObject({
      name: "Charles Babbage",
      company: "Difference Engines Ltd",
      role: "Inventor",
      birthday: null,
      extra: { vcard: ["BDAY;VALUE=text:circa 1791"] },
    });
    expect(result.rejected).toEqual([{ row: 3, reason: GROUP_CARD }]);
  });
});

describe("parseVCards: Android and old phones (vCard 2.1)", () => {
  const result = parseVCards(fixture("vcard-android-21.vcf"));

  it("decodes quoted-printable UTF-8, ISO-8859-1 and windows-1252, across soft line breaks", () => {
    expect(result).toMatchObject({ rows: 3, rejected: [], errors: [] });
    expectAccounted(result);
    expect(result.contacts[0]).toMatchObject({
      name: "Zoë Müller",
      // A soft break fell inside "ö" (=C3= / =B6); =0D=0A is a line break.
      notes: "Kennengelernt in Köln, spricht fließend Français und Deutsch.\nMag Kaffee.",
      emails: [{ value: "zoe@example.de", label: "home" }],
      phones: [
        { value: "+4915112345678", label: "mobile" },
        { value: "030123456", label: "home" },
      ],
      extra: {
        vcard: ["X-ANDROID-CUSTOM;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:vnd.android.cursor.item/nickname;Zo=C3=AB;1;;;;;;;;;;;;;"],
      },
    });
    expect(result.contacts[1]).toMatchObject({
      name: "Jörg Müller",
      location: "Köln, Deutschland",
      notes: "Schuldet mir 20 € – seit März.",
      phones: [{ value: "+49 221 555 0100", label: "work" }],
    });
  });

  it("reads an unindented base64 photo that ends at a blank line", () => {
    const aino = result.contacts[2];
    expect(aino).toMatchObject({
      name: "Aino Virtanen",
      emails: [{ value: "aino.virtanen@example.fi", label: null }],
      phones: [{ value: "+358401234567", label: "mobile" }],
    });
    const [photo, unknown] = keptLines(aino);
    expect(photo).toMatch(/^PHOTO;ENCODING=BASE64;TYPE=JPEG:\/9j\/4[A-Za-z0-9+/]+=*$/);
    expect(Buffer.from(photo?.split(":")[1] ?? "", "base64")).toHaveLength(604);
    expect(unknown).toBe("X-NOKIA-FOO;CHARSET=X-UNHEARD-OF;ENCODING=QUOTED-PRINTABLE:caf=C3=A9");
  });
});

describe("parseVCards: a messy file", () => {
  const text = fixture("vcard-messy.vcf");
  const result = parseVCards(text);

  it("skips junk, reads lower-case names, a card without FN and a card without END", () => {
    expect(result).toMatchObject({ rows: 4, errors: [] });
    expectAccounted(result);
    expect(result.rejected).toEqual([{ row: 2, reason: NO_NAME }]);
    expect(result.contacts[0]).toEqual(
      contact({
        row: 1,
        name: "Dr. Chidinma Adaeze Okonkwo PhD",
        emails: [{ value: "chidinma@example.ng", label: "work" }],
        birthday: { year: 1990, month: 4, day: 17 },
        extra: {
          vcard: ["n:Okonkwo;Chidinma;Adaeze;Dr.;PhD", 'X-CUSTOM-FIELD;X-PARAM="quoted;value:with colon":Something\\, kept'],
        },
      }),
    );
    expect(result.contacts[2]).toEqual(
      contact({
        row: 4,
        name: "Lena Fischer",
        emails: [{ value: "lena@example.de", label: null }],
        birthday: { year: 1988, month: 2, day: 10 },
        extra: { vcard: ["ORG:;Research"] },
      }),
    );
  });

  it("keeps an impossible birthday and a non-web URL, joins notes, reads X-LINKEDIN", () => {
    expect(result.contacts[1]).toEqual(
      contact({
        row: 3,
        name: "Mateo García",
        location: "Buenos Aires, Argentina",
        notes: "First note.\n\nSecond note.",
        links: [{ value: "https://www.linkedin.com/in/mateo-garcia-ar", label: "linkedin" }],
        linkedinUrl: "https://www.linkedin.com/in/mateo-garcia-ar",
        extra: { vcard: ["BDAY:1990-13-01", "ADR:;;;Buenos Aires;;;Argentina", "URL:ftp://files.example.com/mateo"] },
      }),
    );
  });

  it("reads the same with CRLF, CR or LF line ends and a byte order mark", () => {
    const crlf = text.replace(/\n/g, "\r\n");
    expect(parseVCards(crlf)).toEqual(result);
    expect(parseVCards(text.replace(/\n/g, "\r"))).toEqual(result);
    expect(parseVCards(`\uFEFF${crlf}`)).toEqual(result);
  });
});
