import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { learningSkills, skillLevels, skills, skillTeachers, stoneSkills, winSkills, wins } from "@/db/schema";
import { defineAuthedAction } from "@/lib/actions/define-action";
import {
  addSkill,
  addTeacher,
  deleteLevel,
  deleteSkill,
  recordSkillLevel,
  removeTeacher,
  renameSkill,
} from "@/lib/career/skills";
import { todayIn } from "@/lib/domain/dates";
import { latestAllowedDate } from "@/lib/domain/touch-dates";
import {
  skillCreateSchema,
  skillIdSchema,
  skillLevelIdSchema,
  skillLevelRecordSchema,
  skillRenameSchema,
  skillTeacherSchema,
} from "@/lib/validations/skills";
import {
  createContact,
  createGoal,
  createLearningItem,
  createSkill,
  createStone,
  createUser,
  createWin,
} from "../factories";
import { createTestDb, type TestDb } from "../helpers/test-db";

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => {
  await t?.close();
});

// The production actions are these compositions with the session's user id.
function actionsAs(userId: string | null) {
  const define = defineAuthedAction({ getUserId: async () => userId, getDb: async () => t.db });
  return {
    add: define(skillCreateSchema, addSkill),
    rename: define(skillRenameSchema, renameSkill),
    remove: define(skillIdSchema, deleteSkill),
    record: define(skillLevelRecordSchema, recordSkillLevel),
    removeLevel: define(skillLevelIdSchema, deleteLevel),
    teach: define(skillTeacherSchema, addTeacher),
    unteach: define(skillTeacherSchema, removeTeacher),
  };
}

async function setup(timeZone: string | null = null) {
  const user = await createUser(t.db, { timeZone });
  return { user, act: actionsAs(user.id) };
}

// Every row the skills feature writes, to show that a refused call changed nothing.
async function snapshot() {
  return {
    skills: await t.db.select().from(skills).orderBy(skills.id),
    levels: await t.db.select().from(skillLevels).orderBy(skillLevels.id),
    teachers: await t.db.select().from(skillTeachers).orderBy(skillTeachers.skillId, skillTeachers.contactId),
    winSkills: await t.db.select().from(winSkills).orderBy(winSkills.winId, winSkills.skillId),
    learningSkills: await t.db.select().from(learningSkills).orderBy(learningSkills.itemId, learningSkills.skillId),
  };
}

async function levelsOf(skillId: string) {
  return t.db
    .select({ level: skillLevels.level, assessedOn: skillLevels.assessedOn })
    .from(skillLevels)
    .where(eq(skillLevels.skillId, skillId))
    .orderBy(skillLevels.assessedOn);
}

async function tagLearning(userId: string, skillId: string, hours: number | null) {
  const item = await createLearningItem(t.db, { userId, hours });
  await t.db.insert(learningSkills).values({ userId, itemId: item.id, skillId });
  return item;
}

describe("addSkill and renameSkill", () => {
  it("adds a skill, with a first level assessed on the user's today", async () => {
    const { user, act } = await setup("Pacific/Kiritimati");
    const plain = await act.add({ name: "  Public   speaking ", level: "" });
    expect(plain).toEqual({ ok: true, data: { id: expect.any(String), name: "Public speaking" } });
    const rated = await act.add({ name: "Negotiation", level: "3" });
    if (!plain.ok || !rated.ok) throw new Error("not added");
    expect(await levelsOf(plain.data.id)).toEqual([]);
    expect(await levelsOf(rated.data.id)).toEqual([{ level: 3, assessedOn: todayIn("Pacific/Kiritimati") }]);
    const mine = await t.db.select({ name: skills.name }).from(skills).where(eq(skills.userId, user.id)).orderBy(skills.name);
    expect(mine.map((row) => row.name)).toEqual(["Negotiation", "Public speaking"]);
  });

  it("refuses a name the user already has in any case, at the name field", async () => {
    const { user, act } = await setup();
    await createSkill(t.db, { userId: user.id, name: "Negotiation" });
    const before = await snapshot();
    expect(await act.add({ name: "NEGOTIATION", level: 4 })).toEqual({
      ok: false,
      formError: "Choose another name.",
      fieldErrors: { name: ["You already have a skill called “NEGOTIATION”."] },
    });
    expect(await snapshot()).toEqual(before);
  });

  it("lets two users have a skill of the same name", async () => {
    const other = await createUser(t.db);
    await createSkill(t.db, { userId: other.id, name: "Kotlin" });
    const { act } = await setup();
    expect((await act.add({ name: "Kotlin" })).ok).toBe(true);
  });

  it("refuses a level outside 1–5 and an empty name", async () => {
    const { act } = await setup();
    const result = await act.add({ name: " ", level: "6" as never });
    expect(result).toMatchObject({ ok: false, fieldErrors: { name: ["A skill needs a name."], level: [expect.stringMatching(/1.*5/)] } });
  });

  it("renames a skill, refusing another skill's name but not its own in another case", async () => {
    const { user, act } = await setup();
    const skill = await createSkill(t.db, { userId: user.id, name: "typescript" });
    await createSkill(t.db, { userId: user.id, name: "Go" });
    expect(await act.rename({ id: skill.id, name: "TypeScript" })).toEqual({ ok: true, data: { id: skill.id, name: "TypeScript" } });
    expect(await act.rename({ id: skill.id, name: "go" })).toMatchObject({
      ok: false,
      fieldErrors: { name: ["You already have a skill called “go”."] },
    });
    const [row] = await t.db.select({ name: skills.name }).from(skills).where(eq(skills.id, skill.id));
    expect(row?.name).toBe("TypeScript");
  });

  it("does not find another user's skill to rename, and changes nothing", async () => {
    const { act } = await setup();
    const other = await createUser(t.db);
    const theirs = await createSkill(t.db, { userId: other.id, name: "Theirs" });
    const before = await snapshot();
    expect(await act.rename({ id: theirs.id, name: "Mine now" })).toEqual({ ok: false, formError: "Skill not found." });
    expect(await act.rename({ id: randomUUID(), name: "Nobody's" })).toEqual({ ok: false, formError: "Skill not found." });
    expect(await snapshot()).toEqual(before);
  });

  it("asks for a session when there is none", async () => {
    expect(await actionsAs(null).add({ name: "Anything" })).toEqual({ ok: false, formError: expect.stringMatching(/sign in/i) });
  });
});

describe("recordSkillLevel and deleteLevel", () => {
  it("records levels by day, and the same day again replaces the first", async () => {
    const { user, act } = await setup();
    const skill = await createSkill(t.db, { userId: user.id });
    expect(await act.record({ skillId: skill.id, level: 2, assessedOn: "2025-01-10" })).toEqual({
      ok: true,
      data: { id: expect.any(String), assessedOn: "2025-01-10" },
    });
    await act.record({ skillId: skill.id, level: "3", assessedOn: "2025-06-01" });
    await act.record({ skillId: skill.id, level: 4, assessedOn: "2025-06-01" });
    expect(await levelsOf(skill.id)).toEqual([
      { level: 2, assessedOn: "2025-01-10" },
      { level: 4, assessedOn: "2025-06-01" },
    ]);
  });

  it("dates a level without a day on the user's today", async () => {
    const { user, act } = await setup("Pacific/Kiritimati");
    const skill = await createSkill(t.db, { userId: user.id });
    expect(await act.record({ skillId: skill.id, level: 5, assessedOn: "" })).toMatchObject({ ok: true });
    expect(await levelsOf(skill.id)).toEqual([{ level: 5, assessedOn: todayIn("Pacific/Kiritimati") }]);
  });

  it("refuses a day after the user's today, at the date field", async () => {
    // A day behind UTC: the latest day any zone allows is already tomorrow there.
    const { user, act } = await setup("Pacific/Pago_Pago");
    const skill = await createSkill(t.db, { userId: user.id });
    expect(await act.record({ skillId: skill.id, level: 3, assessedOn: latestAllowedDate() })).toEqual({
      ok: false,
      formError: "Choose another day.",
      fieldErrors: { assessedOn: ["A level can't be recorded in the future."] },
    });
    expect(await act.record({ skillId: skill.id, level: 3, assessedOn: "2999-01-01" })).toMatchObject({
      ok: false,
      fieldErrors: { assessedOn: ["A level can't be recorded in the future."] },
    });
    expect(await levelsOf(skill.id)).toEqual([]);
  });

  it("deletes a level entry", async () => {
    const { user, act } = await setup();
    const skill = await createSkill(t.db, { userId: user.id });
    const first = await act.record({ skillId: skill.id, level: 1, assessedOn: "2024-01-01" });
    await act.record({ skillId: skill.id, level: 2, assessedOn: "2024-02-01" });
    if (!first.ok) throw new Error("not recorded");
    expect(await act.removeLevel({ id: first.data.id })).toEqual({ ok: true, data: { id: first.data.id, skillId: skill.id } });
    expect(await levelsOf(skill.id)).toEqual([{ level: 2, assessedOn: "2024-02-01" }]);
    expect(await act.removeLevel({ id: first.data.id })).toEqual({ ok: false, formError: "That level was not found." });
  });

  it("does not find another user's skill or level, and changes nothing", async () => {
    const { act } = await setup();
    const other = await createUser(t.db);
    const theirs = await createSkill(t.db, { userId: other.id });
    const theirLevel = await actionsAs(other.id).record({ skillId: theirs.id, level: 2, assessedOn: "2024-03-01" });
    if (!theirLevel.ok) throw new Error("not recorded");
    const before = await snapshot();
    expect(await act.record({ skillId: theirs.id, level: 5, assessedOn: "2024-03-01" })).toEqual({
      ok: false,
      formError: "Skill not found.",
    });
    expect(await act.record({ skillId: theirs.id, level: 5, assessedOn: "2024-03-02" })).toEqual({
      ok: false,
      formError: "Skill not found.",
    });
    expect(await act.removeLevel({ id: theirLevel.data.id })).toEqual({ ok: false, formError: "That level was not found." });
    expect(await snapshot()).toEqual(before);
  });
});

describe("addTeacher and removeTeacher", () => {
  it("adds a contact as a teacher once, however often, and removes them", async () => {
    const { user, act } = await setup();
    const skill = await createSkill(t.db, { userId: user.id });
    const ada = await createContact(t.db, { userId: user.id, name: "Ada" });
    expect(await act.teach({ skillId: skill.id, contactId: ada.id })).toEqual({ ok: true, data: { contactId: ada.id } });
    expect(await act.teach({ skillId: skill.id, contactId: ada.id })).toEqual({ ok: true, data: { contactId: ada.id } });
    const rows = () => t.db.select().from(skillTeachers).where(eq(skillTeachers.skillId, skill.id));
    expect(await rows()).toEqual([{ userId: user.id, skillId: skill.id, contactId: ada.id }]);
    expect(await act.unteach({ skillId: skill.id, contactId: ada.id })).toEqual({ ok: true, data: { contactId: ada.id } });
    expect(await rows()).toEqual([]);
    expect(await act.unteach({ skillId: skill.id, contactId: ada.id })).toEqual({ ok: false, formError: "That teacher was not found." });
  });

  it("does not find another user's skill or contact, and changes nothing", async () => {
    const { user, act } = await setup();
    const mySkill = await createSkill(t.db, { userId: user.id });
    const myContact = await createContact(t.db, { userId: user.id });
    const other = await createUser(t.db);
    const theirSkill = await createSkill(t.db, { userId: other.id });
    const theirContact = await createContact(t.db, { userId: other.id });
    await actionsAs(other.id).teach({ skillId: theirSkill.id, contactId: theirContact.id });
    const before = await snapshot();
    expect(await act.teach({ skillId: mySkill.id, contactId: theirContact.id })).toEqual({
      ok: false,
      formError: "Contact not found.",
      fieldErrors: { contactId: ["Choose someone from your contacts."] },
    });
    expect(await act.teach({ skillId: theirSkill.id, contactId: myContact.id })).toEqual({ ok: false, formError: "Skill not found." });
    expect(await act.unteach({ skillId: theirSkill.id, contactId: theirContact.id })).toEqual({
      ok: false,
      formError: "That teacher was not found.",
    });
    expect(await snapshot()).toEqual(before);
  });
});

describe("deleteSkill", () => {
  it("deletes the skill, its levels and teachers, and says how many wins, learning items and steps lose the tag", async () => {
    const { user, act } = await setup();
    const win = await createWin(t.db, { userId: user.id, skills: ["Mentoring"] });
    await createWin(t.db, { userId: user.id, skills: ["mentoring", "Other"] });
    const [skill] = await t.db.select().from(skills).where(and(eq(skills.userId, user.id), eq(skills.name, "Mentoring")));
    if (!skill) throw new Error("no skill");
    await tagLearning(user.id, skill.id, 3);
    const goal = await createGoal(t.db, { userId: user.id });
    const stone = await createStone(t.db, { userId: user.id, goalId: goal.id });
    await t.db.insert(stoneSkills).values({ userId: user.id, stoneId: stone.id, skillId: skill.id });
    await act.record({ skillId: skill.id, level: 2, assessedOn: "2024-01-01" });
    await act.teach({ skillId: skill.id, contactId: (await createContact(t.db, { userId: user.id })).id });
    expect(await act.remove({ id: skill.id })).toEqual({
      ok: true,
      data: { id: skill.id, name: "Mentoring", winCount: 2, learningCount: 1, stoneCount: 1 },
    });
    expect(await levelsOf(skill.id)).toEqual([]);
    expect(await t.db.select().from(skillTeachers).where(eq(skillTeachers.skillId, skill.id))).toEqual([]);
    expect(await t.db.select().from(winSkills).where(eq(winSkills.skillId, skill.id))).toEqual([]);
    expect(await t.db.select({ id: wins.id }).from(wins).where(eq(wins.id, win.id))).toEqual([{ id: win.id }]);
  });

  it("does not find another user's skill, and changes nothing", async () => {
    const { act } = await setup();
    const other = await createUser(t.db);
    await createWin(t.db, { userId: other.id, skills: ["Theirs"] });
    const [theirs] = await t.db.select().from(skills).where(eq(skills.userId, other.id));
    if (!theirs) throw new Error("no skill");
    const before = await snapshot();
    expect(await act.remove({ id: theirs.id })).toEqual({ ok: false, formError: "Skill not found." });
    expect(await snapshot()).toEqual(before);
  });
});
