import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { refreshContactSchedule } from "@/db/queries/schedule";
import { insertTouch } from "@/db/queries/touches-write";
import { contacts, interactions } from "@/db/schema";
import { defineAuthedAction } from "@/lib/actions/define-action";
import { saveSettings } from "@/lib/settings/save-settings";
import { settingsInputSchema } from "@/lib/validations/settings";
import { createContact, createUser } from "../factories";
import { createTestDb, type TestDb } from "../helpers/test-db";

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => {
  await t?.close();
});

const DAY = 86_400_000;

async function schedule(contactId: string) {
  const [row] = await t.db
    .select({ last: contacts.lastTouchedAt, next: contacts.nextDueAt })
    .from(contacts)
    .where(eq(contacts.id, contactId));
  return row;
}

describe("contact schedule", () => {
  it("counts from creation until the first touch, then from the latest touch, by cadence", async () => {
    const user = await createUser(t.db, { defaultCadenceDays: 30 });
    const created = new Date("2026-01-01T00:00:00Z");
    const regular = await createContact(t.db, { userId: user.id, createdAt: created });
    const inner = await createContact(t.db, { userId: user.id, createdAt: created, tier: "inner" });
    const own = await createContact(t.db, { userId: user.id, createdAt: created, tier: "inner", cadenceDays: 7 });
    await refreshContactSchedule(t.db, { userId: user.id });
    expect((await schedule(regular.id))?.next).toEqual(new Date(created.getTime() + 30 * DAY));
    expect((await schedule(inner.id))?.next).toEqual(new Date(created.getTime() + 14 * DAY));
    expect((await schedule(own.id))?.next).toEqual(new Date(created.getTime() + 7 * DAY));

    const touchedAt = new Date("2026-02-10T12:00:00Z");
    await t.db.transaction((tx) =>
      insertTouch(tx, { userId: user.id, touch: { occurredAt: touchedAt, channel: "call", contactIds: [regular.id, inner.id] } }),
    );
    expect(await schedule(regular.id)).toEqual({ last: touchedAt, next: new Date(touchedAt.getTime() + 30 * DAY) });
    expect(await schedule(inner.id)).toEqual({ last: touchedAt, next: new Date(touchedAt.getTime() + 14 * DAY) });
    // An older touch does not move the date back.
    await t.db.transaction((tx) =>
      insertTouch(tx, { userId: user.id, touch: { occurredAt: created, channel: "email", contactIds: [regular.id] } }),
    );
    expect((await schedule(regular.id))?.last).toEqual(touchedAt);
  });

  it("moves contacts on the default cadence when the user changes it", async () => {
    const user = await createUser(t.db, { defaultCadenceDays: 30, timeZone: "UTC" });
    const created = new Date("2026-03-01T00:00:00Z");
    const contact = await createContact(t.db, { userId: user.id, createdAt: created });
    const action = defineAuthedAction({ getUserId: async () => user.id, getDb: async () => t.db })(settingsInputSchema, saveSettings);
    const result = await action({ name: "", timeZone: "UTC", digestWeekday: 1, digestHour: 8, digestEnabled: true, journalPromptEnabled: true, defaultCadenceDays: 60 });
    expect(result.ok).toBe(true);
    expect((await schedule(contact.id))?.next).toEqual(new Date(created.getTime() + 60 * DAY));
  });

  it("refuses a touch naming another user's contact, and writes nothing", async () => {
    const me = await createUser(t.db);
    const other = await createUser(t.db);
    const mine = await createContact(t.db, { userId: me.id });
    const theirs = await createContact(t.db, { userId: other.id });
    const result = await t.db.transaction((tx) =>
      insertTouch(tx, { userId: me.id, touch: { occurredAt: new Date(), channel: "call", contactIds: [mine.id, theirs.id] } }),
    );
    expect(result).toBeUndefined();
    expect(await t.db.select().from(interactions).where(eq(interactions.userId, me.id))).toEqual([]);
    expect((await schedule(theirs.id))?.last).toBeNull();
  });
});
