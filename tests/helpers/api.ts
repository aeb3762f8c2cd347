import { expect } from "vitest";
import type { Db } from "@/db/client";
import type { AnyApiOperation } from "@/lib/api/operation";
import { serveOperation } from "@/lib/api/serve";
import { createApiToken } from "@/lib/api/tokens";
import type { ApiTokenAccess } from "@/lib/domain/api-tokens";
import { createUser } from "../factories";
import type { Fingerprint } from "./db-fingerprint";

// Calls to /api/v1 as a script makes them, through the same route handler
// the route file exports (serveOperation), with a real token of the user's.
// The app's getDb() must point at the test database (tests/helpers/app-db.ts).

export async function issueToken(db: Db, userId: string, access: ApiTokenAccess = "read-write"): Promise<string> {
  const result = await createApiToken({ name: "Test script", access, expiresIn: "never" }, { userId, db });
  if (!result.ok) throw new Error(`no token: ${JSON.stringify(result)}`);
  return result.data.token;
}

export type ApiCall = {
  token?: string;
  params?: Record<string, string>;
  query?: Record<string, string>;
  /** Sent as JSON; a string is sent as it is. */
  body?: unknown;
  headers?: Record<string, string>;
};

export function pathOf(operation: AnyApiOperation, params: Record<string, string> = {}): string {
  return `/api/v1${operation.path.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(params[name] ?? ""))}`;
}

export async function callOperation(operation: AnyApiOperation, call: ApiCall = {}): Promise<Response> {
  const url = new URL(`http://localhost:3000${pathOf(operation, call.params)}`);
  for (const [name, value] of Object.entries(call.query ?? {})) url.searchParams.set(name, value);
  const headers: Record<string, string> = { ...(call.token ? { authorization: `Bearer ${call.token}` } : {}), ...call.headers };
  let body: string | undefined;
  if (call.body !== undefined) {
    body = typeof call.body === "string" ? call.body : JSON.stringify(call.body);
    headers["content-type"] ??= "application/json";
  }
  const request = new Request(url, { method: operation.method, headers, body });
  return serveOperation(operation)(request, { params: Promise.resolve(call.params ?? {}) });
}

// The answer's JSON, after checking its status (the body is in the message when it is not).
export async function jsonOf<T = unknown>(response: Response, status: number): Promise<T> {
  const text = await response.text();
  if (response.status !== status) throw new Error(`expected ${status}, got ${response.status}: ${text.slice(0, 500)}`);
  return JSON.parse(text) as T;
}

// The answer, checked against the operation's documented schema (the one the
// OpenAPI document is written from): it must hold the answer whole, no field more.
export async function answerOf<T = unknown>(operation: AnyApiOperation, call: ApiCall): Promise<T> {
  const answer = await jsonOf<T>(await callOperation(operation, call), operation.success.status);
  expect(operation.success.schema.parse(answer)).toEqual(answer);
  return answer;
}

export async function userWithToken(db: Db, access: ApiTokenAccess = "read-write", values: Parameters<typeof createUser>[1] = {}) {
  const user = await createUser(db, values);
  return { user, token: await issueToken(db, user.id, access) };
}

// What any call writes, whoever makes it: the token's last use and its
// rate-limit window. A read leaves the rest of a fingerprint as it was.
const ACCESS_TABLES = new Set(["api_tokens", "rate_limits"]);

export function withoutTokenUse(fingerprint: Fingerprint): Fingerprint {
  return Object.fromEntries(Object.entries(fingerprint).filter(([table]) => !ACCESS_TABLES.has(table)));
}
