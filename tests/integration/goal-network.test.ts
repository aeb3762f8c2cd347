import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listContactsAfter } from "@/db/queries/contacts";
import type { ContactSortKey } from "@/db/queries/contacts-keyset";
import { listReconnectNow } from "@/db/queries/dashboard";
import { getNextStep, listGoalChoices } from "@/db/queries/goal-network";
import { contacts, goals, stonePeople, steppingStones } from "@/db/schema";
import { loadDashboard } from "@/lib/dashboard/load";
import type { StonePersonPart } from "@/lib/domain/enums";
import { contactListQuerySchema } from "@/lib/validations/contact";
import { dashboardQuerySchema } from "@/lib/validations/dashboard";
import { createContact, createGoal, createStone, createUser } from "../factories";
import { createTestDb, type TestDb } from "../helpers/test-db";

// The network working toward the goals: the contacts list's and the
// dashboard's goal filter, and the dashboard's next stepping stone.

const NOW = new Date("2026-11-25T15:00:00Z");
const LONG_AGO = new Date("2026-01-01T00:00:00Z");
const SOON = new Date("2027-06-01T00:00:00Z");

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => {
  await t?.close();
});

async function link(userId: string, stoneId: string, contactId: string, part: StonePersonPart = "can_help", note: string | null = null) {
  await t.db.insert(stonePeople).values({ userId, stoneId, contactId, part, note });
}

// A user with a goal of two steps and a second goal; Ada and Bea matter for
// the first goal (Bea twice), Cy for the second, Dee for none. Ada, Cy and
// Dee are overdue, Bea is not.
async function network() {
  const me = await createUser(t.db, { timeZone: "UTC" });
  const userId = me.id;
  const person = (name: string, nextDueAt: Date) => createContact(t.db, { userId, name, createdAt: LONG_AGO, nextDueAt });
  const ada = await person("Ada", LONG_AGO);
  const bea = await person("Bea", SOON);
  const cy = await person("Cy", new Date("2026-03-01T00:00:00Z"));
  const dee = await person("Dee", new Date("2026-02-01T00:00:00Z"));
  const platform = await createGoal(t.db, { userId, title: "Lead a platform group" });
  const first = await createStone(t.db, { userId, goalId: platform.id, title: "Run the on-call rota" });
  const second = await createStone(t.db, { userId, goalId: platform.id, title: "Staff engineer", kind: "role" });
  const climate = await createGoal(t.db, { userId, title: "Work in climate" });
  const volunteer = await createStone(t.db, { userId, goalId: climate.id, title: "Volunteer at a repair café" });
  await link(userId, first.id, ada.id, "could_introduce", "to people at Watershed");
  await link(userId, first.id, bea.id);
  await link(userId, second.id, bea.id, "has_done_it");
  await link(userId, volunteer.id, cy.id);
  return { me, ada, bea, cy, dee, platform, climate, first, second, volunteer };
}

describe("the contacts list's goal filter", () => {
  it("keeps the people who matter for one of the user's goals, with the other filters and pages", async () => {
    const { me, platform, climate } = await network();
    const read = (goalId: string, extra: { overdue?: boolean; after?: ContactSortKey | null; pageSize?: number } = {}) =>
      listContactsAfter(t.db, {
        userId: me.id,
        sort: "next_due",
        goalId,
        now: NOW,
        after: extra.after,
        pageSize: extra.pageSize ?? 25,
        overdue: extra.overdue,
      });
    const list = async (goalId: string, extra: Parameters<typeof read>[1] = {}) => {
      const { rows, next } = await read(goalId, extra);
      return { names: rows.map((row) => row.name), hasMore: next !== null };
    };
    expect((await list(platform.id)).names).toEqual(["Ada", "Bea"]);
    expect((await list(climate.id)).names).toEqual(["Cy"]);
    // The reconnect list (/contacts?overdue=1&sort=next_due) for the goal.
    expect((await list(platform.id, { overdue: true })).names).toEqual(["Ada"]);
    // Bea matters for two steps and is listed once; pages neither overlap nor skip.
    expect(await list(platform.id, { pageSize: 1 })).toEqual({ names: ["Ada"], hasMore: true });
    const { next } = await read(platform.id, { pageSize: 1 });
    expect(await list(platform.id, { pageSize: 1, after: next })).toEqual({ names: ["Bea"], hasMore: false });
  });

  it("shows nobody for another user's goal, for a goal that does not exist, or for one without people", async () => {
    const mine = await network();
    const theirs = await network();
    const list = (goalId: string) =>
      listContactsAfter(t.db, { userId: mine.me.id, sort: "name", goalId, now: NOW, pageSize: 25 });
    expect((await list(theirs.platform.id)).rows).toEqual([]);
    expect((await list("00000000-0000-4000-8000-000000000000")).rows).toEqual([]);
    expect((await list("not-a-uuid")).rows).toEqual([]);
    const empty = await createGoal(t.db, { userId: mine.me.id, title: "Nobody yet" });
    await createStone(t.db, { userId: mine.me.id, goalId: empty.id });
    expect((await list(empty.id)).rows).toEqual([]);
    // A link row naming my contact from another user's step does not make them matter for it.
    await link(theirs.me.id, theirs.first.id, mine.dee.id);
    expect((await list(theirs.platform.id)).rows).toEqual([]);
    const their = await listContactsAfter(t.db, { userId: theirs.me.id, sort: "name", goalId: theirs.platform.id, now: NOW, pageSize: 25 });
    expect(their.rows.map((row) => row.id)).not.toContain(mine.dee.id);
  });

  it("reads ?goal= from the URL, and a hand-edited value as no filter", () => {
    const id = "3f6c2a4e-1b7d-4c1e-9a55-0d2f7e1c9a01";
    expect(contactListQuerySchema.parse({ goal: id, overdue: "1", sort: "next_due" })).toMatchObject({ goal: id, overdue: true });
    expect(contactListQuerySchema.parse({ goal: [id, "x"] }).goal).toBe(id);
    expect(contactListQuerySchema.parse({ goal: "'; drop table goals" }).goal).toBeUndefined();
    expect(dashboardQuerySchema.parse({ goal: id }).goal).toBe(id);
    expect(dashboardQuerySchema.parse({ goal: "" }).goal).toBeUndefined();
    expect(dashboardQuerySchema.parse({}).goal).toBeUndefined();
  });
});

describe("the goal choices", () => {
  it("lists the user's active goals, north star first, plus the chosen one when it is no longer active", async () => {
    const { me, platform, climate } = await network();
    const other = await network();
    const achieved = await createGoal(t.db, { userId: me.id, title: "Give a conference talk", status: "achieved" });
    await t.db.update(goals).set({ isNorthStar: true }).where(eq(goals.id, climate.id));
    const titles = async (selectedId?: string) =>
      (await listGoalChoices(t.db, { userId: me.id, selectedId })).map((goal) => goal.title);
    expect(await titles()).toEqual(["Work in climate", "Lead a platform group"]);
    expect(await titles(achieved.id)).toEqual(["Work in climate", "Give a conference talk", "Lead a platform group"]);
    expect(await titles(platform.id)).toEqual(["Work in climate", "Lead a platform group"]);
    expect(await titles(other.platform.id)).toEqual(["Work in climate", "Lead a platform group"]);
    expect(await titles("nonsense")).toEqual(["Work in climate", "Lead a platform group"]);
    const none = await createUser(t.db);
    expect(await listGoalChoices(t.db, { userId: none.id })).toEqual([]);
  });
});

describe("the dashboard's Reconnect now by goal", () => {
  it("keeps the overdue people who matter for the goal, counted the same way", async () => {
    const { me, platform, climate } = await network();
    const other = await network();
    const names = async (goalId?: string) => {
      const { contacts, total } = await listReconnectNow(t.db, { userId: me.id, now: NOW, limit: 5, goalId });
      return { names: contacts.map((contact) => contact.name), total };
    };
    expect(await names()).toEqual({ names: ["Ada", "Dee", "Cy"], total: 3 });
    expect(await names(platform.id)).toEqual({ names: ["Ada"], total: 1 });
    expect(await names(climate.id)).toEqual({ names: ["Cy"], total: 1 });
    expect(await names(other.platform.id)).toEqual({ names: [], total: 0 });

    const data = await loadDashboard(t.db, { userId: me.id, now: NOW, timeZone: "UTC", goalId: platform.id });
    expect(data.reconnect.contacts.map((contact) => contact.name)).toEqual(["Ada"]);
    expect(data.goal?.title).toBe("Lead a platform group");
    expect(data.goals.map((goal) => goal.id).sort()).toEqual([platform.id, climate.id].sort());
    const foreign = await loadDashboard(t.db, { userId: me.id, now: NOW, timeZone: "UTC", goalId: other.platform.id });
    expect(foreign.reconnect).toEqual({ contacts: [], total: 0 });
    expect(foreign.goal).toBeUndefined();
    expect(foreign.goals.map((goal) => goal.id)).not.toContain(other.platform.id);
  });
});

describe("the dashboard's next step", () => {
  it("is the north star's first open step with its people, why they matter and the goal's progress", async () => {
    const { me, ada, bea, platform, climate, first, second } = await network();
    await t.db.update(goals).set({ isNorthStar: true }).where(eq(goals.id, platform.id));
    // The climate goal was updated more recently, but the north star comes first.
    await t.db.update(goals).set({ updatedAt: NOW }).where(eq(goals.id, climate.id));
    const step = await getNextStep(t.db, { userId: me.id });
    expect(step).toEqual({
      goal: { id: platform.id, title: "Lead a platform group", isNorthStar: true },
      progress: { done: 0, total: 2 },
      stone: {
        id: first.id,
        title: "Run the on-call rota",
        kind: "project",
        status: "planned",
        targetOn: null,
        people: [
          { contactId: ada.id, name: "Ada", part: "could_introduce", note: "to people at Watershed" },
          { contactId: bea.id, name: "Bea", part: "can_help", note: null },
        ],
      },
    });

    // Done and dropped steps are passed over; the dashboard loads the same.
    await t.db.update(steppingStones).set({ status: "done", completedOn: "2026-11-01" }).where(eq(steppingStones.id, first.id));
    await t.db.update(steppingStones).set({ targetOn: "2027-03-31", status: "in_progress" }).where(eq(steppingStones.id, second.id));
    const data = await loadDashboard(t.db, { userId: me.id, now: NOW, timeZone: "UTC" });
    expect(data.nextStep?.progress).toEqual({ done: 1, total: 2 });
    expect(data.nextStep?.stone).toMatchObject({ id: second.id, targetOn: "2027-03-31", status: "in_progress" });
    expect(data.nextStep?.stone?.people.map((person) => person.name)).toEqual(["Bea"]);

    await t.db.update(steppingStones).set({ status: "dropped" }).where(eq(steppingStones.id, second.id));
    const finished = await getNextStep(t.db, { userId: me.id });
    expect(finished?.goal.id).toBe(platform.id);
    expect(finished?.progress).toEqual({ done: 1, total: 1 });
    expect(finished?.stone).toBeUndefined();
  });

  it("without an active north star, is the most recently updated active goal's; none without an active goal", async () => {
    const { me, cy, platform, climate, volunteer } = await network();
    await t.db.update(goals).set({ isNorthStar: true, status: "achieved" }).where(eq(goals.id, platform.id));
    await t.db.update(goals).set({ updatedAt: LONG_AGO }).where(eq(goals.id, climate.id));
    const later = await createGoal(t.db, { userId: me.id, title: "Write a book", updatedAt: NOW });
    expect(await getNextStep(t.db, { userId: me.id })).toEqual({
      goal: { id: later.id, title: "Write a book", isNorthStar: false },
      progress: { done: 0, total: 0 },
    });
    await t.db.update(goals).set({ status: "let_go" }).where(eq(goals.id, later.id));
    const step = await getNextStep(t.db, { userId: me.id });
    expect(step?.stone?.id).toBe(volunteer.id);
    expect(step?.stone?.people).toEqual([{ contactId: cy.id, name: "Cy", part: "can_help", note: null }]);

    await t.db.update(goals).set({ status: "achieved" }).where(eq(goals.id, climate.id));
    expect(await getNextStep(t.db, { userId: me.id })).toBeUndefined();
    expect((await loadDashboard(t.db, { userId: me.id, now: NOW, timeZone: "UTC" })).nextStep).toBeUndefined();
  });

  it("never shows another user's goal, step or people, nor an archived contact", async () => {
    const mine = await network();
    const theirs = await network();
    await t.db.update(goals).set({ isNorthStar: true }).where(eq(goals.id, mine.platform.id));
    await t.db.update(goals).set({ isNorthStar: true, updatedAt: NOW }).where(eq(goals.id, theirs.platform.id));
    // Their link row naming my step: not one of my step's people.
    await link(theirs.me.id, mine.first.id, theirs.dee.id);
    await t.db.update(contacts).set({ archivedAt: NOW }).where(eq(contacts.id, mine.bea.id));
    const step = await getNextStep(t.db, { userId: mine.me.id });
    expect(step?.goal.id).toBe(mine.platform.id);
    expect(step?.stone?.people.map((person) => person.name)).toEqual(["Ada"]);
    const text = JSON.stringify(step);
    for (const id of [theirs.platform.id, theirs.climate.id, theirs.first.id, theirs.dee.id, theirs.ada.id, mine.bea.id]) {
      expect(text).not.toContain(id);
    }
  });
});
