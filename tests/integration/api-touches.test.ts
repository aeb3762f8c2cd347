import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { congratulateSuccess, listSuccesses, recordSuccess, successSchema } from "@/lib/api/v1/successes";
import { listContactTouches, logTouch, touchSchema } from "@/lib/api/v1/touches";
import { todayIn } from "@/lib/domain/dates";
import { contacts, interactionContacts, interactions, successes } from "@/db/schema";
import { createContact, createUser } from "../factories";
import { callOperation, issueToken, jsonOf } from "../helpers/api";
import { releaseAppDb, useAsAppDb } from "../helpers/app-db";
import { userFingerprint } from "../helpers/db-fingerprint";
import { createTestDb, type TestDb } from "../helpers/test-db";

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
  useAsAppDb(t);
});
afterAll(async () => {
  releaseAppDb();
  await t?.close();
});

type Problem = { status: number; detail: string; errors?: Record<string, string[]> };
const touchPage = z.object({ data: z.array(touchSchema), nextCursor: z.string().nullable() });
const successPage = z.object({ data: z.array(successSchema), nextCursor: z.string().nullable() });

async function person(timeZone = "Europe/London") {
  const user = await createUser(t.db, { timeZone });
  const ada = await createContact(t.db, { userId: user.id, name: "Ada Lovelace" });
  const grace = await createContact(t.db, { userId: user.id, name: "Grace Hopper" });
  return { user, ada, grace, token: await issueToken(t.db, user.id), readToken: await issueToken(t.db, user.id, "read") };
}

// A user's rows but their tokens' own bookkeeping (last used, rate-limit
// windows), which every request moves.
const TOKEN_BOOKKEEPING = new Set(["api_tokens", "rate_limits"]);
async function dataOf(userId: string) {
  return Object.entries(await userFingerprint(t.db, userId)).filter(([table]) => !TOKEN_BOOKKEEPING.has(table));
}

const touchesOf = (userId: string) => t.db.select().from(interactions).where(eq(interactions.userId, userId));

describe("POST /touches", () => {
  it("logs the touch as the log-touch form does, answers it 201, and moves the contacts' last touch", async () => {
    const { user, ada, grace, token } = await person();
    const body = { occurredOn: "2026-11-20", channel: "call", contactIds: [ada.id, grace.id], summary: "Caught up", valueKind: "advice", valueDirection: "given" };
    const touch = touchSchema.parse(await jsonOf(await callOperation(logTouch, { token, body }), 201));
    expect(touch).toMatchObject({ occurredOn: "2026-11-20", channel: "call", summary: "Caught up", valueKind: "advice", valueDirection: "given" });
    expect(touch.contacts.map((c) => c.name)).toEqual(["Ada Lovelace", "Grace Hopper"]);
    const links = await t.db.select().from(interactionContacts).where(eq(interactionContacts.interactionId, touch.id));
    expect(links.map((link) => link.contactId).sort()).toEqual([ada.id, grace.id].sort());
    const [row] = await t.db.select({ lastTouchedAt: contacts.lastTouchedAt }).from(contacts).where(eq(contacts.id, ada.id));
    expect(row?.lastTouchedAt?.toISOString()).toBe("2026-11-20T12:00:00.000Z");
    expect(await touchesOf(user.id)).toHaveLength(1);
  });

  it("logs once for an idempotencyKey sent twice, answering the same touch", async () => {
    const { user, ada, token } = await person();
    const body = { occurredOn: "2026-11-21", channel: "email", contactIds: [ada.id], idempotencyKey: randomUUID() };
    const first = touchSchema.parse(await jsonOf(await callOperation(logTouch, { token, body }), 201));
    const replay = touchSchema.parse(await jsonOf(await callOperation(logTouch, { token, body }), 201));
    expect(replay.id).toBe(first.id);
    expect(await touchesOf(user.id)).toHaveLength(1);
  });

  it("refuses a bad body with the fields named, a read-only token, and another user's contact, logging nothing", async () => {
    const { user, ada, token, readToken } = await person();
    const other = await person();
    const bad = await jsonOf<Problem>(
      await callOperation(logTouch, { token, body: { occurredOn: "2999-01-01", channel: "pigeon", contactIds: [], valueKind: "advice" } }),
      400,
    );
    expect(Object.keys(bad.errors ?? {}).sort()).toEqual(["channel", "contactIds", "occurredOn", "valueDirection"]);
    const body = { occurredOn: "2026-11-20", channel: "call", contactIds: [ada.id] };
    expect((await callOperation(logTouch, { token: readToken, body })).status).toBe(403);
    const before = await dataOf(other.user.id);
    const theirs = await jsonOf<Problem>(await callOperation(logTouch, { token, body: { ...body, contactIds: [ada.id, other.ada.id] } }), 404);
    expect(Object.keys(theirs.errors ?? {})).toEqual(["contactIds"]);
    expect(await dataOf(other.user.id)).toEqual(before);
    expect(await touchesOf(user.id)).toHaveLength(0);
  });
});

describe("GET /contacts/{id}/touches", () => {
  it("pages through the contact's touches newest first, the same day's last logged first", async () => {
    const { ada, grace, token, readToken } = await person();
    const logged: string[] = [];
    for (const occurredOn of ["2026-10-01", "2026-11-05", "2026-11-05", "2026-11-05", "2026-09-12"]) {
      const body = { occurredOn, channel: "meeting", contactIds: [ada.id] };
      logged.push(touchSchema.parse(await jsonOf(await callOperation(logTouch, { token, body }), 201)).id);
    }
    await callOperation(logTouch, { token, body: { occurredOn: "2026-11-06", channel: "call", contactIds: [grace.id] } });
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const query: Record<string, string> = { limit: "2", ...(cursor ? { cursor } : {}) };
      const page = touchPage.parse(await jsonOf(await callOperation(listContactTouches, { token: readToken, params: { id: ada.id }, query }), 200));
      seen.push(...page.data.map((touch) => touch.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual([logged[3], logged[2], logged[1], logged[0], logged[4]]);
  });

  it("answers 404 for another user's contact, and 400 for a cursor it did not give out", async () => {
    const { ada, readToken } = await person();
    const other = await person();
    expect((await callOperation(listContactTouches, { token: other.readToken, params: { id: ada.id } })).status).toBe(404);
    const refused = await jsonOf<Problem>(
      await callOperation(listContactTouches, { token: readToken, params: { id: ada.id }, query: { cursor: "e30" } }),
      400,
    );
    expect(Object.keys(refused.errors ?? {})).toEqual(["cursor"]);
  });
});

describe("successes", () => {
  const newSuccess = (contactId: string, title = "Joined Acme as CTO", occurredOn = "2026-11-01") => ({
    contactId,
    kind: "new_job",
    title,
    occurredOn,
    url: "acme.example/news",
  });

  it("records a success (201, saved), lists the waiting ones a page at a time, and all of them with status=all", async () => {
    const { user, ada, grace, token, readToken } = await person();
    const first = successSchema.parse(await jsonOf(await callOperation(recordSuccess, { token, body: newSuccess(ada.id) }), 201));
    expect(first).toMatchObject({ title: "Joined Acme as CTO", url: "https://acme.example/news", congratulatedByTouchId: null, contact: { id: ada.id, name: "Ada Lovelace" } });
    const [row] = await t.db.select().from(successes).where(eq(successes.id, first.id));
    expect(row).toMatchObject({ userId: user.id, contactId: ada.id, kind: "new_job" });
    await callOperation(recordSuccess, { token, body: newSuccess(grace.id, "Shipped COBOL", "2026-11-03") });
    await callOperation(recordSuccess, { token, body: newSuccess(ada.id, "Gave a keynote", "2026-10-20") });
    await t.db.update(contacts).set({ archivedAt: new Date() }).where(eq(contacts.id, grace.id));

    const titles = async (query: Record<string, string>) => {
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const page = successPage.parse(
          await jsonOf(await callOperation(listSuccesses, { token: readToken, query: { ...query, limit: "1", ...(cursor ? { cursor } : {}) } }), 200),
        );
        seen.push(...page.data.map((success) => success.title));
        cursor = page.nextCursor;
      } while (cursor);
      return seen;
    };
    expect(await titles({})).toEqual(["Joined Acme as CTO", "Gave a keynote"]);
    expect(await titles({ status: "all" })).toEqual(["Shipped COBOL", "Joined Acme as CTO", "Gave a keynote"]);
    expect((await callOperation(listSuccesses, { token: readToken, query: { status: "some" } })).status).toBe(400);
  });

  it("refuses another user's contact (404), a bad body (400) and a read-only token (403), saving nothing", async () => {
    const { user, ada, token, readToken } = await person();
    const other = await person();
    const before = await dataOf(other.user.id);
    expect((await callOperation(recordSuccess, { token, body: newSuccess(other.ada.id) })).status).toBe(404);
    expect(await dataOf(other.user.id)).toEqual(before);
    const bad = await jsonOf<Problem>(await callOperation(recordSuccess, { token, body: { ...newSuccess(ada.id), title: " ", kind: "lottery" } }), 400);
    expect(Object.keys(bad.errors ?? {}).sort()).toEqual(["kind", "title"]);
    expect((await callOperation(recordSuccess, { token: readToken, body: newSuccess(ada.id) })).status).toBe(403);
    expect(await t.db.select().from(successes).where(eq(successes.userId, user.id))).toHaveLength(0);
  });

  it("congratulates: logs a congratulation given, today in the user's zone by default, and marks the success", async () => {
    const { ada, token } = await person("Pacific/Kiritimati");
    const success = successSchema.parse(await jsonOf(await callOperation(recordSuccess, { token, body: newSuccess(ada.id) }), 201));
    const touch = touchSchema.parse(
      await jsonOf(await callOperation(congratulateSuccess, { token, params: { id: success.id }, body: { channel: "message", summary: "Well done!" } }), 201),
    );
    expect(touch).toMatchObject({
      occurredOn: todayIn("Pacific/Kiritimati"),
      channel: "message",
      summary: "Well done!",
      valueKind: "congratulation",
      valueDirection: "given",
      contacts: [{ id: ada.id, name: "Ada Lovelace" }],
    });
    const [row] = await t.db.select().from(successes).where(eq(successes.id, success.id));
    expect(row?.congratulatedByInteractionId).toBe(touch.id);
    const dated = touchSchema.parse(
      await jsonOf(await callOperation(congratulateSuccess, { token, params: { id: success.id }, body: { channel: "call", occurredOn: "2026-11-02" } }), 201),
    );
    expect(dated.occurredOn).toBe("2026-11-02");
  });

  it("refuses another user's success (404), a bad body (400) and a read-only token (403), changing nothing", async () => {
    const { user, ada, token, readToken } = await person();
    const success = successSchema.parse(await jsonOf(await callOperation(recordSuccess, { token, body: newSuccess(ada.id) }), 201));
    const other = await person();
    const before = await dataOf(user.id);
    expect((await callOperation(congratulateSuccess, { token: other.token, params: { id: success.id }, body: { channel: "call" } })).status).toBe(404);
    const bad = await jsonOf<Problem>(
      await callOperation(congratulateSuccess, { token, params: { id: success.id }, body: { channel: "fax", occurredOn: "yesterday" } }),
      400,
    );
    expect(Object.keys(bad.errors ?? {}).sort()).toEqual(["channel", "occurredOn"]);
    expect((await callOperation(congratulateSuccess, { token: readToken, params: { id: success.id }, body: { channel: "call" } })).status).toBe(403);
    expect(await dataOf(user.id)).toEqual(before);
    const waiting = await t.db
      .select()
      .from(successes)
      .where(and(eq(successes.id, success.id), eq(successes.userId, user.id)));
    expect(waiting[0]?.congratulatedByInteractionId).toBeNull();
  });
});
