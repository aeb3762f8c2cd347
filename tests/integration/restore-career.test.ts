import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rowsOf } from "@/db/queries/rows";
import { contacts, goals, learningSkills, skillLevels, skills, skillTeachers, stoneSkills, users } from "@/db/schema";
import { defineAuthedAction } from "@/lib/actions/define-action";
import { restoreExport } from "@/lib/export/restore-export";
import { restoreExportInputSchema } from "@/lib/validations/account";
import type { KithExport } from "@/lib/validations/kith-export";
import { createContact, createEvent, createGoal, createRole, createUser, createWin } from "../factories";
import { canonical } from "../helpers/export-canonical";
import { exportGoal, exportLearningItem, exportSkill, exportSkillProgress, exportStone } from "../helpers/export-records";
import { exportText, seedRichUser } from "../helpers/export-seed";
import { createTestDb, type TestDb } from "../helpers/test-db";

// The career plan in a restore: back whole into a fresh account, a
// version 2 file still restoring, a file that names what it does not hold
// refused with nothing written, and an account's own goal, skill and level
// kept as they are. The general round trip is in export-roundtrip.test.ts.

let t: TestDb;
const NOW = new Date("2026-11-20T10:00:00Z");
let good: KithExport;

beforeAll(async () => {
  t = await createTestDb();
  const { user } = await seedRichUser(t.db, NOW);
  good = await exportJson(user.id);
});
afterAll(async () => {
  await t?.close();
});

async function exportJson(userId: string): Promise<KithExport> {
  return JSON.parse(await exportText(t.db, { userId, format: "kith.json", now: NOW })) as KithExport;
}

function restoreAs(userId: string) {
  const authed = defineAuthedAction({ getUserId: async () => userId, getDb: async () => t.db });
  const action = authed(restoreExportInputSchema, restoreExport);
  return (doc: unknown) => action({ file: new File([JSON.stringify(doc)], "kith-export.json", { type: "application/json" }) });
}

// Rows of every table with a user_id, from the catalog: a table added later is counted too.
async function rowsByTable(userId: string): Promise<Record<string, number>> {
  const tables = rowsOf<{ table_name: string }>(
    await t.db.execute(
      sql`select table_name from information_schema.columns where table_schema = 'public' and column_name = 'user_id' order by 1`,
    ),
  );
  const counts: Record<string, number> = {};
  for (const { table_name: table } of tables) {
    const [row] = rowsOf<{ n: number }>(
      await t.db.execute(sql`select count(*)::int as n from ${sql.identifier(table)} where user_id = ${userId}`),
    );
    counts[table] = Number(row?.n);
  }
  return counts;
}

const CAREER_TABLES = [
  "goals",
  "stepping_stones",
  "stepping_stone_changes",
  "stone_skills",
  "stone_people",
  "stone_wins",
  "stone_events",
  "skill_levels",
  "skill_teachers",
  "learning_items",
  "learning_skills",
];

describe("restoring the career plan", () => {
  it("brings every goal, step, change, link, level, teacher and learning item back into a fresh account, with new ids", async () => {
    const fresh = await createUser(t.db);
    const result = await restoreAs(fresh.id)(good);
    expect(result).toMatchObject({ ok: true, data: { goals: 2, steppingStones: 3, learningItems: 2 } });
    const counts = await rowsByTable(fresh.id);
    expect(Object.fromEntries(CAREER_TABLES.map((table) => [table, counts[table]]))).toEqual({
      goals: 2,
      stepping_stones: 3,
      stepping_stone_changes: 9,
      stone_skills: 3,
      stone_people: 3,
      stone_wins: 1,
      stone_events: 1,
      skill_levels: 4,
      skill_teachers: 2,
      learning_items: 2,
      learning_skills: 1,
    });
    const again = await exportJson(fresh.id);
    expect(canonical(again)).toEqual(canonical(good));
    // Two changes written at one instant read back in the file's order.
    const history = (doc: KithExport) =>
      doc.career.goals.flatMap((goal) => goal.stones.map((stone) => stone.history.map((entry) => entry.change)));
    expect(history(again)).toEqual(history(good));
    expect(again.contacts.filter((contact) => contact.reconnectRequestedAt !== null)).toHaveLength(1);
    const oldIds = new Set([...good.career.goals.map((goal) => goal.id), ...good.career.learning.map((item) => item.id)]);
    expect([...again.career.goals, ...again.career.learning].some((record) => oldIds.has(record.id))).toBe(false);
  });

  it("takes a version 2 export (from before the career plan): no plan, nobody added to Reconnect", async () => {
    const { career, ...rest } = good;
    void career;
    const version2 = {
      ...rest,
      version: 2,
      contacts: good.contacts.map(({ reconnectRequestedAt, ...contact }) => (void reconnectRequestedAt, contact)),
    };
    const target = await createUser(t.db);
    const result = await restoreAs(target.id)(version2);
    expect(result).toMatchObject({ ok: true, data: { contacts: 5, wins: 3, goals: 0, steppingStones: 0, learningItems: 0 } });
    const counts = await rowsByTable(target.id);
    expect(CAREER_TABLES.filter((table) => counts[table] !== 0)).toEqual([]);
    expect(counts.wins).toBe(3);
    const [reconnect] = await t.db
      .select({ n: sql<number>`count(*)::int` })
      .from(contacts)
      .where(and(eq(contacts.userId, target.id), sql`${contacts.reconnectRequestedAt} is not null`));
    expect(reconnect?.n).toBe(0);
  });

  it("refuses a plan that names what the file does not hold, or breaks the tables' rules, and writes nothing", async () => {
    const target = await createUser(t.db, { name: "Keep me" });
    // Another account's real rows: ids that are not in the file are refused like any other.
    const stranger = (await createUser(t.db)).id;
    const [theirContact, theirWin, theirEvent, theirRole] = [
      await createContact(t.db, { userId: stranger }),
      await createWin(t.db, { userId: stranger }),
      await createEvent(t.db, { userId: stranger }),
      await createRole(t.db, { userId: stranger }),
    ];
    // The goal with a path, and its first (done) step.
    const north = good.career.goals.find((goal) => goal.stones.length > 0);
    const [reached, ...otherStones] = north?.stones ?? [];
    if (!north || !reached) throw new Error("no goal seeded");
    const otherGoals = good.career.goals.filter((goal) => goal !== north);
    const withStone = (stone: Partial<typeof reached>) => ({
      ...good,
      career: { ...good.career, goals: [{ ...north, stones: [{ ...reached, ...stone }, ...otherStones] }, ...otherGoals] },
    });
    const withCareer = (career: Partial<KithExport["career"]>) => ({ ...good, career: { ...good.career, ...career } });
    const at = "career.goals[0].stones[0]";
    const cases: [unknown, string][] = [
      [
        withStone({ people: [{ contactId: theirContact.id, part: "can_help", note: null }] }),
        `${at}.people[0].contactId: Names a contact that is not in the file`,
      ],
      [withStone({ winIds: [theirWin.id] }), `${at}.winIds[0]: Names a win that is not in the file`],
      [withStone({ eventIds: [theirEvent.id] }), `${at}.eventIds[0]: Names an event that is not in the file`],
      [withStone({ roleId: theirRole.id }), `${at}.roleId: Names a role that is not in the file`],
      [withStone({ status: "planned" }), `${at}.completedOn: Only a done stepping stone has a day it was completed`],
      [
        withStone({ history: [{ change: "moved", from: "first", to: "2", changedAt: NOW.toISOString() }] }),
        `${at}.history[0].from: A move goes from one position`,
      ],
      [withStone({ title: "Step\u0000" }), `${at}.title: Remove the null character`],
      [
        withCareer({ goals: [exportGoal({ isNorthStar: true }), exportGoal({ id: "g2", isNorthStar: true })] }),
        "career.goals[1].isNorthStar: Only one goal can be the north star",
      ],
      [
        withCareer({ skills: [exportSkillProgress({ skillId: "nope" })] }),
        "career.skills[0].skillId: Names a skill that is not in the file",
      ],
      [
        withCareer({ learning: [exportLearningItem({ mentorId: theirContact.id })] }),
        "career.learning[0].mentorId: Names a contact that is not in the file",
      ],
      [withCareer({ learning: [exportLearningItem({ hours: 1e9 })] }), "career.learning[0].hours: Enter at most 10,000 hours."],
    ];
    for (const [doc, where] of cases) {
      const result = await restoreAs(target.id)(doc);
      expect(result.ok ? "restored" : result.fieldErrors?.file?.[0]).toContain(`This export cannot be restored: ${where}`);
    }
    const counts = await rowsByTable(target.id);
    expect(Object.entries(counts).filter(([, n]) => n !== 0)).toEqual([]);
    expect((await t.db.select({ name: users.name }).from(users).where(eq(users.id, target.id)))[0]?.name).toBe("Keep me");
  });

  it("keeps the account's own north star, and its level of a skill on a day the file has one too", async () => {
    const target = await createUser(t.db);
    const own = await createGoal(t.db, { userId: target.id, title: "Set up before restoring", isNorthStar: true });
    const [typescript] = await t.db.insert(skills).values({ userId: target.id, name: "typescript" }).returning();
    const fileSkill = good.skills.find((skill) => skill.name === "TypeScript");
    const fileLevel = good.career.skills.find((entry) => entry.skillId === fileSkill?.id)?.levels[0];
    if (!typescript || !fileLevel) throw new Error("no level seeded");
    await t.db.insert(skillLevels).values({ userId: target.id, skillId: typescript.id, level: 5, assessedOn: fileLevel.assessedOn });

    expect((await restoreAs(target.id)(good)).ok).toBe(true);
    const stars = await t.db
      .select({ id: goals.id })
      .from(goals)
      .where(and(eq(goals.userId, target.id), eq(goals.isNorthStar, true)));
    expect(stars).toEqual([{ id: own.id }]);
    expect(await t.db.$count(goals, eq(goals.userId, target.id))).toBe(3);
    const levels = await t.db
      .select({ level: skillLevels.level, assessedOn: skillLevels.assessedOn })
      .from(skillLevels)
      .where(eq(skillLevels.skillId, typescript.id))
      .orderBy(skillLevels.assessedOn);
    expect(levels.map((row) => row.level)).toEqual([5, 3, 4]);
  });

  it("makes the links of two file skills that are one name to the database into one", async () => {
    const target = await createUser(t.db);
    const teacher = good.contacts[0]?.id ?? "";
    const twins = [exportSkill({ id: "p1", name: "İstanbul tours" }), exportSkill({ id: "p2", name: "istanbul TOURS" })];
    const level = (n: 1 | 2) => ({ level: n, assessedOn: "2026-03-01", createdAt: NOW.toISOString() });
    const doc = {
      ...good,
      skills: [...good.skills, ...twins],
      career: {
        goals: [exportGoal({ stones: [exportStone({ skillIds: ["p1", "p2"] })] })],
        skills: [
          exportSkillProgress({ skillId: "p1", levels: [level(1)], teacherIds: [teacher] }),
          exportSkillProgress({ skillId: "p2", levels: [level(2)], teacherIds: [teacher] }),
        ],
        learning: [exportLearningItem({ skillIds: ["p2", "p1"] })],
      },
    };

    expect((await restoreAs(target.id)(doc)).ok).toBe(true);
    const [merged] = await t.db
      .select({ id: skills.id })
      .from(skills)
      .where(and(eq(skills.userId, target.id), sql`lower(${skills.name}) = 'istanbul tours'`));
    if (!merged) throw new Error("the skill was not restored");
    expect(await t.db.$count(stoneSkills, eq(stoneSkills.skillId, merged.id))).toBe(1);
    expect(await t.db.$count(learningSkills, eq(learningSkills.skillId, merged.id))).toBe(1);
    expect(await t.db.$count(skillTeachers, eq(skillTeachers.skillId, merged.id))).toBe(1);
    // The first of the two levels on one day.
    expect(await t.db.select({ level: skillLevels.level }).from(skillLevels).where(eq(skillLevels.skillId, merged.id))).toEqual([
      { level: 1 },
    ]);
  });
});
