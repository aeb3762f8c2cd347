import { and, asc, count, eq, isNull, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  circles,
  contactCircles,
  contactEmails,
  contactLinks,
  contactPhones,
  contacts,
  events,
  interactionContacts,
  interactions,
  successes,
} from "@/db/schema";
import { type SeedOptions, SeedUserExistsError, seedDemo } from "@/db/seed/demo";
import { rowsOf } from "@/db/queries/rows";
import { uniqueEmail } from "../factories";
import { createTestDb, type TestDb } from "../helpers/test-db";

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => {
  await t?.close();
});

const NOW = new Date("2026-11-16T00:00:00Z");
const small = (email: string, extra: Partial<SeedOptions> = {}): SeedOptions => ({
  email,
  contacts: 30,
  touches: 200,
  now: NOW,
  ...extra,
});

const USER_TABLES = {
  circles,
  events,
  contacts,
  contactEmails,
  contactPhones,
  contactLinks,
  contactCircles,
  interactions,
  interactionContacts,
  successes,
};

async function rowCounts(userId: string): Promise<Record<string, number>> {
  const found: Record<string, number> = {};
  for (const [name, table] of Object.entries(USER_TABLES)) {
    const [row] = await t.db.select({ n: count() }).from(table).where(eq(table.userId, userId));
    found[name] = row?.n ?? -1;
  }
  return found;
}

async function contactNames(userId: string): Promise<string[]> {
  const rows = await t.db
    .select({ name: contacts.name })
    .from(contacts)
    .where(eq(contacts.userId, userId))
    .orderBy(asc(contacts.createdAt), asc(contacts.name));
  return rows.map((row) => row.name);
}

// Everything about a user's contacts and touches except ids, which are random.
async function fingerprint(userId: string) {
  const people = await t.db
    .select({ name: contacts.name, company: contacts.company, tier: contacts.tier, next: contacts.nextDueAt })
    .from(contacts)
    .where(eq(contacts.userId, userId))
    .orderBy(asc(contacts.createdAt), asc(contacts.name));
  const touches = await t.db
    .select({ at: interactions.occurredAt, channel: interactions.channel, summary: interactions.summary })
    .from(interactions)
    .where(eq(interactions.userId, userId))
    .orderBy(asc(interactions.occurredAt), asc(interactions.summary));
  return { people, touches };
}

describe("seedDemo", () => {
  it("creates the requested amounts of data, with the schedule computed", async () => {
    const { userId } = await seedDemo(t.db, small(uniqueEmail("seed")));
    expect(await rowCounts(userId)).toMatchObject({
      circles: 9,
      events: 8,
      contacts: 30,
      interactions: 200,
      successes: 25,
    });
    const [unscheduled] = await t.db
      .select({ n: sql<number>`count(*)::int` })
      .from(contacts)
      .where(and(eq(contacts.userId, userId), sql`${contacts.nextDueAt} is null`));
    expect(unscheduled?.n).toBe(0);
    // Every touch involves someone, at the touch's own time.
    const orphans = await t.db
      .select({ id: interactions.id })
      .from(interactions)
      .where(
        and(
          eq(interactions.userId, userId),
          sql`not exists (
            select 1 from ${interactionContacts}
            where ${interactionContacts.interactionId} = ${interactions.id}
              and ${interactionContacts.occurredAt} = ${interactions.occurredAt}
          )`,
        ),
      );
    expect(orphans).toHaveLength(0);
  });

  it("gives a value kind and a direction together, to about a third of touches", async () => {
    const { userId } = await seedDemo(t.db, small(uniqueEmail("seed")));
    const rows = await t.db
      .select({ kind: interactions.valueKind, direction: interactions.valueDirection })
      .from(interactions)
      .where(eq(interactions.userId, userId));
    for (const row of rows) expect(row.kind === null).toBe(row.direction === null);
    const valued = rows.filter((row) => row.kind !== null).length / rows.length;
    expect(valued).toBeGreaterThan(0.15);
    expect(valued).toBeLessThan(0.5);
    // Each link carries its touch's direction, which health counts.
    const disagreeing = await t.db
      .select({ id: interactionContacts.interactionId })
      .from(interactionContacts)
      .innerJoin(interactions, eq(interactions.id, interactionContacts.interactionId))
      .where(
        and(
          eq(interactionContacts.userId, userId),
          sql`${interactionContacts.valueDirection} is distinct from ${interactions.valueDirection}`,
        ),
      );
    expect(disagreeing).toHaveLength(0);
  });

  it("congratulates successes with the user's own touches that involve the success's contact", async () => {
    const { userId } = await seedDemo(t.db, small(uniqueEmail("seed")));
    const congratulated = await t.db
      .select({
        contactId: successes.contactId,
        touchUserId: interactions.userId,
        valueKind: interactions.valueKind,
        involvesContact: sql<boolean>`exists (
          select 1 from ${interactionContacts}
          where ${interactionContacts.interactionId} = ${interactions.id}
            and ${interactionContacts.contactId} = ${successes.contactId}
        )`,
      })
      .from(successes)
      .innerJoin(interactions, eq(interactions.id, successes.congratulatedByInteractionId))
      .where(eq(successes.userId, userId));
    expect(congratulated.length).toBeGreaterThan(0);
    for (const row of congratulated) {
      expect(row).toMatchObject({ touchUserId: userId, valueKind: "congratulation", involvesContact: true });
    }
  });

  it("gives the same data for the same seed, and other data for another seed", async () => {
    const first = await seedDemo(t.db, small(uniqueEmail("seed")));
    const second = await seedDemo(t.db, small(uniqueEmail("seed")));
    const other = await seedDemo(t.db, small(uniqueEmail("seed"), { seed: 2 }));
    expect(await contactNames(second.userId)).toEqual(await contactNames(first.userId));
    expect(await fingerprint(second.userId)).toEqual(await fingerprint(first.userId));
    expect(await contactNames(other.userId)).not.toEqual(await contactNames(first.userId));
  });

  it("refuses an existing email unless reset, and reseeding one user leaves another's rows alone", async () => {
    const a = await seedDemo(t.db, small(uniqueEmail("seed-a")));
    const before = { counts: await rowCounts(a.userId), data: await fingerprint(a.userId) };

    const emailB = uniqueEmail("seed-b");
    const b = await seedDemo(t.db, small(emailB, { seed: 7 }));
    await expect(seedDemo(t.db, small(emailB, { seed: 7 }))).rejects.toBeInstanceOf(SeedUserExistsError);
    const reseeded = await seedDemo(t.db, small(emailB, { seed: 7, reset: true }));

    expect(reseeded.userId).not.toBe(b.userId);
    expect(Object.values(await rowCounts(b.userId))).toEqual(Object.values(USER_TABLES).map(() => 0));
    expect(await rowCounts(reseeded.userId)).toMatchObject({ contacts: 30, interactions: 200 });
    expect(await rowCounts(a.userId)).toEqual(before.counts);
    expect(await fingerprint(a.userId)).toEqual(before.data);
  });

  // Reseeding a bench database hung: statistics gathered before knew nothing
  // of the new user, so the schedule's health UPDATE planned its thousands of
  // contacts as one row. The seed now analyzes what it wrote before reading it.
  it("leaves the planner knowing the new user's rows, on a database analyzed before", async () => {
    await seedDemo(t.db, small(uniqueEmail("seed-stats")));
    await t.db.execute(sql`analyze`);
    const seeded = await seedDemo(t.db, small(uniqueEmail("seed-stats"), { contacts: 60, touches: 300 }));
    const plan = rowsOf<Record<string, string>>(
      await t.db.execute(sql`explain select id from contacts where user_id = ${seeded.userId}`),
    ).map((row) => Object.values(row)[0]);
    const estimated = Number(/rows=(\d+)/.exec(plan.join("\n"))?.[1]);
    expect(estimated, plan.join("\n")).toBeGreaterThanOrEqual(30);
    const [unscored] = await t.db
      .select({ n: count() })
      .from(contacts)
      .where(and(eq(contacts.userId, seeded.userId), isNull(contacts.archivedAt), isNull(contacts.healthScore)));
    expect(unscored?.n).toBe(0);
  });
});
