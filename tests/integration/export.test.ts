import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseCsvRows, CSV_BOM } from "@/lib/import/csv";
import { parseMappedCsv, suggestMapping } from "@/lib/import/mapped-csv";
import { parseVCards } from "@/lib/import/vcard";
import { exportDownload } from "@/lib/export/export-files";
import { CONTACTS_CSV_HEADER } from "@/lib/export/contacts-files";
import { type KithExport, kithExportSchema } from "@/lib/validations/kith-export";
import { createBusyUser } from "../factories";
import { exportText, seedManyContacts, seedRichUser } from "../helpers/export-seed";
import { createTestDb, type TestDb } from "../helpers/test-db";

let t: TestDb;
const NOW = new Date("2026-11-20T23:30:00Z");
let rich: Awaited<ReturnType<typeof seedRichUser>>;
let other: Awaited<ReturnType<typeof createBusyUser>>;
let otherRich: Awaited<ReturnType<typeof seedRichUser>>;

beforeAll(async () => {
  t = await createTestDb();
  rich = await seedRichUser(t.db, NOW);
  // Two other users: one like the first (same shapes, other data), one busy.
  otherRich = await seedRichUser(t.db, NOW);
  other = await createBusyUser(t.db, NOW);
});
afterAll(async () => {
  await t?.close();
});

const download = (userId: string | null, format: string) =>
  exportDownload(async () => t.db, { userId, format, now: NOW });

// Nothing of the other users appears: not their ids, emails, names or tags.
function expectNothingOfOthers(text: string) {
  for (const id of other.ids) expect(text).not.toContain(id);
  expect(text).not.toContain(other.user.email);
  expect(text).not.toContain(otherRich.tag);
  expect(text).not.toContain(otherRich.user.id);
  expect(text).not.toContain(otherRich.user.email);
}

describe("the export route's answers", () => {
  it("is 401 JSON signed out and 404 for a file that does not exist", async () => {
    const signedOut = await download(null, "kith.json");
    expect(signedOut.status).toBe(401);
    expect(signedOut.headers.get("content-type")).toContain("application/json");
    expect(await signedOut.json()).toEqual({ error: "Sign in to download your data." });

    const unknown = await download(rich.user.id, "passwords.txt");
    expect(unknown.status).toBe(404);

    // A session whose user is gone (deleted meanwhile) reads as signed out.
    const gone = await download("00000000-0000-4000-8000-000000000000", "kith.json");
    expect(gone.status).toBe(401);
  });
});

describe("GET /api/export/kith.json", () => {
  let response: Response;
  let text: string;
  let doc: KithExport;
  beforeAll(async () => {
    response = await download(rich.user.id, "kith.json");
    text = await response.text();
    doc = JSON.parse(text) as KithExport;
  });

  it("is a streamed attachment named by the user's day", () => {
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/json; charset=utf-8");
    // 23:30 UTC on the 20th is already the 21st in Berlin.
    expect(response.headers.get("content-disposition")).toBe('attachment; filename="kith-export-2026-11-21.json"');
    expect(response.headers.get("cache-control")).toContain("no-store");
  });

  it("is a valid Kith export holding all of this user's data", () => {
    expect(kithExportSchema.safeParse(doc).success).toBe(true);
    expect(doc).toMatchObject({ format: "kith-export", version: 4, exportedAt: NOW.toISOString() });
    expect(doc.account?.email).toBe(rich.user.email);
    expect(doc.settings).toEqual({
      name: rich.user.name,
      timeZone: "Europe/Berlin",
      digestWeekday: 5,
      digestHour: 7,
      digestEnabled: false,
      journalPromptEnabled: false,
      defaultCadenceDays: 21,
    });
    expect(doc.circles).toHaveLength(3);
    expect(doc.events.map((event) => event.name).sort()).toEqual([`Meetup ${rich.tag}`, `Summit ${rich.tag}`]);
    expect(doc.contacts).toHaveLength(5);
    expect(doc.touches).toHaveLength(4);
    expect(doc.successes).toHaveLength(2);

    const ada = doc.contacts.find((contact) => contact.id === rich.contacts.ada.id);
    expect(ada).toMatchObject({
      name: rich.contacts.ada.name,
      company: "Analytical Engines, Ltd.",
      birthday: { month: 12, day: 10, year: null },
      tier: "inner",
      metAtEventId: rich.contacts.ada.metAtEventId,
      connectedOn: rich.contacts.ada.connectedOn,
      extra: rich.contacts.ada.extra,
    });
    expect(ada?.emails.map((email) => email.email)).toEqual([`ada-${rich.tag}@engines.example`, `ada-${rich.tag}@home.example`]);
    expect(ada?.circles.map((circle) => circle.name)).toEqual([`Alumni ${rich.tag}`, `Climbing ${rich.tag}`]);
    expect(ada?.lastTouchedAt).toBe(new Date(NOW.getTime() - 20 * 86_400_000).toISOString());
    const ben = doc.contacts.find((contact) => contact.id === rich.contacts.ben.id);
    expect(ben).toMatchObject({ cadenceDays: 45, tier: "distant", snoozedUntil: rich.contacts.ben.snoozedUntil });
    expect(doc.contacts.find((contact) => contact.id === rich.contacts.cy.id)?.archivedAt).toBe(
      rich.contacts.cy.archivedAt?.toISOString(),
    );

    const summit = doc.touches.find((touch) => touch.summary === "Met at the summit");
    expect(summit).toMatchObject({ channel: "meeting", valueKind: "advice", valueDirection: "given" });
    expect(summit?.contactIds.sort()).toEqual([rich.contacts.ada.id, rich.contacts.ben.id].sort());
    const congratulated = doc.successes.find((success) => success.title === "Head of Engines");
    expect(doc.touches.find((touch) => touch.id === congratulated?.congratulatedByTouchId)?.summary).toBe(
      "Congrats on the new role!",
    );
  });

  it("holds the job journal: roles, every skill (one no win uses), wins with their people, parts and skills", () => {
    const { roles, launch } = rich.journal;
    expect(doc.roles.map((role) => [role.id, role.company, role.endedOn])).toEqual([
      [roles.past.id, "Difference Engines", roles.past.endedOn],
      [roles.current.id, "Analytical Engines, Ltd.", null],
    ]);
    expect(doc.roles[0]).toMatchObject({ location: "London", description: "Built the first engine.\nThen the second." });
    expect(doc.skills.map((skill) => skill.name)).toEqual(["Mentoring", "Rust", "TypeScript"]);
    expect(doc.wins).toHaveLength(3);
    const skillName = new Map(doc.skills.map((skill) => [skill.id, skill.name]));
    const written = doc.wins.find((win) => win.id === launch.id);
    expect(written).toMatchObject({
      roleId: roles.current.id,
      occurredOn: launch.occurredOn,
      kind: "led",
      title: "Shipped the new billing flow",
      metricValue: 33.5,
      metricUnit: "% build time",
      url: "https://engines.example/launch",
      situation: "Billing broke every month",
      task: "Make it boring",
      createdAt: launch.createdAt.toISOString(),
      updatedAt: launch.updatedAt.toISOString(),
    });
    // By contact, then part in the order the parts are listed.
    const ada = [
      { contactId: rich.contacts.ada.id, part: "helped_me" },
      { contactId: rich.contacts.ada.id, part: "can_vouch" },
    ];
    const ben = [{ contactId: rich.contacts.ben.id, part: "worked_with" }];
    expect(written?.people).toEqual(rich.contacts.ada.id < rich.contacts.ben.id ? [...ada, ...ben] : [...ben, ...ada]);
    expect(written?.skillIds.map((id) => skillName.get(id))).toEqual(["Mentoring", "TypeScript"]);
    expect(doc.wins.find((win) => win.title === "Taught a workshop")).toMatchObject({ roleId: null, people: [], skillIds: [] });
  });

  it("holds nothing of any other user", () => {
    expectNothingOfOthers(text);
  });
});

describe("GET /api/export/contacts.csv", () => {
  let response: Response;
  let bytes: Uint8Array;
  let text: string;
  beforeAll(async () => {
    response = await download(rich.user.id, "contacts.csv");
    bytes = new Uint8Array(await response.arrayBuffer());
    // Response.text() would drop the BOM: decode keeping it.
    text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes);
  });

  it("is UTF-8 with a BOM, one header and a row per contact", () => {
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("content-disposition")).toBe('attachment; filename="kith-contacts-2026-11-21.csv"');
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(text.startsWith(CSV_BOM)).toBe(true);
    const rows = parseCsvRows(text);
    expect(rows[0]).toEqual([...CONTACTS_CSV_HEADER]);
    expect(rows).toHaveLength(1 + 5);
  });

  it("neutralises a cell that a spreadsheet would run as a formula", () => {
    expect(text).toContain(`"'=HYPERLINK(""https://evil.example"",""${rich.tag}"")"`);
    expect(text).not.toMatch(/(^|,)=HYPERLINK/m);
  });

  it("imports again through the CSV import with the columns it guesses", () => {
    const header = parseCsvRows(text)[0] ?? [];
    const mapping = suggestMapping(header);
    const mapped = Object.fromEntries(Object.entries(mapping).map(([column, field]) => [header[Number(column)], field]));
    expect(mapped).toEqual({
      Name: "name",
      Company: "company",
      Role: "role",
      Location: "location",
      Emails: "email",
      Phones: "phone",
      LinkedIn: "linkedin",
      Websites: "website",
      Birthday: "birthday",
      "Connected On": "connectedOn",
      Circles: "labels",
      Notes: "notes",
    });
    const result = parseMappedCsv(text, mapping);
    expect(result.rejected).toEqual([]);
    const ada = result.contacts.find((contact) => contact.name === rich.contacts.ada.name);
    expect(ada).toMatchObject({
      company: "Analytical Engines, Ltd.",
      role: "Mathematician",
      location: "London",
      notes: "Likes \"engines\",\nand poetry; ask about Byron",
      birthday: { year: null, month: 12, day: 10 },
      connectedOn: rich.contacts.ada.connectedOn,
      labels: [`Alumni ${rich.tag}`, `Climbing ${rich.tag}`],
      extra: { Tier: "inner" },
    });
    expect(ada?.emails.map((email) => email.value)).toEqual([`ada-${rich.tag}@engines.example`, `ada-${rich.tag}@home.example`]);
    // The leading "+" is protected on the way out and given back on the way in.
    expect(ada?.phones.map((phone) => phone.value)).toEqual(["+44 20 7946 0001", "020 7946 0002"]);
    expect(ada?.links.map((link) => link.value).sort()).toEqual(["https://ada.example/", `https://www.linkedin.com/in/ada-${rich.tag}`]);
    const ben = result.contacts.find((contact) => contact.name === rich.contacts.ben.name);
    expect(ben).toMatchObject({ birthday: { year: 1988, month: 2, day: 29 }, extra: { Tier: "distant", "Cadence days": "45" } });
    // The formula-looking name comes back as the text it was.
    expect(result.contacts.some((contact) => contact.name === rich.contacts.formula.name)).toBe(true);
  });

  it("holds nothing of any other user", () => {
    expectNothingOfOthers(text);
  });
});

describe("GET /api/export/contacts.vcf", () => {
  let response: Response;
  let text: string;
  beforeAll(async () => {
    response = await download(rich.user.id, "contacts.vcf");
    text = await response.text();
  });

  it("is a vCard 3.0 file with a card per contact that address books read back", () => {
    expect(response.headers.get("content-type")).toBe("text/vcard; charset=utf-8");
    expect(response.headers.get("content-disposition")).toBe('attachment; filename="kith-contacts-2026-11-21.vcf"');
    const result = parseVCards(text);
    expect(result.rejected).toEqual([]);
    expect(result.contacts.map((contact) => contact.name).sort()).toEqual(
      Object.values(rich.contacts)
        .map((contact) => contact.name)
        .sort(),
    );
    const ada = result.contacts.find((contact) => contact.name === rich.contacts.ada.name);
    expect(ada).toMatchObject({
      company: "Analytical Engines, Ltd.",
      role: "Mathematician",
      location: "London",
      birthday: { year: null, month: 12, day: 10 },
      labels: [`Alumni ${rich.tag}`, `Climbing ${rich.tag}`],
    });
    expect(ada?.emails).toEqual([
      { value: `ada-${rich.tag}@engines.example`, label: "work" },
      { value: `ada-${rich.tag}@home.example`, label: "Privat" },
    ]);
    expect(ada?.phones.map((phone) => phone.value)).toEqual(["+44 20 7946 0001", "020 7946 0002"]);
  });

  it("writes back the vCard lines an import kept", () => {
    expect(text).toContain("X-SOCIALPROFILE;TYPE=mastodon:https://mastodon.social/@ada\r\n");
    expect(text).toContain("item7.X-ABDATE:2001-01-01\r\nitem7.X-ABLabel:Anniversary\r\n");
    const ada = parseVCards(text).contacts.find((contact) => contact.name === rich.contacts.ada.name);
    expect(ada?.extra.vcard).toEqual(expect.arrayContaining(["X-SOCIALPROFILE;TYPE=mastodon:https://mastodon.social/@ada"]));
  });

  it("holds nothing of any other user", () => {
    expectNothingOfOthers(text);
  });
});

describe("a large account", () => {
  const COUNT = 2_345;
  let many: Awaited<ReturnType<typeof seedManyContacts>>;
  beforeAll(async () => {
    many = await seedManyContacts(t.db, COUNT);
  });

  it("comes out complete across pages of 1,000, in every format", async () => {
    const doc = JSON.parse(await exportText(t.db, { userId: many.user.id, format: "kith.json", now: NOW })) as KithExport;
    expect(kithExportSchema.safeParse(doc).success).toBe(true);
    expect(new Set(doc.contacts.map((contact) => contact.id))).toEqual(new Set(many.ids));
    expect(doc.contacts).toHaveLength(COUNT);
    expect(doc.contacts.every((contact) => contact.emails.length === 1)).toBe(true);
    expect(doc.contacts.filter((contact) => contact.circles.length === 1)).toHaveLength(Math.ceil(COUNT / 3));

    const csv = parseCsvRows(await exportText(t.db, { userId: many.user.id, format: "contacts.csv", now: NOW }));
    expect(csv).toHaveLength(1 + COUNT);
    expect(new Set(csv.slice(1).map((row) => row[0])).size).toBe(COUNT);

    const cards = parseVCards(await exportText(t.db, { userId: many.user.id, format: "contacts.vcf", now: NOW }));
    expect(cards.contacts).toHaveLength(COUNT);
  });

  it("reads one page at a time: a page size of 1 gives the same document", async () => {
    const whole = await exportText(t.db, { userId: rich.user.id, format: "kith.json", now: NOW });
    const paged = await exportText(t.db, { userId: rich.user.id, format: "kith.json", now: NOW, pageSize: 1 });
    expect(paged).toBe(whole);
  });
});
