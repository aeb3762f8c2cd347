import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getContact } from "@/db/queries/contacts";
import { circles, contactCircles, contactEmails, contacts } from "@/db/schema";
import type { CreateContactInput } from "@/lib/validations/contact";
import { createCircle, createContact as createContactRow, createUser } from "../factories";
import { contactTestHelpers } from "../helpers/contacts";
import { createTestDb, type TestDb } from "../helpers/test-db";

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => {
  await t?.close();
});

const DAY = 86_400_000;

const { actionsAs, everythingOf } = contactTestHelpers(() => t.db);

const blank: CreateContactInput = {
  name: "",
  company: "",
  role: "",
  location: "",
  notes: "",
  tier: "regular",
  cadenceDays: "",
  emails: [],
  phones: [],
  links: [],
  birthdayMonth: "",
  birthdayDay: "",
  birthdayYear: "",
  circleIds: [],
  newCircleNames: [],
};

describe("create contact action", () => {
  it("creates the contact with its emails, phones, links, circles (new ones too) and schedule", async () => {
    const me = await createUser(t.db, { defaultCadenceDays: 30 });
    const alumni = await createCircle(t.db, { userId: me.id, name: "Alumni" });
    const result = await actionsAs(me.id).create({
      ...blank,
      name: "  Ada Lovelace ",
      company: "Analytical Engines",
      tier: "inner",
      cadenceDays: "21",
      emails: [
        { email: "ada@example.com", label: "work" },
        { email: "", label: "" },
      ],
      phones: [{ phone: "+44 20 7946 0958", label: "" }],
      links: [{ url: "linkedin.com/in/ada", label: "LinkedIn" }],
      birthdayMonth: "2",
      birthdayDay: "29",
      circleIds: [alumni.id],
      newCircleNames: ["Volunteering", "alumni"],
    });
    expect(result).toMatchObject({ ok: true, data: { status: "created" } });
    if (!result.ok || result.data.status !== "created") return;
    const saved = await getContact(t.db, { userId: me.id, contactId: result.data.id });
    expect(saved).toMatchObject({
      name: "Ada Lovelace",
      company: "Analytical Engines",
      role: null,
      tier: "inner",
      cadenceDays: 21,
      effectiveCadenceDays: 21,
      birthdayMonth: 2,
      birthdayDay: 29,
      emails: [{ email: "ada@example.com", label: "work" }],
      phones: [{ phone: "+44 20 7946 0958", label: null }],
      links: [{ url: "https://linkedin.com/in/ada", label: "LinkedIn" }],
    });
    expect(saved?.circles.map((circle) => circle.name)).toEqual(["Alumni", "Volunteering"]);
    expect(saved?.nextDueAt?.getTime()).toBe((saved?.createdAt.getTime() ?? 0) + 21 * DAY);
    expect(await t.db.select().from(circles).where(eq(circles.userId, me.id))).toHaveLength(2);
  });

  it("warns about likely duplicates and writes nothing, then creates anyway when confirmed", async () => {
    const me = await createUser(t.db);
    const existing = await createContactRow(t.db, { userId: me.id, name: "Grace Hopper", company: "US Navy" });
    const input = { ...blank, name: "grace hopper", company: "US NAVY", emails: [{ email: "amazing.grace@navy.example", label: "" }] };
    const warned = await actionsAs(me.id).create(input);
    expect(warned).toEqual({
      ok: true,
      data: {
        status: "duplicates",
        duplicates: [{ id: existing.id, name: "Grace Hopper", company: "US Navy", archivedAt: null, reason: "name" }],
      },
    });
    expect(await t.db.select().from(contacts).where(eq(contacts.userId, me.id))).toHaveLength(1);
    const confirmed = await actionsAs(me.id).create({ ...input, confirmDuplicate: true });
    expect(confirmed).toMatchObject({ ok: true, data: { status: "created" } });
    expect(await t.db.select().from(contacts).where(eq(contacts.userId, me.id))).toHaveLength(2);
  });

  it("refuses an email another contact has, at its row and naming who, even when confirmed", async () => {
    const me = await createUser(t.db);
    const stranger = await createUser(t.db);
    const existing = await createContactRow(t.db, { userId: me.id, name: "Grace Hopper" });
    await t.db.insert(contactEmails).values({ userId: me.id, contactId: existing.id, email: "grace@navy.example" });
    // Another user's contact with that email changes nothing for me.
    const theirs = await createContactRow(t.db, { userId: stranger.id, name: "Their Grace" });
    await t.db.insert(contactEmails).values({ userId: stranger.id, contactId: theirs.id, email: "ada@engines.example" });
    const input = {
      ...blank,
      name: "Rear Admiral Hopper",
      emails: [
        { email: "ada@engines.example", label: "" },
        { email: "GRACE@navy.example", label: "" },
      ],
    };
    for (const confirmDuplicate of [false, true]) {
      const refused = await actionsAs(me.id).create({ ...input, confirmDuplicate });
      expect(refused).toMatchObject({
        ok: false,
        conflict: true,
        fieldErrors: { "emails.1.email": ["Grace Hopper already has this email."] },
      });
      expect(refused.ok || Object.keys(refused.fieldErrors ?? {})).toEqual(["emails.1.email"]);
    }
    expect(await t.db.select().from(contacts).where(eq(contacts.userId, me.id))).toHaveLength(1);
    expect(await t.db.select().from(contactEmails).where(eq(contactEmails.userId, me.id))).toHaveLength(1);
  });

  it("refuses bad input at the right fields and writes nothing", async () => {
    const me = await createUser(t.db);
    const result = await actionsAs(me.id).create({
      ...blank,
      cadenceDays: "0",
      emails: [{ email: "ok@example.com", label: "" }, { email: "nope", label: "" }],
      links: [{ url: "javascript:alert(1)", label: "" }],
      birthdayMonth: "4",
      birthdayDay: "31",
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(Object.keys(result.fieldErrors ?? {}).sort()).toEqual([
      "birthdayDay",
      "cadenceDays",
      "emails.1.email",
      "links.0.url",
      "name",
    ]);
    expect(result.fieldErrors?.birthdayDay).toEqual(["April has 30 days."]);
    expect(await t.db.select().from(contacts).where(eq(contacts.userId, me.id))).toEqual([]);
  });

  it("refuses another user's circle id and writes nothing", async () => {
    const me = await createUser(t.db);
    const other = await createUser(t.db);
    const theirCircle = await createCircle(t.db, { userId: other.id });
    const result = await actionsAs(me.id).create({
      ...blank,
      name: "Ada",
      circleIds: [theirCircle.id],
      newCircleNames: ["Fresh"],
    });
    expect(result).toMatchObject({ ok: false, fieldErrors: { circleIds: [expect.any(String)] } });
    expect(await t.db.select().from(contacts).where(eq(contacts.userId, me.id))).toEqual([]);
    expect(await t.db.select().from(circles).where(eq(circles.userId, me.id))).toEqual([]);
    expect(await t.db.select().from(contactCircles).where(eq(contactCircles.circleId, theirCircle.id))).toEqual([]);
  });

  it("asks for a session when there is none", async () => {
    expect(await actionsAs(null).create({ ...blank, name: "Ada" })).toEqual({
      ok: false,
      formError: expect.stringMatching(/sign in/i),
    });
  });
});

describe("update contact action", () => {
  it("replaces fields, details and circles, and moves the next due date", async () => {
    const me = await createUser(t.db, { defaultCadenceDays: 30 });
    const [keep, drop] = [await createCircle(t.db, { userId: me.id }), await createCircle(t.db, { userId: me.id })];
    const created = await actionsAs(me.id).create({
      ...blank,
      name: "Ada",
      emails: [{ email: "old@example.com", label: "" }],
      phones: [{ phone: "123", label: "" }],
      circleIds: [keep.id, drop.id],
    });
    if (!created.ok || created.data.status !== "created") throw new Error("setup failed");
    const id = created.data.id;
    const result = await actionsAs(me.id).update({
      ...blank,
      id,
      name: "Ada King",
      role: "Countess",
      tier: "distant",
      emails: [{ email: "new@example.com", label: "home" }],
      circleIds: [keep.id],
      newCircleNames: ["Poets"],
    });
    expect(result).toEqual({ ok: true, data: { id } });
    const saved = await getContact(t.db, { userId: me.id, contactId: id });
    expect(saved).toMatchObject({
      name: "Ada King",
      role: "Countess",
      tier: "distant",
      emails: [{ email: "new@example.com", label: "home" }],
      phones: [],
    });
    expect(saved?.circles.map((circle) => circle.id).sort()).toEqual(
      [keep.id, (await t.db.select().from(circles).where(eq(circles.name, "Poets")))[0]?.id].sort(),
    );
    expect(saved?.nextDueAt?.getTime()).toBe((saved?.createdAt.getTime() ?? 0) + 90 * DAY);
  });

  it("keeps a contact's own emails in any case, and refuses one another contact has, changing nothing", async () => {
    const me = await createUser(t.db);
    const grace = await actionsAs(me.id).create({ ...blank, name: "Grace", emails: [{ email: "grace@navy.example", label: "" }] });
    const ada = await actionsAs(me.id).create({ ...blank, name: "Ada", emails: [{ email: "ada@engines.example", label: "" }] });
    if (!grace.ok || grace.data.status !== "created" || !ada.ok || ada.data.status !== "created") throw new Error("setup failed");
    const adaId = ada.data.id;
    const recased = await actionsAs(me.id).update({ ...blank, id: adaId, name: "Ada", emails: [{ email: "ADA@engines.example", label: "" }] });
    expect(recased).toEqual({ ok: true, data: { id: adaId } });
    const refused = await actionsAs(me.id).update({
      ...blank,
      id: adaId,
      name: "Ada King",
      emails: [
        { email: "ada@engines.example", label: "" },
        { email: "Grace@Navy.example", label: "" },
      ],
    });
    expect(refused).toMatchObject({ ok: false, conflict: true, fieldErrors: { "emails.1.email": ["Grace already has this email."] } });
    expect(await getContact(t.db, { userId: me.id, contactId: adaId })).toMatchObject({
      name: "Ada",
      emails: [{ email: "ADA@engines.example", label: null }],
    });
  });

  it("answers 'not found' for another user's contact, and nothing changes", async () => {
    const me = await createUser(t.db);
    const other = await createUser(t.db);
    const theirs = await createContactRow(t.db, { userId: other.id, name: "Theirs" });
    await t.db.insert(contactEmails).values({ userId: other.id, contactId: theirs.id, email: "t@example.com" });
    const before = await everythingOf(theirs.id);
    const result = await actionsAs(me.id).update({
      ...blank,
      id: theirs.id,
      name: "Hijacked",
      emails: [{ email: "evil@example.com", label: "" }],
      newCircleNames: ["Evil"],
    });
    expect(result).toEqual({ ok: false, formError: "Contact not found." });
    expect(await everythingOf(theirs.id)).toEqual(before);
    expect(await t.db.select().from(circles).where(eq(circles.userId, me.id))).toEqual([]);
  });

  it("turns reminders off (no due date) and on again (due by the cadence), and refuses a choice that is not yes or no", async () => {
    const me = await createUser(t.db, { defaultCadenceDays: 30 });
    const created = await actionsAs(me.id).create({ ...blank, name: "Quiet Quinn", remindersEnabled: false });
    if (!created.ok || created.data.status !== "created") throw new Error("not created");
    const id = created.data.id;
    expect(await getContact(t.db, { userId: me.id, contactId: id })).toMatchObject({ remindersEnabled: false, nextDueAt: null });

    expect(await actionsAs(me.id).update({ ...blank, id, name: "Quiet Quinn", remindersEnabled: "yes" as unknown as boolean })).toMatchObject({
      ok: false,
      fieldErrors: { remindersEnabled: [expect.any(String)] },
    });
    expect((await getContact(t.db, { userId: me.id, contactId: id }))?.remindersEnabled).toBe(false);

    expect(await actionsAs(me.id).update({ ...blank, id, name: "Quiet Quinn", remindersEnabled: true })).toMatchObject({ ok: true });
    const on = await getContact(t.db, { userId: me.id, contactId: id });
    expect(on?.remindersEnabled).toBe(true);
    expect(on?.nextDueAt?.getTime()).toBe((on?.createdAt.getTime() ?? 0) + 30 * DAY);
  });

  it("refuses another user's circle id, and nothing changes", async () => {
    const me = await createUser(t.db);
    const other = await createUser(t.db);
    const theirCircle = await createCircle(t.db, { userId: other.id });
    const mine = await createContactRow(t.db, { userId: me.id, name: "Mine" });
    const before = await everythingOf(mine.id);
    const result = await actionsAs(me.id).update({ ...blank, id: mine.id, name: "Renamed", circleIds: [theirCircle.id] });
    expect(result.ok).toBe(false);
    expect(await everythingOf(mine.id)).toEqual(before);
  });
});
