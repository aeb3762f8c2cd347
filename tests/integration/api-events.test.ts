import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listEvents as listEventsQuery } from "@/db/queries/events";
import { contactEmails, contacts, events, interactions, stonePeople } from "@/db/schema";
import { createEvent, listEvents, quickAddPeople } from "@/lib/api/v1/events";
import { encodeCursor } from "@/lib/api/v1/keyset-cursor";
import { getReconnect } from "@/lib/api/v1/reconnect";
import { createContact, createEvent as seedEvent, createGoal, createStone, createUser } from "../factories";
import { answerOf, callOperation, issueToken, jsonOf, userWithToken, withoutTokenUse } from "../helpers/api";
import { releaseAppDb, useAsAppDb } from "../helpers/app-db";
import { databaseFingerprint, userFingerprint } from "../helpers/db-fingerprint";
import { createTestDb, type TestDb } from "../helpers/test-db";

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
  useAsAppDb(t);
});
afterAll(async () => {
  releaseAppDb();
  await t?.close();
});

type Problem = { status: number; detail: string; errors?: Record<string, string[]> };
type EventAnswer = {
  id: string;
  name: string;
  occurredOn: string;
  place: string | null;
  kind: string;
  notes: string | null;
  peopleCount: number;
};
type Page<T> = { data: T[]; nextCursor: string | null };
type Reconnect = { data: { contact: { id: string }; health: { reasons: string[] } }[]; total: number };

// Every page of the user's events, following nextCursor to the end.
async function walkEvents(token: string, limit: number): Promise<EventAnswer[]> {
  const seen: EventAnswer[] = [];
  let cursor: string | null = null;
  for (let pages = 0; pages < 100; pages++) {
    const query: Record<string, string> = { limit: String(limit), ...(cursor ? { cursor } : {}) };
    const page: Page<EventAnswer> = await answerOf(listEvents, { token, query });
    seen.push(...page.data);
    cursor = page.nextCursor;
    if (!cursor) return seen;
  }
  throw new Error("the cursor never ended");
}

describe("GET /events", () => {
  it("walks every event once, in the Events page's order, ties included, with each one's people", async () => {
    const { user, token } = await userWithToken(t.db, "read");
    const sameInstant = new Date("2026-11-20T09:00:00.000Z");
    for (let i = 0; i < 4; i++) await seedEvent(t.db, { userId: user.id, occurredOn: "2026-11-12", createdAt: sameInstant });
    for (let i = 0; i < 3; i++) await seedEvent(t.db, { userId: user.id, occurredOn: "2026-11-12" });
    for (const occurredOn of ["2026-10-01", "2026-12-01", "2025-05-05"]) await seedEvent(t.db, { userId: user.id, occurredOn });
    const met = await seedEvent(t.db, { userId: user.id, occurredOn: "2026-09-09", place: "Berlin" });
    await createContact(t.db, { userId: user.id, metAtEventId: met.id });
    await createContact(t.db, { userId: user.id, metAtEventId: met.id });
    const other = await createUser(t.db);
    const theirs = await seedEvent(t.db, { userId: other.id, occurredOn: "2026-11-12", createdAt: sameInstant });

    const page = await listEventsQuery(t.db, { userId: user.id, page: 1, pageSize: 100 });
    for (const limit of [1, 3, 10]) {
      const ids = (await walkEvents(token, limit)).map((event) => event.id);
      expect(ids, `limit ${limit}`).toEqual(page.events.map((event) => event.id));
    }
    const walked = await walkEvents(token, 2);
    expect(new Set(walked.map((event) => event.id)).size).toBe(11);
    expect(walked.map((event) => event.id)).not.toContain(theirs.id);
    expect(walked.find((event) => event.id === met.id)).toEqual({
      id: met.id,
      name: met.name,
      occurredOn: "2026-09-09",
      place: "Berlin",
      kind: "meetup",
      notes: null,
      peopleCount: 2,
    });
  });

  it("refuses a cursor it did not give out, and a limit out of range, naming the field", async () => {
    const { token } = await userWithToken(t.db, "read");
    const foreign = encodeCursor({ occurredOn: "2026-01-01", id: randomUUID() });
    const forged = encodeCursor({ occurredOn: "x", createdAt: "y", id: "z" });
    const yearZero = encodeCursor({ occurredOn: "0000-01-01", createdAt: "0000-01-01T00:00:00.000000Z", id: randomUUID() });
    for (const cursor of ["nope", foreign, forged, yearZero]) {
      const problem = await jsonOf<Problem>(await callOperation(listEvents, { token, query: { cursor } }), 400);
      expect(Object.keys(problem.errors ?? {})).toEqual(["cursor"]);
    }
    for (const limit of ["0", "101", "two"]) {
      const problem = await jsonOf<Problem>(await callOperation(listEvents, { token, query: { limit } }), 400);
      expect(Object.keys(problem.errors ?? {})).toEqual(["limit"]);
    }
  });
});

describe("POST /events", () => {
  it("creates the event as the New event form does", async () => {
    const { user, token } = await userWithToken(t.db);
    const body = { name: "  PyCon  ", occurredOn: "2026-11-01", place: "", kind: "conference", notes: "Talk on CRDTs" };
    const created = await answerOf<EventAnswer>(createEvent, { token, body });
    expect(created).toEqual({
      id: expect.any(String),
      name: "PyCon",
      occurredOn: "2026-11-01",
      place: null,
      kind: "conference",
      notes: "Talk on CRDTs",
      peopleCount: 0,
    });
    const [row] = await t.db.select().from(events).where(eq(events.id, created.id));
    expect(row).toMatchObject({ userId: user.id, name: "PyCon", occurredOn: "2026-11-01", place: null, kind: "conference" });
  });

  it("names the fields to fix, and writes nothing", async () => {
    const { user, token } = await userWithToken(t.db);
    const before = await userFingerprint(t.db, user.id);
    const problem = await jsonOf<Problem>(
      await callOperation(createEvent, { token, body: { name: " ", occurredOn: "2026-02-30", kind: "party" } }),
      400,
    );
    expect(Object.keys(problem.errors ?? {}).sort()).toEqual(["kind", "name", "occurredOn"]);
    expect(withoutTokenUse(await userFingerprint(t.db, user.id))).toEqual(withoutTokenUse(before));
  });

  it("refuses a read-only token, and writes nothing", async () => {
    const { user, token } = await userWithToken(t.db, "read");
    const response = await callOperation(createEvent, { token, body: { name: "Meetup", occurredOn: "2026-11-01", kind: "meetup" } });
    expect(response.status).toBe(403);
    expect(await t.db.select().from(events).where(eq(events.userId, user.id))).toEqual([]);
  });
});

describe("POST /events/{id}/people", () => {
  it("adds new people and links an existing contact by email, with one 'met at' touch", async () => {
    const { user, token } = await userWithToken(t.db);
    const event = await seedEvent(t.db, { userId: user.id, occurredOn: "2026-11-12" });
    const known = await createContact(t.db, { userId: user.id, name: "Grace Hopper" });
    await t.db.insert(contactEmails).values({ userId: user.id, contactId: known.id, email: "grace@example.com", isPrimary: true });
    const body = {
      rows: [
        { name: "Ada Lovelace", email: "ada@example.com", circles: "PyCon", followUpDays: 7 },
        { name: "Alan Turing", company: "Bletchley" },
        { name: "G. Hopper", email: "GRACE@example.com", role: "Admiral" },
      ],
    };
    const answer = await answerOf(quickAddPeople, { token, params: { id: event.id }, body });
    expect(answer).toEqual({ created: 2, linked: 1 });
    const met = await t.db.select().from(contacts).where(eq(contacts.metAtEventId, event.id));
    expect(met.map((contact) => contact.name).sort()).toEqual(["Ada Lovelace", "Alan Turing", "Grace Hopper"]);
    expect(met.find((contact) => contact.id === known.id)?.role).toBe("Admiral");
    const ada = met.find((contact) => contact.name === "Ada Lovelace");
    expect(ada?.nextDueAt?.toISOString()).toBe("2026-11-19T12:00:00.000Z");
    const touches = await t.db.select().from(interactions).where(eq(interactions.eventId, event.id));
    expect(touches).toHaveLength(1);
    expect(touches[0]).toMatchObject({ userId: user.id, channel: "event", summary: `Met at ${event.name}` });
  });

  it("saves once when the same idempotencyKey is sent twice", async () => {
    const { user, token } = await userWithToken(t.db);
    const event = await seedEvent(t.db, { userId: user.id });
    const body = { rows: [{ name: "Katherine Johnson" }], idempotencyKey: randomUUID() };
    const first = await answerOf(quickAddPeople, { token, params: { id: event.id }, body });
    const replay = await answerOf(quickAddPeople, { token, params: { id: event.id }, body });
    expect(replay).toEqual(first);
    const added = await t.db.select().from(contacts).where(and(eq(contacts.userId, user.id), eq(contacts.metAtEventId, event.id)));
    expect(added).toHaveLength(1);
  });

  it("answers 404 for another user's event, and nothing of either user changes", async () => {
    const { user, token } = await userWithToken(t.db);
    const other = await createUser(t.db);
    const theirs = await seedEvent(t.db, { userId: other.id });
    const [mine, their] = [await userFingerprint(t.db, user.id), await userFingerprint(t.db, other.id)];
    const body = { rows: [{ name: "Ada", email: "ada@example.com", circles: "x" }], idempotencyKey: randomUUID() };
    const problem = await jsonOf<Problem>(await callOperation(quickAddPeople, { token, params: { id: theirs.id }, body }), 404);
    expect(problem.detail).toMatch(/not found/i);
    expect(JSON.stringify(problem)).not.toContain(theirs.name);
    expect((await callOperation(quickAddPeople, { token, params: { id: "not-an-id" }, body })).status).toBe(404);
    expect(withoutTokenUse(await userFingerprint(t.db, user.id))).toEqual(withoutTokenUse(mine));
    expect(await userFingerprint(t.db, other.id)).toEqual(their);
  });

  it("names the rows to fix, refuses a read-only token, and writes nothing", async () => {
    const { user, token } = await userWithToken(t.db);
    const event = await seedEvent(t.db, { userId: user.id });
    const before = await databaseFingerprint(t.db);
    const empty = await jsonOf<Problem>(await callOperation(quickAddPeople, { token, params: { id: event.id }, body: { rows: [] } }), 400);
    expect(Object.keys(empty.errors ?? {})).toEqual(["rows"]);
    const twice = { rows: [{ name: "A", email: "a@example.com" }, { name: "B", email: "A@example.com", followUpDays: 999 }] };
    const same = await jsonOf<Problem>(await callOperation(quickAddPeople, { token, params: { id: event.id }, body: twice }), 400);
    expect(Object.keys(same.errors ?? {}).sort()).toEqual(["rows.1.email", "rows.1.followUpDays"]);
    const readOnly = await issueToken(t.db, user.id, "read");
    const refused = await callOperation(quickAddPeople, { token: readOnly, params: { id: event.id }, body: { rows: [{ name: "C" }] } });
    expect(refused.status).toBe(403);
    expect(withoutTokenUse(await databaseFingerprint(t.db))).toEqual(withoutTokenUse(before));
  });
});

describe("GET /reconnect", () => {
  const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000);

  it("lists the overdue people, the longest overdue first, with the reasons of their health", async () => {
    const { user, token } = await userWithToken(t.db, "read");
    const longest = await createContact(t.db, {
      userId: user.id,
      name: "Longest",
      company: "Acme",
      nextDueAt: daysAgo(20),
      createdAt: daysAgo(50),
    });
    const recent = await createContact(t.db, { userId: user.id, name: "Recent", nextDueAt: daysAgo(3) });
    await createContact(t.db, { userId: user.id, name: "Not yet", nextDueAt: new Date(Date.now() + 86_400_000) });
    await createContact(t.db, { userId: user.id, name: "Snoozed", nextDueAt: daysAgo(9), snoozedUntil: "2999-01-01" });
    const other = await createUser(t.db);
    const theirs = await createContact(t.db, { userId: other.id, name: "Theirs", nextDueAt: daysAgo(50) });
    const before = withoutTokenUse(await databaseFingerprint(t.db));

    const answer = await answerOf<Reconnect>(getReconnect, { token });
    expect(answer.total).toBe(2);
    expect(answer.data.map((entry) => entry.contact.id)).toEqual([longest.id, recent.id]);
    expect(JSON.stringify(answer)).not.toContain(theirs.id);
    expect(answer.data[0]).toMatchObject({
      contact: { id: longest.id, name: "Longest", company: "Acme" },
      overdueDays: expect.any(Number),
      due: expect.stringMatching(/overdue/),
      lastTouch: null,
      health: { score: expect.any(Number), band: expect.any(String), explanation: expect.any(String) },
    });
    expect(answer.data[0]?.health.reasons).toHaveLength(3);
    expect(answer.data[0]?.health.reasons[0]).toBe("No touch in the 50 days since you added them; you aimed for every 30 days");
    expect(withoutTokenUse(await databaseFingerprint(t.db))).toEqual(before);

    const first = await answerOf<{ data: unknown[]; total: number }>(getReconnect, { token, query: { limit: "1" } });
    expect(first).toMatchObject({ data: [{ contact: { id: longest.id } }], total: 2 });
  });

  it("keeps to a goal's people, and another user's goal matches nobody", async () => {
    const { user, token } = await userWithToken(t.db, "read");
    const overdue = await createContact(t.db, { userId: user.id, nextDueAt: daysAgo(5) });
    await createContact(t.db, { userId: user.id, nextDueAt: daysAgo(6) });
    const goal = await createGoal(t.db, { userId: user.id });
    const stone = await createStone(t.db, { userId: user.id, goalId: goal.id });
    await t.db.insert(stonePeople).values({ userId: user.id, stoneId: stone.id, contactId: overdue.id, part: "can_help" });
    const other = await createUser(t.db);
    const theirGoal = await createGoal(t.db, { userId: other.id });

    const forGoal = await answerOf<Reconnect>(getReconnect, { token, query: { goal: goal.id } });
    expect(forGoal.data.map((entry) => entry.contact.id)).toEqual([overdue.id]);
    expect(await answerOf(getReconnect, { token, query: { goal: theirGoal.id } })).toEqual({ data: [], total: 0 });
    const problem = await jsonOf<Problem>(await callOperation(getReconnect, { token, query: { goal: "mine" } }), 400);
    expect(Object.keys(problem.errors ?? {})).toEqual(["goal"]);
  });
});
