import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  ensureCircles,
  getCircle,
  listCircles,
  listCirclesWithCounts,
  ownedCircleIds,
  setContactCircles,
} from "@/db/queries/circles";
import { circles, contactCircles, contacts } from "@/db/schema";
import { defineAuthedAction } from "@/lib/actions/define-action";
import { createCircle, deleteCircle, renameCircle } from "@/lib/circles/manage-circles";
import { updateContact } from "@/lib/contacts/save-contact";
import { createCircleSchema, deleteCircleSchema, renameCircleSchema } from "@/lib/validations/circle";
import { updateContactSchema } from "@/lib/validations/contact";
import { createCircle as createCircleRow, createContact, createUser } from "../factories";
import { createTestDb, type TestDb } from "../helpers/test-db";

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => {
  await t?.close();
});

const STRANGER_ID = "00000000-0000-4000-8000-000000000000";

function actionsAs(userId: string | null) {
  const authed = defineAuthedAction({ getUserId: async () => userId, getDb: async () => t.db });
  return {
    create: authed(createCircleSchema, createCircle),
    rename: authed(renameCircleSchema, renameCircle),
    remove: authed(deleteCircleSchema, deleteCircle),
    updateContact: authed(updateContactSchema, updateContact),
  };
}

async function circlesOfUser(userId: string) {
  return t.db.select({ id: circles.id, name: circles.name }).from(circles).where(eq(circles.userId, userId));
}

async function membersOf(circleId: string) {
  return (await t.db.select().from(contactCircles).where(eq(contactCircles.circleId, circleId))).map((row) => row.contactId);
}

describe("circle actions", () => {
  it("create a circle with a trimmed name, and refuse the same name in another case", async () => {
    const me = await createUser(t.db);
    const created = await actionsAs(me.id).create({ name: "  Alumni  " });
    expect(created).toEqual({ ok: true, data: { id: expect.any(String), name: "Alumni" } });
    const again = await actionsAs(me.id).create({ name: "ALUMNI" });
    expect(again).toMatchObject({ ok: false, fieldErrors: { name: [expect.stringMatching(/already have/)] } });
    expect(await circlesOfUser(me.id)).toHaveLength(1);
    const other = await createUser(t.db);
    expect(await actionsAs(other.id).create({ name: "alumni" })).toMatchObject({ ok: true });
  });

  it("refuses an empty or overlong name at the field", async () => {
    const me = await createUser(t.db);
    expect(await actionsAs(me.id).create({ name: "   " })).toMatchObject({ ok: false, fieldErrors: { name: [expect.any(String)] } });
    expect(await actionsAs(me.id).create({ name: "x".repeat(61) })).toMatchObject({ ok: false, fieldErrors: { name: [expect.any(String)] } });
    expect(await circlesOfUser(me.id)).toEqual([]);
  });

  it("renames a circle, keeping its members, and refuses a name already taken", async () => {
    const me = await createUser(t.db);
    const circle = await createCircleRow(t.db, { userId: me.id, name: "Old" });
    await createCircleRow(t.db, { userId: me.id, name: "Taken" });
    const contact = await createContact(t.db, { userId: me.id });
    await t.db.insert(contactCircles).values({ userId: me.id, contactId: contact.id, circleId: circle.id });
    expect(await actionsAs(me.id).rename({ id: circle.id, name: "New" })).toEqual({ ok: true, data: { id: circle.id, name: "New" } });
    expect(await actionsAs(me.id).rename({ id: circle.id, name: "new" })).toEqual({ ok: true, data: { id: circle.id, name: "new" } });
    expect(await actionsAs(me.id).rename({ id: circle.id, name: "taken" })).toMatchObject({
      ok: false,
      fieldErrors: { name: [expect.any(String)] },
    });
    expect(await getCircle(t.db, { userId: me.id, circleId: circle.id })).toEqual({ id: circle.id, name: "new" });
    expect(await membersOf(circle.id)).toEqual([contact.id]);
  });

  it("deletes a circle: the contacts stay, only the membership goes", async () => {
    const me = await createUser(t.db);
    const circle = await createCircleRow(t.db, { userId: me.id });
    const contact = await createContact(t.db, { userId: me.id });
    await t.db.insert(contactCircles).values({ userId: me.id, contactId: contact.id, circleId: circle.id });
    expect(await actionsAs(me.id).remove({ id: circle.id })).toEqual({ ok: true, data: { id: circle.id, name: circle.name } });
    expect(await getCircle(t.db, { userId: me.id, circleId: circle.id })).toBeUndefined();
    expect(await membersOf(circle.id)).toEqual([]);
    expect(await t.db.select().from(contacts).where(eq(contacts.id, contact.id))).toHaveLength(1);
  });

  it("answer 'not found' for another user's circle, and nothing changes", async () => {
    const me = await createUser(t.db);
    const other = await createUser(t.db);
    const theirs = await createCircleRow(t.db, { userId: other.id, name: "Theirs" });
    const theirContact = await createContact(t.db, { userId: other.id });
    await t.db.insert(contactCircles).values({ userId: other.id, contactId: theirContact.id, circleId: theirs.id });
    const as = actionsAs(me.id);
    expect(await as.rename({ id: theirs.id, name: "Mine now" })).toEqual({ ok: false, formError: "Circle not found." });
    expect(await as.remove({ id: theirs.id })).toEqual({ ok: false, formError: "Circle not found." });
    expect(await as.rename({ id: STRANGER_ID, name: "Nobody" })).toEqual({ ok: false, formError: "Circle not found." });
    expect(await getCircle(t.db, { userId: other.id, circleId: theirs.id })).toEqual({ id: theirs.id, name: "Theirs" });
    expect(await getCircle(t.db, { userId: me.id, circleId: theirs.id })).toBeUndefined();
    expect(await membersOf(theirs.id)).toEqual([theirContact.id]);
  });

  it("asks for a session when there is none", async () => {
    expect(await actionsAs(null).create({ name: "Alumni" })).toEqual({ ok: false, formError: expect.stringMatching(/sign in/i) });
  });
});

describe("circle queries", () => {
  it("list the user's circles by name with their active member counts in one query", async () => {
    const me = await createUser(t.db);
    const other = await createUser(t.db);
    const band = await createCircleRow(t.db, { userId: me.id, name: "band" });
    const alumni = await createCircleRow(t.db, { userId: me.id, name: "Alumni" });
    const empty = await createCircleRow(t.db, { userId: me.id, name: "Chess" });
    await createCircleRow(t.db, { userId: other.id, name: "Aardvarks" });
    const [a, b, gone] = [
      await createContact(t.db, { userId: me.id }),
      await createContact(t.db, { userId: me.id }),
      await createContact(t.db, { userId: me.id, archivedAt: new Date() }),
    ];
    await t.db.insert(contactCircles).values([
      { userId: me.id, contactId: a.id, circleId: band.id },
      { userId: me.id, contactId: b.id, circleId: band.id },
      { userId: me.id, contactId: gone.id, circleId: band.id },
      { userId: me.id, contactId: a.id, circleId: alumni.id },
    ]);
    expect(await listCirclesWithCounts(t.db, { userId: me.id })).toEqual([
      { id: alumni.id, name: "Alumni", memberCount: 1 },
      { id: band.id, name: "band", memberCount: 2 },
      { id: empty.id, name: "Chess", memberCount: 0 },
    ]);
    expect((await listCircles(t.db, { userId: me.id })).map((circle) => circle.name)).toEqual(["Alumni", "band", "Chess"]);
    expect(await listCircles(t.db, { userId: STRANGER_ID })).toEqual([]);
  });

  it("ensureCircles reuses names without case and creates the rest", async () => {
    const me = await createUser(t.db);
    const alumni = await createCircleRow(t.db, { userId: me.id, name: "Alumni" });
    const ids = await t.db.transaction((tx) => ensureCircles(tx, { userId: me.id, names: ["alumni", "Chess", "chess"] }));
    expect([...ids.keys()].sort()).toEqual(["alumni", "chess"]);
    expect(ids.get("alumni")).toBe(alumni.id);
    expect((await circlesOfUser(me.id)).map((circle) => circle.name).sort()).toEqual(["Alumni", "Chess"]);
  });

  it("never assigns another user's circle, even when asked directly", async () => {
    const me = await createUser(t.db);
    const other = await createUser(t.db);
    const mine = await createCircleRow(t.db, { userId: me.id });
    const theirs = await createCircleRow(t.db, { userId: other.id });
    const contact = await createContact(t.db, { userId: me.id });
    expect(await ownedCircleIds(t.db, { userId: me.id, circleIds: [mine.id, theirs.id] })).toEqual([mine.id]);
    await t.db.transaction((tx) =>
      setContactCircles(tx, { userId: me.id, contactId: contact.id, circleIds: [mine.id, theirs.id] }),
    );
    expect(await membersOf(mine.id)).toEqual([contact.id]);
    expect(await membersOf(theirs.id)).toEqual([]);
  });
});

describe("assigning circles from the contact form", () => {
  const base = {
    company: "",
    role: "",
    location: "",
    notes: "",
    tier: "regular" as const,
    cadenceDays: "",
    birthdayMonth: "",
    birthdayDay: "",
    birthdayYear: "",
    emails: [],
    phones: [],
    links: [],
  };

  it("assigns many circles to a contact and replaces them on the next save", async () => {
    const me = await createUser(t.db);
    const [a, b, c] = [
      await createCircleRow(t.db, { userId: me.id }),
      await createCircleRow(t.db, { userId: me.id }),
      await createCircleRow(t.db, { userId: me.id }),
    ];
    const contact = await createContact(t.db, { userId: me.id, name: "Ada" });
    const as = actionsAs(me.id);
    expect(await as.updateContact({ ...base, id: contact.id, name: "Ada", circleIds: [a.id, b.id, a.id] })).toMatchObject({ ok: true });
    expect([...(await membersOf(a.id)), ...(await membersOf(b.id))]).toEqual([contact.id, contact.id]);
    expect(await as.updateContact({ ...base, id: contact.id, name: "Ada", circleIds: [c.id] })).toMatchObject({ ok: true });
    expect([await membersOf(a.id), await membersOf(b.id), await membersOf(c.id)]).toEqual([[], [], [contact.id]]);
  });

  it("refuses another user's circle id, and the contact's circles stay as they were", async () => {
    const me = await createUser(t.db);
    const other = await createUser(t.db);
    const mine = await createCircleRow(t.db, { userId: me.id });
    const theirs = await createCircleRow(t.db, { userId: other.id });
    const contact = await createContact(t.db, { userId: me.id, name: "Ada" });
    await t.db.insert(contactCircles).values({ userId: me.id, contactId: contact.id, circleId: mine.id });
    const result = await actionsAs(me.id).updateContact({ ...base, id: contact.id, name: "Ada", circleIds: [theirs.id] });
    expect(result).toMatchObject({ ok: false, fieldErrors: { circleIds: [expect.any(String)] } });
    expect(await membersOf(mine.id)).toEqual([contact.id]);
    expect(await membersOf(theirs.id)).toEqual([]);
  });
});
