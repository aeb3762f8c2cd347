import fc from "fast-check";
import { inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listDue } from "@/db/queries/digest-ledger";
import { users } from "@/db/schema";
import { digestPeriod, isDigestDue } from "@/lib/digest/period";
import { createUser } from "../factories";
import { createTestDb, type TestDb } from "../helpers/test-db";

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => {
  await t?.close();
});

const ZONES = [null, "UTC", "Europe/Berlin", "America/New_York", "Pacific/Kiritimati", "Pacific/Pago_Pago", "Asia/Kathmandu", "Australia/Lord_Howe", "America/St_Johns", "Pacific/Chatham"];

// The scheduler decides "due" in SQL for every user at once; lib/digest/period.ts
// is the same rule in TypeScript, tested hour by hour across DST and zone
// changes. Here both must agree, on the rule and on the period's label.
describe("which users are due", () => {
  it("agrees with isDigestDue and digestPeriod for any zone, schedule and moment", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.record({
            timeZone: fc.constantFrom(...ZONES),
            digestWeekday: fc.integer({ min: 1, max: 7 }),
            digestHour: fc.integer({ min: 0, max: 23 }),
          }),
          { minLength: 1, maxLength: 6 },
        ),
        fc.date({ min: new Date("2026-01-01T00:00:00Z"), max: new Date("2027-12-31T23:59:59Z"), noInvalidDate: true }),
        async (schedules, now) => {
          const made = await Promise.all(schedules.map((schedule) => createUser(t.db, schedule)));
          try {
            const due = await listDue(t.db, { now, limit: 1_000 });
            const mine = new Map(due.filter((claim) => made.some((user) => user.id === claim.userId)).map((claim) => [claim.userId, claim]));
            made.forEach((user, index) => {
              const schedule = schedules[index];
              if (!schedule) return;
              expect(mine.has(user.id), JSON.stringify({ schedule, now })).toBe(isDigestDue(schedule, now));
              if (mine.has(user.id)) expect(mine.get(user.id)?.period).toBe(digestPeriod(now, schedule.timeZone));
            });
          } finally {
            await t.db.delete(users).where(inArray(users.id, made.map((user) => user.id)));
          }
        },
      ),
      { numRuns: 40 },
    );
  });

  it("leaves out users who turned the weekly email off", async () => {
    const off = await createUser(t.db, { digestEnabled: false, digestWeekday: 1, digestHour: 0 });
    const due = await listDue(t.db, { now: new Date("2026-11-29T12:00:00Z"), limit: 1_000 });
    expect(due.some((claim) => claim.userId === off.id)).toBe(false);
  });
});
