import { and, asc, count, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  circles,
  contactCircles,
  contactEmails,
  contacts,
  interactionContacts,
  interactions,
} from "@/db/schema";
import { defineAuthedAction } from "@/lib/actions/define-action";
import { previewQuickAdd, quickAddPeople } from "@/lib/events/quick-add";
import { type QuickAddInput, quickAddInputSchema, quickAddPreviewInputSchema } from "@/lib/validations/quick-add";
import { createContact, createEvent, createUser } from "../factories";
import { createTestDb, type TestDb } from "../helpers/test-db";

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => {
  await t?.close();
});

const DAY = 86_400_000;

// The production actions are these compositions with the session's user id.
function actionsAs(userId: string | null) {
  const authedAction = defineAuthedAction({ getUserId: async () => userId, getDb: async () => t.db });
  return {
    preview: authedAction(quickAddPreviewInputSchema, previewQuickAdd),
    quickAdd: authedAction(quickAddInputSchema, quickAddPeople),
  };
}

// Row counts of everything a quick add may write, for one user.
const written = { contacts, contactEmails, circles, contactCircles, interactions, interactionContacts };

async function footprint(userId: string): Promise<Record<keyof typeof written, number>> {
  const counts = await Promise.all(
    Object.entries(written).map(async ([name, table]) => {
      const [row] = await t.db.select({ n: count() }).from(table).where(eq(table.userId, userId));
      return [name, row?.n ?? 0] as const;
    }),
  );
  return Object.fromEntries(counts) as Record<keyof typeof written, number>;
}

async function contactRow(id: string) {
  const [row] = await t.db.select().from(contacts).where(eq(contacts.id, id));
  return row;
}

describe("quick add", () => {
  it("creates every person with email and circles, linked to the event by one touch on its date", async () => {
    const user = await createUser(t.db, { defaultCadenceDays: 30 });
    const event = await createEvent(t.db, { userId: user.id, name: "Women in Tech meetup", occurredOn: "2026-11-12" });
    // An existing circle in another case is reused, not duplicated.
    await t.db.insert(circles).values({ userId: user.id, name: "Volunteering" });
    const input: QuickAddInput = {
      eventId: event.id,
      rows: [
        {
          name: " Ada Lovelace ",
          company: "Analytical Engines",
          role: "Countess",
          email: "Ada@Example.com",
          circles: "volunteering, Mathematicians",
          note: "Wants an intro to Babbage.",
          followUpDays: "7",
        },
        { name: "Grace Hopper", company: "", role: "", email: "", circles: "", note: "", followUpDays: "" },
      ],
    };
    const result = await actionsAs(user.id).quickAdd(input);
    expect(result).toEqual({ ok: true, data: { created: 2, linked: 0 } });

    const people = await t.db
      .select()
      .from(contacts)
      .where(eq(contacts.userId, user.id))
      .orderBy(asc(contacts.name));
    expect(people.map((p) => [p.name, p.company, p.role, p.notes, p.metAtEventId])).toEqual([
      ["Ada Lovelace", "Analytical Engines", "Countess", "Wants an intro to Babbage.", event.id],
      ["Grace Hopper", null, null, null, event.id],
    ]);
    const [ada, grace] = people;
    if (!ada || !grace) throw new Error("missing contacts");

    const emails = await t.db.select().from(contactEmails).where(eq(contactEmails.userId, user.id));
    expect(emails.map((e) => [e.contactId, e.email, e.isPrimary])).toEqual([[ada.id, "Ada@Example.com", true]]);

    const userCircles = await t.db.select().from(circles).where(eq(circles.userId, user.id)).orderBy(asc(circles.name));
    expect(userCircles.map((c) => c.name)).toEqual(["Mathematicians", "Volunteering"]);
    const adaCircles = await t.db
      .select({ name: circles.name })
      .from(contactCircles)
      .innerJoin(circles, eq(circles.id, contactCircles.circleId))
      .where(eq(contactCircles.contactId, ada.id))
      .orderBy(asc(circles.name));
    expect(adaCircles.map((c) => c.name)).toEqual(["Mathematicians", "Volunteering"]);

    const metAt = new Date("2026-11-12T12:00:00Z");
    const touches = await t.db.select().from(interactions).where(eq(interactions.userId, user.id));
    expect(touches).toHaveLength(1);
    expect(touches[0]).toMatchObject({ channel: "event", summary: "Met at Women in Tech meetup", eventId: event.id, occurredAt: metAt });
    const linkedTo = await t.db
      .select({ contactId: interactionContacts.contactId })
      .from(interactionContacts)
      .where(eq(interactionContacts.interactionId, touches[0]?.id ?? ""));
    expect(linkedTo.map((l) => l.contactId).sort()).toEqual([ada.id, grace.id].sort());

    expect(ada.lastTouchedAt).toEqual(metAt);
    expect(ada.nextDueAt).toEqual(new Date(metAt.getTime() + 7 * DAY));
    expect(grace.lastTouchedAt).toEqual(metAt);
    expect(grace.nextDueAt).toEqual(new Date(metAt.getTime() + 30 * DAY));
  });

  it("links a row whose email is an existing contact's instead of creating a duplicate", async () => {
    const user = await createUser(t.db);
    const earlier = await createEvent(t.db, { userId: user.id, occurredOn: "2025-01-01" });
    const event = await createEvent(t.db, { userId: user.id, occurredOn: "2026-11-12" });
    const ada = await createContact(t.db, { userId: user.id, name: "Ada L.", company: "Engines", metAtEventId: earlier.id, notes: "Met at PyCon." });
    const grace = await createContact(t.db, { userId: user.id, name: "Grace", archivedAt: new Date() });
    await t.db.insert(contactEmails).values([
      { userId: user.id, contactId: ada.id, email: "ada@example.com", isPrimary: true },
      { userId: user.id, contactId: grace.id, email: "grace@navy.mil", isPrimary: true },
    ]);
    const before = await footprint(user.id);

    const rows = [
      { name: "Ada Lovelace", company: "Other Co", role: "Countess", email: " ADA@example.COM ", note: "Now at a new job." },
      { name: "Grace Hopper", email: "grace@navy.mil", circles: "Navy", followUpDays: 3 },
      { name: "Katherine Johnson", email: "katherine@nasa.gov" },
    ];
    const preview = await actionsAs(user.id).preview({ rows });
    expect(preview).toEqual({
      ok: true,
      data: {
        matches: [
          { contactId: ada.id, name: "Ada L.", isArchived: false },
          { contactId: grace.id, name: "Grace", isArchived: true },
          null,
        ],
      },
    });

    const result = await actionsAs(user.id).quickAdd({ eventId: event.id, rows });
    expect(result).toEqual({ ok: true, data: { created: 1, linked: 2 } });
    const after = await footprint(user.id);
    expect(after.contacts - before.contacts).toBe(1);
    expect(after.contactEmails - before.contactEmails).toBe(1);

    // Nothing the contact held is overwritten: blanks are filled, the note is added.
    expect(await contactRow(ada.id)).toMatchObject({
      name: "Ada L.",
      company: "Engines",
      role: "Countess",
      notes: "Met at PyCon.\n\nNow at a new job.",
      metAtEventId: earlier.id,
      lastTouchedAt: new Date("2026-11-12T12:00:00Z"),
    });
    expect(await contactRow(grace.id)).toMatchObject({
      metAtEventId: event.id,
      nextDueAt: new Date(new Date("2026-11-12T12:00:00Z").getTime() + 3 * DAY),
    });
    const [touch] = await t.db.select({ id: interactions.id }).from(interactions).where(eq(interactions.eventId, event.id));
    const linked = await t.db
      .select({ contactId: interactionContacts.contactId })
      .from(interactionContacts)
      .where(eq(interactionContacts.interactionId, touch?.id ?? ""));
    expect(linked).toHaveLength(3);
  });

  it("makes one person of the same new email added twice at once, linked to both events", async () => {
    const user = await createUser(t.db);
    const [first, second] = [await createEvent(t.db, { userId: user.id }), await createEvent(t.db, { userId: user.id })];
    // On PostgreSQL the two run on two connections, so both may look the
    // email up before either has saved it; on PGlite they take turns.
    for (const round of [1, 2, 3]) {
      const email = `katherine${round}@nasa.example`;
      const results = await Promise.all(
        [first, second].map((event, index) =>
          actionsAs(user.id).quickAdd({
            eventId: event.id,
            rows: [
              { name: "Katherine Johnson", email: index === 0 ? email : email.toUpperCase() },
              { name: `Someone ${round}.${index}`, email: `someone${round}.${index}@example.com` },
            ],
          }),
        ),
      );
      const answers = results.map((result) => (result.ok ? result.data : undefined));
      expect(answers.sort((a, b) => (a?.linked ?? 0) - (b?.linked ?? 0))).toEqual([
        { created: 2, linked: 0 },
        { created: 1, linked: 1 },
      ]);
      const owners = await t.db
        .select({ contactId: contactEmails.contactId })
        .from(contactEmails)
        .where(and(eq(contactEmails.userId, user.id), sql`lower(${contactEmails.email}) = ${email}`));
      expect(owners).toHaveLength(1);
      const touched = await t.db
        .select({ n: count() })
        .from(interactionContacts)
        .where(eq(interactionContacts.contactId, owners[0]?.contactId ?? ""));
      expect(touched[0]?.n).toBe(2);
    }
    expect((await footprint(user.id)).contacts).toBe(3 * 3);
  });

  it("adds a note to an existing contact only while the notes stay within the contact form's 10,000 characters", async () => {
    const user = await createUser(t.db);
    const event = await createEvent(t.db, { userId: user.id, occurredOn: "2026-11-12" });
    const note = "Now at a new job.";
    // Room for exactly the note and the blank line before it; one character short;
    // and emoji, which count twice, as in the form and a restore.
    const notes = {
      fits: "x".repeat(10_000 - 2 - note.length),
      full: "x".repeat(9_990),
      emoji: "😀".repeat(4_995),
    };
    const people = await Promise.all(
      Object.entries(notes).map(async ([name, text]) => {
        const person = await createContact(t.db, { userId: user.id, name, notes: text, role: null });
        await t.db.insert(contactEmails).values({ userId: user.id, contactId: person.id, email: `${name}@example.com`, isPrimary: true });
        return person;
      }),
    );
    const rows = Object.keys(notes).map((name) => ({ name, email: `${name}@example.com`, role: "Countess", note }));
    expect(await actionsAs(user.id).quickAdd({ eventId: event.id, rows })).toEqual({ ok: true, data: { created: 0, linked: 3 } });

    const [fits, full, emoji] = await Promise.all(people.map((person) => contactRow(person.id)));
    expect(fits?.notes).toBe(`${notes.fits}\n\n${note}`);
    expect(fits?.notes).toHaveLength(10_000);
    // No room: the note is not added, the rest of the row still is.
    expect(full).toMatchObject({ notes: notes.full, role: "Countess", metAtEventId: event.id });
    expect(emoji?.notes).toBe(notes.emoji);
  });

  it("stores nothing at all when any row is invalid, and keys each error by its row", async () => {
    const user = await createUser(t.db);
    const event = await createEvent(t.db, { userId: user.id });
    const before = await footprint(user.id);
    const result = await actionsAs(user.id).quickAdd({
      eventId: event.id,
      rows: [
        { name: "Ada Lovelace", email: "ada@example.com", circles: "New circle" },
        { name: "", email: "grace@navy.mil" },
        { name: "Katherine", email: "not-an-email", followUpDays: "400" },
        { name: "Ada twin", email: "ADA@example.com" },
      ],
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(Object.keys(result.fieldErrors ?? {}).sort()).toEqual(["rows.1.name", "rows.2.email", "rows.2.followUpDays", "rows.3.email"]);
    expect(await footprint(user.id)).toEqual(before);
  });

  it("rolls back everything written so far when a write fails mid-way", async () => {
    const user = await createUser(t.db);
    const event = await createEvent(t.db, { userId: user.id });
    const before = await footprint(user.id);
    // Valid by the schema, refused by the database (no NUL bytes in text):
    // the contacts, circles and emails before it must not survive.
    const result = quickAddPeople(
      {
        eventId: event.id,
        rows: [
          { name: "Ada", company: null, role: null, email: "ada@example.com", circles: ["Brand new"], note: null, followUpDays: null },
          { name: "Bad\u0000Byte", company: null, role: null, email: null, circles: [], note: null, followUpDays: null },
        ],
      },
      { userId: user.id, db: t.db },
    );
    await expect(result).rejects.toThrow();
    expect(await footprint(user.id)).toEqual(before);
  });

  it("answers 'not found' for another user's event, and stores nothing", async () => {
    const me = await createUser(t.db);
    const other = await createUser(t.db);
    const theirs = await createEvent(t.db, { userId: other.id });
    const mine = await footprint(me.id);
    const theirsBefore = await footprint(other.id);
    const result = await actionsAs(me.id).quickAdd({ eventId: theirs.id, rows: [{ name: "Ada", email: "ada@example.com", circles: "x" }] });
    expect(result).toEqual({ ok: false, formError: expect.stringMatching(/not found/i), notFound: true });
    expect(await footprint(me.id)).toEqual(mine);
    expect(await footprint(other.id)).toEqual(theirsBefore);
  });

  it("never matches another user's contact with the same email", async () => {
    const me = await createUser(t.db);
    const other = await createUser(t.db);
    const event = await createEvent(t.db, { userId: me.id });
    const theirs = await createContact(t.db, { userId: other.id, name: "Their Ada" });
    await t.db.insert(contactEmails).values({ userId: other.id, contactId: theirs.id, email: "ada@example.com" });
    const theirsBefore = await contactRow(theirs.id);

    const rows = [{ name: "Ada Lovelace", email: "ada@example.com", note: "Mine" }];
    expect(await actionsAs(me.id).preview({ rows })).toEqual({ ok: true, data: { matches: [null] } });
    expect(await actionsAs(me.id).quickAdd({ eventId: event.id, rows })).toEqual({ ok: true, data: { created: 1, linked: 0 } });
    expect(await contactRow(theirs.id)).toEqual(theirsBefore);
    const [mineNow] = await t.db.select().from(contacts).where(and(eq(contacts.userId, me.id), eq(contacts.name, "Ada Lovelace")));
    expect(mineNow?.metAtEventId).toBe(event.id);
  });

  it("asks for a session when there is none", async () => {
    const result = await actionsAs(null).quickAdd({ eventId: "6f1c1c5e-3b0a-4b7e-9d1e-2a1b3c4d5e6f", rows: [{ name: "Ada" }] });
    expect(result).toEqual({ ok: false, formError: expect.stringMatching(/sign in/i) });
    expect(await actionsAs(null).preview({ rows: [] })).toEqual({ ok: false, formError: expect.stringMatching(/sign in/i) });
  });
});

describe("quick add preview", () => {
  it("answers per row, in order, ignoring rows without an email", async () => {
    const user = await createUser(t.db);
    const ada = await createContact(t.db, { userId: user.id, name: "Ada" });
    await t.db.insert(contactEmails).values({ userId: user.id, contactId: ada.id, email: "Ada@Example.com" });
    const result = await actionsAs(user.id).preview({
      rows: [{ email: "" }, { email: "ada@example.com" }, {}, { email: "nobody@example.com" }, { email: "not an email" }],
    });
    expect(result).toEqual({
      ok: true,
      data: { matches: [null, { contactId: ada.id, name: "Ada", isArchived: false }, null, null, null] },
    });
  });

  it("shows nothing of another user's contacts", async () => {
    const me = await createUser(t.db);
    const other = await createUser(t.db);
    const theirs = await createContact(t.db, { userId: other.id, name: "Secret" });
    await t.db.insert(contactEmails).values({ userId: other.id, contactId: theirs.id, email: "secret@example.com" });
    expect(await actionsAs(me.id).preview({ rows: [{ email: "secret@example.com" }] })).toEqual({
      ok: true,
      data: { matches: [null] },
    });
  });
});
