import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getGoal, getGoalPath } from "@/db/queries/goals";
import { goals, steppingStoneChanges, steppingStones } from "@/db/schema";
import { defineAuthedAction } from "@/lib/actions/define-action";
import { createGoal, deleteGoal, updateGoal } from "@/lib/career/manage-goals";
import { addStone, setStoneStatus } from "@/lib/career/manage-stones";
import {
  type GoalInput,
  goalIdSchema,
  goalInputSchema,
  goalUpdateSchema,
  stoneAddSchema,
  stoneStatusSchema,
} from "@/lib/validations/goals";
import { createGoal as createGoalRow, createRole, createStone, createUser } from "../factories";
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
    create: define(goalInputSchema, createGoal),
    update: define(goalUpdateSchema, updateGoal),
    remove: define(goalIdSchema, deleteGoal),
    addStone: define(stoneAddSchema, addStone),
    setStatus: define(stoneStatusSchema, setStoneStatus),
  };
}

async function setup() {
  const user = await createUser(t.db);
  return { user, act: actionsAs(user.id) };
}

function goalInput(values: Partial<GoalInput> = {}): GoalInput {
  return {
    title: "Lead a platform engineering group at a climate company",
    why: "Work that matters, with people I learn from.",
    horizonOn: "2029-12-31",
    status: "active",
    isNorthStar: false,
    ...values,
  };
}

async function created(act: ReturnType<typeof actionsAs>, input: GoalInput): Promise<string> {
  const result = await act.create(input);
  if (!result.ok) throw new Error(`setup failed: ${result.formError}`);
  return result.data.id;
}

async function northStars(userId: string): Promise<string[]> {
  const rows = await t.db.select({ id: goals.id, isNorthStar: goals.isNorthStar }).from(goals).where(eq(goals.userId, userId));
  return rows.filter((row) => row.isNorthStar).map((row) => row.id);
}

// Every goal, stone and change in the database, to show that a refused call changed nothing.
async function snapshot() {
  return {
    goals: await t.db.select().from(goals).orderBy(goals.id),
    stones: await t.db.select().from(steppingStones).orderBy(steppingStones.id),
    changes: await t.db.select().from(steppingStoneChanges).orderBy(steppingStoneChanges.id),
  };
}

describe("createGoal, updateGoal, deleteGoal", () => {
  it("creates a goal from the form's values, trimmed, empty meaning none", async () => {
    const { user, act } = await setup();
    const id = await created(act, goalInput({ title: "  Lead a platform group ", why: "  ", horizonOn: "", status: undefined }));
    expect(await getGoal(t.db, { userId: user.id, goalId: id })).toEqual({
      id,
      title: "Lead a platform group",
      why: null,
      horizonOn: null,
      status: "active",
      isNorthStar: false,
    });
    const [row] = await t.db.select({ userId: goals.userId }).from(goals).where(eq(goals.id, id));
    expect(row?.userId).toBe(user.id);
  });

  it("reads a checkbox's 'on' and 'true' as the north star, and its absence as not", async () => {
    const { user, act } = await setup();
    const on = await created(act, goalInput({ isNorthStar: "on" }));
    expect(await northStars(user.id)).toEqual([on]);
    const viaTrue = await created(act, goalInput({ isNorthStar: "true" }));
    expect(await northStars(user.id)).toEqual([viaTrue]);
    await created(act, goalInput({ isNorthStar: undefined }));
    await created(act, goalInput({ isNorthStar: "off" }));
    expect(await northStars(user.id)).toEqual([viaTrue]);
  });

  it("refuses bad input at the fields, and stores nothing", async () => {
    const { act } = await setup();
    const before = await snapshot();
    const result = await act.create({
      title: " ",
      why: "x".repeat(4001),
      horizonOn: "2027-02-30",
      status: "paused" as never,
      isNorthStar: "maybe" as never,
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(Object.keys(result.fieldErrors ?? {}).sort()).toEqual(["horizonOn", "isNorthStar", "status", "title", "why"]);
    expect(await act.create(goalInput({ horizonOn: "1899-12-31" }))).toMatchObject({
      ok: false,
      fieldErrors: { horizonOn: ["Enter a date between 1900 and 2100."] },
    });
    expect(await act.create(goalInput({ title: "x".repeat(201) }))).toMatchObject({ ok: false, fieldErrors: { title: [expect.any(String)] } });
    expect(await snapshot()).toEqual(before);
  });

  it("edits a goal", async () => {
    const { user, act } = await setup();
    const id = await created(act, goalInput());
    const edited = await act.update({ id, ...goalInput({ title: "Lead a data group", why: null, horizonOn: "2030-06-30", status: "let_go" }) });
    expect(edited).toEqual({ ok: true, data: { id } });
    expect(await getGoal(t.db, { userId: user.id, goalId: id })).toEqual({
      id,
      title: "Lead a data group",
      why: null,
      horizonOn: "2030-06-30",
      status: "let_go",
      isNorthStar: false,
    });
  });

  it("keeps one north star: a new one, by creation or by edit, unsets the previous one", async () => {
    const { user, act } = await setup();
    const first = await created(act, goalInput({ isNorthStar: true }));
    const second = await created(act, goalInput({ isNorthStar: true }));
    expect(await northStars(user.id)).toEqual([second]);
    expect(await act.update({ id: first, ...goalInput({ isNorthStar: true }) })).toMatchObject({ ok: true });
    expect(await northStars(user.id)).toEqual([first]);
    // Saving the north star as it is keeps it; unticking it leaves none.
    expect(await act.update({ id: first, ...goalInput({ isNorthStar: true }) })).toMatchObject({ ok: true });
    expect(await northStars(user.id)).toEqual([first]);
    expect(await act.update({ id: first, ...goalInput({ isNorthStar: false }) })).toMatchObject({ ok: true });
    expect(await northStars(user.id)).toEqual([]);
  });

  it("keeps one north star when several goals are made the north star at once", async () => {
    const { user, act } = await setup();
    const ids = await Promise.all([1, 2, 3].map(() => created(act, goalInput({ isNorthStar: false }))));
    const results = await Promise.all([
      ...ids.map((id) => act.update({ id, ...goalInput({ isNorthStar: true }) })),
      act.create(goalInput({ isNorthStar: true })),
      act.create(goalInput({ isNorthStar: true })),
    ]);
    expect(results.every((result) => result.ok)).toBe(true);
    expect(await northStars(user.id)).toHaveLength(1);
  });

  it("deletes a goal with its stepping stones and their history", async () => {
    const { user, act } = await setup();
    const id = await created(act, goalInput());
    const keep = await created(act, goalInput());
    const stone = await act.addStone({ goalId: id, kind: "role", title: "Staff engineer", targetOn: "2027-06-30" });
    const other = await createStone(t.db, { userId: user.id, goalId: keep });
    expect(stone.ok).toBe(true);
    expect(await act.remove({ id })).toEqual({ ok: true, data: { id } });
    expect(await getGoal(t.db, { userId: user.id, goalId: id })).toBeUndefined();
    const stones = await t.db.select({ id: steppingStones.id }).from(steppingStones).where(eq(steppingStones.userId, user.id));
    expect(stones).toEqual([{ id: other.id }]);
    const changes = await t.db
      .select({ stoneId: steppingStoneChanges.stoneId })
      .from(steppingStoneChanges)
      .where(eq(steppingStoneChanges.userId, user.id));
    expect(changes).toEqual([{ stoneId: other.id }]);
  });

  it("answers 'not found' for another user's goal, and nothing changes", async () => {
    const mine = await setup();
    const theirs = await setup();
    const theirGoal = await created(theirs.act, goalInput({ isNorthStar: true }));
    await createStone(t.db, { userId: theirs.user.id, goalId: theirGoal });
    const myNorthStar = await created(mine.act, goalInput({ isNorthStar: true }));
    const before = await snapshot();
    const notFound = { ok: false, formError: "That goal was not found." };
    // Making their goal my north star would first unset mine: it must not.
    expect(await mine.act.update({ id: theirGoal, ...goalInput({ title: "Mine now", isNorthStar: true }) })).toEqual(notFound);
    expect(await mine.act.remove({ id: theirGoal })).toEqual(notFound);
    expect(await mine.act.remove({ id: randomUUID() })).toEqual(notFound);
    expect(await mine.act.update({ id: randomUUID(), ...goalInput() })).toEqual(notFound);
    expect(await getGoal(t.db, { userId: mine.user.id, goalId: theirGoal })).toBeUndefined();
    expect(await getGoalPath(t.db, { userId: mine.user.id, goalId: theirGoal })).toBeUndefined();
    expect(await snapshot()).toEqual(before);
    // A north star of mine leaves theirs alone.
    await created(mine.act, goalInput({ isNorthStar: true }));
    expect(await northStars(theirs.user.id)).toEqual([theirGoal]);
    expect(await northStars(mine.user.id)).not.toContain(myNorthStar);
  });

  it("refuses a signed-out caller, and stores nothing", async () => {
    const before = await snapshot();
    expect(await actionsAs(null).create(goalInput())).toEqual({
      ok: false,
      formError: "Your session has ended. Sign in again to continue.",
    });
    expect(await snapshot()).toEqual(before);
  });
});

describe("getGoalPath", () => {
  it("reads the goal with its stones in order, each with its role and its history oldest first", async () => {
    const { user, act } = await setup();
    const role = await createRole(t.db, { userId: user.id, company: "Watershed", title: "Staff Engineer" });
    const goalId = await created(act, goalInput({ isNorthStar: true }));
    const first = await act.addStone({ goalId, kind: "role", title: "Staff engineer", targetOn: "2027-06-30", roleId: role.id });
    const second = await act.addStone({ goalId, kind: "skill", title: "Kubernetes", notes: "Operate, not just use." });
    if (!first.ok || !second.ok) throw new Error("setup failed");
    expect(await act.setStatus({ id: first.data.id, status: "done", completedOn: "2027-05-01" })).toMatchObject({ ok: true });

    const path = await getGoalPath(t.db, { userId: user.id, goalId });
    expect(path?.goal).toEqual({
      id: goalId,
      title: "Lead a platform engineering group at a climate company",
      why: "Work that matters, with people I learn from.",
      horizonOn: "2029-12-31",
      status: "active",
      isNorthStar: true,
    });
    expect(path?.stones).toEqual([
      {
        id: first.data.id,
        position: 0,
        kind: "role",
        title: "Staff engineer",
        notes: null,
        targetOn: "2027-06-30",
        status: "done",
        completedOn: "2027-05-01",
        role: { id: role.id, company: "Watershed", title: "Staff Engineer" },
        history: [
          { id: expect.any(String), change: "created", fromValue: null, toValue: "2027-06-30", changedAt: expect.any(Date) },
          { id: expect.any(String), change: "status", fromValue: "planned", toValue: "done", changedAt: expect.any(Date) },
        ],
      },
      {
        id: second.data.id,
        position: 1,
        kind: "skill",
        title: "Kubernetes",
        notes: "Operate, not just use.",
        targetOn: null,
        status: "planned",
        completedOn: null,
        role: null,
        history: [{ id: expect.any(String), change: "created", fromValue: null, toValue: null, changedAt: expect.any(Date) }],
      },
    ]);
    const [created1, done] = path?.stones[0]?.history ?? [];
    expect(created1 && done && created1.changedAt < done.changedAt).toBe(true);
  });

  it("reads a goal without stones, and never another user's role on a stone written behind the app's back", async () => {
    const { user } = await setup();
    const stranger = await createUser(t.db);
    const theirRole = await createRole(t.db, { userId: stranger.id });
    const goal = await createGoalRow(t.db, { userId: user.id });
    expect(await getGoalPath(t.db, { userId: user.id, goalId: goal.id })).toMatchObject({ stones: [] });
    await createStone(t.db, { userId: user.id, goalId: goal.id, roleId: theirRole.id });
    expect((await getGoalPath(t.db, { userId: user.id, goalId: goal.id }))?.stones[0]?.role).toBeNull();
  });
});
