import { randomUUID } from "node:crypto";
import fc from "fast-check";
import type * as NextCache from "next/cache";
import type * as NextServer from "next/server";
import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { eq } from "drizzle-orm";
import { createImport } from "@/db/queries/imports";
import type * as AuthedActionModule from "@/lib/actions/authed-action";
import type * as AuthModule from "@/lib/auth";
import { contacts } from "@/db/schema";
import { createBusyUser, createUser } from "../factories";
import { releaseAppDb, useAsAppDb } from "../helpers/app-db";
import { databaseFingerprint, userFingerprint } from "../helpers/db-fingerprint";
import {
  type ActionTarget,
  inlineServerActions,
  knownInputKeys,
  loadRouteHandlers,
  loadServerActions,
  describeValue,
  type Outcome,
  outcomeOf,
  probeTargets,
  type RouteHandler,
  SESSION_ENDED,
  type ServerAction,
  world,
} from "../helpers/entry-points";
import { arbitraryFromSchema, fromJsonSchema, jsonSchemaOf } from "../helpers/schema-arbitrary";
import { publicEntryPoints } from "../helpers/public-entry-points";
import { createTestDb, type TestDb } from "../helpers/test-db";

// Every server action and route handler, found in the code (not listed by
// hand), refuses a request without a session and changes nothing. The few
// that answer signed-out callers by design are named below, each with why and
// with a check of its own. A new unguarded action or route fails this file.

vi.stubEnv("AUTH_SECRET", "entry-points-test-secret-0123456789-abcdef");
const CRON_SECRET = "entry-points-cron-secret-0123456789";
vi.stubEnv("CRON_SECRET", CRON_SECRET);

// The session is the one thing these tests decide (tests/helpers/entry-points.ts).
vi.mock("@/lib/auth", async (importOriginal) =>
  (await import("../helpers/entry-points")).mockAuth(await importOriginal<typeof AuthModule>()),
);
vi.mock("@/lib/actions/authed-action", async (importOriginal) =>
  (await import("../helpers/entry-points")).mockAuthedAction(await importOriginal<typeof AuthedActionModule>()),
);
vi.mock("next/cache", async (importOriginal) =>
  (await import("../helpers/entry-points")).mockNextCache(await importOriginal<typeof NextCache>()),
);
vi.mock("next/headers", async () => (await import("../helpers/entry-points")).mockNextHeaders());
vi.mock("next/server", async (importOriginal) =>
  (await import("../helpers/entry-points")).mockNextServer(await importOriginal<typeof NextServer>()),
);

const actions = await loadServerActions();
const routes = await loadRouteHandlers();

let t: TestDb;
let ownIds: string[] = [];
let owner: { id: string; email: string; names: string[] };
let stranger: string;

beforeAll(async () => {
  t = await createTestDb();
  useAsAppDb(t);
  // Someone's account with some of everything, whose ids the signed-out
  // calls carry: none of it may be read or changed.
  const { user, ids } = await createBusyUser(t.db, new Date());
  const csv = "Name,Company\nAda Lovelace,Analytical\n";
  const imported = await createImport(t.db, { userId: user.id, source: "csv", fileName: "c.csv", fileSize: csv.length, content: csv });
  ownIds = [...ids, imported.id, user.id];
  const names = await t.db.select({ name: contacts.name }).from(contacts).where(eq(contacts.userId, user.id));
  owner = { id: user.id, email: user.email, names: names.map((row) => row.name) };
  // Someone else, signed in, asking for the first account's things by id.
  stranger = (await createUser(t.db)).id;
});

afterAll(async () => {
  releaseAppDb();
  vi.unstubAllEnvs();
  await t?.close();
});

function isSessionRefusal(value: unknown): boolean {
  return typeof value === "object" && value !== null && (value as { ok?: unknown; formError?: unknown }).ok === false &&
    (value as { formError?: unknown }).formError === SESSION_ENDED;
}

// Refused: no error escaped, nothing succeeded, and the session was what
// said no — every schema-bearing action reached answered "session ended",
// or the export itself did, or it sent the visitor to sign in.
function refusalProblem(outcome: Outcome, calls: typeof world.calls): string | null {
  if (outcome.kind === "threw") return `threw ${String(outcome.error)}`;
  if (outcome.kind === "returned") {
    const value = outcome.value as { ok?: unknown } | null;
    if (value && typeof value === "object" && value.ok === true) return "answered ok: true";
  }
  if (calls.some((call) => !isSessionRefusal(call.result))) return "an action ran past the session check";
  if (calls.length > 0) return null;
  if (outcome.kind === "returned" && isSessionRefusal(outcome.value)) return null;
  if (outcome.kind === "redirect" && outcome.to.startsWith("/sign-in")) return null;
  if (outcome.kind === "not-found") return null;
  return `answered without asking for a session: ${JSON.stringify(outcome).slice(0, 200)}`;
}

async function signedOutArguments(fn: ServerAction["fn"]): Promise<{ args: unknown[]; targets: ActionTarget[] }> {
  const targets = await probeTargets(fn, knownInputKeys(world.created));
  const pools = { uuids: [ownIds], emails: [] };
  const args: unknown[] = [undefined, null, {}, [], "x", 42, new FormData()];
  for (const { action, shape } of targets) {
    const json = jsonSchemaOf(action.inputSchema);
    if (shape.kind === "field") {
      const property = (json as { properties?: Record<string, object> }).properties?.[shape.key] ?? {};
      args.push(...fc.sample(fromJsonSchema(property, pools, shape.key), { numRuns: 10, seed: 1 }));
    } else {
      const inputs = fc.sample(arbitraryFromSchema(action.inputSchema, pools), { numRuns: 10, seed: 1 });
      if (shape.kind === "whole") args.push(...inputs);
      else
        args.push(
          ...inputs.map((input) => {
            const form = new FormData();
            for (const key of shape.keys) form.set(key, String((input as Record<string, unknown> | null)?.[key] ?? ""));
            return form;
          }),
        );
    }
  }
  return { args, targets };
}

async function expectSignedOutActionRefused(fn: ServerAction["fn"]) {
  world.userId = null;
  const before = await databaseFingerprint(t.db);
  const { args } = await signedOutArguments(fn);
  for (const arg of args) {
    world.calls = [];
    const outcome = await outcomeOf(() => fn(arg));
    expect(refusalProblem(outcome, world.calls), `called with ${describeValue(arg)}`).toBeNull();
  }
  expect(await databaseFingerprint(t.db)).toEqual(before);
}

// --- Routes ----------------------------------------------------------------

function paramCombinations(route: string): Record<string, string | string[]>[] {
  const names = [...route.matchAll(/\[(\.\.\.)?([^\]]+)\]/g)].map((match) => ({ name: match[2] ?? "", isCatchAll: Boolean(match[1]) }));
  const values = [randomUUID(), ...ownIds.slice(0, 3), ownIds.at(-2) ?? "", "kith.json", "contacts.csv", "contacts.vcf", "x"];
  if (names.length === 0) return [{}];
  return values.map((value) => Object.fromEntries(names.map(({ name, isCatchAll }) => [name, isCatchAll ? [value] : value])));
}

function requestsFor(route: string, method: string, params: Record<string, string | string[]>): NextRequest[] {
  const path = route.replace(/\[(?:\.\.\.)?([^\]]+)\]/g, (_, name: string) => {
    const value = params[name];
    return Array.isArray(value) ? value.join("/") : (value ?? "");
  });
  const url = `http://localhost:3000${path}?t=x&page=2`;
  const headers = { origin: "http://localhost:3000", cookie: `authjs.session-token=${randomUUID()}` };
  if (method === "GET" || method === "HEAD") return [new NextRequest(url, { method, headers })];
  const form = new FormData();
  form.set("file", new File([`Name,Company\nAda,Acme\n`], "contacts.csv", { type: "text/csv" }));
  return [
    new NextRequest(url, { method, headers }),
    new NextRequest(url, { method, headers: { ...headers, "content-type": "application/json" }, body: JSON.stringify({ userId: ownIds.at(-1) }) }),
    new NextRequest(url, { method, headers, body: form }),
  ];
}

async function expectSignedOutRouteRefused(route: RouteHandler) {
  world.userId = null;
  const before = await databaseFingerprint(t.db);
  for (const params of paramCombinations(route.route)) {
    for (const request of requestsFor(route.route, route.method, params)) {
      const outcome = await outcomeOf(async () => route.handler(request, { params: Promise.resolve(params) }));
      if (outcome.kind === "redirect") {
        expect(outcome.to).toMatch(/^\/sign-in/);
        continue;
      }
      expect(outcome.kind === "threw" ? String(outcome.error) : outcome.kind).toBe("returned");
      const response = (outcome as { value: Response }).value;
      const body = await response.text();
      const location = response.headers.get("location") ?? "";
      const refused = [401, 403, 404].includes(response.status) || (response.status >= 300 && response.status < 400 && /\/sign-in/.test(location));
      expect(refused, `${route.id} ${request.url} answered ${response.status}: ${body.slice(0, 200)}`).toBe(true);
      for (const id of ownIds) expect(body).not.toContain(id);
    }
  }
  expect(await databaseFingerprint(t.db)).toEqual(before);
}

// Signed in as someone else, with the first account's ids in the path: the
// answer holds nothing of that account, and nothing of it changes.
async function expectOthersRowsUntouched(route: RouteHandler) {
  world.userId = stranger;
  const before = await userFingerprint(t.db, owner.id);
  const secrets = [...ownIds, owner.email, ...owner.names];
  for (const params of paramCombinations(route.route)) {
    for (const request of requestsFor(route.route, route.method, params)) {
      const outcome = await outcomeOf(async () => route.handler(request, { params: Promise.resolve(params) }));
      expect(outcome.kind === "threw" ? String(outcome.error) : "no error").toBe("no error");
      if (outcome.kind !== "returned") continue;
      const response = outcome.value as Response;
      const body = await response.text();
      const leaked = secrets.filter((secret) => body.includes(secret) && !request.url.includes(secret));
      expect(leaked, `${route.id} ${request.url} answered ${response.status}`).toEqual([]);
    }
  }
  expect(await userFingerprint(t.db, owner.id)).toEqual(before);
}

// --- The public ones, each with why and what is still checked ---------------

const allowList = publicEntryPoints({ db: () => t.db, findAction, findRoute, cronSecret: CRON_SECRET });

// Inline server actions (declared inside a component) cannot be called from
// here; each is named with why it needs no session check of its own.
const inlineAllowList: Record<string, string> = {
  "app/(app)/layout.tsx#signOutAction":
    "Signs out whatever session the cookie names; with none it has nothing to end, and it reads or writes no one's data.",
};

function findAction(id: string): ServerAction {
  const action = actions.find((entry) => entry.id === id);
  if (!action) throw new Error(`no server action ${id}`);
  return action;
}

function findRoute(id: string): RouteHandler {
  const route = routes.find((entry) => entry.id === id);
  if (!route) throw new Error(`no route handler ${id}`);
  return route;
}

describe("every entry point is found from the code", () => {
  it("reads every server action and route handler there is", () => {
    expect(actions.length).toBeGreaterThanOrEqual(25);
    expect(actions.map((action) => action.id)).toEqual(
      expect.arrayContaining(["app/(app)/contacts/actions.ts#createContactAction", "app/(app)/settings/actions.ts#deleteAccountAction"]),
    );
    expect(routes.map((route) => route.id)).toEqual(
      expect.arrayContaining(["/api/export/[format] GET", "/api/restore POST", "/api/imports POST", "/api/imports/[id] GET"]),
    );
  });

  it("holds every inline server action to an explicit list", () => {
    expect(inlineServerActions()).toEqual(Object.keys(inlineAllowList).sort());
  });

  it("names only entry points that exist in the allow-list", () => {
    const ids = new Set([...actions.map((action) => action.id), ...routes.map((route) => route.id)]);
    expect(Object.keys(allowList).filter((id) => !ids.has(id))).toEqual([]);
  });

  it("tells a guarded action from one that answers signed out", () => {
    // What a new action that forgot authedAction looks like to this file.
    const unguarded: Outcome = { kind: "returned", value: { ok: true, data: null } };
    expect(refusalProblem(unguarded, [])).toMatch(/ok: true/);
    expect(refusalProblem({ kind: "returned", value: { ok: false, formError: "Enter a name." } }, [])).toMatch(/without asking/);
    expect(refusalProblem({ kind: "returned", value: undefined }, [])).toMatch(/without asking/);
    expect(refusalProblem({ kind: "returned", value: { ok: false, formError: SESSION_ENDED } }, [])).toBeNull();
  });
});

describe("without a session", () => {
  const guardedActions = actions.filter((action) => !(action.id in allowList));
  it.each(guardedActions.map((action) => [action.id, action] as const))("%s refuses and changes nothing", async (_, action) => {
    await expectSignedOutActionRefused(action.fn);
  });

  const guardedRoutes = routes.filter((route) => !(route.id in allowList));
  it.each(guardedRoutes.map((route) => [route.id, route] as const))("%s refuses and changes nothing", async (_, route) => {
    await expectSignedOutRouteRefused(route);
  });
});

describe("signed in as someone else", () => {
  const guardedRoutes = routes.filter((route) => !(route.id in allowList));
  it.each(guardedRoutes.map((route) => [route.id, route] as const))(
    "%s neither shows nor changes another account's rows",
    async (_, route) => {
      await expectOthersRowsUntouched(route);
    },
  );
});

describe("the public entry points, allowed by name", () => {
  it.each(Object.entries(allowList).map(([id, entry]) => [id, entry.reason, entry] as const))("%s: %s", async (_, __, entry) => {
    expect(entry.reason.length).toBeGreaterThan(20);
    world.userId = null;
    await entry.check();
  });
});
