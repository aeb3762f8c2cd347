import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getContactTimeline } from "@/db/queries/timeline";
import { getTouchContactIds } from "@/db/queries/touches";
import { contacts, interactionContacts, interactions, successes } from "@/db/schema";
import { defineAuthedAction } from "@/lib/actions/define-action";
import { deleteTouch } from "@/lib/touches/delete-touch";
import { logTouch } from "@/lib/touches/log-touch";
import { searchContactOptions } from "@/lib/touches/search-contact-options";
import { updateTouch } from "@/lib/touches/update-touch";
import {
  contactSearchSchema,
  type TouchInput,
  touchIdSchema,
  touchInputSchema,
  touchUpdateSchema,
} from "@/lib/validations/touch";
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
const CREATED = new Date("2026-01-01T08:00:00Z");
const noon = (day: string) => new Date(`${day}T12:00:00.000Z`);

// The production actions are these compositions with the session's user id.
function actionsAs(userId: string | null) {
  const define = defineAuthedAction({ getUserId: async () => userId, getDb: async () => t.db });
  return {
    log: define(touchInputSchema, logTouch),
    update: define(touchUpdateSchema, updateTouch),
    remove: define(touchIdSchema, deleteTouch),
    search: define(contactSearchSchema, searchContactOptions),
  };
}

async function schedule(contactId: string) {
  const [row] = await t.db
    .select({ last: contacts.lastTouchedAt, next: contacts.nextDueAt })
    .from(contacts)
    .where(eq(contacts.id, contactId));
  return row;
}

// Everything a touch action could write, to prove a refused one wrote nothing.
async function snapshot() {
  const [touchRows] = await t.db.select({ n: count() }).from(interactions);
  const [linkRows] = await t.db.select({ n: count() }).from(interactionContacts);
  return {
    touches: touchRows?.n,
    links: linkRows?.n,
    contacts: await t.db
      .select({ id: contacts.id, last: contacts.lastTouchedAt, next: contacts.nextDueAt })
      .from(contacts)
      .orderBy(contacts.id),
    successes: await t.db
      .select({ id: successes.id, by: successes.congratulatedByInteractionId })
      .from(successes)
      .orderBy(successes.id),
  };
}

async function setup(defaultCadenceDays = 30) {
  const user = await createUser(t.db, { defaultCadenceDays });
  const ada = await createContact(t.db, { userId: user.id, name: "Ada Lovelace", createdAt: CREATED });
  const grace = await createContact(t.db, { userId: user.id, name: "Grace Hopper", createdAt: CREATED });
  const alan = await createContact(t.db, { userId: user.id, name: "Alan Turing", createdAt: CREATED });
  return { user, ada, grace, alan, act: actionsAs(user.id) };
}

function touch(contactIds: string[], values: Partial<TouchInput> = {}): TouchInput {
  return { occurredOn: "2026-02-10", channel: "call", contactIds, summary: "Coffee", valueKind: "", valueDirection: "", ...values };
}

describe("logTouch", () => {
  it("logs one touch with several contacts and moves each contact's dates", async () => {
    const { user, ada, grace, alan, act } = await setup(30);
    const result = await act.log(
      touch([ada.id, grace.id], { valueKind: "help_offered", valueDirection: "given", summary: "  Reviewed her CV  " }),
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const [row] = await t.db.select().from(interactions).where(eq(interactions.id, result.data.id));
    expect(row).toMatchObject({
      userId: user.id,
      occurredAt: noon("2026-02-10"),
      channel: "call",
      summary: "Reviewed her CV",
      valueKind: "help_offered",
      valueDirection: "given",
    });
    expect((await getTouchContactIds(t.db, { userId: user.id, touchId: result.data.id }))?.sort()).toEqual(
      [ada.id, grace.id].sort(),
    );
    for (const contact of [ada, grace]) {
      expect(await schedule(contact.id)).toEqual({
        last: noon("2026-02-10"),
        next: new Date(noon("2026-02-10").getTime() + 30 * DAY),
      });
    }
    expect((await schedule(alan.id))?.last).toBeNull();
  });

  it("refuses a value kind without a direction at the field, and writes nothing", async () => {
    const { ada, act } = await setup();
    const before = await snapshot();
    const result = await act.log(touch([ada.id], { valueKind: "advice", valueDirection: "" }));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(Object.keys(result.fieldErrors ?? {})).toEqual(["valueDirection"]);
    expect(await snapshot()).toEqual(before);
  });

  it("refuses no contacts, a future date and an unknown channel at their fields", async () => {
    const { act } = await setup();
    const before = await snapshot();
    const result = await act.log(touch([], { occurredOn: "2999-01-01", channel: "pigeon" as "call" }));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(Object.keys(result.fieldErrors ?? {}).sort()).toEqual(["channel", "contactIds", "occurredOn"]);
    expect(await snapshot()).toEqual(before);
  });

  it("answers 'not found' for another user's contact, and nothing changes", async () => {
    const { ada, act } = await setup();
    const other = await setup();
    const before = await snapshot();
    const result = await act.log(touch([ada.id, other.grace.id]));
    expect(result).toMatchObject({ ok: false, formError: "Contact not found.", fieldErrors: { contactIds: [expect.any(String)] } });
    expect(await snapshot()).toEqual(before);
  });

  it("asks for a session when there is none, and writes nothing", async () => {
    const { ada } = await setup();
    const before = await snapshot();
    const result = await actionsAs(null).log(touch([ada.id]));
    expect(result).toEqual({ ok: false, formError: expect.stringMatching(/sign in/i) });
    expect(await snapshot()).toEqual(before);
  });
});

describe("updateTouch", () => {
  it("moves dates of old and new contacts when the contacts and the date change", async () => {
    const { user, ada, grace, alan, act } = await setup(30);
    const older = await act.log(touch([ada.id], { occurredOn: "2026-01-20" }));
    const logged = await act.log(touch([ada.id, grace.id], { occurredOn: "2026-02-10" }));
    if (!older.ok || !logged.ok) throw new Error("setup failed");

    const result = await act.update({ id: logged.data.id, ...touch([grace.id, alan.id], { occurredOn: "2026-02-01", summary: "Lunch" }) });
    expect(result).toEqual({ ok: true, data: { id: logged.data.id } });
    // Ada falls back to her older touch; Grace moves to the new date; Alan gains it.
    expect(await schedule(ada.id)).toEqual({ last: noon("2026-01-20"), next: new Date(noon("2026-01-20").getTime() + 30 * DAY) });
    expect(await schedule(grace.id)).toEqual({ last: noon("2026-02-01"), next: new Date(noon("2026-02-01").getTime() + 30 * DAY) });
    expect((await schedule(alan.id))?.last).toEqual(noon("2026-02-01"));
    expect((await getTouchContactIds(t.db, { userId: user.id, touchId: logged.data.id }))?.sort()).toEqual(
      [grace.id, alan.id].sort(),
    );
    const links = await t.db
      .select({ at: interactionContacts.occurredAt })
      .from(interactionContacts)
      .where(eq(interactionContacts.interactionId, logged.data.id));
    expect(links.map((link) => link.at)).toEqual([noon("2026-02-01"), noon("2026-02-01")]);
    const [row] = await t.db.select().from(interactions).where(eq(interactions.id, logged.data.id));
    expect(row?.summary).toBe("Lunch");
  });

  it("keeps each link's direction the touch's own, through logging and every edit (health counts value off the links)", async () => {
    const { ada, grace, act } = await setup();
    const directions = async (touchId: string) =>
      (
        await t.db
          .select({ direction: interactionContacts.valueDirection })
          .from(interactionContacts)
          .where(eq(interactionContacts.interactionId, touchId))
      ).map((link) => link.direction);
    const logged = await act.log(touch([ada.id, grace.id], { valueKind: "advice", valueDirection: "given" }));
    if (!logged.ok) throw new Error("setup failed");
    expect(await directions(logged.data.id)).toEqual(["given", "given"]);
    await act.update({ id: logged.data.id, ...touch([ada.id, grace.id], { valueKind: "advice", valueDirection: "received" }) });
    expect(await directions(logged.data.id)).toEqual(["received", "received"]);
    await act.update({ id: logged.data.id, ...touch([grace.id]) });
    expect(await directions(logged.data.id)).toEqual([null]);
  });

  it("refuses a direction without a kind at the field, and writes nothing", async () => {
    const { ada, act } = await setup();
    const logged = await act.log(touch([ada.id]));
    if (!logged.ok) throw new Error("setup failed");
    const before = await snapshot();
    const result = await act.update({ id: logged.data.id, ...touch([ada.id], { valueDirection: "received" }) });
    expect(result).toMatchObject({ ok: false, fieldErrors: { valueKind: [expect.any(String)] } });
    expect(await snapshot()).toEqual(before);
  });

  it("answers 'not found' for another user's touch or contact, and nothing changes", async () => {
    const mine = await setup();
    const theirs = await setup();
    const their = await theirs.act.log(touch([theirs.ada.id]));
    const my = await mine.act.log(touch([mine.ada.id]));
    if (!their.ok || !my.ok) throw new Error("setup failed");
    const before = await snapshot();

    expect(await mine.act.update({ id: their.data.id, ...touch([mine.ada.id]) })).toEqual({
      ok: false,
      formError: "Touch not found.",
    });
    expect(await mine.act.update({ id: my.data.id, ...touch([theirs.grace.id]) })).toMatchObject({
      ok: false,
      formError: "Contact not found.",
    });
    expect(await snapshot()).toEqual(before);
  });
});

describe("deleteTouch", () => {
  it("deletes a touch and moves its contacts' dates back", async () => {
    const { user, ada, grace, act } = await setup(30);
    const older = await act.log(touch([ada.id], { occurredOn: "2026-01-15" }));
    const newer = await act.log(touch([ada.id, grace.id], { occurredOn: "2026-03-01" }));
    if (!older.ok || !newer.ok) throw new Error("setup failed");

    expect(await act.remove({ id: newer.data.id })).toEqual({ ok: true, data: { id: newer.data.id } });
    expect(await getTouchContactIds(t.db, { userId: user.id, touchId: newer.data.id })).toBeUndefined();
    expect(await schedule(ada.id)).toEqual({ last: noon("2026-01-15"), next: new Date(noon("2026-01-15").getTime() + 30 * DAY) });
    expect(await schedule(grace.id)).toEqual({ last: null, next: new Date(CREATED.getTime() + 30 * DAY) });
    expect(await act.remove({ id: newer.data.id })).toEqual({ ok: false, formError: "Touch not found." });
  });

  it("answers 'not found' for another user's touch, and nothing changes", async () => {
    const mine = await setup();
    const theirs = await setup();
    const their = await theirs.act.log(touch([theirs.ada.id]));
    if (!their.ok) throw new Error("setup failed");
    const before = await snapshot();
    expect(await mine.act.remove({ id: their.data.id })).toEqual({ ok: false, formError: "Touch not found." });
    expect(await mine.act.remove({ id: "not-a-uuid" })).toMatchObject({ ok: false, fieldErrors: { id: [expect.any(String)] } });
    expect(await snapshot()).toEqual(before);
  });
});

describe("searchContactOptions", () => {
  it("offers only the user's own active contacts", async () => {
    const mine = await setup();
    const theirs = await setup();
    await createContact(t.db, { userId: mine.user.id, name: "Ada Archived", archivedAt: new Date() });
    const result = await mine.act.search({ q: "  ada " });
    expect(result).toEqual({ ok: true, data: [{ id: mine.ada.id, name: "Ada Lovelace", company: null }] });
    const stranger = await theirs.act.search({ q: "ada" });
    expect(stranger.ok && stranger.data.map((option) => option.id)).toEqual([theirs.ada.id]);
  });
});

describe("getContactTimeline", () => {
  it("merges touches and successes newest first, pages them, and names everyone involved", async () => {
    const { user, ada, grace, alan, act } = await setup();
    const days = ["2026-01-05", "2026-01-10", "2026-01-15", "2026-01-20", "2026-01-25"];
    const ids: string[] = [];
    for (const day of days) {
      const result = await act.log(touch(day === "2026-01-15" ? [ada.id, grace.id, alan.id] : [ada.id], { occurredOn: day }));
      if (!result.ok) throw new Error("setup failed");
      ids.push(result.data.id);
    }
    await act.log(touch([grace.id], { occurredOn: "2026-01-30" }));
    const [success] = await t.db
      .insert(successes)
      .values({ userId: user.id, contactId: ada.id, kind: "promotion", title: "Head of Engines", occurredOn: "2026-01-20" })
      .returning();
    if (!success) throw new Error("setup failed");

    const first = await getContactTimeline(t.db, { userId: user.id, contactId: ada.id, page: 1, pageSize: 4 });
    expect(first.items.map((item) => item.id)).toEqual([ids[4], ids[3], success.id, ids[2]]);
    expect(first).toMatchObject({ page: 1, hasNewer: false, hasOlder: true });
    expect(first.items[2]).toEqual({
      type: "success",
      id: success.id,
      at: noon("2026-01-20"),
      kind: "promotion",
      title: "Head of Engines",
      occurredOn: "2026-01-20",
      url: null,
      isCongratulated: false,
      contact: { id: ada.id, name: "Ada Lovelace" },
    });
    const shared = first.items[3];
    expect(shared?.type === "touch" && shared.contacts.map((contact) => contact.name)).toEqual([
      "Ada Lovelace",
      "Alan Turing",
      "Grace Hopper",
    ]);
    expect(shared).toMatchObject({ type: "touch", at: noon("2026-01-15"), channel: "call", summary: "Coffee" });

    const second = await getContactTimeline(t.db, { userId: user.id, contactId: ada.id, page: 2, pageSize: 4 });
    expect(second.items.map((item) => item.id)).toEqual([ids[1], ids[0]]);
    expect(second).toMatchObject({ page: 2, hasNewer: true, hasOlder: false });
  });

  it("shows nothing of a contact that is not the user's", async () => {
    const mine = await setup();
    const theirs = await setup();
    await theirs.act.log(touch([theirs.ada.id]));
    await t.db
      .insert(successes)
      .values({ userId: theirs.user.id, contactId: theirs.ada.id, kind: "award", title: "Prize", occurredOn: "2026-01-01" });
    const timeline = await getContactTimeline(t.db, { userId: mine.user.id, contactId: theirs.ada.id, page: 1, pageSize: 20 });
    expect(timeline).toEqual({ items: [], page: 1, hasNewer: false, hasOlder: false });
  });
});
