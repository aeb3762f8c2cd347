import { describe, expect, it } from "vitest";
import { type ExportContact, type KithExport, parseKithExport } from "@/lib/validations/kith-export";
import {
  exportGoal,
  exportLearningItem,
  exportRole,
  exportSkill,
  exportSkillProgress,
  exportStone,
  exportWin,
} from "../helpers/export-records";

const AT = "2026-11-12T09:30:00.000Z";
const HUGE = "x".repeat(1_000_000);

function contact(index: number): ExportContact {
  return {
    id: `c${index}`,
    name: `Contact ${index}`,
    company: "Acme",
    role: null,
    location: null,
    notes: "Met at the summit",
    birthday: { month: 12, day: 10, year: null },
    tier: "regular",
    cadenceDays: 30,
    remindersEnabled: true,
    firstDueShare: null,
    metAtEventId: "e1",
    connectedOn: "2026-01-02",
    snoozedUntil: null,
    reconnectRequestedAt: null,
    archivedAt: null,
    lastTouchedAt: null,
    nextDueAt: null,
    createdAt: AT,
    updatedAt: AT,
    extra: { Source: "Google" },
    emails: [{ email: `c${index}@example.com`, label: "work", isPrimary: true }],
    phones: [{ phone: "+44 20 7946 0001", label: null }],
    links: [{ url: "https://www.linkedin.com/in/someone", label: "LinkedIn" }],
    circles: [{ id: "k1", name: "Alumni" }],
  };
}

// A document with one of everything and `contactCount` contacts, as
// JSON.parse would give it: a fresh copy for every test to change.
function doc(contactCount = 13): KithExport {
  return {
    format: "kith-export",
    version: 4,
    exportedAt: AT,
    account: { email: "me@example.com", createdAt: AT },
    settings: {
      name: "Me",
      timeZone: "Europe/Berlin",
      digestWeekday: 1,
      digestHour: 8,
      digestEnabled: true,
      journalPromptEnabled: false,
      defaultCadenceDays: 30,
    },
    circles: [{ id: "k1", name: "Alumni", createdAt: AT }],
    events: [{ id: "e1", name: "Summit", occurredOn: "2026-05-01", place: "Lisbon", kind: "conference", notes: null, createdAt: AT }],
    contacts: Array.from({ length: contactCount }, (_, index) => contact(index)),
    touches: [
      {
        id: "t1",
        occurredAt: AT,
        channel: "call",
        summary: "Caught up",
        valueKind: "advice",
        valueDirection: "given",
        eventId: "e1",
        contactIds: ["c0", "c1"],
        createdAt: AT,
        updatedAt: AT,
      },
    ],
    successes: [
      {
        id: "s1",
        contactId: "c0",
        kind: "new_job",
        title: "Head of Engines",
        occurredOn: "2026-10-01",
        url: "https://news.example/ada",
        congratulatedByTouchId: "t1",
        createdAt: AT,
      },
    ],
    roles: [exportRole({ id: "r1", location: "London", endedOn: "2026-06-30" })],
    skills: [exportSkill({ id: "k1" })],
    wins: [
      exportWin({
        id: "w1",
        roleId: "r1",
        what: "Led the rewrite",
        metricValue: 40,
        metricUnit: "% build time",
        people: [
          { contactId: "c0", part: "helped_me" },
          { contactId: "c1", part: "can_vouch" },
        ],
        skillIds: ["k1"],
      }),
    ],
    career: {
      goals: [
        exportGoal({
          stones: [
            exportStone({
              roleId: "r1",
              skillIds: ["k1"],
              people: [{ contactId: "c0", part: "could_introduce", note: "to people at Watershed" }],
              winIds: ["w1"],
              eventIds: ["e1"],
            }),
          ],
        }),
      ],
      skills: [exportSkillProgress({ teacherIds: ["c1"] })],
      learning: [exportLearningItem({ mentorId: "c0", skillIds: ["k1"] })],
    },
  };
}

function refusal(change: (d: KithExport) => void): string {
  const d = doc();
  change(d);
  const parsed = parseKithExport(JSON.parse(JSON.stringify(d)));
  if (parsed.ok) throw new Error("restored");
  return parsed.message;
}

const at = <T>(list: T[], index: number): T => {
  const item = list[index];
  if (item === undefined) throw new Error(`no item ${index}`);
  return item;
};

describe("parseKithExport checks every record with the forms' schemas", () => {
  it("takes a well-formed export, values as the forms store them", () => {
    const d = doc();
    const first = at(d.contacts, 0);
    first.name = "  Ada Lovelace ";
    first.links = [{ url: "ada.example", label: "" }];
    at(d.successes, 0).url = " news.example/ada ";
    const parsed = parseKithExport(d);
    if (!parsed.ok) throw new Error(parsed.message);
    expect(parsed.data.contacts).toHaveLength(13);
    expect(parsed.data.contacts[0]).toMatchObject({
      name: "Ada Lovelace",
      links: [{ url: "https://ada.example/", label: null }],
      emails: [{ email: "c0@example.com", label: "work", isPrimary: true }],
      birthday: { month: 12, day: 10, year: null },
      extra: { Source: "Google" },
    });
    expect(parsed.data.successes[0]?.url).toBe("https://news.example/ada");
  });

  it("refuses links that are not http(s), naming the record and field", () => {
    for (const url of ["javascript:alert(document.cookie)", "JavaScript:alert(1)", "data:text/html,<script>alert(1)</script>", "https://user:pw@evil.example/"]) {
      expect(
        refusal((d) => {
          at(d.contacts, 12).links = [{ url, label: null }];
        }),
      ).toBe("This export cannot be restored: contacts[12].links[0].url: Enter a web address, like linkedin.com/in/ada.");
    }
    expect(
      refusal((d) => {
        at(d.successes, 0).url = "javascript:alert(1)";
      }),
    ).toBe("This export cannot be restored: successes[0].url: Enter a web link, like https://example.com/news.");
  });

  it("refuses malformed and empty emails", () => {
    // Quick add stores emails of up to 320 characters.
    for (const email of ["not an email", "ada@", "ada@example.com\r\nBCC: all@example.com", `${"a".repeat(310)}@example.com`]) {
      expect(
        refusal((d) => {
          at(d.contacts, 3).emails = [{ email, label: null, isPrimary: true }];
        }),
      ).toMatch(/^This export cannot be restored: contacts\[3\]\.emails\[0\]\.email: /);
    }
    expect(
      refusal((d) => {
        at(d.contacts, 3).emails = [{ email: "  ", label: null, isPrimary: true }];
      }),
    ).toBe("This export cannot be restored: contacts[3].emails[0].email: The email is empty.");
  });

  // A contact's and a circle's bounds are what an import can store (lib/validations/stored-contact.ts).
  it("refuses a 1,000,000-character value in any text", () => {
    const cases: [(d: KithExport) => void, string][] = [
      [(d) => void (at(d.contacts, 5).name = HUGE), "contacts[5].name: Keep the name under 50,010 characters."],
      [(d) => void (at(d.contacts, 5).notes = HUGE), "contacts[5].notes: Keep the notes under 100,000 characters."],
      [(d) => void (at(d.contacts, 5).company = HUGE), "contacts[5].company: Keep the company under 10,010 characters."],
      [(d) => void (at(d.contacts, 5).phones = [{ phone: "1".repeat(1_000_000), label: null }]), "contacts[5].phones[0].phone: "],
      [(d) => void (at(d.contacts, 5).links = [{ url: "https://a.example/", label: HUGE }]), "contacts[5].links[0].label: "],
      [(d) => void (at(d.events, 0).notes = HUGE), "events[0].notes: Keep the notes under 5,000 characters."],
      [(d) => void (at(d.circles, 0).name = HUGE), "circles[0].name: Keep the circle's name under 10,010 characters."],
      [(d) => void (at(d.touches, 0).summary = HUGE), "touches[0].summary: Keep the summary under 2000 characters."],
      [(d) => void (at(d.successes, 0).title = HUGE), "successes[0].title: Keep the title under 40,060 characters."],
      [(d) => void (d.settings.name = HUGE), "settings.name: Keep your name under 100 characters."],
    ];
    for (const [change, where] of cases) {
      expect(refusal(change)).toContain(`This export cannot be restored: ${where}`);
    }
  });

  it("refuses what else the forms refuse: February 30, too many contacts on a touch, a touch in the future", () => {
    expect(refusal((d) => void (at(d.contacts, 1).birthday = { month: 2, day: 30, year: null }))).toMatch(
      /contacts\[1\]\.birthday\.day: February has 29 days/,
    );
    expect(refusal((d) => void (at(d.touches, 0).contactIds = Array.from({ length: 51 }, () => "c0")))).toMatch(
      /touches\[0\]\.contactIds: A touch names at most 50 contacts/,
    );
    expect(refusal((d) => void (at(d.touches, 0).occurredAt = "2999-01-01T00:00:00.000Z"))).toMatch(
      /touches\[0\]\.occurredAt: A touch can't be in the future/,
    );
  });

  // About 2,000 parses of a small document: seconds on a busy machine.
  it("never throws on a wrong type anywhere, and refuses an object or list replaced by anything else", { timeout: 30_000 }, () => {
    const wrong: unknown[] = [null, [], {}, [null], "", "x", 0, -1, 1e308, true, { length: 1 }];
    const kind = (value: unknown) => (value === null ? "null" : Array.isArray(value) ? "array" : typeof value);
    // Every path to an object, list or value in the document.
    const paths: (string | number)[][] = [];
    const walk = (value: unknown, path: (string | number)[]) => {
      paths.push(path);
      if (Array.isArray(value)) value.slice(0, 2).forEach((item, index) => walk(item, [...path, index]));
      else if (typeof value === "object" && value !== null) for (const [key, item] of Object.entries(value)) walk(item, [...path, key]);
    };
    walk(doc(2), []);
    expect(paths.length).toBeGreaterThan(100);
    for (const path of paths) {
      for (const replacement of wrong) {
        const d: unknown = doc(2);
        const key = path.at(-1);
        let original: unknown = d;
        let parsed: ReturnType<typeof parseKithExport>;
        if (key === undefined) {
          parsed = parseKithExport(replacement);
        } else {
          let parent = d as Record<string | number, unknown>;
          for (const step of path.slice(0, -1)) parent = parent[step] as Record<string | number, unknown>;
          original = parent[key];
          parent[key] = replacement;
          parsed = parseKithExport(d);
        }
        if (!parsed.ok) expect(parsed.message).toMatch(/^This /);
        const isContainer = kind(original) === "object" || kind(original) === "array";
        // "birthday" may be null: a contact with no birthday.
        if (isContainer && kind(replacement) !== kind(original) && !(key === "birthday" && replacement === null)) {
          expect({ path: path.join("."), replacement, ok: parsed.ok }).toEqual({ path: path.join("."), replacement, ok: false });
        }
      }
    }
  });
});
