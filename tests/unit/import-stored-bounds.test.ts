import { describe, expect, it } from "vitest";
import type { ImportedContact } from "@/lib/domain/import";
import { MAX_ROWS_PER_KIND } from "@/lib/domain/limits";
import { MAX_CELL_LENGTH, toCsv } from "@/lib/import/csv";
import { parseGoogleCsv } from "@/lib/import/google";
import { parseMappedCsv } from "@/lib/import/mapped-csv";
import { MAX_NOTES_LENGTH } from "@/lib/import/merge";
import { parseVCards } from "@/lib/import/vcard";
import {
  STORED_LIMITS,
  storedLabelSchema,
  storedLinkSchema,
  storedNameSchema,
  storedNotesSchema,
  storedPhoneSchema,
  storedTextSchema,
} from "@/lib/validations/stored-contact";

// Whatever a file holds, a parser gives only what Kith can store and a
// restore takes back (lib/validations/stored-contact.ts): values cut as a
// CSV cell is, notes at the form's limit, and at most STORED_LIMITS.rows
// emails, phones, links and labels a row, the rest kept in extra.

const HUGE = 50_000;
const huge = (c: string) => c.repeat(HUGE);
const cut = (c: string) => `${c.repeat(MAX_CELL_LENGTH - 1)}…`;

function expectStorable(contact: ImportedContact | undefined) {
  if (!contact) expect.fail("no contact");
  expect(storedNameSchema.safeParse(contact.name).success).toBe(true);
  for (const value of [contact.company, contact.role, contact.location]) {
    expect(storedTextSchema("it").safeParse(value).success).toBe(true);
  }
  expect(storedNotesSchema.safeParse(contact.notes).success).toBe(true);
  expect(contact.notes?.length ?? 0).toBeLessThanOrEqual(MAX_NOTES_LENGTH);
  for (const kind of ["emails", "phones", "links"] as const) {
    expect(contact[kind].length).toBeLessThanOrEqual(STORED_LIMITS.rows);
    for (const { label } of contact[kind]) expect(storedLabelSchema.safeParse(label).success).toBe(true);
  }
  for (const { value } of contact.phones) expect(storedPhoneSchema.safeParse(value).success).toBe(true);
  for (const { value } of contact.links) expect(storedLinkSchema.safeParse(value).success).toBe(true);
  expect(contact.labels.length).toBeLessThanOrEqual(STORED_LIMITS.rows);
  for (const label of contact.labels) expect(storedLabelSchema.safeParse(label).success).toBe(true);
}

// Two distinct short addresses for every n below 36²: `${prefix}0a@x.io`.
const shortEmail = (prefix: string, n: number) => `${prefix}${n.toString(36).padStart(2, "0")}@x.io`;

describe("a vCard with 50,000-character values", () => {
  const card = [
    "BEGIN:VCARD",
    "VERSION:3.0",
    `FN:${huge("n")}`,
    `ORG:${huge("o")}`,
    `TITLE:${huge("t")}`,
    `NOTE:${huge("a")}`,
    `NOTE:${huge("b")}`,
    `item1.TEL:${huge("5")}`,
    `item1.X-ABLabel:${huge("l")}`,
    `TEL;TYPE=${huge("w")}:+44 20 7946 0958`,
    `CATEGORIES:${huge("c")},Friends`,
    `URL:https://example.com/${huge("u")}`,
    `X-KITH-LOCATION:${huge("k")}`,
    "END:VCARD",
  ].join("\r\n");
  const [parsed] = parseVCards(card).contacts;

  it("cuts each value as a CSV cell is cut, and the notes at the form's limit", () => {
    expect(parsed?.name).toBe(cut("n"));
    expect(parsed?.company).toBe(cut("o"));
    expect(parsed?.role).toBe(cut("t"));
    expect(parsed?.location).toBe(cut("k"));
    expect(parsed?.notes).toHaveLength(MAX_NOTES_LENGTH);
    expect(parsed?.notes?.startsWith("aaa")).toBe(true);
    expect(parsed?.phones).toEqual([
      { value: cut("5"), label: cut("l") },
      { value: "+44 20 7946 0958", label: cut("w") },
    ]);
    expect(parsed?.labels).toEqual([cut("c"), "Friends"]);
    expect(parsed?.links).toHaveLength(1);
    expectStorable(parsed);
  });

  it("cuts the name made from N's parts part by part", () => {
    const [fromN] = parseVCards(["BEGIN:VCARD", `N:${huge("f")};${huge("g")};;;`, "END:VCARD"].join("\r\n")).contacts;
    expect(fromN?.name).toBe(`${cut("g")} ${cut("f")}`);
    expectStorable(fromN);
  });
});

describe("a vCard with more values than a contact holds", () => {
  const count = STORED_LIMITS.rows + 500;
  const card = [
    "BEGIN:VCARD",
    "FN:Ada Lovelace",
    ...Array.from({ length: count }, (_, i) => `EMAIL:ada${i}@example.com`),
    ...Array.from({ length: count }, (_, i) => `TEL:+1 555 ${String(i).padStart(7, "0")}`),
    ...Array.from({ length: count }, (_, i) => `URL:https://example.com/${i}`),
    `CATEGORIES:${Array.from({ length: count }, (_, i) => `Group ${i}`).join(",")}`,
    "END:VCARD",
  ].join("\r\n");
  const [parsed] = parseVCards(card).contacts;

  it("gives STORED_LIMITS.rows of each, the most preferred first, and keeps the other lines in extra", () => {
    expect(parsed?.emails.map((email) => email.value)).toEqual(Array.from({ length: STORED_LIMITS.rows }, (_, i) => `ada${i}@example.com`));
    expect(parsed?.phones).toHaveLength(STORED_LIMITS.rows);
    expect(parsed?.links).toHaveLength(STORED_LIMITS.rows);
    expect(parsed?.labels).toEqual(Array.from({ length: STORED_LIMITS.rows }, (_, i) => `Group ${i}`));
    const kept = (parsed?.extra.vcard ?? []) as string[];
    expect(kept.filter((line) => line.startsWith("EMAIL:"))).toEqual(
      Array.from({ length: 500 }, (_, i) => `EMAIL:ada${STORED_LIMITS.rows + i}@example.com`),
    );
    expect(kept.filter((line) => line.startsWith("TEL:"))).toHaveLength(500);
    expect(kept.filter((line) => line.startsWith("URL:"))).toHaveLength(500);
    expect(kept.filter((line) => line.startsWith("CATEGORIES:"))).toHaveLength(1);
    expectStorable(parsed);
  });
});

describe("a mapped CSV with five notes columns of 10,000 characters", () => {
  const header = ["Name", "Notes 1", "Notes 2", "Notes 3", "Notes 4", "Notes 5", "Email", "Email 2", "Tags"];
  const notes = { "1": "notes", "2": "notes", "3": "notes", "4": "notes", "5": "notes" } as const;
  const emails = Array.from({ length: 2_000 }, (_, i) => shortEmail("", i));
  const tags = Array.from({ length: 2_000 }, (_, i) => i.toString(36).padStart(3, "0"));
  const text = toCsv(header, [
    [
      "Ada Lovelace",
      ...["1", "2", "3", "4", "5"].map((c) => c.repeat(MAX_CELL_LENGTH)),
      emails.slice(0, 1_000).join(";"),
      emails.slice(1_000).join(";"),
      tags.join(";"),
    ],
  ]);
  const [parsed] = parseMappedCsv(text, { "0": "name", ...notes, "6": "email", "7": "email", "8": "labels" }).contacts;

  it("joins the notes up to the form's limit", () => {
    expect(parsed?.notes).toHaveLength(MAX_NOTES_LENGTH);
    expect(parsed?.notes?.startsWith("1".repeat(MAX_CELL_LENGTH - 1))).toBe(true);
    expect(parsed?.notes?.endsWith("…")).toBe(true);
    expectStorable(parsed);
  });

  it("takes STORED_LIMITS.rows emails and labels, and keeps the others in extra", () => {
    expect(parsed?.emails.map((email) => email.value)).toEqual(emails.slice(0, STORED_LIMITS.rows));
    expect(parsed?.extra["Email 2"]).toEqual(emails.slice(STORED_LIMITS.rows));
    expect(parsed?.labels).toEqual(tags.slice(0, STORED_LIMITS.rows));
    expect(parsed?.extra.Tags).toEqual(tags.slice(STORED_LIMITS.rows));
  });
});

describe("a Google CSV whose cells hold 2,100 emails and 1,200 labels", () => {
  const slots = ["a", "b", "c"].map((prefix) => Array.from({ length: 700 }, (_, i) => shortEmail(prefix, i)));
  const labels = Array.from({ length: 1_200 }, (_, i) => i.toString(36).padStart(2, "0"));
  const text = toCsv(
    ["First Name", "Labels", "E-mail 1 - Value", "E-mail 2 - Value", "E-mail 3 - Value"],
    [["Ada", ["* myContacts", ...labels].join(":::"), ...slots.map((values) => values.join(":::"))]],
  );
  const [parsed] = parseGoogleCsv(text).contacts;

  it("takes STORED_LIMITS.rows emails and labels, and keeps the others in extra", () => {
    const all = slots.flat();
    expect(text.split("\r\n")[1]?.split(",").every((cell) => cell.length <= MAX_CELL_LENGTH)).toBe(true);
    expect(parsed?.emails.map((email) => email.value)).toEqual(all.slice(0, STORED_LIMITS.rows));
    expect(parsed?.extra["E-mail 2 - Value"]).toEqual(slots[1]?.slice(STORED_LIMITS.rows - 700));
    expect(parsed?.extra["E-mail 3 - Value"]).toBe(slots[2]?.join(":::"));
    expect(parsed?.labels).toEqual(labels.slice(0, STORED_LIMITS.rows));
    expect(parsed?.extra.Labels).toEqual(labels.slice(STORED_LIMITS.rows));
    expectStorable(parsed);
  });
});

describe("the contact form", () => {
  it("takes fewer emails, phones and links than a contact can hold", () => {
    expect(MAX_ROWS_PER_KIND).toBeLessThan(STORED_LIMITS.rows);
  });
});
