import { asc, eq } from "drizzle-orm";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { steppingStoneChanges, steppingStones } from "@/db/schema";
import { defineAuthedAction } from "@/lib/actions/define-action";
import { addStone, deleteStone, moveStone, redateStone, setStoneStatus } from "@/lib/career/manage-stones";
import type { StoneStatus } from "@/lib/domain/enums";
import {
  stoneAddSchema,
  stoneIdSchema,
  stoneMoveSchema,
  stoneRedateSchema,
  stoneStatusSchema,
} from "@/lib/validations/goals";
import { createGoal, createUser } from "../factories";
import { createTestDb, type TestDb } from "../helpers/test-db";

// Any sequence of changes to a path, made through the real use cases, keeps
// positions 0..n-1, does what it says, and leaves a history that replays to
// the path as it is: created (appended), moved (a list move from one 0-based
// place to another), redated, status. Deleting a stone takes its history
// with it, so the replay is checked after every operation, the deletions
// (which the test knows) applied in turn.

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => {
  await t?.close();
});

// A few days, so a re-date to the day a step already has (no change) is common.
const day = fc.constantFrom(null, "2027-03-31", "2027-06-30", "2027-12-31");
const pick = fc.nat({ max: 20 });

const operation = fc.oneof(
  { arbitrary: fc.record({ op: fc.constant("add" as const), targetOn: day }), weight: 3 },
  { arbitrary: fc.record({ op: fc.constant("move" as const), pick, to: fc.nat({ max: 6 }) }), weight: 3 },
  { arbitrary: fc.record({ op: fc.constant("redate" as const), pick, targetOn: day }), weight: 2 },
  {
    arbitrary: fc.record({
      op: fc.constant("status" as const),
      pick,
      status: fc.constantFrom<StoneStatus>("done", "dropped", "planned", "in_progress"),
    }),
    weight: 3,
  },
  { arbitrary: fc.record({ op: fc.constant("delete" as const), pick }), weight: 1 },
);

type Operation = typeof operation extends fc.Arbitrary<infer T> ? T : never;
type Path = { order: string[]; targetOn: Map<string, string | null>; status: Map<string, StoneStatus> };
type Change = { id: string; stoneId: string; change: string; fromValue: string | null; toValue: string | null };

function emptyPath(): Path {
  return { order: [], targetOn: new Map(), status: new Map() };
}

function actionsAs(userId: string) {
  const define = defineAuthedAction({ getUserId: async () => userId, getDb: async () => t.db });
  return {
    add: define(stoneAddSchema, addStone),
    move: define(stoneMoveSchema, moveStone),
    redate: define(stoneRedateSchema, redateStone),
    setStatus: define(stoneStatusSchema, setStoneStatus),
    remove: define(stoneIdSchema, deleteStone),
  };
}

// Runs one operation, and applies to `expected` what it should have done.
// Answers whether it should have written a history row.
async function run(act: ReturnType<typeof actionsAs>, goalId: string, op: Operation, expected: Path): Promise<boolean> {
  if (op.op === "add") {
    const result = await act.add({ goalId, kind: "project", title: "Step", targetOn: op.targetOn });
    if (!result.ok) throw new Error(`add refused: ${result.formError}`);
    expected.order.push(result.data.id);
    expected.targetOn.set(result.data.id, op.targetOn);
    expected.status.set(result.data.id, "planned");
    return true;
  }
  const id = expected.order[op.pick % expected.order.length];
  if (id === undefined) return false;
  const answered = async (call: Promise<{ ok: boolean; data?: { isChanged: boolean } }>) => {
    const result = await call;
    if (!result.ok || !result.data) throw new Error(`${op.op} refused`);
    return result.data.isChanged;
  };
  switch (op.op) {
    case "move": {
      const from = expected.order.indexOf(id);
      const to = Math.min(op.to, expected.order.length - 1);
      expected.order.splice(from, 1);
      expected.order.splice(to, 0, id);
      expect(await answered(act.move({ id, to: op.to }))).toBe(from !== to);
      return from !== to;
    }
    case "redate": {
      const isChange = expected.targetOn.get(id) !== op.targetOn;
      expected.targetOn.set(id, op.targetOn);
      expect(await answered(act.redate({ id, targetOn: op.targetOn ?? "" }))).toBe(isChange);
      return isChange;
    }
    case "status": {
      const isChange = expected.status.get(id) !== op.status;
      expected.status.set(id, op.status);
      expect(await answered(act.setStatus({ id, status: op.status }))).toBe(isChange);
      return isChange;
    }
    case "delete":
      expected.order.splice(expected.order.indexOf(id), 1);
      expect(await answered(act.remove({ id }))).toBe(true);
      return false;
  }
}

function replay(path: Path, change: Change): void {
  const { stoneId } = change;
  switch (change.change) {
    case "created":
      expect(path.order).not.toContain(stoneId);
      path.order.push(stoneId);
      path.targetOn.set(stoneId, change.toValue);
      path.status.set(stoneId, "planned");
      return;
    case "moved":
      expect(path.order.indexOf(stoneId)).toBe(Number(change.fromValue));
      path.order.splice(Number(change.fromValue), 1);
      path.order.splice(Number(change.toValue), 0, stoneId);
      return;
    case "redated":
      expect(path.targetOn.get(stoneId)).toBe(change.fromValue);
      path.targetOn.set(stoneId, change.toValue);
      return;
    case "status":
      expect(path.status.get(stoneId)).toBe(change.fromValue);
      path.status.set(stoneId, change.toValue as StoneStatus);
      return;
  }
  throw new Error(`unknown change ${change.change}`);
}

async function historyOf(goalId: string): Promise<Change[]> {
  return t.db
    .select({
      id: steppingStoneChanges.id,
      stoneId: steppingStoneChanges.stoneId,
      change: steppingStoneChanges.change,
      fromValue: steppingStoneChanges.fromValue,
      toValue: steppingStoneChanges.toValue,
    })
    .from(steppingStoneChanges)
    .innerJoin(steppingStones, eq(steppingStones.id, steppingStoneChanges.stoneId))
    .where(eq(steppingStones.goalId, goalId))
    .orderBy(asc(steppingStoneChanges.changedAt));
}

function expectPath(actual: Path, expected: Path): void {
  expect(actual.order).toEqual(expected.order);
  for (const id of expected.order) {
    expect(actual.targetOn.get(id)).toBe(expected.targetOn.get(id));
    expect(actual.status.get(id)).toBe(expected.status.get(id));
  }
}

describe("a path changed in any order", () => {
  it("keeps positions 0..n-1 and a history that replays to it", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(operation, { minLength: 1, maxLength: 14 }), async (operations) => {
        const user = await createUser(t.db);
        const goal = await createGoal(t.db, { userId: user.id });
        const act = actionsAs(user.id);
        const expected = emptyPath();
        const replayed = emptyPath();
        let seen: Change[] = [];
        for (const op of operations) {
          const deleted = op.op === "delete" ? expected.order[op.pick % expected.order.length] : undefined;
          const isRecorded = await run(act, goal.id, op, expected);

          const stones = await t.db
            .select()
            .from(steppingStones)
            .where(eq(steppingStones.goalId, goal.id))
            .orderBy(asc(steppingStones.position));
          expect(stones.map((stone) => stone.position)).toEqual(stones.map((_, i) => i));
          for (const stone of stones) expect(stone.completedOn !== null).toBe(stone.status === "done");
          const actual: Path = {
            order: stones.map((stone) => stone.id),
            targetOn: new Map(stones.map((stone) => [stone.id, stone.targetOn])),
            status: new Map(stones.map((stone) => [stone.id, stone.status])),
          };
          expectPath(actual, expected);

          // The history so far is the history before, less a deleted stone's, plus this change.
          if (deleted) {
            seen = seen.filter((change) => change.stoneId !== deleted);
            replayed.order.splice(replayed.order.indexOf(deleted), 1);
          }
          const history = await historyOf(goal.id);
          expect(history.slice(0, seen.length)).toEqual(seen);
          const added = history.slice(seen.length);
          expect(added).toHaveLength(isRecorded ? 1 : 0);
          for (const change of added) replay(replayed, change);
          seen = history;
          expectPath(replayed, actual);
        }
      }),
      { numRuns: 25 },
    );
  }, 120_000);
});
