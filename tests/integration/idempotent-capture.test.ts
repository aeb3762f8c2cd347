import { randomUUID } from "node:crypto";
import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { contacts, idempotencyKeys, interactions, wins } from "@/db/schema";
import { defineAuthedAction } from "@/lib/actions/define-action";
import { idempotent } from "@/lib/actions/idempotent";
import { createContact as createContactUseCase } from "@/lib/contacts/save-contact";
import { quickAddPeople } from "@/lib/events/quick-add";
import { recordWin } from "@/lib/journal/record-win";
import { logTouch } from "@/lib/touches/log-touch";
import { type CreateContactInput, createContactSchema, EMPTY_CONTACT_FORM } from "@/lib/validations/contact";
import { winInputSchema } from "@/lib/validations/journal";
import { quickAddInputSchema } from "@/lib/validations/quick-add";
import { touchInputSchema } from "@/lib/validations/touch";
import { createContact, createEvent, createUser } from "../factories";
import { createTestDb, type TestDb } from "../helpers/test-db";

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => {
  await t?.close();
});

// The compositions of app/(app)/*/actions.ts, as the session's user.
function actionsAs(userId: string) {
  const define = defineAuthedAction({ getUserId: async () => userId, getDb: async () => t.db });
  return {
    logTouch: define(touchInputSchema, idempotent("touch", logTouch)),
    quickAdd: define(quickAddInputSchema, idempotent("quick-add", quickAddPeople)),
    createContact: define(
      createContactSchema,
      idempotent("contact", createContactUseCase, (saved) => saved.status === "created"),
    ),
    recordWin: define(winInputSchema, idempotent("win", recordWin)),
  };
}

async function setup() {
  const user = await createUser(t.db);
  const ada = await createContact(t.db, { userId: user.id, name: "Ada Quinn" });
  const event = await createEvent(t.db, { userId: user.id, name: "Platform meetup" });
  return { user, ada, event, act: actionsAs(user.id) };
}

async function rows(userId: string) {
  const [touches] = await t.db.select({ n: count() }).from(interactions).where(eq(interactions.userId, userId));
  const [people] = await t.db.select({ n: count() }).from(contacts).where(eq(contacts.userId, userId));
  const [journal] = await t.db.select({ n: count() }).from(wins).where(eq(wins.userId, userId));
  return { touches: touches?.n ?? 0, contacts: people?.n ?? 0, wins: journal?.n ?? 0 };
}

const touch = (contactId: string, idempotencyKey: string) => ({
  occurredOn: "2026-11-20",
  channel: "meeting" as const,
  contactIds: [contactId],
  summary: "Talked about the platform group",
  idempotencyKey,
});

const newContact = (name: string, email: string, idempotencyKey: string): CreateContactInput => ({
  ...EMPTY_CONTACT_FORM,
  name,
  emails: [{ email, label: "" }],
  idempotencyKey,
});

describe("a capture replayed with its key", () => {
  it("logs a touch once, and answers every replay with the first answer", async () => {
    const { user, ada, act } = await setup();
    const key = randomUUID();
    const first = await act.logTouch(touch(ada.id, key));
    const again = await act.logTouch(touch(ada.id, key));
    expect(first.ok).toBe(true);
    expect(again).toEqual(first);
    expect((await rows(user.id)).touches).toBe(1);
  });

  it("saves once when replays arrive at the same time", async () => {
    const { user, ada, event, act } = await setup();
    const touchKey = randomUUID();
    const quickAddKey = randomUUID();
    const quickAdd = {
      eventId: event.id,
      rows: [
        { name: "Bo Sato", email: "bo@example.com", company: "", role: "", note: "", circles: "" },
        { name: "Zoë Ōtsuka", email: "", company: "Watershed", role: "", note: "", circles: "" },
      ],
      idempotencyKey: quickAddKey,
    };
    const answers = await Promise.all([
      ...Array.from({ length: 4 }, () => act.logTouch(touch(ada.id, touchKey))),
      ...Array.from({ length: 4 }, () => act.quickAdd(quickAdd)),
    ]);
    expect(answers.every((answer) => answer.ok)).toBe(true);
    // Ada, plus the two people met; one touch of Ada's and one "met at" touch.
    expect(await rows(user.id)).toMatchObject({ touches: 2, contacts: 3 });
    for (const answer of answers.slice(4)) expect(answer).toEqual({ ok: true, data: { created: 2, linked: 0 } });
  });

  it("creates a contact once, and records a win once", async () => {
    const { user, act } = await setup();
    const contactKey = randomUUID();
    const winKey = randomUUID();
    const contact = await act.createContact(newContact("Łukasz Żółć", "lukasz@example.com", contactKey));
    expect(await act.createContact(newContact("Łukasz Żółć", "lukasz@example.com", contactKey))).toEqual(contact);
    const win = {
      occurredOn: "2026-11-20",
      roleId: null,
      kind: "delivered" as const,
      title: "Ran the platform meetup",
      what: "",
      result: "",
      metricValue: "",
      metricUnit: "",
      url: "",
      situation: "",
      task: "",
      skills: [],
      people: [],
      idempotencyKey: winKey,
    };
    const recorded = await act.recordWin(win);
    expect(recorded.ok).toBe(true);
    expect(await act.recordWin(win)).toEqual(recorded);
    expect(await rows(user.id)).toMatchObject({ contacts: 2, wins: 1 });
  });

  it("keeps no key for a refused capture: the entry can be fixed and sent again with it", async () => {
    const { user, ada, act } = await setup();
    const key = randomUUID();
    const refused = await act.logTouch(touch(randomUUID(), key));
    expect(refused).toMatchObject({ ok: false, formError: "Contact not found." });
    expect(await t.db.select().from(idempotencyKeys).where(eq(idempotencyKeys.userId, user.id))).toEqual([]);
    expect((await act.logTouch(touch(ada.id, key))).ok).toBe(true);
    expect((await rows(user.id)).touches).toBe(1);
  });

  it("keeps no key while a new contact waits for 'Create anyway'", async () => {
    const { user, act } = await setup();
    const key = randomUUID();
    const looksLikeAda = newContact("Ada Quinn", "", key);
    const answer = await act.createContact(looksLikeAda);
    expect(answer).toMatchObject({ ok: true, data: { status: "duplicates" } });
    const created = await act.createContact({ ...looksLikeAda, confirmDuplicate: true });
    expect(created).toMatchObject({ ok: true, data: { status: "created" } });
    expect(await act.createContact({ ...looksLikeAda, confirmDuplicate: true })).toEqual(created);
    expect((await rows(user.id)).contacts).toBe(2);
  });

  it("refuses a key already used for another kind of capture, and saves nothing", async () => {
    const { user, ada, event, act } = await setup();
    const key = randomUUID();
    expect((await act.logTouch(touch(ada.id, key))).ok).toBe(true);
    const quickAdd = await act.quickAdd({
      eventId: event.id,
      rows: [{ name: "Bo Sato", email: "", company: "", role: "", note: "", circles: "" }],
      idempotencyKey: key,
    });
    expect(quickAdd).toMatchObject({ ok: false });
    expect(await rows(user.id)).toMatchObject({ touches: 1, contacts: 1 });
  });

  it("treats another user's key as a new key: their capture and its answer stay theirs", async () => {
    const a = await setup();
    const b = await setup();
    const key = randomUUID();
    const mine = await a.act.logTouch(touch(a.ada.id, key));
    const before = await rows(a.user.id);
    const theirs = await b.act.logTouch(touch(b.ada.id, key));
    expect(theirs.ok && mine.ok && theirs.data.id !== mine.data.id).toBe(true);
    // With A's contact, B's replay of A's key is "not found": it neither
    // saves into A's account nor hands back A's answer.
    const probe = await b.act.logTouch(touch(a.ada.id, randomUUID()));
    expect(probe).toMatchObject({ ok: false, formError: "Contact not found." });
    expect(await rows(a.user.id)).toEqual(before);
    expect((await rows(b.user.id)).touches).toBe(1);
  });

  it("refuses a key that is not a UUID, with a field error, and saves nothing", async () => {
    const { user, ada, act } = await setup();
    const answer = await act.logTouch(touch(ada.id, "not-a-key"));
    expect(answer).toMatchObject({ ok: false, fieldErrors: { idempotencyKey: ["The sync key is not valid."] } });
    expect((await rows(user.id)).touches).toBe(0);
  });
});
