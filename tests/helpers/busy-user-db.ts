import { afterAll, beforeAll, expect } from "vitest";
import { createBusyUser } from "../factories";
import { createTestDb, type TestDb } from "./test-db";

export type BusyUser = Awaited<ReturnType<typeof createBusyUser>>;

// For tests that show one user's data and must show none of another's: before
// the file's tests, a fresh test database with a busy user in it (see
// createBusyUser: touches every week up to `now`, overdue contacts, circles,
// events and successes), handed to `ready`; after them, the database closed.
export function setUpTestDbWithBusyUser(now: Date, ready: (setup: { t: TestDb; busy: BusyUser }) => void): void {
  let t: TestDb | undefined;
  beforeAll(async () => {
    t = await createTestDb();
    ready({ t, busy: await createBusyUser(t.db, now) });
  });
  afterAll(async () => {
    await t?.close();
  });
}

// What a query showed names none of the busy user's rows.
export function expectNoneOf(busy: BusyUser, shown: unknown): void {
  const text = JSON.stringify(shown);
  for (const id of busy.ids) expect(text).not.toContain(id);
}
