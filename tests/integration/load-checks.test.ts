import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { contacts, interactionContacts, interactions } from "@/db/schema";
import { logTouch } from "@/lib/touches/log-touch";
import { touchInputSchema } from "@/lib/validations/touch";
import { checkSchedules, checkTouches } from "@/scripts/lib/load-checks";
import type { SentTouch } from "@/scripts/lib/load-user";
import { createContact, createUser } from "../factories";
import { createTestDb, type TestDb } from "../helpers/test-db";

// bench:load's verdicts on lost and doubled writes come from these checks, so
// they must see each kind of damage when it is there, not only pass.

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => {
  await t?.close();
});

const PHASE = "test";

async function sendTouch(userId: string, contactIds: string[]): Promise<SentTouch> {
  const key = randomUUID();
  const summary = `bench:load ${PHASE} ${key}`;
  const input = touchInputSchema.parse({ contactIds, occurredOn: "2026-11-30", channel: "message", summary });
  const result = await logTouch(input, { userId, db: t.db });
  if (!result.ok) throw new Error("the touch was refused");
  return { userId, key, summary, contactIds, answeredId: result.data.id };
}

async function storeAgain(userId: string, touch: SentTouch) {
  const [row] = await t.db
    .insert(interactions)
    .values({ userId, occurredAt: new Date("2026-11-30T12:00:00Z"), channel: "message", summary: touch.summary })
    .returning({ id: interactions.id, occurredAt: interactions.occurredAt });
  if (!row) throw new Error("no row");
  await t.db
    .insert(interactionContacts)
    .values(touch.contactIds.map((contactId) => ({ userId, interactionId: row.id, contactId, occurredAt: row.occurredAt })));
}

describe("checkTouches", () => {
  it("counts a touch stored once as such, and finds lost, doubled, stray and unanswered ones", async () => {
    const user = await createUser(t.db);
    const [a, b, c] = await Promise.all([1, 2, 3].map(() => createContact(t.db, { userId: user.id })));
    if (!a || !b || !c) throw new Error("no contacts");
    const once = await sendTouch(user.id, [a.id, b.id]);
    const doubled = await sendTouch(user.id, [b.id, c.id]);
    await storeAgain(user.id, doubled);
    const lost: SentTouch = { userId: user.id, key: randomUUID(), summary: `bench:load ${PHASE} lost`, contactIds: [a.id], answeredId: randomUUID() };
    const unanswered = { ...(await sendTouch(user.id, [c.id])), answeredId: undefined };
    const never: SentTouch = { userId: user.id, key: randomUUID(), summary: `bench:load ${PHASE} never`, contactIds: [a.id] };
    // Stored, but missing from the list of what was sent.
    await sendTouch(user.id, [a.id]);

    const check = await checkTouches(t.db, { userIds: [user.id], phase: PHASE, sent: [once, doubled, lost, unanswered, never] });

    expect(check).toEqual({
      answered: 3,
      unanswered: 2,
      storedOnce: 1,
      lost: 1,
      doubled: 1,
      wrongLinks: 0,
      stray: 1,
      unansweredStored: 1,
    });
  });

  it("finds a touch stored without all its contacts", async () => {
    const user = await createUser(t.db);
    const [a, b] = await Promise.all([1, 2].map(() => createContact(t.db, { userId: user.id })));
    if (!a || !b) throw new Error("no contacts");
    const touch = await sendTouch(user.id, [a.id, b.id]);
    await t.db.delete(interactionContacts).where(eq(interactionContacts.contactId, b.id));

    const check = await checkTouches(t.db, { userIds: [user.id], phase: PHASE, sent: [touch] });

    expect(check.wrongLinks).toBe(1);
    expect(check.storedOnce).toBe(0);
  });
});

describe("checkSchedules", () => {
  it("passes what logging touches left, finds a next-due date changed behind its back, and changes nothing", async () => {
    const user = await createUser(t.db);
    const [a, b] = await Promise.all([1, 2].map(() => createContact(t.db, { userId: user.id, cadenceDays: 30 })));
    if (!a || !b) throw new Error("no contacts");
    await sendTouch(user.id, [a.id, b.id]);

    expect(await checkSchedules(t.db, { userIds: [user.id] })).toMatchObject({ checked: 2, mismatched: 0 });

    const wrong = new Date("2030-01-01T00:00:00Z");
    await t.db.update(contacts).set({ nextDueAt: wrong }).where(eq(contacts.id, a.id));
    const check = await checkSchedules(t.db, { userIds: [user.id] });

    expect(check).toMatchObject({ checked: 2, mismatched: 1 });
    expect(check.examples[0]).toContain(a.id);
    const [stored] = await t.db.select({ nextDueAt: contacts.nextDueAt }).from(contacts).where(eq(contacts.id, a.id));
    expect(stored?.nextDueAt?.toISOString()).toBe(wrong.toISOString());
  });
});
