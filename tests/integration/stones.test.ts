import { randomUUID } from "node:crypto";
import { asc, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getGoalPath } from "@/db/queries/goals";
import { goals, steppingStoneChanges, steppingStones } from "@/db/schema";
import { defineAuthedAction } from "@/lib/actions/define-action";
import { todayIn } from "@/lib/domain/dates";
import { addStone, deleteStone, editStone, moveStone, redateStone, setStoneStatus } from "@/lib/career/manage-stones";
import {
  type StoneAddInput,
  stoneAddSchema,
  stoneEditSchema,
  stoneIdSchema,
  stoneMoveSchema,
  stoneRedateSchema,
  stoneStatusSchema,
} from "@/lib/validations/goals";
import { createGoal, createRole, createUser } from "../factories";
import { createTestDb, type TestDb } from "../helpers/test-db";

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => {
  await t?.close();
});

function actionsAs(userId: string | null) {
  const define = defineAuthedAction({ getUserId: async () => userId, getDb: async () => t.db });
  return {
    add: define(stoneAddSchema, addStone),
    edit: define(stoneEditSchema, editStone),
    move: define(stoneMoveSchema, moveStone),
    redate: define(stoneRedateSchema, redateStone),
    setStatus: define(stoneStatusSchema, setStoneStatus),
    remove: define(stoneIdSchema, deleteStone),
  };
}

type Act = ReturnType<typeof actionsAs>;

// A user with a goal whose path holds the given steps, in order.
async function setup(titles: string[] = [], timeZone = "UTC") {
  const user = await createUser(t.db, { timeZone });
  const act = actionsAs(user.id);
  const goal = await createGoal(t.db, { userId: user.id });
  const ids: string[] = [];
  for (const title of titles) ids.push(await added(act, { goalId: goal.id, kind: "project", title }));
  return { user, act, goalId: goal.id, ids };
}

async function added(act: Act, input: StoneAddInput): Promise<string> {
  const result = await act.add(input);
  if (!result.ok) throw new Error(`setup failed: ${result.formError}`);
  return result.data.id;
}

// The path's titles in order, with their positions.
async function path(goalId: string) {
  return t.db
    .select({ title: steppingStones.title, position: steppingStones.position })
    .from(steppingStones)
    .where(eq(steppingStones.goalId, goalId))
    .orderBy(asc(steppingStones.position));
}

async function changesOf(stoneId: string) {
  return t.db
    .select({ change: steppingStoneChanges.change, from: steppingStoneChanges.fromValue, to: steppingStoneChanges.toValue })
    .from(steppingStoneChanges)
    .where(eq(steppingStoneChanges.stoneId, stoneId))
    .orderBy(asc(steppingStoneChanges.changedAt));
}

async function stone(stoneId: string) {
  const [row] = await t.db.select().from(steppingStones).where(eq(steppingStones.id, stoneId));
  return row;
}

async function snapshot() {
  return {
    goals: await t.db.select().from(goals).orderBy(goals.id),
    stones: await t.db.select().from(steppingStones).orderBy(steppingStones.id),
    changes: await t.db.select().from(steppingStoneChanges).orderBy(steppingStoneChanges.id),
  };
}

describe("addStone", () => {
  it("adds steps at the end of the path, each with its 'created' change", async () => {
    const { user, act, goalId } = await setup();
    const role = await createRole(t.db, { userId: user.id });
    const first = await act.add({ goalId, kind: "role", title: " Staff engineer ", targetOn: "2027-06-30", roleId: role.id, notes: "" });
    expect(first).toEqual({ ok: true, data: { id: expect.any(String), goalId, isChanged: true } });
    const second = await added(act, { goalId, kind: "relationship", title: "Know three people in climate tech", targetOn: "" });
    expect(await path(goalId)).toEqual([
      { title: "Staff engineer", position: 0 },
      { title: "Know three people in climate tech", position: 1 },
    ]);
    if (!first.ok) return;
    expect(await stone(first.data.id)).toMatchObject({ userId: user.id, kind: "role", roleId: role.id, notes: null, status: "planned" });
    expect(await changesOf(first.data.id)).toEqual([{ change: "created", from: null, to: "2027-06-30" }]);
    expect(await changesOf(second)).toEqual([{ change: "created", from: null, to: null }]);
  });

  it("refuses bad input at the fields, and stores nothing", async () => {
    const { act, goalId } = await setup();
    const before = await snapshot();
    const result = await act.add({ goalId, kind: "hobby" as never, title: "", targetOn: "2027-13-01", roleId: "nope", notes: "x".repeat(4001) });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(Object.keys(result.fieldErrors ?? {}).sort()).toEqual(["kind", "notes", "roleId", "targetOn", "title"]);
    expect(await snapshot()).toEqual(before);
  });

  it("answers 'not found' for another user's goal or role, and stores nothing", async () => {
    const mine = await setup();
    const theirs = await setup(["Their step"]);
    const theirRole = await createRole(t.db, { userId: theirs.user.id });
    const before = await snapshot();
    expect(await mine.act.add({ goalId: theirs.goalId, kind: "project", title: "Mine" })).toEqual({
      ok: false,
      formError: "That goal was not found.",
    });
    expect(await mine.act.add({ goalId: randomUUID(), kind: "project", title: "Mine" })).toMatchObject({ ok: false });
    expect(await mine.act.add({ goalId: mine.goalId, kind: "role", title: "Mine", roleId: theirRole.id })).toEqual({
      ok: false,
      formError: "That role was not found.",
      fieldErrors: { roleId: ["That role was not found. Choose one from My roles."] },
    });
    expect(await snapshot()).toEqual(before);
  });
});

describe("editStone", () => {
  it("changes title, kind, notes and role without adding history", async () => {
    const { user, act, goalId, ids } = await setup(["Ship the data platform"]);
    const [id = ""] = ids;
    const role = await createRole(t.db, { userId: user.id });
    const result = await act.edit({ id, kind: "certification", title: "CKA", notes: "By summer.", roleId: role.id });
    expect(result).toEqual({ ok: true, data: { id, goalId, isChanged: true } });
    expect(await stone(id)).toMatchObject({ kind: "certification", title: "CKA", notes: "By summer.", roleId: role.id, position: 0 });
    expect(await act.edit({ id, kind: "certification", title: "CKA", notes: null, roleId: "" })).toMatchObject({ ok: true });
    expect(await stone(id)).toMatchObject({ notes: null, roleId: null });
    expect(await changesOf(id)).toEqual([{ change: "created", from: null, to: null }]);
  });

  it("answers 'not found' for another user's stone or role, and nothing changes", async () => {
    const mine = await setup(["Mine"]);
    const theirs = await setup(["Theirs"]);
    const theirRole = await createRole(t.db, { userId: theirs.user.id });
    const before = await snapshot();
    expect(await mine.act.edit({ id: theirs.ids[0] ?? "", kind: "project", title: "Taken" })).toEqual({
      ok: false,
      formError: "That step was not found.",
    });
    expect(await mine.act.edit({ id: mine.ids[0] ?? "", kind: "project", title: "Mine", roleId: theirRole.id })).toMatchObject({
      ok: false,
      fieldErrors: { roleId: [expect.any(String)] },
    });
    expect(await snapshot()).toEqual(before);
  });
});

describe("moveStone", () => {
  it("moves a step, shifts the ones between, and records the move for the moved step only", async () => {
    const { act, goalId, ids } = await setup(["A", "B", "C", "D"]);
    const [a = "", b = "", c = "", d = ""] = ids;
    expect(await act.move({ id: c, to: 0 })).toEqual({ ok: true, data: { id: c, goalId, isChanged: true } });
    expect((await path(goalId)).map((row) => row.title)).toEqual(["C", "A", "B", "D"]);
    expect(await act.move({ id: c, to: "3" })).toMatchObject({ ok: true });
    expect(await path(goalId)).toEqual([
      { title: "A", position: 0 },
      { title: "B", position: 1 },
      { title: "D", position: 2 },
      { title: "C", position: 3 },
    ]);
    expect(await changesOf(c)).toEqual([
      { change: "created", from: null, to: null },
      { change: "moved", from: "2", to: "0" },
      { change: "moved", from: "0", to: "3" },
    ]);
    for (const other of [a, b, d]) expect(await changesOf(other)).toEqual([{ change: "created", from: null, to: null }]);
  });

  it("takes a place past the end as the last one, and the same place as no change", async () => {
    const { act, goalId, ids } = await setup(["A", "B", "C"]);
    const [a = "", , c = ""] = ids;
    expect(await act.move({ id: a, to: 99 })).toMatchObject({ ok: true, data: { isChanged: true } });
    expect((await path(goalId)).map((row) => row.title)).toEqual(["B", "C", "A"]);
    expect(await changesOf(a)).toContainEqual({ change: "moved", from: "0", to: "2" });
    const before = await snapshot();
    expect(await act.move({ id: a, to: 2 })).toEqual({ ok: true, data: { id: a, goalId, isChanged: false } });
    expect(await act.move({ id: a, to: 7 })).toMatchObject({ ok: true, data: { isChanged: false } });
    expect(await act.move({ id: c, to: 1 })).toMatchObject({ ok: true, data: { isChanged: false } });
    expect(await snapshot()).toEqual(before);
  });

  it("refuses a place that is not a whole number from 0, and stores nothing", async () => {
    const { act, ids } = await setup(["A", "B"]);
    const before = await snapshot();
    for (const to of [-1, 1.5, "up", "", null, 10_001]) {
      expect(await act.move({ id: ids[0] ?? "", to: to as never })).toMatchObject({ ok: false, fieldErrors: { to: [expect.any(String)] } });
    }
    expect(await snapshot()).toEqual(before);
  });

  it("keeps positions 0..n-1 when moves of one goal arrive at once", async () => {
    const { act, goalId, ids } = await setup(["A", "B", "C", "D", "E"]);
    const moves = ids.flatMap((id, i) => [act.move({ id, to: 4 - i }), act.move({ id, to: 0 })]);
    expect((await Promise.all(moves)).every((result) => result.ok)).toBe(true);
    expect((await path(goalId)).map((row) => row.position)).toEqual([0, 1, 2, 3, 4]);
  });
});

describe("redateStone", () => {
  it("records a new target day, and no day, and nothing when the day is the same", async () => {
    const { act, goalId } = await setup();
    const id = await added(act, { goalId, kind: "skill", title: "Rust", targetOn: "2027-06-30" });
    expect(await act.redate({ id, targetOn: "2027-12-31" })).toEqual({ ok: true, data: { id, goalId, isChanged: true } });
    expect(await act.redate({ id, targetOn: "" })).toMatchObject({ ok: true, data: { isChanged: true } });
    expect((await stone(id))?.targetOn).toBeNull();
    expect(await act.redate({ id, targetOn: null })).toMatchObject({ ok: true, data: { isChanged: false } });
    expect(await act.redate({ id, targetOn: "2028-03-31" })).toMatchObject({ ok: true, data: { isChanged: true } });
    expect(await act.redate({ id, targetOn: " 2028-03-31 " })).toMatchObject({ ok: true, data: { isChanged: false } });
    expect(await changesOf(id)).toEqual([
      { change: "created", from: null, to: "2027-06-30" },
      { change: "redated", from: "2027-06-30", to: "2027-12-31" },
      { change: "redated", from: "2027-12-31", to: null },
      { change: "redated", from: null, to: "2028-03-31" },
    ]);
  });
});

describe("setStoneStatus", () => {
  it("marks a step done today where the user lives, and records each status change", async () => {
    const zone = "Pacific/Kiritimati";
    const { act, goalId, ids } = await setup(["Ship the data platform"], zone);
    const [id = ""] = ids;
    expect(await act.setStatus({ id, status: "in_progress" })).toEqual({ ok: true, data: { id, goalId, isChanged: true } });
    expect(await act.setStatus({ id, status: "done" })).toMatchObject({ ok: true, data: { isChanged: true } });
    expect(await stone(id)).toMatchObject({ status: "done", completedOn: todayIn(zone) });
    expect(await act.setStatus({ id, status: "planned" })).toMatchObject({ ok: true });
    expect(await stone(id)).toMatchObject({ status: "planned", completedOn: null });
    expect(await act.setStatus({ id, status: "dropped" })).toMatchObject({ ok: true });
    expect(await changesOf(id)).toEqual([
      { change: "created", from: null, to: null },
      { change: "status", from: "planned", to: "in_progress" },
      { change: "status", from: "in_progress", to: "done" },
      { change: "status", from: "done", to: "planned" },
      { change: "status", from: "planned", to: "dropped" },
    ]);
  });

  it("keeps the day given, changes only the day of a step already done, and writes no history for the same status", async () => {
    const { act, ids } = await setup(["Kubernetes"]);
    const [id = ""] = ids;
    expect(await act.setStatus({ id, status: "done", completedOn: "2027-01-15" })).toMatchObject({ ok: true });
    expect(await stone(id)).toMatchObject({ status: "done", completedOn: "2027-01-15" });
    // Done again without a day keeps the day it was done.
    expect(await act.setStatus({ id, status: "done" })).toMatchObject({ ok: true, data: { isChanged: false } });
    expect(await stone(id)).toMatchObject({ completedOn: "2027-01-15" });
    expect(await act.setStatus({ id, status: "done", completedOn: "2027-01-20" })).toMatchObject({ ok: true, data: { isChanged: true } });
    expect(await stone(id)).toMatchObject({ completedOn: "2027-01-20" });
    expect(await act.setStatus({ id, status: "dropped" })).toMatchObject({ ok: true });
    expect(await act.setStatus({ id, status: "dropped" })).toMatchObject({ ok: true, data: { isChanged: false } });
    expect((await changesOf(id)).map((row) => row.to)).toEqual([null, "done", "dropped"]);
  });

  it("refuses a day done for a status that is not done, and an unknown status, and stores nothing", async () => {
    const { act, ids } = await setup(["Kubernetes"]);
    const before = await snapshot();
    expect(await act.setStatus({ id: ids[0] ?? "", status: "planned", completedOn: "2027-01-15" })).toMatchObject({
      ok: false,
      fieldErrors: { completedOn: ["Only a step marked done has a day it was done."] },
    });
    expect(await act.setStatus({ id: ids[0] ?? "", status: "paused" as never })).toMatchObject({
      ok: false,
      fieldErrors: { status: [expect.any(String)] },
    });
    expect(await snapshot()).toEqual(before);
  });
});

describe("deleteStone", () => {
  it("deletes a step with its history, and the steps after it close the gap", async () => {
    const { act, goalId, ids } = await setup(["A", "B", "C", "D"]);
    const [, b = ""] = ids;
    expect(await act.remove({ id: b })).toEqual({ ok: true, data: { id: b, goalId, isChanged: true } });
    expect(await path(goalId)).toEqual([
      { title: "A", position: 0 },
      { title: "C", position: 1 },
      { title: "D", position: 2 },
    ]);
    expect(await changesOf(b)).toEqual([]);
    expect(await act.remove({ id: b })).toEqual({ ok: false, formError: "That step was not found." });
    const next = await added(act, { goalId, kind: "project", title: "E" });
    expect((await stone(next))?.position).toBe(3);
  });
});

describe("another user's stepping stones", () => {
  it("are not found by any action, and nothing changes", async () => {
    const mine = await setup(["Mine"]);
    const theirs = await setup(["Theirs 1", "Theirs 2"]);
    const [theirStone = ""] = theirs.ids;
    const before = await snapshot();
    const notFound = { ok: false, formError: "That step was not found." };
    expect(await mine.act.move({ id: theirStone, to: 1 })).toEqual(notFound);
    expect(await mine.act.redate({ id: theirStone, targetOn: "2027-06-30" })).toEqual(notFound);
    expect(await mine.act.setStatus({ id: theirStone, status: "done" })).toEqual(notFound);
    expect(await mine.act.remove({ id: theirStone })).toEqual(notFound);
    expect(await mine.act.remove({ id: randomUUID() })).toEqual(notFound);
    expect(await getGoalPath(t.db, { userId: mine.user.id, goalId: theirs.goalId })).toBeUndefined();
    expect(await snapshot()).toEqual(before);
  });

  it("are refused to a signed-out caller, and nothing changes", async () => {
    const { ids, goalId } = await setup(["Mine"]);
    const before = await snapshot();
    const anonymous = actionsAs(null);
    const ended = { ok: false, formError: "Your session has ended. Sign in again to continue." };
    expect(await anonymous.add({ goalId, kind: "project", title: "X" })).toEqual(ended);
    expect(await anonymous.move({ id: ids[0] ?? "", to: 0 })).toEqual(ended);
    expect(await anonymous.remove({ id: ids[0] ?? "" })).toEqual(ended);
    expect(await snapshot()).toEqual(before);
  });
});

describe("the history's order", () => {
  it("is the order the changes were made in, even within one millisecond", async () => {
    const { act, goalId, ids } = await setup(["A", "B"]);
    const [a = "", b = ""] = ids;
    for (let i = 0; i < 5; i++) {
      await act.move({ id: a, to: 1 });
      await act.move({ id: b, to: 1 });
    }
    const rows = await t.db
      .select({ stoneId: steppingStoneChanges.stoneId, changedAt: steppingStoneChanges.changedAt, change: steppingStoneChanges.change })
      .from(steppingStoneChanges)
      .innerJoin(steppingStones, eq(steppingStones.id, steppingStoneChanges.stoneId))
      .where(eq(steppingStones.goalId, goalId))
      .orderBy(asc(steppingStoneChanges.changedAt));
    expect(rows.map((row) => (row.change === "moved" ? row.stoneId : row.change))).toEqual([
      "created",
      "created",
      ...Array.from({ length: 5 }, () => [a, b]).flat(),
    ]);
    // Strictly later each time: no two changes share an instant to be read back in either order.
    const [{ count } = { count: 0 }] = await t.db
      .select({ count: sql<number>`count(distinct ${steppingStoneChanges.changedAt})::int` })
      .from(steppingStoneChanges)
      .innerJoin(steppingStones, eq(steppingStones.id, steppingStoneChanges.stoneId))
      .where(eq(steppingStones.goalId, goalId));
    expect(count).toBe(rows.length);
  });
});
