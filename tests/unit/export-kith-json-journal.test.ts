import { describe, expect, it } from "vitest";
import { type KithExport, parseKithExport } from "@/lib/validations/kith-export";
import { exportContact, exportRole, exportSkill, exportWin } from "../helpers/export-records";

// The job journal in an export: every reference inside the file, the
// journal forms' bounds, and a version 1 file (before the journal) still
// restoring.

const AT = "2026-11-12T09:30:00.000Z";

function doc(): KithExport {
  return {
    format: "kith-export",
    version: 4,
    exportedAt: AT,
    settings: {
      name: null,
      timeZone: null,
      digestWeekday: 1,
      digestHour: 8,
      digestEnabled: true,
      journalPromptEnabled: false,
      defaultCadenceDays: 30,
    },
    circles: [],
    events: [],
    contacts: [exportContact({ id: "c1" }), exportContact({ id: "c2", name: "Ben" })],
    touches: [],
    successes: [],
    roles: [exportRole({ id: "r1", startedOn: "2020-01-01", endedOn: "2023-12-31" }), exportRole({ id: "r2", startedOn: "2024-01-01" })],
    skills: [exportSkill({ id: "k1" }), exportSkill({ id: "k2", name: "Mentoring" }), exportSkill({ id: "k3", name: "Unused" })],
    wins: [
      exportWin({
        id: "w1",
        roleId: "r2",
        metricValue: 40,
        metricUnit: "% build time",
        people: [
          { contactId: "c1", part: "helped_me" },
          { contactId: "c1", part: "can_vouch" },
          { contactId: "c2", part: "worked_with" },
        ],
        skillIds: ["k1", "k2"],
      }),
      exportWin({ id: "w2" }),
    ],
    career: { goals: [], skills: [], learning: [] },
  };
}

function parse(change: (d: KithExport) => void = () => undefined) {
  const d = doc();
  change(d);
  return parseKithExport(JSON.parse(JSON.stringify(d)));
}

function refusal(change: (d: KithExport) => void): string {
  const parsed = parse(change);
  if (parsed.ok) throw new Error("restored");
  return parsed.message;
}

const win = (d: KithExport, index = 0) => {
  const found = d.wins[index];
  if (!found) throw new Error(`no win ${index}`);
  return found;
};

describe("an export's journal", () => {
  it("is taken as the forms store it: trimmed, links made https, the same person and part once", () => {
    const parsed = parse((d) => {
      Object.assign(win(d), { title: "  Shipped it ", url: "engines.example/launch", what: "   " });
      win(d).people.push({ contactId: "c1", part: "helped_me" });
      win(d).skillIds.push("k1");
      Object.assign(d.skills[0] ?? {}, { name: "  Type   Script " });
    });
    if (!parsed.ok) throw new Error(parsed.message);
    expect(parsed.data.settings.journalPromptEnabled).toBe(false);
    expect(parsed.data.wins[0]).toMatchObject({ title: "Shipped it", url: "https://engines.example/launch", what: null, skillIds: ["k1", "k2"] });
    expect(parsed.data.wins[0]?.people).toHaveLength(3);
    expect(parsed.data.skills.map((skill) => skill.name)).toEqual(["Type Script", "Mentoring", "Unused"]);
  });

  it("refuses a reference to a role, contact or skill that is not in the file, and an id used twice", () => {
    expect(refusal((d) => void (win(d).roleId = "r9"))).toBe("This export cannot be restored: wins[0].roleId: Names a role that is not in the file.");
    expect(refusal((d) => void (win(d).people[1] = { contactId: "c9", part: "helped_me" }))).toBe(
      "This export cannot be restored: wins[0].people[1].contactId: Names a contact that is not in the file.",
    );
    expect(refusal((d) => void (win(d).skillIds = ["k1", "k9"]))).toBe(
      "This export cannot be restored: wins[0].skillIds[1]: Names a skill that is not in the file.",
    );
    // w1's role r2 (and skill k2, below) is gone too: the first problem is named, and how many more.
    expect(refusal((d) => void (d.roles[1] = exportRole({ id: "r1" })))).toBe(
      "This export cannot be restored: roles[1].id: This id is used twice (and 1 more problem).",
    );
    expect(refusal((d) => void (d.skills[1] = exportSkill({ id: "k1", name: "Other" })))).toBe(
      "This export cannot be restored: skills[1].id: This id is used twice (and 1 more problem).",
    );
    expect(refusal((d) => void (win(d, 1).id = "w1"))).toBe("This export cannot be restored: wins[1].id: This id is used twice.");
  });

  it("refuses what the journal's forms refuse, saying what to fix", () => {
    const long = (n: number) => "x".repeat(n);
    const cases: [(d: KithExport) => void, string][] = [
      [(d) => void (win(d).title = long(201)), "wins[0].title: Keep the title under 200 characters."],
      [(d) => void (win(d).title = " "), "wins[0].title: Give the win a title"],
      [(d) => void (win(d).what = long(4001)), "wins[0].what: Keep what you did under 4000 characters."],
      [(d) => void (win(d).situation = long(1_000_000)), "wins[0].situation: Keep the situation under 4000 characters."],
      [(d) => void (win(d).metricUnit = long(61)), "wins[0].metricUnit: Keep the unit under 60 characters."],
      [(d) => void (win(d).metricValue = 1e16), "wins[0].metricValue: Enter the metric as a number"],
      [(d) => void Object.assign(win(d), { metricValue: null, metricUnit: "users" }), "wins[0].metricValue: A metric's unit needs its number, like 40."],
      [(d) => void (win(d).url = "javascript:alert(1)"), "wins[0].url: Enter a web link"],
      [(d) => void (win(d).occurredOn = "2999-01-01"), "wins[0].occurredOn: A win can't be in the future."],
      [(d) => void (win(d).occurredOn = "1899-12-31"), "wins[0].occurredOn: Enter a date after 1900."],
      [(d) => void Object.assign(win(d), { kind: "bragged" }), "wins[0].kind: Choose what kind of win it is."],
      [(d) => void Object.assign(win(d).people[0] ?? {}, { part: "boss" }), "wins[0].people[0].part: Expected one of helped_me, worked_with, can_vouch, i_helped."],
      [(d) => void (win(d).skillIds = Array.from({ length: 21 }, (_, i) => `k${i}`)), "wins[0].skillIds: A win has at most 20 skills."],
      [
        (d) => void (win(d).people = Array.from({ length: 51 }, () => ({ contactId: "c1", part: "helped_me" as const }))),
        "wins[0].people: A win names at most 50 people.",
      ],
      [(d) => void (win(d).task = "a\u0000b"), "wins[0].task: Remove the null character (\\u0000): Kith cannot store it."],
      [(d) => void Object.assign(d.skills[0] ?? {}, { name: long(61) }), "skills[0].name: Keep each skill under 60 characters."],
      [(d) => void Object.assign(d.skills[0] ?? {}, { name: " " }), "skills[0].name: A skill needs a name."],
      [(d) => void Object.assign(d.roles[0] ?? {}, { company: long(201) }), "roles[0].company: Keep the company under 200 characters."],
      [(d) => void Object.assign(d.roles[0] ?? {}, { title: "" }), "roles[0].title: Enter your title"],
      [(d) => void Object.assign(d.roles[0] ?? {}, { description: long(4001) }), "roles[0].description: Keep the description under 4000 characters."],
      [(d) => void Object.assign(d.roles[0] ?? {}, { startedOn: "1899-01-01" }), "roles[0].startedOn: Enter a date between 1900 and 2100."],
      [(d) => void Object.assign(d.roles[0] ?? {}, { endedOn: "2019-12-31" }), "roles[0].endedOn: A role ends on or after the day it started."],
      [(d) => void Object.assign(d.roles[0] ?? {}, { endedOn: "2021-02-30" }), "roles[0].endedOn: "],
      [(d) => void Object.assign(d.settings, { journalPromptEnabled: "yes" }), "settings.journalPromptEnabled: Expected true or false."],
    ];
    for (const [change, where] of cases) {
      expect(refusal(change)).toContain(`This export cannot be restored: ${where}`);
    }
  });

  it("is required in a file from version 2 on", () => {
    for (const list of ["roles", "skills", "wins"] as const) {
      expect(refusal((d) => void delete (d as Partial<KithExport>)[list])).toMatch(new RegExp(`^This export cannot be restored: ${list}: `));
    }
    expect(refusal((d) => void delete (d.settings as Partial<KithExport["settings"]>).journalPromptEnabled)).toMatch(
      /^This export cannot be restored: settings\.journalPromptEnabled: /,
    );
  });
});

describe("text PostgreSQL cannot store", () => {
  it("refuses half of a surrogate pair anywhere, in a value or a key, naming where", () => {
    const broken = (change: (d: KithExport) => void) => {
      const d = doc();
      change(d);
      // As JSON.parse gives it from the escape "\ud800".
      return parseKithExport(JSON.parse(JSON.stringify(d)));
    };
    const message = (where: string) => ({
      ok: false,
      message: `This export cannot be restored: ${where}: Holds a broken character (half of a UTF-16 surrogate pair); remove it.`,
    });
    expect(broken((d) => void (win(d).title = "Shipped \ud800"))).toEqual(message("wins[0].title"));
    expect(broken((d) => void Object.assign(d.skills[2] ?? {}, { name: "\udc00 first" }))).toEqual(message("skills[2].name"));
    expect(broken((d) => void Object.assign(d.contacts[1] ?? {}, { name: "Ben \udbff" }))).toEqual(message("contacts[1].name"));
    expect(broken((d) => void Object.assign(d.contacts[0] ?? {}, { extra: { ok: ["fine", "x\ud83d"] } }))).toEqual(message("contacts[0].extra.ok[1]"));
    expect(broken((d) => void Object.assign(d.contacts[0] ?? {}, { extra: { "\ud83d": "a key" } }))).toEqual(message("contacts[0].extra.\ud83d"));
    // A whole pair is a character like any other.
    expect(broken((d) => void (win(d).title = "Shipped 😀"))).toMatchObject({ ok: true });
  });
});

describe("a version 1 export, from before the journal", () => {
  function version1(): Record<string, unknown> {
    const { roles, skills, wins, settings, career, ...rest } = doc();
    const { journalPromptEnabled, ...oldSettings } = settings;
    void [roles, skills, wins, journalPromptEnabled, career];
    return { ...rest, version: 1, settings: oldSettings };
  }

  it("restores as an account with no journal whose weekly email asks about the week", () => {
    const parsed = parseKithExport(version1());
    if (!parsed.ok) throw new Error(parsed.message);
    expect(parsed.data).toMatchObject({ version: 4, roles: [], skills: [], wins: [] });
    expect(parsed.data.settings.journalPromptEnabled).toBe(true);
    expect(parsed.data.contacts).toHaveLength(2);
  });

  it("is refused as before when it is damaged, and never throws", () => {
    for (const settings of [null, "x", [], 1]) {
      const parsed = parseKithExport({ ...version1(), settings });
      expect(parsed).toMatchObject({ ok: false, message: expect.stringMatching(/^This export cannot be restored: settings: /) });
    }
    expect(parseKithExport({ ...version1(), contacts: null })).toMatchObject({ ok: false });
  });

  it("and a version from a newer Kith is refused with what to do", () => {
    expect(parseKithExport({ ...doc(), version: 5 })).toEqual({
      ok: false,
      message: "This export was made by a newer version of Kith. Update Kith, then restore it.",
    });
  });
});
