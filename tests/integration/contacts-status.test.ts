import { eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { interactionContacts, interactions } from "@/db/schema";
import { createContact as createContactRow, createUser } from "../factories";
import { contactTestHelpers } from "../helpers/contacts";
import { createTestDb, type TestDb } from "../helpers/test-db";

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => {
  await t?.close();
});

const { actionsAs, touch, rowOf, everythingOf } = contactTestHelpers(() => t.db);

describe("archive, unarchive, snooze and delete actions", () => {
  it("archive and unarchive the user's contact", async () => {
    const me = await createUser(t.db);
    const mine = await createContactRow(t.db, { userId: me.id });
    const archived = await actionsAs(me.id).archive({ id: mine.id });
    expect(archived).toMatchObject({ ok: true, data: { id: mine.id, archivedAt: expect.any(Date) } });
    const first = (await rowOf(mine.id))?.archivedAt;
    await actionsAs(me.id).archive({ id: mine.id });
    expect((await rowOf(mine.id))?.archivedAt).toEqual(first);
    expect(await actionsAs(me.id).unarchive({ id: mine.id })).toEqual({ ok: true, data: { id: mine.id, archivedAt: null } });
  });

  it("snooze until a date, and clear it", async () => {
    const me = await createUser(t.db);
    const mine = await createContactRow(t.db, { userId: me.id });
    expect(await actionsAs(me.id).snooze({ id: mine.id, until: "2026-12-31" })).toEqual({
      ok: true,
      data: { id: mine.id, snoozedUntil: "2026-12-31" },
    });
    expect(await actionsAs(me.id).snooze({ id: mine.id, until: "" })).toEqual({
      ok: true,
      data: { id: mine.id, snoozedUntil: null },
    });
    const bad = await actionsAs(me.id).snooze({ id: mine.id, until: "2026-02-30" });
    expect(bad).toMatchObject({ ok: false, fieldErrors: { until: [expect.any(String)] } });
  });

  it("delete removes the contact and the touches that involved only them", async () => {
    const me = await createUser(t.db);
    const ada = await createContactRow(t.db, { userId: me.id });
    const bob = await createContactRow(t.db, { userId: me.id });
    await touch(me.id, [ada.id], new Date("2026-06-01T00:00:00Z"));
    await touch(me.id, [ada.id, bob.id], new Date("2026-06-02T00:00:00Z"));
    expect(await actionsAs(me.id).remove({ id: ada.id })).toEqual({ ok: true, data: { id: ada.id } });
    expect(await rowOf(ada.id)).toBeUndefined();
    const left = await t.db.select().from(interactions).where(eq(interactions.userId, me.id));
    expect(left).toHaveLength(1);
    expect(await t.db.select().from(interactionContacts).where(eq(interactionContacts.interactionId, left[0]?.id ?? ""))).toMatchObject([
      { contactId: bob.id },
    ]);
  });

  it("answer 'not found' for another user's contact, and nothing changes", async () => {
    const me = await createUser(t.db);
    const other = await createUser(t.db);
    const theirs = await createContactRow(t.db, { userId: other.id, snoozedUntil: "2026-07-01" });
    await touch(other.id, [theirs.id], new Date("2026-06-01T00:00:00Z"));
    const before = await everythingOf(theirs.id);
    const as = actionsAs(me.id);
    for (const result of [
      await as.archive({ id: theirs.id }),
      await as.unarchive({ id: theirs.id }),
      await as.snooze({ id: theirs.id, until: "2027-01-01" }),
      await as.remove({ id: theirs.id }),
    ]) {
      expect(result).toEqual({ ok: false, formError: "Contact not found." });
    }
    expect(await everythingOf(theirs.id)).toEqual(before);
    expect(await t.db.select().from(interactions).where(inArray(interactions.userId, [other.id]))).toHaveLength(1);
    expect(await as.remove({ id: "not-a-uuid" })).toMatchObject({ ok: false, fieldErrors: { id: ["Contact not found."] } });
  });
});
