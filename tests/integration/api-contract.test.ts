import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { API_OPERATIONS } from "@/lib/api/v1";
import {
  type Answer,
  changedTables,
  describeRequest,
  type Documented,
  documentedOperations,
  fetchDocument,
  leakIn,
  problemProblem,
  answerValidators,
  send,
  successProblem,
  TokenPool,
  withoutTokens,
} from "../helpers/api-contract";
import { type ApiRequest, brokenRequests, validRequests, zodAccepts } from "../helpers/api-contract-inputs";
import { freshRecord, idKindOfName, idKindOfPathParameter, seedWorld, type World } from "../helpers/api-contract-world";
import { releaseAppDb, useAsAppDb } from "../helpers/app-db";
import { type Fingerprint, userFingerprint } from "../helpers/db-fingerprint";
import { createTestDb, type TestDb } from "../helpers/test-db";

// The contract of /api/v1, from the OpenAPI document a client fetches: every
// documented operation is served, and called with requests generated from
// its schemas (fast-check): valid ones answer the documented success with a
// body the document describes, broken ones a problem+json 400 (404 for a
// path id), and none a 500. Whatever operations the registry holds when this
// runs are walked; none is named here.

const RUNS = Number(process.env.KITH_CONTRACT_RUNS ?? 30);
const SEED = Number(process.env.KITH_CONTRACT_SEED ?? Date.now() % 2_147_483_647);

const document = await fetchDocument();
const { found, missing } = documentedOperations(document, API_OPERATIONS);
const validators = answerValidators(document);

let t: TestDb;
let world: World;
let other: World;
let tokens: TokenPool;

beforeAll(async () => {
  t = await createTestDb();
  useAsAppDb(t);
  world = await seedWorld(t.db);
  other = await seedWorld(t.db);
  tokens = new TokenPool(t.db, world.userId);
}, 60_000);

afterAll(async () => {
  releaseAppDb();
  await t?.close();
});

// A write at a record's own address (congratulate this success, add people to
// this event) gets a record of its own, so no run depends on what an earlier
// one used up.
async function withFreshIds(entry: Documented, request: ApiRequest): Promise<ApiRequest> {
  const names = Object.keys(request.params);
  if (entry.operation.scope !== "write" || names.length === 0) return request;
  const params = { ...request.params };
  for (const name of names) {
    const kind = idKindOfPathParameter(entry.path, name);
    if (kind) params[name] = await freshRecord(t.db, world, kind);
  }
  return { ...request, params };
}

// A valid request's answer: the documented success, or a refusal by the data
// (409) where the document lists it. A PATCH is merged over the stored record
// before the form's own checks, so the record is part of its input: it may
// answer 400 naming the fields to fix (a birthday's day sent to a contact with
// no month). Another user's data never shows.
function validAnswerProblem(entry: Documented, request: ApiRequest, answer: Answer): string | null {
  const leak = leakIn(answer, request, other.secrets);
  if (leak) return leak;
  if (answer.status === 409 && entry.statuses.includes(409)) return problemProblem(answer, [409], validators);
  if (answer.status === 400 && entry.method === "PATCH") {
    const errors = (answer.json as { errors?: Record<string, unknown> } | undefined)?.errors ?? {};
    return problemProblem(answer, [400], validators) ?? (Object.keys(errors).length > 0 ? null : "a merged PATCH refused with no field named");
  }
  return successProblem(entry, answer, validators);
}

const ownRows = async () => withoutTokens(await userFingerprint(t.db, world.userId));

describe("the OpenAPI document", () => {
  it("documents every operation the code serves, at its path and method, and nothing else", () => {
    expect(document.openapi).toBe("3.1.0");
    expect(missing).toEqual([]);
    expect(found.length).toBe(API_OPERATIONS.length);
  });

  it("names what kind of record each id an operation takes is, so valid requests carry the owner's own", () => {
    const unknownIds = new Set<string>();
    for (const entry of found) fc.sample(validRequests(entry, world, unknownIds), 20);
    expect([...unknownIds]).toEqual([]);
  });
});

describe.each(found.map((entry) => [`${entry.method} ${entry.path} (${entry.operationId})`, entry] as const))("%s", (_, entry) => {
  it("answers valid requests with the documented success and body", async () => {
    const unknownIds = new Set<string>();
    let succeeded = 0;
    // A read writes nothing of the owner's but the token's "last used" and
    // the health rescored by the day's first read, as the pages do: from the
    // second read on, nothing changes.
    const isRead = entry.operation.scope === "read";
    let last: Fingerprint | undefined;
    await fc.assert(
      fc.asyncProperty(validRequests(entry, world, unknownIds), async (generated) => {
        fc.pre(zodAccepts(entry.operation, generated));
        const request = await withFreshIds(entry, generated);
        const answer = await send(entry, request, await tokens.token());
        const now = isRead ? await ownRows() : undefined;
        const changed = last && now ? changedTables(last, now) : [];
        last = now;
        const problem = validAnswerProblem(entry, request, answer) ?? (changed.length > 0 ? `a read changed ${changed.join(", ")}` : null);
        if (problem) throw new Error(`${describeRequest(entry, request)}: ${problem}`);
        if (answer.status === entry.successStatus) succeeded++;
      }),
      { numRuns: RUNS, seed: SEED },
    );
    // Most valid requests get through to the use case and succeed (a merged
    // PATCH is refused more often: half its fields pair with stored ones).
    expect(succeeded).toBeGreaterThan(entry.method === "PATCH" ? RUNS / 10 : RUNS / 2);
  });

  const canBreak = entry.body !== undefined || entry.parameters.length > 0;
  it.runIf(canBreak)("answers broken requests with a problem (400, or 404 for a path id), changing nothing, never a 500", async () => {
    // The owner's rows as a run found them; left unset by a run that threw,
    // so a shrinking step never compares with a stale count.
    let known: Fingerprint | undefined;
    let run = 0;
    await fc.assert(
      fc.asyncProperty(brokenRequests(entry, world, new Set()), async (broken) => {
        run++;
        const request = broken.where === "path" ? broken.request : await withFreshIds(entry, broken.request);
        // A fresh record is the owner's too: count it before the call.
        const before = request === broken.request && known ? known : await ownRows();
        known = undefined;
        const isParsed = broken.where !== "path" && zodAccepts(entry.operation, request);
        const answer = await send(entry, request, await tokens.token());
        const problem =
          broken.where === "path"
            ? problemProblem(answer, [404], validators)
            : isParsed
              ? validAnswerProblem(entry, request, answer)
              : (problemProblem(answer, [400], validators) ??
                (typeof (answer.json as { errors?: unknown }).errors === "object" ? null : "a refused input names no errors"));
        const leak = leakIn(answer, request, other.secrets);
        if (problem ?? leak) throw new Error(`${broken.what}: ${describeRequest(entry, request)}: ${problem ?? leak}`);
        if (answer.status < 400) return;
        // Refusals by a schema never reach a use case: one in ten is checked;
        // every refusal from past the schemas is.
        if (isParsed || broken.where === "path" || run % 10 === 0) {
          const after = await ownRows();
          const changed = changedTables(before, after);
          if (changed.length > 0) throw new Error(`${broken.what}: refused with ${answer.status} but changed ${changed.join(", ")}`);
        }
        known = before;
      }),
      { numRuns: RUNS, seed: SEED },
    );
  });

  if (entry.body) {
    it("refuses a body that is not JSON (400), not sent as JSON (415) or too large (413)", async () => {
      const [valid] = fc.sample(validRequests(entry, world, new Set()), { numRuns: 1, seed: SEED });
      if (!valid) throw new Error("no valid request");
      const before = await ownRows();
      const malformed = await send(entry, valid, await tokens.token(), { body: '{"not json' });
      expect(problemProblem(malformed, [400], validators)).toBeNull();
      const form = await send(entry, valid, await tokens.token(), {
        body: "name=Ada",
        headers: { "content-type": "application/x-www-form-urlencoded" },
      });
      expect(problemProblem(form, [415], validators)).toBeNull();
      const large = await send(entry, valid, await tokens.token(), { body: JSON.stringify({ name: "y".repeat(300 * 1024) }) });
      expect(problemProblem(large, [413], validators)).toBeNull();
      expect(changedTables(before, await ownRows())).toEqual([]);
    });
  }

  if (entry.parameters.some((parameter) => parameter.name === "cursor")) {
    // An empty list matches any schema of its items: the owner's records, unfiltered, are there.
    it("lists the owner's records, as the document describes them", async () => {
      const [valid] = fc.sample(validRequests(entry, world, new Set()), { numRuns: 1, seed: SEED });
      if (!valid) throw new Error("no valid request");
      // One more of what it lists (a success not yet congratulated, say), as earlier writes may have used them up.
      const kind = idKindOfName(entry.path.split("/").at(-1) ?? "");
      if (kind) await freshRecord(t.db, world, kind);
      const answer = await send(entry, { params: valid.params, query: {} }, await tokens.token());
      expect(successProblem(entry, answer, validators)).toBeNull();
      expect((answer.json as { data: unknown[] }).data.length).toBeGreaterThan(0);
    });

    it("pages on with its nextCursor, each record once", async () => {
      const limit: Record<string, string> = entry.parameters.some((parameter) => parameter.name === "limit") ? { limit: "1" } : {};
      const [valid] = fc.sample(validRequests(entry, world, new Set()), { numRuns: 1, seed: SEED });
      if (!valid) throw new Error("no valid request");
      const seen: string[] = [];
      let cursor: string | null = null;
      for (let page = 0; page < 6; page++) {
        const request: ApiRequest = { params: valid.params, query: { ...limit, ...(cursor ? { cursor } : {}) } };
        const answer = await send(entry, request, await tokens.token());
        expect(successProblem(entry, answer, validators)).toBeNull();
        const { data, nextCursor } = answer.json as { data: { id?: string }[]; nextCursor: string | null };
        seen.push(...data.map((item) => item.id ?? JSON.stringify(item)));
        if (!nextCursor) break;
        cursor = nextCursor;
      }
      expect(new Set(seen).size).toBe(seen.length);
    });
  }
});
