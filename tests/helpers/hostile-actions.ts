import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import fc from "fast-check";
import type * as NextCache from "next/cache";
import type * as NextServer from "next/server";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createImport } from "@/db/queries/imports";
import {
  apiTokens,
  circles,
  contacts,
  events,
  goals,
  imports,
  interactions,
  jobRoles,
  learningItems,
  learningSkills,
  skillLevels,
  skills,
  steppingStones,
  successes,
  users,
  wins,
} from "@/db/schema";
import type * as AuthedActionModule from "@/lib/actions/authed-action";
import type * as AuthModule from "@/lib/auth";
import { createApiToken } from "@/lib/api/tokens";
import { deriveDigestLinkKey, digestPayload, signDigestToken } from "@/lib/digest/links";
import { createBusyUser, createGoal, createLearningItem, createRole, createStone, createWin } from "../factories";
import { releaseAppDb, useAsAppDb } from "./app-db";
import { type Fingerprint, userFingerprint, userOwnedTables } from "./db-fingerprint";
import {
  type ActionTarget,
  knownInputKeys,
  loadServerActions,
  describeValue,
  type Outcome,
  outcomeOf,
  probeTargets,
  type ServerAction,
  world,
} from "./entry-points";
import { enumHints, fromJsonSchema, hostileValue, jsonSchemaOf, type Pools } from "./schema-arbitrary";
import { createTestDb, type TestDb } from "./test-db";

// Hostile input never breaks an action (tests/integration/hostile-actions-*.test.ts,
// each a part of the actions so the parts run side by side). Every server
// action (found in the code) gets at least RUNS inputs generated from and around its zod schema,
// as signed-in user A, with user B's real ids mixed in: no error escapes (an
// error is a 500), every answer is a typed result, a refused call writes
// nothing of A's, and B's rows stay byte for byte as they were and never
// appear in an answer.

const RUNS = Number(process.env.KITH_FUZZ_RUNS ?? 1000);
const SEED = Number(process.env.KITH_FUZZ_SEED ?? Date.now() % 2_147_483_647);
const SECRET = "hostile-actions-test-secret-0123456789-abcdef";
vi.stubEnv("AUTH_SECRET", SECRET);

vi.mock("@/lib/auth", async (importOriginal) =>
  (await import("./entry-points")).mockAuth(await importOriginal<typeof AuthModule>()),
);
vi.mock("@/lib/actions/authed-action", async (importOriginal) =>
  (await import("./entry-points")).mockAuthedAction(await importOriginal<typeof AuthedActionModule>()),
);
vi.mock("next/cache", async (importOriginal) =>
  (await import("./entry-points")).mockNextCache(await importOriginal<typeof NextCache>()),
);
vi.mock("next/headers", async () => (await import("./entry-points")).mockNextHeaders());
vi.mock("next/server", async (importOriginal) =>
  (await import("./entry-points")).mockNextServer(await importOriginal<typeof NextServer>()),
);

const KEY = deriveDigestLinkKey(SECRET);

let t: TestDb;
let other: {
  id: string;
  email: string;
  groups: string[][];
  secrets: string[];
  tokens: string[];
  fingerprint: Fingerprint;
};

const CSV = "Name,Company,Email\nGrace Hopper,Navy,grace@example.com\nAlan Turing,Bletchley,alan@example.com\n";

// An import read into a preview, the way a person gets one: columns chosen
// through the app's own action, the file then read in the background.
async function previewImport(userId: string): Promise<string> {
  const created = await createImport(t.db, { userId, source: "csv", fileName: "p.csv", fileSize: CSV.length, content: CSV });
  const choose = actions.find((action) => action.id === "app/(app)/import/actions.ts#saveImportMappingAction");
  if (!choose) throw new Error("no action to choose an import's columns");
  const signedIn = world.userId;
  world.userId = userId;
  const outcome = await outcomeOf(() => choose.fn({ importId: created.id, mapping: { "0": "name", "1": "company", "2": "email" } }));
  world.userId = signedIn;
  expect(outcome).toMatchObject({ kind: "returned", value: { ok: true } });
  return created.id;
}

// An account with some of everything, and the imports and digest links
// that refer to it.
async function seedAccount() {
  const { user, ids } = await createBusyUser(t.db, new Date());
  const people = await t.db.select({ id: contacts.id, name: contacts.name }).from(contacts).where(eq(contacts.userId, user.id));
  const mapping = await createImport(t.db, { userId: user.id, source: "csv", fileName: "c.csv", fileSize: CSV.length, content: CSV });
  const preview = { id: await previewImport(user.id) };
  const contactId = people[0]?.id ?? randomUUID();
  // A journal: a role, and a win naming two people with a skill.
  const role = await createRole(t.db, { userId: user.id });
  const win = await createWin(t.db, {
    userId: user.id,
    roleId: role.id,
    skills: ["Negotiation"],
    people: people.slice(0, 2).map((person, i) => ({ contactId: person.id, part: i === 0 ? "helped_me" : "can_vouch" })),
  });
  // A career plan: a goal with a step, a level of the win's skill, and a learning item for it.
  const goal = await createGoal(t.db, { userId: user.id });
  const stone = await createStone(t.db, { userId: user.id, goalId: goal.id });
  const [{ id: skillId } = { id: undefined }] = await t.db.select({ id: skills.id }).from(skills).where(eq(skills.userId, user.id));
  if (!skillId) throw new Error("seedAccount: the win has no skill");
  await t.db.insert(skillLevels).values({ userId: user.id, skillId, level: 2, assessedOn: "2026-01-05" });
  const item = await createLearningItem(t.db, { userId: user.id, mentorId: contactId, hours: 3 });
  await t.db.insert(learningSkills).values({ userId: user.id, itemId: item.id, skillId });
  // A personal access token, whose id another user's revoke must not reach.
  const apiToken = await createApiToken({ name: "Script", access: "read-write", expiresIn: "never" }, { db: t.db, userId: user.id });
  if (!apiToken.ok) throw new Error("seedAccount: no API token");
  const tokens = (["log", "snooze"] as const).map((a) => signDigestToken(digestPayload({ a, u: user.id, c: contactId, p: "2026-W48" }), KEY));
  const idsOf = async (
    table:
      | typeof contacts
      | typeof circles
      | typeof events
      | typeof interactions
      | typeof successes
      | typeof imports
      | typeof jobRoles
      | typeof wins
      | typeof skills
      | typeof goals
      | typeof steppingStones
      | typeof skillLevels
      | typeof learningItems
      | typeof apiTokens,
  ) =>
    (await t.db.select({ id: table.id }).from(table).where(eq(table.userId, user.id))).map((row) => row.id);
  const groups = [
    await idsOf(contacts),
    await idsOf(circles),
    await idsOf(events),
    await idsOf(interactions),
    await idsOf(successes),
    await idsOf(imports),
    await idsOf(jobRoles),
    await idsOf(wins),
    await idsOf(skills),
    await idsOf(goals),
    await idsOf(steppingStones),
    await idsOf(skillLevels),
    await idsOf(learningItems),
    await idsOf(apiTokens),
    [user.id],
  ];
  return {
    user,
    ids: [...ids, mapping.id, preview.id, role.id, win.id, goal.id, stone.id, item.id, user.id],
    groups,
    names: [...people.map((person) => person.name), role.company, win.title, goal.title, stone.title, item.title],
    tokens,
  };
}

// --- Inputs ----------------------------------------------------------------

function formOf(keys: string[], input: unknown): FormData {
  const form = new FormData();
  for (const key of keys) {
    const value = typeof input === "object" && input !== null ? (input as Record<string, unknown>)[key] : undefined;
    if (value === undefined) continue;
    form.set(key, value instanceof Blob ? value : typeof value === "string" ? value : safeJson(value));
  }
  return form;
}

function argumentArbitrary(targets: ActionTarget[], pools: Pools): fc.Arbitrary<unknown> {
  const fromSchemas = targets.map(({ action, shape }) => {
    const json = jsonSchemaOf(action.inputSchema);
    if (shape.kind === "field") {
      return fromJsonSchema((json as { properties?: Record<string, object> }).properties?.[shape.key] ?? {}, pools, shape.key);
    }
    if (shape.kind === "form") return fromJsonSchema(json, pools).map((input) => formOf(shape.keys, input));
    return fromJsonSchema(json, pools);
  });
  if (fromSchemas.length === 0) return hostileValue;
  // Mostly from the schemas; a raw hostile argument one time in eight or so.
  return fc.oneof({ arbitrary: fc.oneof(...fromSchemas), weight: 7 }, { arbitrary: hostileValue, weight: 1 });
}

// --- What each call must (not) do -----------------------------------------

function safeJson(value: unknown): string {
  try {
    return JSON.stringify(value, (_, item: unknown) => (typeof item === "bigint" ? String(item) : item)) ?? "";
  } catch {
    return String(Object.prototype.toString.call(value));
  }
}

function isTypedResult(value: unknown): boolean {
  return typeof value === "object" && value !== null && typeof (value as { ok?: unknown }).ok === "boolean";
}

// A refusal is a typed { ok: false }, or (for the form actions that redirect
// to a page) a redirect after every action it reached refused.
function wasRefused(outcome: Outcome, calls: typeof world.calls): boolean {
  if (outcome.kind === "returned") return (outcome.value as { ok?: unknown }).ok === false;
  return calls.length > 0 && calls.every((call) => call.result?.ok === false);
}

function problemWith(arg: unknown, outcome: Outcome, calls: typeof world.calls): string | null {
  if (outcome.kind === "threw") {
    const error = outcome.error as Error;
    return `threw ${error?.stack ?? String(error)}`;
  }
  if (outcome.kind === "returned" && !isTypedResult(outcome.value)) return `answered ${describeValue(outcome.value)}`;
  if (calls.some((call) => !isTypedResult(call.result))) return "an action answered something other than a result";
  const answer = outcome.kind === "returned" ? safeJson(outcome.value) : outcome.kind === "redirect" ? outcome.to : "";
  // B's ids and address are among the inputs; an answer may echo what it was given, nothing more.
  const given = safeJson(arg);
  const leaked = other.secrets.find((secret) => answer.includes(secret) && !given.includes(secret));
  if (leaked) return `answered with the other user's ${leaked}: ${answer.slice(0, 300)}`;
  return null;
}

type Account = Awaited<ReturnType<typeof seedAccount>>;

async function fuzz(action: ServerAction, account: Account, targets: ActionTarget[]) {
  const pools: Pools = {
    uuids: [...other.groups, ...account.groups],
    own: account.groups,
    emails: [other.email, account.user.email, "ada@example.com"],
    strings: [...other.tokens, ...account.tokens],
    hints: enumHints(world.created.map((created) => created.inputSchema)),
  };
  const argument = argumentArbitrary(targets, pools);
  // A's rows as they were before the call; recomputed after a call that succeeded.
  let known: Fingerprint | undefined;
  let reachedHandler = 0;
  let run = 0;
  await fc.assert(
    fc.asyncProperty(argument, async (arg) => {
      world.userId = account.user.id;
      known ??= await userFingerprint(t.db, account.user.id);
      world.calls = [];
      const outcome = await outcomeOf(() => action.fn(arg));
      const calls = world.calls;
      const problem = problemWith(arg, outcome, calls);
      if (problem) throw new Error(`${action.id}(${describeValue(arg)}): ${problem}`);
      const isValid = calls.some((call) => call.isValid);
      if (isValid) reachedHandler++;
      run++;
      // A refusal by the schema never reaches a handler: checking one in ten
      // of those keeps the run short; every refusal from a handler is checked.
      if (wasRefused(outcome, calls) && (isValid || calls.length === 0 || run % 10 === 0)) {
        const after = await userFingerprint(t.db, account.user.id);
        if (safeJson(after) !== safeJson(known)) {
          throw new Error(`${action.id}(${describeValue(arg)}) refused but changed ${safeJson(diff(known, after))}`);
        }
      } else if (!wasRefused(outcome, calls)) {
        known = undefined;
      }
    }),
    { numRuns: RUNS, seed: SEED },
  );
  return reachedHandler;
}

function diff(before: Fingerprint, after: Fingerprint): string[] {
  return Object.keys({ ...before, ...after }).filter((table) => before[table] !== after[table]);
}

async function freshAccount(previous: Account | undefined): Promise<Account> {
  if (previous) await t.db.delete(users).where(eq(users.id, previous.user.id));
  return seedAccount();
}

let actions: ServerAction[] = [];

// Part `part` of `parts` (from 1): the actions whose place in the code's order
// has that remainder, so the parts can run side by side; the first also checks
// which tables are watched.
export async function hostileActionsSuite(part: number, parts: number) {
  actions = await loadServerActions();
  const mine = actions.filter((_, index) => index % parts === part - 1);

  beforeAll(async () => {
    t = await createTestDb();
    useAsAppDb(t);
    const b = await seedAccount();
    other = {
      id: b.user.id,
      email: b.user.email,
      groups: b.groups,
      secrets: [...b.ids, ...b.names, b.user.email],
      tokens: b.tokens,
      fingerprint: await userFingerprint(t.db, b.user.id),
    };
  }, 120_000);

  afterAll(async () => {
    releaseAppDb();
    vi.unstubAllEnvs();
    await t?.close();
  });

  describe("hostile input never breaks an action", () => {
    let account: Account | undefined;

    if (part === 1) {
      it("watches every table that holds a user's rows", async () => {
        expect(await userOwnedTables(t.db)).toEqual(
          expect.arrayContaining(["users", "contacts", "contact_emails", "circles", "events", "interactions", "successes", "imports", "import_rows"]),
        );
        expect(Object.values(other.fingerprint).some((digest) => !digest.startsWith("0:"))).toBe(true);
      });
    }

    it.each(mine.map((action) => [action.id, action] as const))(
      "%s",
      async (_, action) => {
        world.userId = null;
        const targets = await probeTargets(action.fn, knownInputKeys(world.created));
        account = await freshAccount(account);
        const reachedHandler = await fuzz(action, account, targets);
        // Enough inputs got past validation to exercise the use case (with the
        // other user's ids), or the generator is not doing its job.
        if (targets.length > 0) expect(reachedHandler).toBeGreaterThanOrEqual(RUNS / 100);
        expect(await userFingerprint(t.db, other.id)).toEqual(other.fingerprint);
      },
      600_000,
    );
  });
}
