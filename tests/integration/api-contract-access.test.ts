import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApiToken, revokeApiToken } from "@/lib/api/tokens";
import { API_OPERATIONS } from "@/lib/api/v1";
import {
  type Answer,
  answerValidators,
  changedTables,
  describeRequest,
  type Documented,
  documentedOperations,
  fetchDocument,
  leakIn,
  problemProblem,
  send,
  successProblem,
  TokenPool,
  withoutTokens,
} from "../helpers/api-contract";
import { type ApiRequest, validRequests, zodAccepts } from "../helpers/api-contract-inputs";
import { idKindOfPathParameter, seedWorld, type World } from "../helpers/api-contract-world";
import { releaseAppDb, useAsAppDb } from "../helpers/app-db";
import { databaseFingerprint, userFingerprint } from "../helpers/db-fingerprint";
import { createTestDb, type TestDb } from "../helpers/test-db";

// Who may do what through /api/v1, over every documented operation: a request
// without a valid token is 401 and a read-only token's write 403, writing
// nothing; another user's ids, in the path, the query or the body, are
// refused (404, or 400 for a body) and nothing of theirs changes or shows.

const SEED = Number(process.env.KITH_CONTRACT_SEED ?? Date.now() % 2_147_483_647);
const DAY_MS = 24 * 60 * 60 * 1000;

const document = await fetchDocument();
const { found } = documentedOperations(document, API_OPERATIONS);
const validators = answerValidators(document);
const named = (entries: Documented[]) => entries.map((entry) => [`${entry.method} ${entry.path} (${entry.operationId})`, entry] as const);

let t: TestDb;
let owner: World;
let other: World;
let tokens: TokenPool;
let refusedTokens: { name: string; token?: string; headers?: Record<string, string> }[];
let readOnly: string;

async function tokenOf(userId: string, expiresIn: "never" | "30", now = new Date()) {
  const created = await createApiToken({ name: "Contract", access: "read-write", expiresIn }, { db: t.db, userId }, now);
  if (!created.ok) throw new Error("no token");
  return created.data;
}

beforeAll(async () => {
  t = await createTestDb();
  useAsAppDb(t);
  owner = await seedWorld(t.db);
  other = await seedWorld(t.db);
  tokens = new TokenPool(t.db, owner.userId);
  const revoked = await tokenOf(owner.userId, "never");
  await revokeApiToken({ id: revoked.id }, { db: t.db, userId: owner.userId });
  const expired = await tokenOf(owner.userId, "30", new Date(Date.now() - 31 * DAY_MS));
  refusedTokens = [
    { name: "no token" },
    { name: "another scheme", headers: { authorization: "Basic YTpi" } },
    { name: "a malformed token", token: "not-a-kith-token" },
    { name: "an unknown token", token: `kith_${"A".repeat(43)}` },
    { name: "a revoked token", token: revoked.token },
    { name: "an expired token", token: expired.token },
  ];
  readOnly = await tokens.token("read");
}, 60_000);

afterAll(async () => {
  releaseAppDb();
  await t?.close();
});

function oneValidRequest(entry: Documented, world: World): ApiRequest {
  const valid = validRequests(entry, world, new Set()).filter((request) => zodAccepts(entry.operation, request));
  const [request] = fc.sample(valid, { numRuns: 1, seed: SEED });
  if (!request) throw new Error(`no valid request for ${entry.operationId}`);
  return request;
}

describe.each(named(found))("%s: tokens", (_, entry) => {
  it("refuses a missing, malformed, unknown, revoked or expired token with 401, and a read-only token a write with 403, writing nothing", async () => {
    const request = oneValidRequest(entry, owner);
    const before = await databaseFingerprint(t.db);
    for (const refused of refusedTokens) {
      const answer = await send(entry, request, refused.token, { headers: refused.headers });
      expect(problemProblem(answer, [401], validators), refused.name).toBeNull();
      expect(answer.wwwAuthenticate, refused.name).toMatch(/^Bearer\b/);
    }
    if (entry.operation.scope === "write") {
      const answer = await send(entry, request, readOnly);
      expect(problemProblem(answer, [403], validators)).toBeNull();
      expect(answer.wwwAuthenticate).toBe('Bearer error="insufficient_scope", scope="write"');
    }
    expect(changedTables(before, await databaseFingerprint(t.db))).toEqual([]);
    if (entry.operation.scope === "read") {
      expect(successProblem(entry, await send(entry, request, readOnly), validators)).toBeNull();
    }
  });
});

describe.each(named(found))("%s: a user id in the request", (_, entry) => {
  it("is not whose data is read or written", async () => {
    const request = oneValidRequest(entry, owner);
    const smuggled: ApiRequest = {
      params: request.params,
      query: { ...request.query, userId: other.userId, user_id: other.userId },
      body: typeof request.body === "object" && request.body !== null ? { ...request.body, userId: other.userId } : request.body,
    };
    const theirs = await userFingerprint(t.db, other.userId);
    const answer = await send(entry, smuggled, await tokens.token());
    const problem = answer.status < 300 ? successProblem(entry, answer, validators) : problemProblem(answer, [400, 409], validators);
    expect(problem ?? leakIn(answer, smuggled, other.secrets.filter((secret) => secret !== other.userId))).toBeNull();
    expect(answer.text).not.toContain(other.email);
    expect(changedTables(theirs, await userFingerprint(t.db, other.userId))).toEqual([]);
  });
});

// The owner's ids in a request swapped for another user's of the same kind:
// all of them; only the path's; or only the first in the query or body (one
// of theirs among mine, the classic way past a check of the first id only).
type Swap = "all" | "path" | "one in the input";
const SWAPS: Swap[] = ["all", "path", "one in the input"];

function withTheirIds(request: ApiRequest, how: Swap) {
  const swapped: string[] = [];
  const swap = (value: unknown, where: "path" | "query" | "body"): unknown => {
    if (typeof value === "string") {
      const kind = owner.kindOf.get(value);
      const theirs = kind ? other.ids[kind][owner.ids[kind].indexOf(value) % other.ids[kind].length] : undefined;
      const isSkipped = how === "path" ? where !== "path" : how === "one in the input" && (where === "path" || swapped.length > 0);
      if (!theirs || isSkipped) return value;
      swapped.push(where);
      return theirs;
    }
    if (Array.isArray(value)) return value.map((item) => swap(item, where));
    if (typeof value === "object" && value !== null) {
      return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, swap(item, where)]));
    }
    return value;
  };
  const params = swap(request.params, "path") as Record<string, string>;
  const query = swap(request.query, "query") as Record<string, string>;
  const body = swap(request.body, "body");
  return { request: { params, query, body }, swapped: [...new Set(swapped)] };
}

// Refused: 404 for an id in the path, 404 or 400 for one in the body (or a
// documented 409, when what the owner already has refuses it first); an id in
// a query filters, so a list may answer, with nothing of theirs.
function crossUserProblem(entry: Documented, swapped: string[], answer: Answer): string | null {
  if (swapped.includes("path")) return problemProblem(answer, [404], validators);
  const refusals = entry.statuses.includes(409) ? [404, 400, 409] : [404, 400];
  if (swapped.includes("body")) return problemProblem(answer, refusals, validators);
  if (answer.status < 300) return successProblem(entry, answer, validators);
  return problemProblem(answer, refusals, validators);
}

const ownRows = async () => withoutTokens(await userFingerprint(t.db, owner.userId));

const hasIds = (entry: Documented) =>
  entry.parameters.some((parameter) => parameter.in === "path" || /id$/i.test(parameter.name) || parameter.schema.format === "uuid") ||
  JSON.stringify(entry.body ?? {}).includes('"uuid"');

describe.each(named(found.filter(hasIds)))("%s: another user's ids", (_, entry) => {
  it("are refused, and nothing of theirs changes or shows", async () => {
    const theirs = await userFingerprint(t.db, other.userId);
    const valid = validRequests(entry, owner, new Set()).filter((request) => zodAccepts(entry.operation, request));
    let tried = 0;
    for (const [index, request] of fc.sample(valid, { numRuns: 40, seed: SEED }).entries()) {
      const { request: crossed, swapped } = withTheirIds(request, SWAPS[index % SWAPS.length] ?? "all");
      if (swapped.length === 0) continue;
      tried++;
      const mine = await ownRows();
      const answer = await send(entry, crossed, await tokens.token());
      const problem = crossUserProblem(entry, swapped, answer) ?? leakIn(answer, crossed, other.secrets);
      if (problem) throw new Error(`${describeRequest(entry, crossed)} (their ids in ${swapped.join(", ")}): ${problem}`);
      if (answer.status >= 400) expect(changedTables(mine, await ownRows()), describeRequest(entry, crossed)).toEqual([]);
    }
    expect(tried).toBeGreaterThan(0);
    expect(changedTables(theirs, await userFingerprint(t.db, other.userId))).toEqual([]);
  });

  it.runIf(entry.parameters.some((parameter) => parameter.in === "path"))("answer 404 at their record's own address", async () => {
    const request = oneValidRequest(entry, owner);
    const params = Object.fromEntries(
      Object.keys(request.params).map((name) => {
        const kind = idKindOfPathParameter(entry.path, name);
        const id = kind ? other.ids[kind][0] : undefined;
        if (!id) throw new Error(`no record of theirs for ${entry.path} {${name}}`);
        return [name, id];
      }),
    );
    const theirs = await userFingerprint(t.db, other.userId);
    const mine = await ownRows();
    const answer = await send(entry, { ...request, params }, await tokens.token());
    expect(problemProblem(answer, [404], validators)).toBeNull();
    expect(leakIn(answer, { ...request, params }, other.secrets)).toBeNull();
    expect(changedTables(mine, await ownRows())).toEqual([]);
    expect(changedTables(theirs, await userFingerprint(t.db, other.userId))).toEqual([]);
  });
});
