import { createHash, randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiTokens, rateLimits } from "@/db/schema";
import { defineAuthedAction } from "@/lib/actions/define-action";
import { API_RATE_LIMIT_PER_MINUTE, authenticateApiRequest } from "@/lib/api/authenticate";
import { createApiToken, listApiTokens, revokeApiToken } from "@/lib/api/tokens";
import { type ApiTokenInput, apiTokenIdSchema, apiTokenInputSchema } from "@/lib/validations/api-token";
import { createUser } from "../factories";
import { databaseFingerprint } from "../helpers/db-fingerprint";
import { createTestDb, type TestDb } from "../helpers/test-db";

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => {
  await t?.close();
});

const NOW = new Date("2026-12-03T09:00:00Z");
const DAY_MS = 24 * 60 * 60 * 1000;

// The production actions are these compositions with the session's user id.
function actionsAs(userId: string | null) {
  const define = defineAuthedAction({ getUserId: async () => userId, getDb: async () => t.db });
  return {
    create: define(apiTokenInputSchema, (input, ctx) => createApiToken(input, ctx, NOW)),
    revoke: define(apiTokenIdSchema, (input, ctx) => revokeApiToken(input, ctx, NOW)),
  };
}

async function tokenFor(userId: string, input: Partial<ApiTokenInput> = {}) {
  const result = await actionsAs(userId).create({ name: "Script", access: "read-write", expiresIn: "never", ...input });
  if (!result.ok) throw new Error(`no token: ${JSON.stringify(result)}`);
  return result.data;
}

async function rowOf(id: string) {
  const [row] = await t.db.select().from(apiTokens).where(eq(apiTokens.id, id));
  if (!row) throw new Error(`no token row ${id}`);
  return row;
}

const request = (authorization?: string) =>
  new Request("http://localhost/api/v1/contacts", { headers: authorization === undefined ? {} : { Authorization: authorization } });

async function expectProblem(response: Response, status: number) {
  expect(response.status).toBe(status);
  expect(response.headers.get("content-type")).toBe("application/problem+json");
  const body = (await response.json()) as Record<string, unknown>;
  expect(body).toMatchObject({ type: "about:blank", status });
  expect(typeof body.title).toBe("string");
  expect(typeof body.detail).toBe("string");
  return body;
}

describe("creating a token", () => {
  it("answers the token once and stores only its SHA-256", async () => {
    const user = await createUser(t.db);
    const created = await tokenFor(user.id, { name: "  Spreadsheet\nsync ", access: "read", expiresIn: "30" });
    expect(created.token).toMatch(/^kith_[A-Za-z0-9_-]{43}$/);
    expect(created.prefix).toBe(created.token.slice(0, 9));
    expect(created.name).toBe("Spreadsheet sync");

    const row = await rowOf(created.id);
    expect(row).toMatchObject({
      userId: user.id,
      name: "Spreadsheet sync",
      prefix: created.prefix,
      scopes: ["read"],
      lastUsedAt: null,
      revokedAt: null,
    });
    expect(row.tokenHash).toBe(createHash("sha256").update(created.token).digest("hex"));
    expect(row.expiresAt?.getTime()).toBe(NOW.getTime() + 30 * DAY_MS);
    expect(JSON.stringify(row)).not.toContain(created.token.slice(9));

    expect((await rowOf((await tokenFor(user.id, { expiresIn: "never" })).id)).expiresAt).toBeNull();
    expect((await rowOf((await tokenFor(user.id, { access: "read-write", expiresIn: "365" })).id)).scopes).toEqual(["read", "write"]);
  });

  it("refuses a missing or long name, an unknown access or expiry, and a signed-out caller, storing nothing", async () => {
    const user = await createUser(t.db);
    const create = actionsAs(user.id).create;
    expect(await create({ name: "  ", access: "read", expiresIn: "never" })).toMatchObject({ ok: false, fieldErrors: { name: [expect.any(String)] } });
    expect(await create({ name: "x".repeat(81), access: "read", expiresIn: "never" })).toMatchObject({
      ok: false,
      fieldErrors: { name: ["Keep the name under 80 characters."] },
    });
    expect(await create({ name: "Ok", access: "write" as "read", expiresIn: "7" as "30" })).toMatchObject({
      ok: false,
      fieldErrors: { access: [expect.any(String)], expiresIn: [expect.any(String)] },
    });
    expect(await actionsAs(null).create({ name: "Ok", access: "read", expiresIn: "never" })).toMatchObject({ ok: false });
    expect(await t.db.select().from(apiTokens).where(eq(apiTokens.userId, user.id))).toEqual([]);
  });
});

describe("listing tokens", () => {
  it("shows one's own, newest first, never a hash or the token", async () => {
    const user = await createUser(t.db);
    const other = await createUser(t.db);
    const first = await tokenFor(user.id, { name: "First" });
    const second = await tokenFor(user.id, { name: "Second", access: "read" });
    await t.db.update(apiTokens).set({ createdAt: new Date("2026-01-01T00:00:00Z") }).where(eq(apiTokens.id, first.id));
    await tokenFor(other.id, { name: "Not mine" });

    const list = await listApiTokens({ db: t.db, userId: user.id });
    expect(list.map((token) => token.name)).toEqual(["Second", "First"]);
    expect(list[0]).toEqual({
      id: second.id,
      name: "Second",
      prefix: second.prefix,
      scopes: ["read"],
      createdAt: expect.any(Date),
      lastUsedAt: null,
      expiresAt: null,
      revokedAt: null,
    });
    const text = JSON.stringify(list);
    for (const row of await t.db.select({ hash: apiTokens.tokenHash }).from(apiTokens)) expect(text).not.toContain(row.hash);
    expect(text).not.toContain(first.token);
  });
});

describe("revoking a token", () => {
  it("takes effect at once and keeps the first moment when revoked again", async () => {
    const user = await createUser(t.db);
    const created = await tokenFor(user.id);
    expect(await actionsAs(user.id).revoke({ id: created.id })).toEqual({ ok: true, data: { id: created.id } });
    expect((await rowOf(created.id)).revokedAt).toEqual(NOW);
    const later = defineAuthedAction({ getUserId: async () => user.id, getDb: async () => t.db })(apiTokenIdSchema, (input, ctx) =>
      revokeApiToken(input, ctx, new Date(NOW.getTime() + DAY_MS)),
    );
    expect(await later({ id: created.id })).toEqual({ ok: true, data: { id: created.id } });
    expect((await rowOf(created.id)).revokedAt).toEqual(NOW);
  });

  it("answers not found for another user's token or an unknown id, and changes nothing", async () => {
    const owner = await createUser(t.db);
    const intruder = await createUser(t.db);
    const created = await tokenFor(owner.id);
    const before = await databaseFingerprint(t.db);
    for (const id of [created.id, randomUUID()]) {
      expect(await actionsAs(intruder.id).revoke({ id })).toEqual({ ok: false, formError: "That token was not found." });
    }
    expect(await actionsAs(intruder.id).revoke({ id: "not-an-id" })).toMatchObject({ ok: false });
    expect(await databaseFingerprint(t.db)).toEqual(before);
    const response = await authenticateApiRequest(request(`Bearer ${created.token}`), "write", { db: t.db, now: NOW });
    expect(response).toEqual({ ok: true, userId: owner.id, tokenId: created.id, scopes: ["read", "write"] });
  });
});

describe("authenticateApiRequest", () => {
  it("refuses a missing, malformed, unknown, revoked or expired token with 401, and writes nothing", async () => {
    const user = await createUser(t.db);
    const revoked = await tokenFor(user.id);
    await actionsAs(user.id).revoke({ id: revoked.id });
    const expiring = await tokenFor(user.id, { expiresIn: "30" });
    const expiredAt = new Date(NOW.getTime() + 30 * DAY_MS);
    const valid = await tokenFor(user.id);
    const wrong = `kith_${"A".repeat(43)}`;

    const cases: [string, Request, Date][] = [
      ["missing", request(), NOW],
      ["empty", request(""), NOW],
      ["another scheme", request(`Basic ${Buffer.from("a:b").toString("base64")}`), NOW],
      ["no token", request("Bearer "), NOW],
      ["not a Kith token", request("Bearer abc.def.ghi"), NOW],
      ["a token cut short", request(`Bearer ${valid.token.slice(0, -1)}`), NOW],
      ["two tokens", request(`Bearer ${valid.token} ${valid.token}`), NOW],
      ["unknown", request(`Bearer ${wrong}`), NOW],
      ["revoked", request(`Bearer ${revoked.token}`), NOW],
      ["expired", request(`Bearer ${expiring.token}`), expiredAt],
    ];
    const before = await databaseFingerprint(t.db);
    for (const [name, req, now] of cases) {
      const result = await authenticateApiRequest(req, "read", { db: t.db, now });
      if (result.ok) throw new Error(`${name} was let in`);
      expect(result.response.headers.get("www-authenticate"), name).toMatch(/^Bearer\b/);
      await expectProblem(result.response, 401);
    }
    expect(await databaseFingerprint(t.db)).toEqual(before);
    // A moment before its expiry the same token is let in.
    const justBefore = new Date(expiredAt.getTime() - 1);
    expect(await authenticateApiRequest(request(`Bearer ${expiring.token}`), "read", { db: t.db, now: justBefore })).toMatchObject({ ok: true });
  });

  it("refuses a read-only token on a write with 403, and writes nothing", async () => {
    const user = await createUser(t.db);
    const readOnly = await tokenFor(user.id, { access: "read" });
    const before = await databaseFingerprint(t.db);
    const result = await authenticateApiRequest(request(`Bearer ${readOnly.token}`), "write", { db: t.db, now: NOW });
    if (result.ok) throw new Error("a read-only token wrote");
    expect(result.response.headers.get("www-authenticate")).toBe('Bearer error="insufficient_scope", scope="write"');
    await expectProblem(result.response, 403);
    expect(await databaseFingerprint(t.db)).toEqual(before);
    expect(await authenticateApiRequest(request(`Bearer ${readOnly.token}`), "read", { db: t.db, now: NOW })).toEqual({
      ok: true,
      userId: user.id,
      tokenId: readOnly.id,
      scopes: ["read"],
    });
  });

  it("lets a valid token in as its user and records its use at most once a minute", async () => {
    const user = await createUser(t.db);
    const created = await tokenFor(user.id);
    const auth = (now: Date, header = `Bearer ${created.token}`) =>
      authenticateApiRequest(request(header), "write", { db: t.db, now });

    expect(await auth(NOW)).toEqual({ ok: true, userId: user.id, tokenId: created.id, scopes: ["read", "write"] });
    expect((await rowOf(created.id)).lastUsedAt).toEqual(NOW);
    // The scheme's case and spaces around the token are not the token.
    expect(await auth(new Date(NOW.getTime() + 59_000), `bearer  ${created.token} `)).toMatchObject({ ok: true });
    expect((await rowOf(created.id)).lastUsedAt).toEqual(NOW);
    const later = new Date(NOW.getTime() + 61_000);
    expect(await auth(later)).toMatchObject({ ok: true });
    expect((await rowOf(created.id)).lastUsedAt).toEqual(later);
    expect((await listApiTokens({ db: t.db, userId: user.id }))[0]?.lastUsedAt).toEqual(later);
  });

  it("answers 429 with Retry-After once a token is over its limit, and only that token", async () => {
    const user = await createUser(t.db);
    const busy = await tokenFor(user.id);
    const calm = await tokenFor(user.id);
    const start = new Date("2026-12-03T10:00:00Z");
    const auth = (token: string, now: Date) => authenticateApiRequest(request(`Bearer ${token}`), "read", { db: t.db, now });

    for (let i = 0; i < API_RATE_LIMIT_PER_MINUTE; i++) {
      const result = await auth(busy.token, new Date(start.getTime() + i * 10));
      if (!result.ok) throw new Error(`request ${i + 1} refused with ${result.response.status}`);
    }
    const over = await auth(busy.token, new Date(start.getTime() + 20_000));
    if (over.ok) throw new Error("the request over the limit was let in");
    expect(over.response.headers.get("retry-after")).toBe("40");
    await expectProblem(over.response, 429);
    expect(await auth(calm.token, new Date(start.getTime() + 20_000))).toMatchObject({ ok: true });
    // The window ends a minute after it opened.
    expect(await auth(busy.token, new Date(start.getTime() + 60_000))).toMatchObject({ ok: true });
    const [counter] = await t.db.select().from(rateLimits).where(eq(rateLimits.key, `api:token:${busy.id}`));
    expect(counter?.hits).toBe(1);
  });
});
