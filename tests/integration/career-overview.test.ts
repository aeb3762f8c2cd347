import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listSkillTrends, listStonePeople } from "@/db/queries/career-overview";
import { listContactsAfter } from "@/db/queries/contacts";
import { listReconnectNow } from "@/db/queries/dashboard";
import { refreshContactSchedule } from "@/db/queries/schedule";
import { contacts, skillLevels, stonePeople, stoneWins } from "@/db/schema";
import { defineAuthedAction } from "@/lib/actions/define-action";
import { loadCareerOverview } from "@/lib/career/overview";
import { addToReconnect } from "@/lib/career/reconnect";
import { logTouch } from "@/lib/touches/log-touch";
import { contactIdSchema } from "@/lib/validations/contact";
import { touchInputSchema } from "@/lib/validations/touch";
import { createContact, createGoal, createLearningItem, createSkill, createStone, createUser, createWin } from "../factories";
import { createTestDb, type TestDb } from "../helpers/test-db";

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => {
  await t?.close();
});

const NOW = new Date("2026-11-12T10:00:00Z");
const load = (userId: string) => loadCareerOverview(t.db, { userId, now: NOW, timeZone: "UTC" });

async function levels(userId: string, skillId: string, points: [string, number][]) {
  await t.db.insert(skillLevels).values(points.map(([assessedOn, level]) => ({ userId, skillId, assessedOn, level })));
}

// A user with one goal of four steps, people on two of them, evidence, a
// skill with levels and a course this quarter.
async function careerOf(label: string) {
  const user = await createUser(t.db, { timeZone: "UTC" });
  const goal = await createGoal(t.db, { userId: user.id, title: `${label} goal` });
  const stone = (title: string, status: "planned" | "in_progress" | "done" | "dropped") =>
    createStone(t.db, { userId: user.id, goalId: goal.id, title: `${label} ${title}`, status, completedOn: status === "done" ? "2026-10-01" : null });
  const done = await stone("done step", "done");
  const dropped = await stone("dropped step", "dropped");
  const next = await stone("next step", "in_progress");
  const later = await stone("later step", "planned");
  const zed = await createContact(t.db, { userId: user.id, name: `Zed ${label}` });
  const amy = await createContact(t.db, { userId: user.id, name: `Amy ${label}` });
  const kim = await createContact(t.db, { userId: user.id, name: `Kim ${label}` });
  await t.db.insert(stonePeople).values([
    { userId: user.id, stoneId: next.id, contactId: zed.id, part: "can_help" },
    { userId: user.id, stoneId: next.id, contactId: amy.id, part: "could_introduce", note: "to people at Watershed" },
    { userId: user.id, stoneId: later.id, contactId: kim.id, part: "has_done_it" },
  ]);
  const wins = [await createWin(t.db, { userId: user.id }), await createWin(t.db, { userId: user.id })];
  await t.db.insert(stoneWins).values(wins.map((win) => ({ userId: user.id, stoneId: done.id, winId: win.id })));
  const skill = await createSkill(t.db, { userId: user.id, name: `${label} skill` });
  await levels(user.id, skill.id, [["2025-01-10", 2], ["2026-06-01", 3]]);
  await createLearningItem(t.db, { userId: user.id, title: `${label} course`, status: "done", startedOn: "2026-10-01", finishedOn: "2026-10-20", hours: 6 });
  return { user, goal, done, dropped, next, later, zed, amy, kim, skill };
}

describe("the Career page's overview", () => {
  it("shows each goal's path, progress, evidence and the people of its next step", async () => {
    const mine = await careerOf("Mine");
    const overview = await load(mine.user.id);
    expect(overview.activeGoals).toHaveLength(1);
    const [goal] = overview.activeGoals;
    expect(goal?.title).toBe("Mine goal");
    expect(goal?.stones.map((stone) => [stone.title, stone.status, stone.position, stone.evidence])).toEqual([
      ["Mine done step", "done", 0, 2],
      ["Mine dropped step", "dropped", 1, 0],
      ["Mine next step", "in_progress", 2, 0],
      ["Mine later step", "planned", 3, 0],
    ]);
    // The dropped step left the plan.
    expect(goal?.progress).toEqual({ done: 1, total: 3 });
    expect(goal?.next?.id).toBe(mine.next.id);
    expect(goal?.next?.people.map((person) => [person.name, person.part, person.note])).toEqual([
      ["Amy Mine", "could_introduce", "to people at Watershed"],
      ["Zed Mine", "can_help", null],
    ]);
    expect(goal?.next?.people.every((person) => person.health !== null && !person.isDue && !person.isArchived)).toBe(true);
    expect(overview.skills.map((skill) => [skill.name, skill.points])).toEqual([
      ["Mine skill", [{ on: "2025-01-10", level: 2 }, { on: "2026-06-01", level: 3 }]],
    ]);
    expect(overview.learning).toMatchObject({ quarterStart: "2026-10-01", items: 1, hours: 6 });
    expect(overview.learning.recent.map((item) => item.title)).toEqual(["Mine course"]);
  });

  it("shows only the user's own goals, people, skills and learning", async () => {
    const mine = await careerOf("Own");
    const theirs = await careerOf("Other");
    // Rows that point across users (never written by the app) stay invisible.
    await t.db.insert(stonePeople).values([
      { userId: mine.user.id, stoneId: mine.next.id, contactId: theirs.kim.id, part: "can_help" },
      { userId: theirs.user.id, stoneId: mine.next.id, contactId: theirs.zed.id, part: "can_help" },
    ]);
    const overview = await load(mine.user.id);
    const text = JSON.stringify(overview);
    expect(text).not.toContain("Other");
    expect(overview.activeGoals[0]?.next?.people.map((person) => person.name)).toEqual(["Amy Own", "Zed Own"]);
    expect(await listStonePeople(t.db, { userId: mine.user.id, stoneIds: [theirs.next.id], now: NOW })).toEqual([]);
    expect(await listSkillTrends(t.db, { userId: theirs.user.id, since: "2025-11-12", limit: 5 })).toHaveLength(1);
  });

  it("orders the north star first, then by horizon, and lists achieved and let-go goals apart", async () => {
    const user = await createUser(t.db);
    await createGoal(t.db, { userId: user.id, title: "Later", horizonOn: "2030-01-01" });
    await createGoal(t.db, { userId: user.id, title: "Undated" });
    await createGoal(t.db, { userId: user.id, title: "Sooner", horizonOn: "2027-01-01" });
    await createGoal(t.db, { userId: user.id, title: "Star", horizonOn: "2031-01-01", isNorthStar: true });
    await createGoal(t.db, { userId: user.id, title: "Done", status: "achieved", updatedAt: new Date("2026-01-01") });
    await createGoal(t.db, { userId: user.id, title: "Gone", status: "let_go", updatedAt: new Date("2026-05-01") });
    const overview = await load(user.id);
    expect(overview.activeGoals.map((goal) => goal.title)).toEqual(["Star", "Sooner", "Later", "Undated"]);
    expect(overview.activeGoals.every((goal) => goal.next === undefined && goal.progress.total === 0)).toBe(true);
    expect(overview.closedGoals.map((goal) => [goal.title, goal.status])).toEqual([
      ["Gone", "let_go"],
      ["Done", "achieved"],
    ]);
  });

  it("takes the next step in path order, whatever the order the steps were done in", async () => {
    const user = await createUser(t.db);
    const goal = await createGoal(t.db, { userId: user.id });
    const first = await createStone(t.db, { userId: user.id, goalId: goal.id, status: "planned" });
    await createStone(t.db, { userId: user.id, goalId: goal.id, status: "done", completedOn: "2026-11-01" });
    const [view] = (await load(user.id)).activeGoals;
    expect(view?.next?.id).toBe(first.id);
    expect(view?.progress).toEqual({ done: 1, total: 2 });
  });

  it("charts the skills most active in the last 12 months, among those with a level", async () => {
    const user = await createUser(t.db);
    const quiet = await createSkill(t.db, { userId: user.id, name: "Quiet" });
    const busy = await createSkill(t.db, { userId: user.id, name: "Busy" });
    const unrated = await createSkill(t.db, { userId: user.id, name: "Unrated" });
    await levels(user.id, quiet.id, [["2022-03-01", 1]]);
    await levels(user.id, busy.id, [["2021-01-01", 1], ["2026-09-01", 4]]);
    await createWin(t.db, { userId: user.id, occurredOn: "2026-10-01", skills: ["Busy", "Unrated"] });
    await createWin(t.db, { userId: user.id, occurredOn: "2020-10-01", skills: ["Quiet", "Unrated"] });
    const trends = await listSkillTrends(t.db, { userId: user.id, since: "2025-11-12", limit: 5 });
    expect(trends.map((skill) => [skill.name, skill.recentWins, skill.lastUsedOn, skill.points.length])).toEqual([
      ["Busy", 1, "2026-10-01", 2],
      ["Quiet", 0, "2020-10-01", 1],
    ]);
    expect(trends.map((skill) => skill.skillId)).not.toContain(unrated.id);
    expect(await listSkillTrends(t.db, { userId: user.id, since: "2025-11-12", limit: 1 })).toHaveLength(1);
  });

  it("is empty for a user with no career data", async () => {
    const user = await createUser(t.db);
    const overview = await load(user.id);
    expect(overview).toMatchObject({ activeGoals: [], closedGoals: [], skills: [], learning: { items: 0, hours: 0, recent: [] } });
  });

  it("marks an archived person, who is never due", async () => {
    const mine = await careerOf("Archive");
    await t.db.update(contacts).set({ archivedAt: NOW, nextDueAt: new Date("2026-01-01") }).where(eq(contacts.id, mine.amy.id));
    const people = await listStonePeople(t.db, { userId: mine.user.id, stoneIds: [mine.next.id], now: NOW });
    expect(people.map((person) => [person.name, person.isArchived, person.isDue])).toEqual([
      ["Amy Archive", true, false],
      ["Zed Archive", false, false],
    ]);
  });
});

describe("Add to Reconnect", () => {
  const DAY = 86_400_000;
  const soon = () => new Date(Date.now() + 60_000);
  const today = () => new Date().toISOString().slice(0, 10);

  function actionsAs(userId: string) {
    const define = defineAuthedAction({ getUserId: async () => userId, getDb: async () => t.db });
    return {
      reconnect: define(contactIdSchema, addToReconnect),
      logTouch: define(touchInputSchema, logTouch),
    };
  }

  async function rowOf(contactId: string) {
    const [row] = await t.db.select().from(contacts).where(eq(contacts.id, contactId));
    return row;
  }

  async function isOverdueNow(userId: string, contactId: string) {
    const reconnect = await listReconnectNow(t.db, { userId, now: soon(), limit: 50 });
    const list = await listContactsAfter(t.db, { userId, sort: "next_due", overdue: true, pageSize: 50, now: soon() });
    const onDashboard = reconnect.contacts.some((contact) => contact.id === contactId);
    expect(list.rows.some((contact) => contact.id === contactId)).toBe(onDashboard);
    return onDashboard;
  }

  // A contact touched today on a 30-day cadence, snoozed: due in a month.
  async function recentContact(userId: string) {
    const contact = await createContact(t.db, { userId, snoozedUntil: "2099-01-01" });
    const logged = await actionsAs(userId).logTouch({ occurredOn: today(), channel: "call", contactIds: [contact.id] });
    expect(logged.ok).toBe(true);
    return contact;
  }

  it("makes the contact due now, ends its snooze, until a touch is logged", async () => {
    const user = await createUser(t.db, { defaultCadenceDays: 30, timeZone: "UTC" });
    const act = actionsAs(user.id);
    const contact = await recentContact(user.id);
    await t.db.update(contacts).set({ snoozedUntil: null }).where(eq(contacts.id, contact.id));
    expect(await isOverdueNow(user.id, contact.id)).toBe(false);
    await t.db.update(contacts).set({ snoozedUntil: "2099-01-01" }).where(eq(contacts.id, contact.id));

    expect(await act.reconnect({ id: contact.id })).toEqual({ ok: true, data: { id: contact.id, name: contact.name } });
    const requested = await rowOf(contact.id);
    expect(requested?.snoozedUntil).toBeNull();
    expect(requested?.reconnectRequestedAt).not.toBeNull();
    expect(requested?.nextDueAt).toEqual(requested?.reconnectRequestedAt);
    expect(await isOverdueNow(user.id, contact.id)).toBe(true);

    // A change of cadence recomputes every schedule and keeps the request.
    await refreshContactSchedule(t.db, { userId: user.id });
    expect(await isOverdueNow(user.id, contact.id)).toBe(true);

    // A touch logged afterwards, even for an earlier day, puts it back on its cadence.
    const lastWeek = new Date(Date.now() - 7 * DAY).toISOString().slice(0, 10);
    expect((await act.logTouch({ occurredOn: lastWeek, channel: "message", contactIds: [contact.id] })).ok).toBe(true);
    const after = await rowOf(contact.id);
    expect(after?.reconnectRequestedAt).toBeNull();
    expect(after?.nextDueAt?.getTime()).toBe((after?.lastTouchedAt?.getTime() ?? 0) + 30 * DAY);
    expect(await isOverdueNow(user.id, contact.id)).toBe(false);
  });

  it("keeps an earlier due date when the contact was already overdue", async () => {
    const user = await createUser(t.db, { defaultCadenceDays: 30 });
    const createdAt = new Date(Date.now() - 100 * DAY);
    const contact = await createContact(t.db, { userId: user.id, createdAt });
    expect((await actionsAs(user.id).reconnect({ id: contact.id })).ok).toBe(true);
    expect((await rowOf(contact.id))?.nextDueAt).toEqual(new Date(createdAt.getTime() + 30 * DAY));
  });

  it("finds neither another user's contact nor an archived one, and changes nothing", async () => {
    const user = await createUser(t.db);
    const other = await createUser(t.db);
    const theirs = await recentContact(other.id);
    const archived = await createContact(t.db, { userId: user.id, archivedAt: new Date(), snoozedUntil: "2099-01-01" });
    for (const contact of [theirs, archived]) {
      const before = await rowOf(contact.id);
      expect(await actionsAs(user.id).reconnect({ id: contact.id })).toEqual({ ok: false, formError: "Contact not found." });
      expect(await rowOf(contact.id)).toEqual(before);
    }
    expect(await isOverdueNow(other.id, theirs.id)).toBe(false);
  });

  it("refuses an id that is not one", async () => {
    const user = await createUser(t.db);
    const result = await actionsAs(user.id).reconnect({ id: "ada" });
    expect(result).toMatchObject({ ok: false, fieldErrors: { id: ["Contact not found."] } });
  });
});
