import fc from "fast-check";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { commitImport } from "@/db/queries/import-commit";
import { createImport, getImport, listImportRows } from "@/db/queries/imports";
import { processImport } from "@/lib/import/process";
import { restoreKithExport } from "@/db/queries/restore";
import { contacts } from "@/db/schema";
import { type KithExport, parseKithExport } from "@/lib/validations/kith-export";
import { MAX_CELL_LENGTH, toCsv } from "@/lib/import/csv";
import type { ImportSource } from "@/lib/domain/import";
import { contactFormSchema } from "@/lib/validations/contact";
import { successInputSchema } from "@/lib/validations/success";
import { createUser } from "../factories";
import { canonical } from "../helpers/export-canonical";
import { exportText, seedJournal } from "../helpers/export-seed";
import { createTestDb, type TestDb } from "../helpers/test-db";

// An account filled by the real import (parse, plan, commit) with values
// the forms would refuse, exported by the real exporter, must restore into
// a new account as the same account.

let t: TestDb;
const NOW = new Date("2026-11-20T10:00:00Z");

beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => {
  await t?.close();
});

async function importFile(userId: string, source: ImportSource, text: string): Promise<string> {
  const created = await createImport(t.db, { userId, source, fileName: `import.${source === "vcard" ? "vcf" : "csv"}`, fileSize: text.length, content: text });
  await processImport(t.db, { importId: created.id });
  const job = await getImport(t.db, { userId, importId: created.id });
  expect({ status: job?.status, errors: job?.errors }).toEqual({ status: "ready", errors: [] });
  expect(await commitImport(t.db, { userId, importId: created.id, circleIds: [] })).toMatchObject({ ok: true });
  return created.id;
}

const exportJson = async (userId: string) =>
  JSON.parse(await exportText(t.db, { userId, format: "kith.json", now: NOW })) as KithExport;

// Export, check, restore into a new account, export again: the same account,
// with a job journal whose wins name the imported contacts.
async function expectRoundTrip(userId: string): Promise<KithExport> {
  const people = await t.db.select({ id: contacts.id }).from(contacts).where(eq(contacts.userId, userId)).orderBy(contacts.id).limit(2);
  await seedJournal(t.db, { userId, now: NOW, people });
  const first = await exportJson(userId);
  expect(first.wins.some((win) => win.people.length > 0 && win.skillIds.length > 0)).toBe(true);
  const parsed = parseKithExport(first);
  if (!parsed.ok) expect.fail(parsed.message);
  const fresh = await createUser(t.db);
  expect((await restoreKithExport(t.db, { userId: fresh.id, data: parsed.data })).status).toBe("restored");
  expect(canonical(await exportJson(fresh.id))).toEqual(canonical(first));
  return first;
}

// ---------------------------------------------------------------- arbitraries

// Letters of several scripts, an emoji (a surrogate pair, which the cut at
// MAX_CELL_LENGTH must not split) and punctuation CSV and vCard escape. No
// line breaks or controls: a one-line field loses those on restore (see
// tests/unit/export-kith-json-stored.test.ts).
const CHARS = ["a", "Z", "é", "ß", "語", "ك", "😀", " ", "'", '"', ",", ";", "\\", "-", ".", "(", "+", "="];
const char = fc.constantFrom(...CHARS);
const shortText = fc.array(char, { minLength: 1, maxLength: 12 }).map((chars) => chars.join(""));
// Around the cell limit and far past it: a CSV import cuts a cell to
// MAX_CELL_LENGTH characters and the vCard parser cuts a value the same way
// (its notes together at MAX_NOTES_LENGTH); the form takes 200.
function texts(longest: number) {
  const longText = fc
    .tuple(shortText, char, fc.integer({ min: MAX_CELL_LENGTH - 300, max: longest }))
    .map(([start, fill, length]) => `${start}${fill.repeat(length)}`.slice(0, length));
  const text = fc.oneof({ weight: 3, arbitrary: shortText }, { weight: 1, arbitrary: longText });
  return {
    text,
    name: fc.oneof(shortText.map((value) => `Ada ${value}`), longText),
    notes: fc.array(text, { minLength: 1, maxLength: 3 }).map((parts) => parts.join("\n")),
    // Google splits labels at ":::", and "* x" is its system label: neither here.
    label: fc.oneof(shortText, longText).map((value) => value.replaceAll(":", "").replaceAll("*", "") || "Label"),
  };
}
const csvTexts = texts(MAX_CELL_LENGTH + 50);
const cardTexts = texts(5 * MAX_CELL_LENGTH);
const phone = fc.oneof(
  fc.constantFrom("ext. 12", "+1 (555) 010-9999 x3", "call me maybe", "0800 FLOWERS", "+44 20 7946 0958", "12"),
  fc.integer({ min: 1_000_000, max: 9_999_999 }).map((n) => `+49 170 ${n}`),
);
// A few shared addresses make rows of one file the same person: their emails and phones add up.
const email = fc.oneof(
  fc.constantFrom("shared@example.com", "other@example.com"),
  fc.integer({ min: 0, max: 1_000_000 }).map((n) => `p${n}@example.com`),
);
const emails = fc.array(email, { minLength: 0, maxLength: 12 });
const link = fc.constantFrom("linkedin.com/in/Ada-Lovelace", "https://語.example/路径?q=é", "example.org/a b", "http://uk.linkedin.com/in/Ada?trk=x");

const googlePerson = fc.record({
  first: fc.option(csvTexts.name, { nil: "" }),
  middle: fc.option(csvTexts.text, { nil: "" }),
  last: fc.option(csvTexts.name, { nil: "" }),
  notes: fc.option(csvTexts.notes, { nil: "" }),
  birthday: fc.constantFrom("", "1990-04-17", "--02-29", "17.04.1990", "2100-12-31"),
  labels: fc.array(csvTexts.label, { maxLength: 4 }),
  company: fc.option(csvTexts.text, { nil: "" }),
  title: fc.option(csvTexts.text, { nil: "" }),
  emails,
  phones: fc.array(phone, { maxLength: 4 }),
  city: fc.option(csvTexts.text, { nil: "" }),
  country: fc.option(csvTexts.text, { nil: "" }),
  website: fc.option(link, { nil: "" }),
  custom: fc.option(csvTexts.text, { nil: "" }),
});

const GOOGLE_HEADER = [
  "First Name",
  "Middle Name",
  "Last Name",
  "Notes",
  "Birthday",
  "Labels",
  "Organization Name",
  "Organization Title",
  "E-mail 1 - Label",
  "E-mail 1 - Value",
  "Phone 1 - Label",
  "Phone 1 - Value",
  "Address 1 - City",
  "Address 1 - Country",
  "Website 1 - Value",
  "Favourite Colour",
];

type Generated<A> = A extends fc.Arbitrary<infer T> ? T : never;

function googleCsv(people: Generated<typeof googlePerson>[]): string {
  return toCsv(
    GOOGLE_HEADER,
    people.map((p) => [
      p.first,
      p.middle,
      p.last,
      p.notes,
      p.birthday,
      ["* myContacts", ...p.labels].join(" ::: "),
      p.company,
      p.title,
      "Work",
      p.emails.join(" ::: "),
      "Mobile",
      p.phones.join(" ::: "),
      p.city,
      p.country,
      p.website,
      p.custom,
    ]),
  );
}

const escapeVCard = (value: string) => value.replace(/[\\,;]/g, (c) => `\\${c}`).replace(/\n/g, "\\n");

const vCardPerson = fc.record({
  fn: cardTexts.name,
  org: fc.option(cardTexts.text, { nil: null }),
  title: fc.option(cardTexts.text, { nil: null }),
  notes: fc.array(cardTexts.notes, { maxLength: 2 }),
  phones: fc.array(fc.tuple(phone, fc.option(cardTexts.label, { nil: null })), { maxLength: 4 }),
  emails,
  categories: fc.array(cardTexts.label, { maxLength: 3 }),
  // vCard years before 1900 (the form starts at 1900), and none at all.
  birthday: fc.option(
    fc.tuple(fc.integer({ min: 1, max: 2100 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 })),
    { nil: null },
  ),
  urls: fc.array(link, { maxLength: 2 }),
  unknown: fc.array(fc.tuple(fc.constantFrom("X-FOO", "X-ANNIVERSARY", "IMPP", "X-SOCIALPROFILE;TYPE=twitter"), cardTexts.text), { maxLength: 3 }),
  hasPhoto: fc.boolean(),
});

function vCardFile(people: Generated<typeof vCardPerson>[]): string {
  const pad = (n: number, width: number) => String(n).padStart(width, "0");
  return people
    .map((p) =>
      [
        "BEGIN:VCARD",
        "VERSION:3.0",
        `FN:${escapeVCard(p.fn)}`,
        ...(p.org === null ? [] : [`ORG:${escapeVCard(p.org)}`]),
        ...(p.title === null ? [] : [`TITLE:${escapeVCard(p.title)}`]),
        ...p.notes.map((note) => `NOTE:${escapeVCard(note)}`),
        ...p.phones.map(([number, tag], i) => (tag === null ? `TEL;TYPE=CELL:${number}` : `item${i}.TEL:${number}\r\nitem${i}.X-ABLabel:${escapeVCard(tag)}`)),
        ...p.emails.map((address) => `EMAIL;TYPE=INTERNET:${address}`),
        ...(p.categories.length > 0 ? [`CATEGORIES:${p.categories.map(escapeVCard).join(",")}`] : []),
        ...(p.birthday === null ? [] : [`BDAY:${pad(p.birthday[0], 4)}-${pad(p.birthday[1], 2)}-${pad(p.birthday[2], 2)}`]),
        ...p.urls.map((url) => `URL:${url}`),
        ...p.unknown.map(([property, value]) => `${property}:${escapeVCard(value)}`),
        ...(p.hasPhoto ? [`PHOTO;ENCODING=b;TYPE=JPEG:${"QUJD".repeat(20_000)}`] : []),
        "END:VCARD",
      ].join("\r\n"),
    )
    .join("\r\n");
}

// ---------------------------------------------------------------- tests

describe("an account filled by an import restores from its own export", () => {
  it("Google Contacts CSVs: long names of three cells, labels, notes, merged emails and phones", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(googlePerson, { minLength: 1, maxLength: 4 }), async (people) => {
        const user = await createUser(t.db);
        await importFile(user.id, "google", googleCsv(people));
        await expectRoundTrip(user.id);
      }),
      { numRuns: 12 },
    );
  });

  it("vCards: free-form phones, years before 1900, values of up to five cells, unknown properties and photos", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(vCardPerson, { minLength: 1, maxLength: 4 }), async (people) => {
        const user = await createUser(t.db);
        await importFile(user.id, "vcard", vCardFile(people));
        await expectRoundTrip(user.id);
      }),
      { numRuns: 12 },
    );
  });

  it("with every edge at once, values the forms refuse included", async () => {
    const user = await createUser(t.db);
    const cell = (c: string) => c.repeat(MAX_CELL_LENGTH);
    const linkedIn = (position: string) =>
      toCsv(
        ["First Name", "Last Name", "URL", "Email Address", "Company", "Position", "Connected On"],
        [[cell("A"), cell("L"), "https://www.linkedin.com/in/ada", "ada@example.com", cell("C"), position, "08 Jan 2018"]],
      );
    await importFile(user.id, "linkedin", linkedIn(cell("P")));
    // The same person changed jobs: a success titled "Now … (was …)".
    await importFile(user.id, "linkedin", linkedIn(cell("Q")));
    const sharing = (n: number) =>
      Array.from({ length: 10 }, (_, i) => `ada${n * 10 + i}@example.com`).concat("grace@example.com");
    const google = await importFile(
      user.id,
      "google",
      googleCsv(
        [0, 1, 2].map((n) => ({
          first: "Grace",
          middle: cell("m"),
          last: cell("h"),
          notes: cell(String(n)),
          birthday: "",
          labels: [cell("g"), `Label ${n}`],
          company: "",
          title: "",
          emails: sharing(n),
          phones: ["ext. 12", `+1 (555) 010-999${n} x3`],
          city: cell("c"),
          country: cell("k"),
          website: "",
          custom: `colour ${n}`,
        })),
      ),
    );
    await importFile(
      user.id,
      "vcard",
      vCardFile([
        {
          fn: "Charles Babbage",
          org: null,
          title: null,
          notes: [cell("n"), cell("o")],
          phones: [["call me maybe", cell("t")]],
          emails: ["charles@example.com"],
          categories: [],
          birthday: [1791, 12, 26],
          urls: ["https://語.example/路径?q=é"],
          unknown: [["X-ANNIVERSARY", "1814-07-08"]],
          hasPhoto: true,
        },
      ]),
    );

    const first = await expectRoundTrip(user.id);
    expect(await t.db.$count(contacts, eq(contacts.userId, user.id))).toBe(3);
    // What makes this test worth having: the forms would refuse every one.
    const refusedByForm = first.contacts.filter(
      (c) =>
        !contactFormSchema.safeParse({
          ...c,
          birthdayMonth: c.birthday?.month ?? null,
          birthdayDay: c.birthday?.day ?? null,
          birthdayYear: c.birthday?.year ?? null,
        }).success,
    );
    expect(refusedByForm).toHaveLength(3);
    const grace = first.contacts.find((c) => c.name.startsWith("Grace"));
    expect(grace?.name).toHaveLength(5 + 2 * MAX_CELL_LENGTH + 2);
    expect(grace?.emails.length).toBeGreaterThan(20);
    expect(grace?.notes).toHaveLength(MAX_CELL_LENGTH);
    // Grace's other two notes found no room, and their rows said so.
    const rows = await listImportRows(t.db, { userId: user.id, importId: google });
    expect(rows.map((row) => [row.action, row.reason])).toEqual([
      ["create", null],
      ["merge", "The notes are full (10,000 characters): this row's note was not added."],
      ["merge", "The notes are full (10,000 characters): this row's note was not added."],
    ]);
    // The labels' cell is cut to MAX_CELL_LENGTH, "* myContacts ::: " included.
    expect(Math.max(...first.circles.map((circle) => circle.name.length))).toBeGreaterThan(MAX_CELL_LENGTH - 50);
    expect(first.contacts.find((c) => c.name === "Charles Babbage")?.birthday).toEqual({ month: 12, day: 26, year: 1791 });
    const [success] = first.successes;
    expect(success?.title.length).toBeGreaterThan(4 * MAX_CELL_LENGTH);
    expect(successInputSchema.safeParse({ ...success, contactId: crypto.randomUUID() }).success).toBe(false);
  });
});
