import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import type { Logger } from "drizzle-orm/logger";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getSkillDetail, listSkillRows, RECENT_SKILL_WINS } from "@/db/queries/career-skills";
import { learningSkills, skills } from "@/db/schema";
import { defineAuthedAction } from "@/lib/actions/define-action";
import { addTeacher, recordSkillLevel } from "@/lib/career/skills";
import { SKILL_LEVELS } from "@/lib/domain/enums";
import { skillLevelRecordSchema, skillTeacherSchema } from "@/lib/validations/skills";
import { createContact, createLearningItem, createSkill, createUser, createWin } from "../factories";
import { createTestDb, type TestDb } from "../helpers/test-db";

// The skills page's reads: the list in one query, and one skill's page.
// (The actions are in career-skills.test.ts.)

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => {
  await t?.close();
});

async function setup() {
  const user = await createUser(t.db);
  const define = defineAuthedAction({ getUserId: async () => user.id, getDb: async () => t.db });
  return { user, act: { record: define(skillLevelRecordSchema, recordSkillLevel), teach: define(skillTeacherSchema, addTeacher) } };
}

async function tagLearning(userId: string, skillId: string, hours: number | null) {
  const item = await createLearningItem(t.db, { userId, hours });
  await t.db.insert(learningSkills).values({ userId, itemId: item.id, skillId });
  return item;
}

describe("listSkillRows", () => {
  it("gives each skill its level and trend, last use, wins, learning hours and teachers", async () => {
    const { user, act } = await setup();
    await createWin(t.db, { userId: user.id, occurredOn: "2024-05-01", skills: ["Writing"] });
    await createWin(t.db, { userId: user.id, occurredOn: "2025-09-30", skills: ["Writing"] });
    await createWin(t.db, { userId: user.id, occurredOn: "2025-02-01", skills: ["writing", "Kotlin"] });
    const byName = async (name: string) => {
      const [row] = await t.db.select().from(skills).where(and(eq(skills.userId, user.id), eq(skills.name, name)));
      if (!row) throw new Error(`no ${name}`);
      return row;
    };
    const writing = await byName("Writing");
    const kotlin = await byName("Kotlin");
    const idle = await createSkill(t.db, { userId: user.id, name: "abacus" });
    for (const [level, assessedOn] of [[2, "2023-01-01"], [4, "2025-01-01"], [3, "2024-01-01"]] as const) {
      await act.record({ skillId: writing.id, level, assessedOn });
    }
    await act.record({ skillId: kotlin.id, level: 3, assessedOn: "2025-03-01" });
    await tagLearning(user.id, writing.id, 2.5);
    await tagLearning(user.id, writing.id, 10);
    await tagLearning(user.id, writing.id, null);
    for (const name of ["Ada", "Grace"]) {
      await act.teach({ skillId: writing.id, contactId: (await createContact(t.db, { userId: user.id, name })).id });
    }
    // Another user's rows on the same skill names count for nothing here.
    const other = await createUser(t.db);
    await createWin(t.db, { userId: other.id, occurredOn: "2026-01-01", skills: ["Writing"] });

    expect(await listSkillRows(t.db, { userId: user.id })).toEqual([
      {
        id: idle.id,
        name: "abacus",
        level: null,
        assessedOn: null,
        previousLevel: null,
        lastUsedOn: null,
        winCount: 0,
        learningHours: 0,
        learningCount: 0,
        teacherCount: 0,
        stoneCount: 0,
      },
      {
        id: kotlin.id,
        name: "Kotlin",
        level: 3,
        assessedOn: "2025-03-01",
        previousLevel: null,
        lastUsedOn: "2025-02-01",
        winCount: 1,
        learningHours: 0,
        learningCount: 0,
        teacherCount: 0,
        stoneCount: 0,
      },
      {
        id: writing.id,
        name: "Writing",
        level: 4,
        assessedOn: "2025-01-01",
        previousLevel: 3,
        lastUsedOn: "2025-09-30",
        winCount: 3,
        learningHours: 12.5,
        learningCount: 3,
        teacherCount: 2,
        stoneCount: 0,
      },
    ]);
    expect(await listSkillRows(t.db, { userId: randomUUID() })).toEqual([]);
  });

  it("is one query however many skills", async () => {
    const { user, act } = await setup();
    for (let i = 0; i < 12; i++) {
      const skill = await createSkill(t.db, { userId: user.id });
      await act.record({ skillId: skill.id, level: SKILL_LEVELS[i % SKILL_LEVELS.length] ?? 1, assessedOn: `2025-0${1 + (i % 9)}-01` });
      await tagLearning(user.id, skill.id, i);
    }
    // Drizzle sends each statement through its session's logger.
    const session = (t.db as unknown as { session: { logger: Logger } }).session;
    const original = session.logger;
    const statements: string[] = [];
    session.logger = { logQuery: (query) => statements.push(query) };
    try {
      expect(await listSkillRows(t.db, { userId: user.id })).toHaveLength(12);
    } finally {
      session.logger = original;
    }
    expect(statements).toHaveLength(1);
  });
});

describe("getSkillDetail", () => {
  it("gives the level history in date order, teachers by name, latest wins and learning items", async () => {
    const { user, act } = await setup();
    const skill = await createSkill(t.db, { userId: user.id, name: "Facilitation" });
    await act.record({ skillId: skill.id, level: 3, assessedOn: "2025-05-01" });
    await act.record({ skillId: skill.id, level: 1, assessedOn: "2023-05-01" });
    for (const name of ["zoe", "Ada"]) {
      await act.teach({ skillId: skill.id, contactId: (await createContact(t.db, { userId: user.id, name })).id });
    }
    for (let i = 0; i < RECENT_SKILL_WINS + 2; i++) {
      await createWin(t.db, { userId: user.id, occurredOn: `2025-01-${String(10 + i)}`, skills: ["Facilitation"] });
    }
    const course = await tagLearning(user.id, skill.id, 6);

    const detail = await getSkillDetail(t.db, { userId: user.id, skillId: skill.id });
    expect(detail).toMatchObject({
      id: skill.id,
      name: "Facilitation",
      level: 3,
      previousLevel: 1,
      lastUsedOn: "2025-01-21",
      winCount: RECENT_SKILL_WINS + 2,
      learningHours: 6,
      teacherCount: 2,
    });
    expect(detail?.levels.map(({ level, assessedOn }) => ({ level, assessedOn }))).toEqual([
      { level: 1, assessedOn: "2023-05-01" },
      { level: 3, assessedOn: "2025-05-01" },
    ]);
    expect(detail?.teachers.map((teacher) => teacher.name)).toEqual(["Ada", "zoe"]);
    expect(detail?.recentWins).toHaveLength(RECENT_SKILL_WINS);
    expect(detail?.recentWins[0]?.occurredOn).toBe("2025-01-21");
    expect(detail?.learning).toEqual([
      { id: course.id, title: course.title, kind: "course", status: "planned", hours: 6, startedOn: null, finishedOn: null },
    ]);
  });

  it("does not find another user's skill", async () => {
    const { user } = await setup();
    const other = await createUser(t.db);
    const theirs = await createSkill(t.db, { userId: other.id });
    expect(await getSkillDetail(t.db, { userId: user.id, skillId: theirs.id })).toBeUndefined();
    expect(await getSkillDetail(t.db, { userId: user.id, skillId: "not-a-uuid" })).toBeUndefined();
  });
});
