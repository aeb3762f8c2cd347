import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { countWaitingSuccesses, listWaitingSuccesses } from "@/db/queries/successes";
import { contacts, interactions, successes } from "@/db/schema";
import { defineAuthedAction } from "@/lib/actions/define-action";
import { deleteSuccess } from "@/lib/successes/delete-success";
import { recordSuccess } from "@/lib/successes/record-success";
import { updateSuccess } from "@/lib/successes/update-success";
import { deleteTouch } from "@/lib/touches/delete-touch";
import { logTouch } from "@/lib/touches/log-touch";
import { updateTouch } from "@/lib/touches/update-touch";
import { type SuccessInput, successIdSchema, successInputSchema, successUpdateSchema } from "@/lib/validations/success";
import { type TouchInput, touchIdSchema, touchInputSchema, touchUpdateSchema } from "@/lib/validations/touch";
import { createContact, createUser } from "../factories";
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
  const define = defineAuthedAction({ getUserId: async () => userId, getDb: async () => t.db });
  return {
    record: define(successInputSchema, recordSuccess),
    update: define(successUpdateSchema, updateSuccess),
    remove: define(successIdSchema, deleteSuccess),
    logTouch: define(touchInputSchema, logTouch),
    updateTouch: define(touchUpdateSchema, updateTouch),
    deleteTouch: define(touchIdSchema, deleteTouch),
  };
}

async function setup() {
  const user = await createUser(t.db);
  const ada = await createContact(t.db, { userId: user.id, name: "Ada Lovelace" });
  const grace = await createContact(t.db, { userId: user.id, name: "Grace Hopper" });
  return { user, ada, grace, act: actionsAs(user.id) };
}

function success(contactId: string, values: Partial<SuccessInput> = {}): SuccessInput {
  return { contactId, kind: "new_job", title: "Joined Analytical Engines", occurredOn: "2026-03-02", url: "", ...values };
}

function congratulation(contactIds: string[], successId: string, values: Partial<TouchInput> = {}): TouchInput {
  return {
    occurredOn: "2026-03-05",
    channel: "message",
    contactIds,
    summary: "Congratulations on the new job",
    valueKind: "congratulation",
    valueDirection: "given",
    successId,
    ...values,
  };
}

async function recorded(act: ReturnType<typeof actionsAs>, input: SuccessInput): Promise<string> {
  const result = await act.record(input);
  if (!result.ok) throw new Error(`setup failed: ${result.formError}`);
  return result.data.id;
}

async function congratulatedBy(successId: string) {
  const [row] = await t.db
    .select({ by: successes.congratulatedByInteractionId })
    .from(successes)
    .where(eq(successes.id, successId));
  return row?.by;
}

async function snapshot() {
  const [touchRows] = await t.db.select({ n: count() }).from(interactions);
  return {
    touches: touchRows?.n,
    successes: await t.db.select().from(successes).orderBy(successes.id),
    contacts: await t.db.select({ id: contacts.id, last: contacts.lastTouchedAt }).from(contacts).orderBy(contacts.id),
  };
}

describe("recordSuccess, updateSuccess, deleteSuccess", () => {
  it("records a success for the user's contact, normalising the link", async () => {
    const { user, ada, act } = await setup();
    const id = await recorded(act, success(ada.id, { title: "  Promoted to CTO ", kind: "promotion", url: "example.com/news" }));
    const [row] = await t.db.select().from(successes).where(eq(successes.id, id));
    expect(row).toMatchObject({
      userId: user.id,
      contactId: ada.id,
      kind: "promotion",
      title: "Promoted to CTO",
      occurredOn: "2026-03-02",
      url: "https://example.com/news",
      congratulatedByInteractionId: null,
    });
  });

  it("refuses bad input at the fields, and writes nothing", async () => {
    const { ada, act } = await setup();
    const before = await snapshot();
    const result = await act.record(
      success(ada.id, { title: " ", occurredOn: "2026-02-30", url: "javascript:alert(1)", kind: "lottery" as "award" }),
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(Object.keys(result.fieldErrors ?? {}).sort()).toEqual(["kind", "occurredOn", "title", "url"]);
    expect(await snapshot()).toEqual(before);
  });

  it("edits and deletes the user's success", async () => {
    const { ada, act } = await setup();
    const id = await recorded(act, success(ada.id));
    const edited = await act.update({ id, kind: "launch", title: "Shipped the Engine", occurredOn: "2026-03-01", url: null });
    expect(edited).toEqual({ ok: true, data: { id } });
    const [row] = await t.db.select().from(successes).where(eq(successes.id, id));
    expect(row).toMatchObject({ kind: "launch", title: "Shipped the Engine", occurredOn: "2026-03-01", url: null });
    expect(await act.remove({ id })).toEqual({ ok: true, data: { id } });
    expect(await t.db.select().from(successes).where(eq(successes.id, id))).toEqual([]);
  });

  it("answers 'not found' for another user's contact or success, and nothing changes", async () => {
    const mine = await setup();
    const theirs = await setup();
    const theirSuccess = await recorded(theirs.act, success(theirs.ada.id));
    const before = await snapshot();
    expect(await mine.act.record(success(theirs.ada.id))).toEqual({ ok: false, formError: "Contact not found." });
    expect(
      await mine.act.update({ id: theirSuccess, kind: "award", title: "Mine now", occurredOn: "2026-01-01", url: "" }),
    ).toEqual({ ok: false, formError: "Success not found." });
    expect(await mine.act.remove({ id: theirSuccess })).toEqual({ ok: false, formError: "Success not found." });
    expect(await snapshot()).toEqual(before);
  });
});

describe("congratulating a success", () => {
  it("marks the success when the congratulation is logged, and un-marks it when that touch is deleted", async () => {
    const { ada, grace, act } = await setup();
    const id = await recorded(act, success(ada.id));
    const logged = await act.logTouch(congratulation([ada.id, grace.id], id));
    if (!logged.ok) throw new Error("log failed");
    expect(await congratulatedBy(id)).toBe(logged.data.id);

    // A second congratulation is a touch of its own; the first stays linked.
    const again = await act.logTouch(congratulation([ada.id], id));
    expect(again.ok).toBe(true);
    expect(await congratulatedBy(id)).toBe(logged.data.id);

    expect((await act.deleteTouch({ id: logged.data.id })).ok).toBe(true);
    expect(await congratulatedBy(id)).toBeNull();
  });

  it("un-marks the success when an edit drops its contact or stops being a congratulation", async () => {
    const { ada, grace, act } = await setup();
    const first = await recorded(act, success(ada.id));
    const logged = await act.logTouch(congratulation([ada.id], first));
    if (!logged.ok) throw new Error("log failed");

    const keep = await act.updateTouch({ id: logged.data.id, ...congratulation([ada.id, grace.id], first, { summary: "Well done", successId: undefined }) });
    expect(keep.ok).toBe(true);
    expect(await congratulatedBy(first)).toBe(logged.data.id);

    await act.updateTouch({ id: logged.data.id, ...congratulation([grace.id], first, { successId: undefined }) });
    expect(await congratulatedBy(first)).toBeNull();

    const second = await recorded(act, success(grace.id, { title: "Admiral" }));
    const other = await act.logTouch(congratulation([grace.id], second));
    if (!other.ok) throw new Error("log failed");
    await act.updateTouch({
      id: other.data.id,
      ...congratulation([grace.id], second, { valueKind: "advice", successId: undefined }),
    });
    expect(await congratulatedBy(second)).toBeNull();
  });

  it("refuses a success whose contact is not among the touch's, and writes nothing", async () => {
    const { ada, grace, act } = await setup();
    const id = await recorded(act, success(ada.id));
    const before = await snapshot();
    expect(await act.logTouch(congratulation([grace.id], id))).toEqual({ ok: false, formError: "Success not found." });
    expect(await snapshot()).toEqual(before);
  });

  it("refuses a congratulation that is not one, at the field", async () => {
    const { ada, act } = await setup();
    const id = await recorded(act, success(ada.id));
    const before = await snapshot();
    const result = await act.logTouch(congratulation([ada.id], id, { valueKind: "advice" }));
    expect(result).toMatchObject({ ok: false, fieldErrors: { valueKind: [expect.any(String)] } });
    expect(await snapshot()).toEqual(before);
  });

  it("answers 'not found' for another user's success, and nothing changes", async () => {
    const mine = await setup();
    const theirs = await setup();
    const theirSuccess = await recorded(theirs.act, success(theirs.ada.id));
    const before = await snapshot();
    expect(await mine.act.logTouch(congratulation([mine.ada.id], theirSuccess))).toEqual({
      ok: false,
      formError: "Success not found.",
    });
    // Naming their contact too does not help.
    expect(await mine.act.logTouch(congratulation([mine.ada.id, theirs.ada.id], theirSuccess))).toMatchObject({
      ok: false,
    });
    expect(await snapshot()).toEqual(before);
  });
});

describe("listWaitingSuccesses", () => {
  it("lists the user's successes still waiting, newest first, without archived contacts", async () => {
    const { user, ada, grace, act } = await setup();
    const archived = await createContact(t.db, { userId: user.id, name: "Gone", archivedAt: new Date() });
    const older = await recorded(act, success(ada.id, { occurredOn: "2026-01-10", title: "Older" }));
    const newer = await recorded(act, success(grace.id, { occurredOn: "2026-02-10", title: "Newer", url: "https://example.com" }));
    const done = await recorded(act, success(ada.id, { occurredOn: "2026-02-20", title: "Done" }));
    await recorded(act, success(archived.id, { occurredOn: "2026-02-25" }));
    await act.logTouch(congratulation([ada.id], done));
    const theirs = await setup();
    await recorded(theirs.act, success(theirs.ada.id, { occurredOn: "2026-03-01" }));

    const list = await listWaitingSuccesses(t.db, { userId: user.id, limit: 10 });
    expect(list).toEqual({
      hasMore: false,
      items: [
        {
          id: newer,
          kind: "new_job",
          title: "Newer",
          occurredOn: "2026-02-10",
          url: "https://example.com/",
          contactId: grace.id,
          contactName: "Grace Hopper",
          createdAt: expect.any(Date),
        },
        expect.objectContaining({ id: older, contactName: "Ada Lovelace" }),
      ],
    });
    expect(await countWaitingSuccesses(t.db, { userId: user.id })).toBe(2);

    const first = await listWaitingSuccesses(t.db, { userId: user.id, limit: 1, page: 1 });
    const second = await listWaitingSuccesses(t.db, { userId: user.id, limit: 1, page: 2 });
    expect([first.items[0]?.id, first.hasMore, second.items[0]?.id, second.hasMore]).toEqual([newer, true, older, false]);
  });

  it("shows nothing of another user's successes", async () => {
    const theirs = await setup();
    await recorded(theirs.act, success(theirs.ada.id));
    const stranger = await createUser(t.db);
    expect(await listWaitingSuccesses(t.db, { userId: stranger.id, limit: 10 })).toEqual({ items: [], hasMore: false });
    expect(await countWaitingSuccesses(t.db, { userId: stranger.id })).toBe(0);
  });
});
