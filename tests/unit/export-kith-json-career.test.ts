import { describe, expect, it } from "vitest";
import { type KithExport, parseKithExport } from "@/lib/validations/kith-export";
import { careerDoc as doc, AT } from "../helpers/export-career-doc";
import { exportLearningItem, exportSkillProgress, exportStone } from "../helpers/export-records";

// The career plan in an export (version 3): every reference inside the
// file, the forms' and tables' rules and the per-record bounds.

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

const goal = (d: KithExport, index = 0) => {
  const found = d.career.goals[index];
  if (!found) throw new Error(`no goal ${index}`);
  return found;
};
const stone = (d: KithExport, index = 0) => {
  const found = goal(d).stones[index];
  if (!found) throw new Error(`no stone ${index}`);
  return found;
};
const item = (d: KithExport) => {
  const found = d.career.learning[0];
  if (!found) throw new Error("no learning item");
  return found;
};
const progress = (d: KithExport) => {
  const found = d.career.skills[0];
  if (!found) throw new Error("no skill progress");
  return found;
};

describe("an export's career plan", () => {
  it("is taken as the app stores it: trimmed, links made https, each id once", () => {
    const parsed = parse((d) => {
      Object.assign(goal(d), { title: "  Lead a platform group ", why: "   " });
      stone(d).skillIds.push("k1");
      stone(d).winIds.push("w1");
      Object.assign(item(d), { url: "books.example/ddia", notes: " read twice " });
      progress(d).teacherIds.push("c2");
    });
    if (!parsed.ok) throw new Error(parsed.message);
    const [first] = parsed.data.career.goals;
    expect(first).toMatchObject({ title: "Lead a platform group", why: null, isNorthStar: true });
    expect(first?.stones[0]).toMatchObject({ skillIds: ["k1", "k2"], winIds: ["w1"], eventIds: ["e1"] });
    expect(first?.stones[0]?.history.map((entry) => entry.change)).toEqual(["created", "redated", "moved", "status"]);
    expect(parsed.data.career.learning[0]).toMatchObject({ url: "https://books.example/ddia", notes: "read twice", hours: 12.5 });
    expect(parsed.data.career.skills[0]?.teacherIds).toEqual(["c2"]);
    expect(parsed.data.contacts[0]?.reconnectRequestedAt).toBe(AT);
  });

  it("refuses a reference to anything that is not in the file", () => {
    const where = (path: string, what: string) => `This export cannot be restored: career.${path}: Names ${what} that is not in the file.`;
    expect(refusal((d) => void (stone(d).roleId = "r9"))).toBe(where("goals[0].stones[0].roleId", "a role"));
    expect(refusal((d) => void (stone(d).skillIds = ["k9"]))).toBe(where("goals[0].stones[0].skillIds[0]", "a skill"));
    expect(refusal((d) => void (stone(d).people[1] = { contactId: "c9", part: "can_help", note: null }))).toBe(
      where("goals[0].stones[0].people[1].contactId", "a contact"),
    );
    expect(refusal((d) => void (stone(d).winIds = ["w1", "w9"]))).toBe(where("goals[0].stones[0].winIds[1]", "a win"));
    expect(refusal((d) => void (stone(d).eventIds = ["e9"]))).toBe(where("goals[0].stones[0].eventIds[0]", "an event"));
    expect(refusal((d) => void (progress(d).skillId = "k9"))).toBe(where("skills[0].skillId", "a skill"));
    expect(refusal((d) => void (progress(d).teacherIds = ["c9"]))).toBe(where("skills[0].teacherIds[0]", "a contact"));
    expect(refusal((d) => void (item(d).mentorId = "c9"))).toBe(where("learning[0].mentorId", "a contact"));
    expect(refusal((d) => void (item(d).skillIds = ["k9"]))).toBe(where("learning[0].skillIds[0]", "a skill"));
    // A contact's id that only the database knows is no better.
    expect(refusal((d) => void (stone(d).people = [{ contactId: crypto.randomUUID(), part: "can_help", note: null }]))).toBe(
      where("goals[0].stones[0].people[0].contactId", "a contact"),
    );
  });

  it("refuses what the tables or the app's forms would refuse, naming where", () => {
    const cases: [(d: KithExport) => void, string][] = [
      [(d) => void (goal(d, 1).id = "g1"), "career.goals[1].id: This id is used twice."],
      [(d) => void (goal(d, 1).stones = [exportStone({ id: "s1" })]), "career.goals[1].stones[0].id: This id is used twice."],
      [(d) => void d.career.learning.push(exportLearningItem({ id: "l1" })), "career.learning[1].id: This id is used twice."],
      [(d) => void (goal(d, 1).isNorthStar = true), "career.goals[1].isNorthStar: Only one goal can be the north star."],
      [(d) => void d.career.skills.push(exportSkillProgress({ skillId: "k1" })), "career.skills[1].skillId: This skill is listed twice."],
      [
        (d) => void stone(d).people.push({ contactId: "c1", part: "can_help", note: null }),
        "career.goals[0].stones[0].people[2].contactId: This person is named twice.",
      ],
      [
        (d) => void progress(d).levels.push({ level: 3, assessedOn: "2025-01-05", createdAt: AT }),
        "career.skills[0].levels[2].assessedOn: Two levels on this day.",
      ],
      [
        (d) => void (stone(d, 1).completedOn = "2026-10-01"),
        "career.goals[0].stones[1].completedOn: Only a done stepping stone has a day it was completed.",
      ],
      [(d) => void (item(d).finishedOn = "2025-12-31"), "career.learning[0].finishedOn: Finished must be on or after the day it started."],
      [(d) => void (item(d).status = "in_progress"), "career.learning[0].finishedOn: Only something done has a finished day."],
      [(d) => void (item(d).finishedOn = "2999-01-01"), "career.learning[0].finishedOn: You can't have finished in the future."],
      [(d) => void (item(d).hours = -1), "career.learning[0].hours: Enter the hours as a number"],
      [(d) => void (item(d).hours = 10_001), "career.learning[0].hours: Enter at most 10,000 hours."],
      [
        (d) => void Object.assign(progress(d).levels[0] ?? {}, { level: 6 }),
        "career.skills[0].levels[0].level: Choose a level from 1 (Aware) to 5",
      ],
      [(d) => void Object.assign(progress(d).levels[0] ?? {}, { assessedOn: "2026-02-30" }), "career.skills[0].levels[0].assessedOn: "],
      [
        (d) => void Object.assign(progress(d).levels[0] ?? {}, { assessedOn: "2999-01-01" }),
        "career.skills[0].levels[0].assessedOn: A level can't be recorded in the future.",
      ],
      [(d) => void (goal(d).horizonOn = "3000-01-01"), "career.goals[0].horizonOn: Enter a date between 1900 and 2100."],
      [(d) => void Object.assign(goal(d), { status: "paused" }), "career.goals[0].status: Choose the goal's status from the list."],
      [(d) => void Object.assign(stone(d), { status: "paused" }), "career.goals[0].stones[0].status: Expected one of planned, in_progress"],
      [(d) => void Object.assign(stone(d), { kind: "lottery" }), "career.goals[0].stones[0].kind: Choose what kind of step it is."],
      [(d) => void Object.assign(item(d), { kind: "podcast" }), "career.learning[0].kind: Choose what kind of learning it is."],
      [(d) => void (goal(d).createdAt = "0000-06-01T00:00:00Z"), "career.goals[0].createdAt: Expected a date and time after 1900."],
    ];
    for (const [change, where] of cases) {
      expect(refusal(change)).toContain(`This export cannot be restored: ${where}`);
    }
  });

  it("refuses a history entry that would not read back as a change of the plan", () => {
    const history = (entry: { change: string; from: string | null; to: string | null }) => (d: KithExport) =>
      void (stone(d).history = [{ ...entry, changedAt: AT } as KithExport["career"]["goals"][number]["stones"][number]["history"][number]]);
    const cases: [ReturnType<typeof history>, string][] = [
      [history({ change: "created", from: "2026-01-01", to: null }), "history[0].from: A created change has no from"],
      [history({ change: "created", from: null, to: "soon" }), "history[0].to: A created change has no from"],
      [history({ change: "moved", from: "-1", to: "0" }), "history[0].from: A move goes from one position"],
      [history({ change: "moved", from: "0", to: null }), "history[0].to: A move goes from one position"],
      [history({ change: "redated", from: "Q2", to: "2026-12-31" }), "history[0].from: A re-date goes from a day"],
      [history({ change: "status", from: "planned", to: "abandoned" }), "history[0].to: A status change goes from one of planned"],
      [history({ change: "renamed", from: null, to: null }), "history[0].change: Expected one of created, moved, redated, status."],
      [history({ change: "redated", from: null, to: "x".repeat(21) }), "history[0].to: A change's to value is too long"],
      [history({ change: "moved", from: "0", to: "10001" }), "history[0].to: A move goes from one position"],
    ];
    for (const [change, where] of cases) {
      expect(refusal(change)).toContain(`This export cannot be restored: career.goals[0].stones[0].${where}`);
    }
    // Its time goes to the database as written: to the microsecond, in UTC, from 1900 to 2100.
    const at = (changedAt: string) => (d: KithExport) => void (stone(d).history = [{ change: "created", from: null, to: null, changedAt }]);
    expect(parse(at("2026-11-12T09:30:00.123456Z"))).toMatchObject({ ok: true });
    for (const changedAt of ["2026-11-12T09:30:00-23:59", "0000-01-01T00:00:00Z", "2026-11-12T09:30:00.1234567Z", "2026-02-30T00:00:00Z"]) {
      expect(refusal(at(changedAt))).toMatch(
        /^This export cannot be restored: career\.goals\[0\]\.stones\[0\]\.history\[0\]\.changedAt: Expected a/,
      );
    }
  });

  it("refuses text past the app's bounds, text PostgreSQL cannot store, and lists past their caps", () => {
    const long = (n: number) => "x".repeat(n);
    const many = <T>(n: number, make: (i: number) => T) => Array.from({ length: n }, (_, i) => make(i));
    const cases: [(d: KithExport) => void, string][] = [
      [(d) => void (goal(d).title = long(201)), "career.goals[0].title: Keep the goal under 200 characters."],
      [(d) => void (goal(d).title = "  "), "career.goals[0].title: Name the goal"],
      [(d) => void (goal(d).why = long(1_000_000)), "career.goals[0].why: Keep why it matters under 4000 characters."],
      [(d) => void (stone(d).title = long(201)), "career.goals[0].stones[0].title: Keep the step under 200 characters."],
      [(d) => void (stone(d).notes = long(4001)), "career.goals[0].stones[0].notes: Keep the notes under 4000 characters."],
      [
        (d) => void Object.assign(stone(d).people[0] ?? {}, { note: long(201) }),
        "career.goals[0].stones[0].people[0].note: Keep the note under 200 characters.",
      ],
      [(d) => void (goal(d).why = "a\u0000b"), "career.goals[0].why: Remove the null character (\\u0000): Kith cannot store it."],
      [(d) => void (item(d).title = "a\u0000b"), "career.learning[0].title: Remove the null character (\\u0000): Kith cannot store it."],
      [(d) => void (item(d).title = long(201)), "career.learning[0].title: Keep the title under 200 characters."],
      [(d) => void (item(d).url = "javascript:alert(1)"), "career.learning[0].url: Enter a web link"],
      [
        (d) => void (goal(d).stones = many(10_002, (i) => exportStone({ id: `x${i}` }))),
        "career.goals[0].stones: A goal has at most 10001 stepping stones.",
      ],
      [
        (d) => void (stone(d).history = many(10_001, () => ({ change: "moved" as const, from: "0", to: "1", changedAt: AT }))),
        "career.goals[0].stones[0].history: A stepping stone keeps at most 10000 changes.",
      ],
      [
        (d) => void (stone(d).skillIds = many(1001, () => "k1")),
        "career.goals[0].stones[0].skillIds: At most 1000 skills on a stepping stone.",
      ],
      [
        (d) => void (stone(d).people = many(1001, (i) => ({ contactId: `c${i}`, part: "can_help" as const, note: null }))),
        "career.goals[0].stones[0].people: A stepping stone names at most 1000 people.",
      ],
      [(d) => void (stone(d).winIds = many(1001, () => "w1")), "career.goals[0].stones[0].winIds: At most 1000 wins"],
      [(d) => void (stone(d).eventIds = many(1001, () => "e1")), "career.goals[0].stones[0].eventIds: At most 1000 events"],
      [(d) => void (progress(d).teacherIds = many(1001, () => "c1")), "career.skills[0].teacherIds: At most 1000 teachers"],
      [
        (d) =>
          void (progress(d).levels = many(10_001, (i) => ({
            level: 3 as const,
            assessedOn: new Date(Date.UTC(1990, 0, 1) + i * 86_400_000).toISOString().slice(0, 10),
            createdAt: AT,
          }))),
        "career.skills[0].levels: A skill keeps at most 10000 levels.",
      ],
      [(d) => void (item(d).skillIds = many(21, () => "k1")), "career.learning[0].skillIds: At most 20 skills on a learning item."],
    ];
    for (const [change, where] of cases) {
      expect(refusal(change)).toContain(`This export cannot be restored: ${where}`);
    }
    const broken = parse((d) => void (stone(d).title = "Half \ud800"));
    expect(broken).toEqual({
      ok: false,
      message:
        "This export cannot be restored: career.goals[0].stones[0].title: Holds a broken character (half of a UTF-16 surrogate pair); remove it.",
    });
  });

  it("is required in a version 3 file, as is a contact's reconnect request", () => {
    expect(refusal((d) => void delete (d as Partial<KithExport>).career)).toMatch(/^This export cannot be restored: career: /);
    for (const list of ["goals", "skills", "learning"] as const) {
      expect(refusal((d) => void delete (d.career as Partial<KithExport["career"]>)[list])).toMatch(
        new RegExp(`^This export cannot be restored: career\\.${list}: `),
      );
    }
    expect(refusal((d) => void delete (d.contacts[0] as Partial<KithExport["contacts"][number]>).reconnectRequestedAt)).toMatch(
      /^This export cannot be restored: contacts\[0\]\.reconnectRequestedAt: /,
    );
  });
});
