import { describe, expect, it } from "vitest";
import { birthdayText, CONTACTS_CSV_HEADER, contactCsvRow, toExportableContact } from "@/lib/export/contacts-files";
import { type KithExportSource, writeKithExport } from "@/lib/export/kith-json";
import { type ExportContact, type ExportSuccess, type ExportTouch, kithExportSchema, parseKithExport } from "@/lib/validations/kith-export";
import { suggestMapping } from "@/lib/import/mapped-csv";
import { exportContact, exportRole, exportSkill, exportWin } from "../helpers/export-records";

const AT = "2026-11-12T09:30:00.000Z";

function contact(id: string, values: Partial<ExportContact> = {}): ExportContact {
  return exportContact({ id, name: `Contact ${id}`, ...values });
}

function touch(id: string, contactIds: string[], values: Partial<ExportTouch> = {}): ExportTouch {
  return {
    id,
    occurredAt: AT,
    channel: "call",
    summary: null,
    valueKind: null,
    valueDirection: null,
    eventId: null,
    contactIds,
    createdAt: AT,
    updatedAt: AT,
    ...values,
  };
}

function success(id: string, contactId: string, congratulatedByTouchId: string | null = null): ExportSuccess {
  return { id, contactId, kind: "award", title: `Success ${id}`, occurredOn: "2026-11-01", url: null, congratulatedByTouchId, createdAt: AT };
}

async function* pages<T>(...list: T[][]): AsyncGenerator<T[]> {
  yield* list;
}

async function write(source: Partial<KithExportSource>): Promise<string> {
  let text = "";
  for await (const chunk of writeKithExport({
    exportedAt: new Date(AT),
    account: { email: "me@example.com", createdAt: AT },
    settings: {
      name: null,
      timeZone: "UTC",
      digestWeekday: 1,
      digestHour: 8,
      digestEnabled: true,
      journalPromptEnabled: true,
      defaultCadenceDays: 30,
    },
    circles: [],
    events: [],
    contactPages: pages(),
    touchPages: pages(),
    successPages: pages(),
    roles: [],
    skills: [],
    winPages: pages(),
    goalPages: pages(),
    skillProgressPages: pages(),
    learningPages: pages(),
    ...source,
  })) {
    text += chunk;
  }
  return text;
}

describe("writeKithExport", () => {
  it("writes an empty account as a valid export", async () => {
    const doc: unknown = JSON.parse(await write({}));
    expect(kithExportSchema.safeParse(doc).success).toBe(true);
    expect(doc).toMatchObject({
      circles: [],
      events: [],
      contacts: [],
      touches: [],
      successes: [],
      roles: [],
      skills: [],
      wins: [],
      career: { goals: [], skills: [], learning: [] },
    });
  });

  it("writes the records of every page, one a line", async () => {
    const text = await write({
      contactPages: pages([contact("a"), contact("b")], [contact("c")]),
      touchPages: pages([touch("t1", ["a", "c"])]),
      successPages: pages([success("s1", "b", "t1")]),
    });
    const doc = kithExportSchema.parse(JSON.parse(text));
    expect(doc.contacts.map((c) => c.id)).toEqual(["a", "b", "c"]);
    expect(text.split("\n").filter((line) => line.startsWith('{"id":"'))).toHaveLength(5);
  });

  // What the user adds while the pages are read: a touch of a contact added
  // after the contacts were written, an event or circle added late.
  it("drops references to records it did not write, so the file always restores", async () => {
    const text = await write({
      circles: [{ id: "c1", name: "Kept", createdAt: AT }],
      events: [],
      contactPages: pages([
        contact("a", { metAtEventId: "late-event", circles: [{ id: "c1", name: "Kept" }, { id: "late-circle", name: "Late" }] }),
      ]),
      touchPages: pages([touch("t1", ["a", "late-contact"], { eventId: "late-event" }), touch("t2", ["late-contact"])]),
      successPages: pages([success("s1", "a", "t2"), success("s2", "late-contact")]),
    });
    const parsed = parseKithExport(JSON.parse(text));
    if (!parsed.ok) throw new Error(parsed.message);
    const doc = parsed.data;
    expect(doc.contacts[0]).toMatchObject({ metAtEventId: null, circles: [{ id: "c1", name: "Kept" }] });
    expect(doc.touches).toEqual([touch("t1", ["a"])]);
    expect(doc.successes).toEqual([success("s1", "a", null)]);
  });

  it("writes the journal after the contacts, and drops a win's role, people or skills added while it was written", async () => {
    const text = await write({
      contactPages: pages([contact("a")]),
      roles: [exportRole({ id: "r1" })],
      skills: [exportSkill({ id: "k1" })],
      winPages: pages(
        [exportWin({ id: "w1", roleId: "r1", people: [{ contactId: "a", part: "helped_me" }], skillIds: ["k1"] })],
        [
          exportWin({
            id: "w2",
            roleId: "late-role",
            people: [
              { contactId: "a", part: "can_vouch" },
              { contactId: "late-contact", part: "worked_with" },
            ],
            skillIds: ["k1", "late-skill"],
          }),
        ],
      ),
    });
    const parsed = parseKithExport(JSON.parse(text));
    if (!parsed.ok) throw new Error(parsed.message);
    expect(Object.keys(JSON.parse(text) as object)).toEqual([
      ...["format", "version", "exportedAt", "account", "settings", "circles", "events", "contacts", "touches", "successes"],
      ...["roles", "skills", "wins", "career"],
    ]);
    expect(parsed.data.wins).toEqual([
      exportWin({ id: "w1", roleId: "r1", people: [{ contactId: "a", part: "helped_me" }], skillIds: ["k1"] }),
      exportWin({ id: "w2", roleId: null, people: [{ contactId: "a", part: "can_vouch" }], skillIds: ["k1"] }),
    ]);
  });
});

describe("parseKithExport", () => {
  it("names the first problem and where it is", async () => {
    const doc = JSON.parse(await write({ contactPages: pages([contact("a"), contact("a")]) })) as unknown;
    expect(parseKithExport(doc)).toEqual({ ok: false, message: "This export cannot be restored: contacts[1].id: This id is used twice." });
    expect(parseKithExport([])).toMatchObject({ ok: false, message: expect.stringMatching(/^This is not a Kith export/) });
    expect(parseKithExport(null)).toMatchObject({ ok: false });
  });

  it("keeps an extra field named __proto__ as a field", async () => {
    const extra = JSON.parse('{"__proto__":"kept","vcard":["X-A:1"]}') as Record<string, unknown>;
    const parsed = parseKithExport(JSON.parse(await write({ contactPages: pages([contact("a", { extra })]) })));
    if (!parsed.ok) throw new Error(parsed.message);
    const kept = parsed.data.contacts[0]?.extra ?? {};
    expect(Object.keys(kept)).toEqual(["__proto__", "vcard"]);
    expect(toExportableContact(parsed.data.contacts[0] ?? contact("x")).extra).toEqual(extra);
  });
});

describe("contacts as CSV rows", () => {
  it("writes a birthday without a year the way the imports read it", () => {
    expect(birthdayText({ month: 4, day: 7, year: null })).toBe("--04-07");
    expect(birthdayText({ month: 12, day: 31, year: 1990 })).toBe("1990-12-31");
    expect(birthdayText(null)).toBeNull();
  });

  it("puts LinkedIn profiles and other links in their own columns, several values joined", () => {
    const row = contactCsvRow(
      contact("a", {
        emails: [{ email: "a@x.example", label: null, isPrimary: true }, { email: "b@x.example", label: "home", isPrimary: false }],
        links: [{ url: "https://www.linkedin.com/in/ada", label: "LinkedIn" }, { url: "https://ada.example/", label: null }],
        circles: [{ id: "c", name: "Alumni" }, { id: "d", name: "Climbing" }],
        cadenceDays: 10,
      }),
    );
    const cell = (title: (typeof CONTACTS_CSV_HEADER)[number]) => row[CONTACTS_CSV_HEADER.indexOf(title)];
    expect(cell("Emails")).toBe("a@x.example ::: b@x.example");
    expect(cell("LinkedIn")).toBe("https://www.linkedin.com/in/ada");
    expect(cell("Websites")).toBe("https://ada.example/");
    expect(cell("Circles")).toBe("Alumni ::: Climbing");
    expect(cell("Cadence days")).toBe("10");
  });

  it("has a header the CSV import maps without help, but for tier and cadence", () => {
    const mapped = new Set(Object.keys(suggestMapping(CONTACTS_CSV_HEADER)).map((index) => CONTACTS_CSV_HEADER[Number(index)]));
    expect(CONTACTS_CSV_HEADER.filter((title) => !mapped.has(title))).toEqual(["Tier", "Cadence days"]);
  });
});
