import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getEvent, listEventPeople, listEvents } from "@/db/queries/events";
import { insertTouch } from "@/db/queries/touches-write";
import { contactEmails, contacts, events, interactions } from "@/db/schema";
import { defineAuthedAction } from "@/lib/actions/define-action";
import { createEvent, deleteEvent, updateEvent } from "@/lib/events/manage-events";
import {
  deleteEventInputSchema,
  type EventInput,
  eventInputSchema,
  updateEventInputSchema,
} from "@/lib/validations/event";
import { createContact, createEvent as createEventRow, createUser } from "../factories";
import { createTestDb, type TestDb } from "../helpers/test-db";

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => {
  await t?.close();
});

// The production actions are these compositions with the session's user id.
function actionsAs(userId: string | null) {
  const authedAction = defineAuthedAction({ getUserId: async () => userId, getDb: async () => t.db });
  return {
    create: authedAction(eventInputSchema, createEvent),
    update: authedAction(updateEventInputSchema, updateEvent),
    remove: authedAction(deleteEventInputSchema, deleteEvent),
  };
}

const womenInTech: EventInput = {
  name: "  Women in Tech meetup ",
  occurredOn: "2026-11-12",
  place: "",
  kind: "volunteering",
  notes: "Ran the registration desk.",
};

async function eventRows(userId: string) {
  return t.db.select().from(events).where(eq(events.userId, userId)).orderBy(events.id);
}

describe("event actions", () => {
  it("create an event for the signed-in user, trimmed, empty text as null", async () => {
    const user = await createUser(t.db);
    const result = await actionsAs(user.id).create({ ...womenInTech, userId: "smuggled" } as EventInput);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(await getEvent(t.db, { userId: user.id, eventId: result.data.id })).toEqual({
      id: result.data.id,
      name: "Women in Tech meetup",
      occurredOn: "2026-11-12",
      place: null,
      kind: "volunteering",
      notes: "Ran the registration desk.",
    });
  });

  it("refuse bad input with field errors and write nothing", async () => {
    const user = await createUser(t.db);
    const result = await actionsAs(user.id).create({ ...womenInTech, name: " ", occurredOn: "2026-02-30", kind: "party" as "meetup" });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(Object.keys(result.fieldErrors ?? {}).sort()).toEqual(["kind", "name", "occurredOn"]);
    expect(await eventRows(user.id)).toEqual([]);
  });

  it("ask for a session when there is none", async () => {
    const result = await actionsAs(null).create(womenInTech);
    expect(result).toEqual({ ok: false, formError: expect.stringMatching(/sign in/i) });
  });

  it("edit the user's own event", async () => {
    const user = await createUser(t.db);
    const event = await createEventRow(t.db, { userId: user.id, name: "Old name", place: "Old place" });
    const result = await actionsAs(user.id).update({
      eventId: event.id,
      name: "PyCon",
      occurredOn: "2026-05-01",
      place: "Pittsburgh",
      kind: "conference",
      notes: "",
    });
    expect(result).toEqual({ ok: true, data: { id: event.id } });
    expect(await getEvent(t.db, { userId: user.id, eventId: event.id })).toEqual({
      id: event.id,
      name: "PyCon",
      occurredOn: "2026-05-01",
      place: "Pittsburgh",
      kind: "conference",
      notes: null,
    });
  });

  it("delete the user's own event; the people met there stay, unlinked", async () => {
    const user = await createUser(t.db);
    const event = await createEventRow(t.db, { userId: user.id });
    const contact = await createContact(t.db, { userId: user.id, metAtEventId: event.id });
    await t.db.transaction((tx) =>
      insertTouch(tx, { userId: user.id, touch: { occurredAt: new Date(), channel: "event", eventId: event.id, contactIds: [contact.id] } }),
    );
    const result = await actionsAs(user.id).remove({ eventId: event.id });
    expect(result).toEqual({ ok: true, data: { id: event.id } });
    expect(await eventRows(user.id)).toEqual([]);
    const [kept] = await t.db.select({ metAt: contacts.metAtEventId }).from(contacts).where(eq(contacts.id, contact.id));
    expect(kept).toEqual({ metAt: null });
    const touches = await t.db.select({ eventId: interactions.eventId }).from(interactions).where(eq(interactions.userId, user.id));
    expect(touches).toEqual([{ eventId: null }]);
  });

  it("answer 'not found' for another user's event, and change nothing", async () => {
    const me = await createUser(t.db);
    const other = await createUser(t.db);
    const theirs = await createEventRow(t.db, { userId: other.id, name: "Their event" });
    const before = await eventRows(other.id);
    const as = actionsAs(me.id);
    const update = await as.update({ ...womenInTech, eventId: theirs.id });
    const remove = await as.remove({ eventId: theirs.id });
    expect(update).toEqual({ ok: false, formError: expect.stringMatching(/not found/i) });
    expect(remove).toEqual({ ok: false, formError: expect.stringMatching(/not found/i) });
    expect(await eventRows(other.id)).toEqual(before);
    expect(await getEvent(t.db, { userId: me.id, eventId: theirs.id })).toBeUndefined();
    expect(await listEventPeople(t.db, { userId: me.id, eventId: theirs.id })).toEqual([]);
  });

  it("refuse an id that is not a uuid before any SQL runs", async () => {
    const user = await createUser(t.db);
    const result = await actionsAs(user.id).remove({ eventId: "1 or 1=1" });
    expect(result).toMatchObject({ ok: false, fieldErrors: { eventId: [expect.stringMatching(/not found/i)] } });
  });
});

describe("event queries", () => {
  it("list the user's events newest first, a page at a time, with the people met at each", async () => {
    const user = await createUser(t.db);
    const other = await createUser(t.db);
    const older = await createEventRow(t.db, { userId: user.id, name: "Older", occurredOn: "2025-03-01" });
    const newer = await createEventRow(t.db, { userId: user.id, name: "Newer", occurredOn: "2026-03-01" });
    await createEventRow(t.db, { userId: user.id, name: "Middle", occurredOn: "2025-09-01" });
    await createEventRow(t.db, { userId: other.id, name: "Not mine", occurredOn: "2027-01-01" });

    // Met at "Newer" directly; one of them also on its touch; one more linked by the touch only.
    const metThere = await createContact(t.db, { userId: user.id, metAtEventId: newer.id });
    const alsoMet = await createContact(t.db, { userId: user.id, metAtEventId: newer.id });
    const byTouch = await createContact(t.db, { userId: user.id });
    await t.db.transaction((tx) =>
      insertTouch(tx, {
        userId: user.id,
        touch: { occurredAt: new Date("2026-03-01T12:00:00Z"), channel: "event", eventId: newer.id, contactIds: [metThere.id, byTouch.id] },
      }),
    );
    // Another user's contact claiming my event id is never counted.
    await createContact(t.db, { userId: other.id, metAtEventId: newer.id });

    const first = await listEvents(t.db, { userId: user.id, page: 1, pageSize: 2 });
    expect(first.total).toBe(3);
    expect(first.events.map((e) => [e.name, e.peopleCount])).toEqual([
      ["Newer", 3],
      ["Middle", 0],
    ]);
    const second = await listEvents(t.db, { userId: user.id, page: 2, pageSize: 2 });
    expect(second.events.map((e) => e.id)).toEqual([older.id]);
    expect((await listEvents(t.db, { userId: user.id, page: 9, pageSize: 2 })).events).toEqual([]);

    const people = await listEventPeople(t.db, { userId: user.id, eventId: newer.id });
    expect(people.map((p) => p.id).sort()).toEqual([metThere.id, alsoMet.id, byTouch.id].sort());
  });

  it("show each person's primary email and whether they are archived", async () => {
    const user = await createUser(t.db);
    const event = await createEventRow(t.db, { userId: user.id });
    const ada = await createContact(t.db, { userId: user.id, name: "Ada", metAtEventId: event.id, archivedAt: new Date() });
    await t.db.insert(contactEmails).values([
      { userId: user.id, contactId: ada.id, email: "a-other@example.com" },
      { userId: user.id, contactId: ada.id, email: "ada@example.com", isPrimary: true },
    ]);
    expect(await listEventPeople(t.db, { userId: user.id, eventId: event.id })).toEqual([
      { id: ada.id, name: "Ada", company: null, role: null, email: "ada@example.com", isArchived: true },
    ]);
  });

  it("show another user nothing of mine", async () => {
    const me = await createUser(t.db);
    const stranger = await createUser(t.db);
    const event = await createEventRow(t.db, { userId: me.id });
    await createContact(t.db, { userId: me.id, metAtEventId: event.id });
    expect(await listEvents(t.db, { userId: stranger.id, page: 1, pageSize: 20 })).toEqual({ events: [], total: 0 });
    expect(await getEvent(t.db, { userId: stranger.id, eventId: event.id })).toBeUndefined();
    expect(await listEventPeople(t.db, { userId: stranger.id, eventId: event.id })).toEqual([]);
  });
});
