import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  getLearningItem,
  learningHoursBySkill,
  learningQuarterSummary,
  listLearning,
} from "@/db/queries/learning";
import { learningItems, learningSkills, skills } from "@/db/schema";
import { defineAuthedAction } from "@/lib/actions/define-action";
import { addLearning, deleteLearning, updateLearning } from "@/lib/career/learning";
import { todayIn } from "@/lib/domain/dates";
import {
  type LearningInput,
  learningIdSchema,
  learningInputSchema,
  learningUpdateSchema,
} from "@/lib/validations/learning";
import { createContact, createLearningItem, createSkill, createUser } from "../factories";
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
    add: define(learningInputSchema, addLearning),
    update: define(learningUpdateSchema, updateLearning),
    remove: define(learningIdSchema, deleteLearning),
  };
}

async function setup(timeZone: string | null = null) {
  const user = await createUser(t.db, { timeZone });
  return { user, act: actionsAs(user.id) };
}

function learningInput(values: Partial<LearningInput> = {}): LearningInput {
  return {
    title: "Designing Data-Intensive Applications",
    kind: "book",
    status: "in_progress",
    startedOn: "2026-01-10",
    finishedOn: "",
    hours: "12,5",
    mentorId: "",
    url: "example.com/ddia",
    notes: "Chapters 1–5.",
    skills: ["Distributed systems", "SQL"],
    ...values,
  };
}

async function added(act: ReturnType<typeof actionsAs>, input: LearningInput): Promise<string> {
  const result = await act.add(input);
  if (!result.ok) throw new Error(`setup failed: ${result.formError} ${JSON.stringify(result.fieldErrors)}`);
  return result.data.id;
}

// Every item, tag and skill in the database, to show that a refused call changed nothing.
async function snapshot() {
  return {
    items: await t.db.select().from(learningItems).orderBy(learningItems.id),
    tags: await t.db.select().from(learningSkills).orderBy(learningSkills.itemId, learningSkills.skillId),
    skills: await t.db.select().from(skills).orderBy(skills.id),
  };
}

const names = (item: { skills: { name: string }[] } | undefined) => item?.skills.map((skill) => skill.name);

describe("addLearning, updateLearning, deleteLearning", () => {
  it("logs an item with its mentor and skills, reusing a skill the user has in another case", async () => {
    const { user, act } = await setup();
    const mentor = await createContact(t.db, { userId: user.id, name: "Ada Lovelace" });
    await createSkill(t.db, { userId: user.id, name: "sql" });
    const id = await added(act, learningInput({ mentorId: mentor.id, skills: ["SQL", "Distributed systems", "sql "] }));

    const item = await getLearningItem(t.db, { userId: user.id, itemId: id });
    expect(item).toMatchObject({
      title: "Designing Data-Intensive Applications",
      kind: "book",
      status: "in_progress",
      startedOn: "2026-01-10",
      finishedOn: null,
      hours: 12.5,
      url: "https://example.com/ddia",
      notes: "Chapters 1–5.",
      mentor: { id: mentor.id, name: "Ada Lovelace" },
    });
    expect(names(item)).toEqual(["Distributed systems", "sql"]);
    const mine = await t.db.select({ name: skills.name }).from(skills).where(eq(skills.userId, user.id));
    expect(mine.map((skill) => skill.name).sort()).toEqual(["Distributed systems", "sql"]);
  });

  it("updates the fields and replaces the skills; deleting keeps the skills", async () => {
    const { user, act } = await setup();
    const id = await added(act, learningInput());
    const result = await act.update({
      ...learningInput({ title: "DDIA, second read", status: "done", finishedOn: "2026-02-01", hours: 20, skills: ["Kafka"] }),
      id,
    });
    expect(result).toEqual({ ok: true, data: { id } });
    const item = await getLearningItem(t.db, { userId: user.id, itemId: id });
    expect(item).toMatchObject({ title: "DDIA, second read", status: "done", finishedOn: "2026-02-01", hours: 20 });
    expect(names(item)).toEqual(["Kafka"]);

    expect(await act.remove({ id })).toEqual({ ok: true, data: { id } });
    expect(await getLearningItem(t.db, { userId: user.id, itemId: id })).toBeUndefined();
    expect(await t.db.select().from(learningSkills).where(eq(learningSkills.itemId, id))).toEqual([]);
    const mine = await t.db.select({ name: skills.name }).from(skills).where(eq(skills.userId, user.id));
    expect(mine.map((skill) => skill.name).sort()).toEqual(["Distributed systems", "Kafka", "SQL"]);
  });

  it("clears the mentor, link, notes, hours and skills when they are sent empty", async () => {
    const { user, act } = await setup();
    const mentor = await createContact(t.db, { userId: user.id });
    const id = await added(act, learningInput({ mentorId: mentor.id }));
    await act.update({ ...learningInput({ mentorId: "", url: "", notes: " ", hours: "", skills: [] }), id });
    const item = await getLearningItem(t.db, { userId: user.id, itemId: id });
    expect(item).toMatchObject({ mentor: null, url: null, notes: null, hours: null, skills: [] });
  });

  it("a done item with no finished day finished today where the user lives", async () => {
    // 23:30 UTC on 31 March is already 1 April in Auckland.
    const now = new Date("2026-03-31T23:30:00Z");
    const { user } = await setup("Pacific/Auckland");
    const ctx = { userId: user.id, db: t.db };
    const values = learningInputSchema.parse(learningInput({ status: "done", startedOn: "2026-03-01" }));
    const result = await addLearning(values, ctx, now);
    if (!result.ok) throw new Error(result.formError);
    expect(await getLearningItem(t.db, { userId: user.id, itemId: result.data.id })).toMatchObject({ finishedOn: "2026-04-01" });

    // A finished day given is kept; through the action, today is the clock's.
    const { user: other, act } = await setup("Europe/Paris");
    const kept = await added(act, learningInput({ status: "done", finishedOn: "2026-02-02" }));
    expect(await getLearningItem(t.db, { userId: other.id, itemId: kept })).toMatchObject({ finishedOn: "2026-02-02" });
    const today = await added(act, learningInput({ status: "done", startedOn: "" }));
    expect(await getLearningItem(t.db, { userId: other.id, itemId: today })).toMatchObject({
      finishedOn: todayIn("Europe/Paris", new Date()),
    });
  });

  it("refuses done today for an item that starts after today, writing nothing", async () => {
    const { user } = await setup();
    const before = await snapshot();
    const values = learningInputSchema.parse(learningInput({ status: "done", startedOn: "2026-06-01" }));
    const result = await addLearning(values, { userId: user.id, db: t.db }, new Date("2026-05-31T12:00:00Z"));
    expect(result).toMatchObject({ ok: false, fieldErrors: { finishedOn: [expect.stringContaining("starts after today")] } });
    expect(await snapshot()).toEqual(before);
  });

  it("another user's contact as mentor is not found, and nothing changes", async () => {
    const { user, act } = await setup();
    const stranger = await createUser(t.db);
    const theirs = await createContact(t.db, { userId: stranger.id });
    const mine = await createContact(t.db, { userId: user.id });
    const id = await added(act, learningInput({ mentorId: mine.id }));
    const before = await snapshot();

    const adding = await act.add(learningInput({ mentorId: theirs.id, skills: ["Brand new skill"] }));
    expect(adding).toMatchObject({ ok: false, formError: "Contact not found.", fieldErrors: { mentorId: [expect.any(String)] } });
    const updating = await act.update({ ...learningInput({ mentorId: theirs.id, skills: ["Another new one"] }), id });
    expect(updating).toMatchObject({ ok: false, fieldErrors: { mentorId: [expect.any(String)] } });
    expect(await act.add(learningInput({ mentorId: randomUUID() }))).toMatchObject({ ok: false });
    expect(await snapshot()).toEqual(before);
  });

  it("another user's item is not found for update, delete and reads, and nothing changes", async () => {
    const { act } = await setup();
    const owner = await createUser(t.db);
    const theirs = await added(actionsAs(owner.id), learningInput());
    const before = await snapshot();

    expect(await act.update({ ...learningInput({ skills: ["Sneaky"] }), id: theirs })).toEqual({
      ok: false,
      formError: "Learning item not found.",
    });
    expect(await act.remove({ id: theirs })).toEqual({ ok: false, formError: "Learning item not found." });
    expect(await act.update({ ...learningInput(), id: randomUUID() })).toMatchObject({ ok: false });
    expect(await snapshot()).toEqual(before);

    const { user: me } = await setup();
    expect(await getLearningItem(t.db, { userId: me.id, itemId: theirs })).toBeUndefined();
    expect(await listLearning(t.db, { userId: me.id, filters: {}, page: 1, limit: 10 })).toEqual({ items: [], hasMore: false });
    expect(await learningHoursBySkill(t.db, { userId: me.id })).toEqual([]);
  });

  it("refuses a signed-out caller and invalid input without writing", async () => {
    const before = await snapshot();
    expect(await actionsAs(null).add(learningInput())).toMatchObject({ ok: false });
    const { act } = await setup();
    const result = await act.add(learningInput({ title: " ", hours: "-1", finishedOn: "2026-01-01", status: "done" }));
    expect(result).toMatchObject({
      ok: false,
      fieldErrors: { title: [expect.any(String)], hours: [expect.any(String)], finishedOn: [expect.any(String)] },
    });
    expect(await snapshot()).toEqual(before);
  });
});

describe("listLearning", () => {
  it("pages the log newest first by its latest day, undated plans first, with filters", async () => {
    const { user } = await setup();
    const userId = user.id;
    const mentor = await createContact(t.db, { userId, name: "Grace Hopper" });
    const stranger = await createUser(t.db);
    const theirMentor = await createContact(t.db, { userId: stranger.id });
    const plan = await createLearningItem(t.db, { userId, title: "Plan", status: "planned" });
    const old = await createLearningItem(t.db, { userId, title: "Old", status: "done", startedOn: "2024-01-01", finishedOn: "2024-02-01" });
    const finishedLate = await createLearningItem(t.db, {
      userId,
      title: "Finished late",
      kind: "book",
      status: "done",
      startedOn: "2023-01-01",
      finishedOn: "2026-03-01",
      mentorId: mentor.id,
    });
    const started = await createLearningItem(t.db, { userId, title: "Started", status: "in_progress", startedOn: "2025-06-01" });
    // A row pointing at someone else's contact (as no action writes) shows no mentor.
    const odd = await createLearningItem(t.db, { userId, title: "Odd", startedOn: "2020-01-01", mentorId: theirMentor.id });

    const first = await listLearning(t.db, { userId, filters: {}, page: 1, limit: 3 });
    expect(first.items.map((item) => item.title)).toEqual(["Plan", "Finished late", "Started"]);
    expect(first.hasMore).toBe(true);
    expect(first.items[1]?.mentor).toEqual({ id: mentor.id, name: "Grace Hopper" });
    const second = await listLearning(t.db, { userId, filters: {}, page: 2, limit: 3 });
    expect(second.items.map((item) => item.id)).toEqual([old.id, odd.id]);
    expect(second.items[1]?.mentor).toBeNull();
    expect(second.hasMore).toBe(false);

    const done = await listLearning(t.db, { userId, filters: { status: "done" }, page: 1, limit: 10 });
    expect(done.items.map((item) => item.id)).toEqual([finishedLate.id, old.id]);
    const books = await listLearning(t.db, { userId, filters: { kind: "book", status: "done" }, page: 1, limit: 10 });
    expect(books.items.map((item) => item.id)).toEqual([finishedLate.id]);
    expect((await listLearning(t.db, { userId, filters: {}, page: 1, limit: 10 })).items.map((item) => item.id)).toEqual([
      plan.id,
      finishedLate.id,
      started.id,
      old.id,
      odd.id,
    ]);
  });
});

describe("learningQuarterSummary", () => {
  it("counts items finished in the quarter and those in progress by its end, in the user's time zone", async () => {
    const { user } = await setup();
    const userId = user.id;
    const item = (values: Parameters<typeof createLearningItem>[1]) => createLearningItem(t.db, values);
    await item({ userId, status: "done", startedOn: "2026-03-01", finishedOn: "2026-03-31", hours: 1 });
    await item({ userId, status: "done", finishedOn: "2026-04-01", hours: 2 });
    await item({ userId, status: "done", finishedOn: "2026-06-30", hours: 4 });
    await item({ userId, status: "done", finishedOn: "2026-07-01", hours: 8 });
    await item({ userId, status: "in_progress", startedOn: "2025-01-01", hours: 16 });
    await item({ userId, status: "in_progress", startedOn: "2026-06-30" });
    await item({ userId, status: "in_progress", startedOn: "2026-07-01", hours: 32 });
    await item({ userId, status: "in_progress", hours: 0.5 });
    await item({ userId, status: "planned", startedOn: "2026-05-01", hours: 64 });

    // 31 March 23:30 UTC: still Q1 in UTC and New York, already Q2 in Auckland.
    const now = new Date("2026-03-31T23:30:00Z");
    const q1 = await learningQuarterSummary(t.db, { userId, timeZone: null, now });
    expect(q1).toEqual({ quarterStart: "2026-01-01", quarterEnd: "2026-03-31", items: 3, hours: 17.5 });
    expect(await learningQuarterSummary(t.db, { userId, timeZone: "America/New_York", now })).toEqual(q1);
    const q2 = await learningQuarterSummary(t.db, { userId, timeZone: "Pacific/Auckland", now });
    expect(q2).toEqual({ quarterStart: "2026-04-01", quarterEnd: "2026-06-30", items: 5, hours: 22.5 });

    const stranger = await createUser(t.db);
    expect(await learningQuarterSummary(t.db, { userId: stranger.id, timeZone: null, now })).toEqual({
      quarterStart: "2026-01-01",
      quarterEnd: "2026-03-31",
      items: 0,
      hours: 0,
    });
  });
});

describe("learningHoursBySkill", () => {
  it("sums each skill's hours over the items that build it, most first, only the user's", async () => {
    const { user, act } = await setup();
    await added(act, learningInput({ hours: "6", skills: ["SQL", "Kafka"] }));
    await added(act, learningInput({ hours: "1,5", skills: ["sql"] }));
    await added(act, learningInput({ hours: "", skills: ["Kafka", "Writing"] }));
    const stranger = await createUser(t.db);
    await added(actionsAs(stranger.id), learningInput({ hours: "100", skills: ["SQL"] }));

    const hours = await learningHoursBySkill(t.db, { userId: user.id });
    expect(hours.map(({ name, hours, items }) => ({ name, hours, items }))).toEqual([
      { name: "SQL", hours: 7.5, items: 2 },
      { name: "Kafka", hours: 6, items: 2 },
      { name: "Writing", hours: 0, items: 1 },
    ]);
    const kafka = hours.find((row) => row.name === "Kafka");
    if (!kafka) throw new Error("no Kafka row");
    expect(await learningHoursBySkill(t.db, { userId: user.id, skillIds: [kafka.skillId] })).toEqual([kafka]);
    expect(await learningHoursBySkill(t.db, { userId: stranger.id, skillIds: [kafka.skillId] })).toEqual([]);
    expect(await learningHoursBySkill(t.db, { userId: user.id, skillIds: [] })).toEqual([]);
  });
});
