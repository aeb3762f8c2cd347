import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type * as NextCache from "next/cache";
import type * as NextServer from "next/server";
import type { NextRequest } from "next/server";
import fc from "fast-check";
import { vi } from "vitest";
import type { z } from "zod";
import type { ActionResult } from "@/lib/actions/result";

// Every way into Kith over HTTP, read from the code itself: each module whose
// first statement is "use server" (all its exports are server actions) and
// each route.ts under app/ (its exported HTTP methods). A new file or export
// is picked up without anyone listing it.

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const SOURCE_DIRS = ["app", "lib", "components", "db"];
const HTTP_METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"] as const;

function sourceFiles(dir: string): string[] {
  const full = path.join(ROOT, dir);
  let entries: string[];
  try {
    entries = readdirSync(full, { recursive: true, encoding: "utf8" });
  } catch {
    return [];
  }
  return entries.filter((entry) => /\.(ts|tsx|js|jsx|mjs)$/.test(entry)).map((entry) => path.join(dir, entry));
}

// The directive must be the first statement; comments may come before it.
export function isUseServerModule(source: string): boolean {
  const code = source.replace(/^(?:\s+|\/\/[^\n]*\n|\/\*[\s\S]*?\*\/)*/, "");
  return /^(["'])use server\1\s*;?/.test(code);
}

// Server actions declared inside a component ("use server" as a function's
// first statement) cannot be imported and called: they are found by name,
// `file#function`, for a test to hold them to an explicit list.
export function inlineServerActions(): string[] {
  const found: string[] = [];
  for (const file of SOURCE_DIRS.flatMap(sourceFiles)) {
    const source = readFileSync(path.join(ROOT, file), "utf8");
    if (isUseServerModule(source)) continue;
    const pattern = /(?:function\s+(\w+)|(\w+)\s*=\s*async)[^{]*\{\s*["']use server["']/g;
    for (const match of source.matchAll(pattern)) found.push(`${file}#${match[1] ?? match[2] ?? "anonymous"}`);
    const directives = source.match(/\{\s*["']use server["']/g)?.length ?? 0;
    const named = [...source.matchAll(pattern)].length;
    for (let i = named; i < directives; i++) found.push(`${file}#anonymous`);
  }
  return found.sort();
}

export type ServerAction = { id: string; file: string; name: string; fn: (...args: unknown[]) => Promise<unknown> };
export type RouteHandler = {
  id: string;
  file: string;
  route: string;
  method: string;
  handler: (request: NextRequest, context: { params: Promise<Record<string, string | string[]>> }) => Promise<Response> | Response;
};

function serverActionFiles(): string[] {
  return SOURCE_DIRS.flatMap(sourceFiles)
    .filter((file) => isUseServerModule(readFileSync(path.join(ROOT, file), "utf8")))
    .sort();
}

function routeHandlerFiles(): string[] {
  return sourceFiles("app")
    .filter((file) => /(^|\/)route\.(ts|tsx|js|mjs)$/.test(file))
    .sort();
}

// app/api/imports/[id]/route.ts → /api/imports/[id]; route groups vanish.
function routeOf(file: string): string {
  const segments = path.dirname(file).split(path.sep).slice(1);
  return `/${segments.filter((segment) => !/^\(.*\)$/.test(segment)).join("/")}`;
}

export async function loadServerActions(): Promise<ServerAction[]> {
  const actions: ServerAction[] = [];
  for (const file of serverActionFiles()) {
    const mod = (await import(/* @vite-ignore */ path.join(ROOT, file))) as Record<string, unknown>;
    for (const [name, value] of Object.entries(mod)) {
      if (typeof value !== "function") throw new Error(`${file} exports ${name}, which is not a function`);
      actions.push({ id: `${file}#${name}`, file, name, fn: value as ServerAction["fn"] });
    }
  }
  return actions;
}

export async function loadRouteHandlers(): Promise<RouteHandler[]> {
  const handlers: RouteHandler[] = [];
  for (const file of routeHandlerFiles()) {
    const mod = (await import(/* @vite-ignore */ path.join(ROOT, file))) as Record<string, unknown>;
    for (const method of HTTP_METHODS) {
      const handler = mod[method];
      if (typeof handler !== "function") continue;
      handlers.push({ id: `${routeOf(file)} ${method}`, file, route: routeOf(file), method, handler: handler as RouteHandler["handler"] });
    }
  }
  return handlers;
}

// --- Who is signed in, and what the actions did ---------------------------

export type SchemaAction = ((input: unknown) => Promise<ActionResult<unknown>>) & { readonly inputSchema: z.ZodType };

export type ActionCall = { action: SchemaAction; input: unknown; isValid?: boolean; result?: ActionResult<unknown> };

// Shared by the mocks (vi.mock factories import this module) and the tests.
export const world = {
  userId: null as string | null,
  created: [] as SchemaAction[],
  calls: [] as ActionCall[],
  background: [] as Promise<unknown>[],
};

export const SESSION_ENDED = "Your session has ended. Sign in again to continue.";

// --- The mocks: what Next's request scope would provide -------------------
// Test files call these from vi.mock factories. The session comes from
// `world.userId` instead of a cookie; Auth.js itself is the real one.

export function mockAuth<T extends object>(actual: T) {
  return {
    ...actual,
    auth: async () => (world.userId ? { user: { id: world.userId } } : null),
    currentUserId: async () => world.userId,
    signIn: vi.fn(async () => undefined),
    signOut: vi.fn(async () => undefined),
  };
}

export function mockAuthedAction<T extends { authedAction: unknown }>(actual: T): T {
  return { ...actual, authedAction: recordCalls(actual.authedAction as Parameters<typeof recordCalls>[0]) };
}

export function mockNextCache(actual: typeof NextCache) {
  return { ...actual, revalidatePath: vi.fn(), revalidateTag: vi.fn() };
}

export function mockNextHeaders() {
  return {
    headers: async () => new Headers({ "x-forwarded-for": "203.0.113.9", "user-agent": "kith-test" }),
    cookies: async () => ({ get: () => undefined, getAll: () => [], has: () => false, set: () => undefined, delete: () => undefined }),
  };
}

export function mockNextServer(actual: typeof NextServer) {
  return { ...actual, after: runAfter };
}

// Wraps lib/actions/authed-action's authedAction so each call through it is
// recorded: which schema-bearing action an export called, with what, and
// what it answered. The action itself (session, zod, handler) is the real one.
export function recordCalls<F extends (schema: z.ZodType, handler: never) => SchemaAction>(authedAction: F): F {
  return ((schema: z.ZodType, handler: never) => {
    const action = authedAction(schema, handler);
    world.created.push(action);
    const recorded = async (input: unknown) => {
      const call: ActionCall = { action, input };
      world.calls.push(call);
      call.result = await action(input);
      call.isValid = world.userId !== null && action.inputSchema.safeParse(input).success;
      return call.result;
    };
    return Object.defineProperty(recorded, "inputSchema", { value: action.inputSchema, enumerable: true });
  }) as F;
}

// next/server's after() outside a request: run the work now, and let the
// test wait for it (an import read in the background is part of the call).
function runAfter(task: Promise<unknown> | (() => unknown)): void {
  world.background.push(Promise.resolve().then(typeof task === "function" ? task : () => task));
}

async function settleBackground(): Promise<void> {
  while (world.background.length > 0) {
    const pending = world.background.splice(0);
    await Promise.all(pending);
  }
}

// --- Next's control-flow errors --------------------------------------------

type Digested = { digest?: unknown };

function redirectTarget(error: unknown): string | null {
  const digest = (error as Digested | null)?.digest;
  if (typeof digest !== "string" || !digest.startsWith("NEXT_REDIRECT;")) return null;
  return digest.split(";")[2] ?? "";
}

function isNotFound(error: unknown): boolean {
  const digest = (error as Digested | null)?.digest;
  return typeof digest === "string" && digest.startsWith("NEXT_HTTP_ERROR_FALLBACK;404");
}

export type Outcome = { kind: "returned"; value: unknown } | { kind: "redirect"; to: string } | { kind: "not-found" } | { kind: "threw"; error: unknown };

export async function outcomeOf(run: () => Promise<unknown>): Promise<Outcome> {
  try {
    const value = await run();
    await settleBackground();
    return { kind: "returned", value };
  } catch (error) {
    await settleBackground().catch(() => undefined);
    const to = redirectTarget(error);
    if (to !== null) return { kind: "redirect", to };
    if (isNotFound(error)) return { kind: "not-found" };
    return { kind: "threw", error };
  }
}

// --- How an export passes its argument on ----------------------------------

export type ArgumentShape = { kind: "whole" } | { kind: "field"; key: string } | { kind: "form"; keys: string[] };
export type ActionTarget = { action: SchemaAction; shape: ArgumentShape };

function shapeKeys(schema: z.ZodType): string[] {
  const shape = (schema as unknown as { shape?: Record<string, unknown> }).shape;
  return shape ? Object.keys(shape) : [];
}

// Calls the export signed out with marker arguments and watches which
// schema-bearing action receives what: the marker itself (the argument is the
// input), the marker under one key (`deleteTouch(id)` → `{ id }`), or the
// fields of a FormData. Signed out, no action reaches its handler.
export async function probeTargets(fn: ServerAction["fn"], knownKeys: string[]): Promise<ActionTarget[]> {
  const targets = new Map<SchemaAction, ArgumentShape>();
  const record = async (arg: unknown, match: (call: ActionCall) => ArgumentShape | null) => {
    world.calls = [];
    await outcomeOf(() => fn(arg));
    for (const call of world.calls) {
      const shape = match(call);
      if (shape && !targets.has(call.action)) targets.set(call.action, shape);
    }
  };
  const marker = { probe: true };
  await record(marker, (call) => (call.input === marker ? { kind: "whole" } : null));
  const text = "probe-marker-text";
  await record(text, (call) => {
    if (typeof call.input !== "object" || call.input === null) return null;
    const key = Object.entries(call.input).find(([, value]) => value === text)?.[0];
    return key ? { kind: "field", key } : null;
  });
  const form = new FormData();
  for (const key of knownKeys) form.set(key, `probe-${key}`);
  await record(form, (call) => {
    if (typeof call.input !== "object" || call.input === null) return null;
    const keys = Object.entries(call.input)
      .filter(([key, value]) => value === `probe-${key}`)
      .map(([key]) => key);
    const expected = shapeKeys(call.action.inputSchema);
    return keys.length > 0 ? { kind: "form", keys: expected.length > 0 ? expected : keys } : null;
  });
  world.calls = [];
  return [...targets].map(([action, shape]) => ({ action, shape }));
}

// Every key any schema-bearing action of the process knows, for the FormData probe.
export function knownInputKeys(actions: SchemaAction[]): string[] {
  return [...new Set(actions.flatMap((action) => shapeKeys(action.inputSchema)))];
}

/** A value as a failure message can show it, shortened. */
export function describeValue(value: unknown): string {
  try {
    return fc.stringify(value).slice(0, 300);
  } catch {
    return Object.prototype.toString.call(value);
  }
}
