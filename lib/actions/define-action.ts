import type { z } from "zod";
import type { Db } from "@/db/client";
import { type ActionResult, fail, invalid, SESSION_ENDED } from "./result";

export type ActionContext = { userId: string; db: Db };

export type ActionDeps = {
  getUserId: () => Promise<string | null>;
  getDb: () => Promise<Db>;
};

// The schema travels with the action, so what an action accepts can be read
// from the action itself (documentation, and tests that generate its input).
export type AuthedAction<S extends z.ZodType, T> = ((input: z.input<S>) => Promise<ActionResult<T>>) & {
  readonly inputSchema: S;
};

// PostgreSQL text cannot hold U+0000, so a NUL in any string would fail its
// query (a 500) rather than its validation. Nobody types one: it is dropped
// before the schema sees the input. Only plain objects and arrays are copied,
// each once however often it is referred to (a reply can share and cycle).
export function withoutNul(value: unknown, copies = new Map<object, unknown>()): unknown {
  if (typeof value === "string") return value.includes("\u0000") ? value.replaceAll("\u0000", "") : value;
  if (typeof value !== "object" || value === null) return value;
  const prototype = Object.getPrototypeOf(value);
  if (!Array.isArray(value) && prototype !== Object.prototype && prototype !== null) return value;
  const known = copies.get(value);
  if (known !== undefined) return known;
  const copy: unknown[] | Record<string, unknown> = Array.isArray(value) ? [] : Object.create(prototype);
  copies.set(value, copy);
  for (const [key, item] of Object.entries(value)) {
    Object.defineProperty(copy, key, { value: withoutNul(item, copies), enumerable: true, writable: true, configurable: true });
  }
  return copy;
}

// The one path every mutation takes: session → zod → handler → typed result.
// The user id comes from the session, never from the input.
export function defineAuthedAction(deps: ActionDeps) {
  return function authedAction<S extends z.ZodType, T>(
    schema: S,
    handler: (input: z.output<S>, ctx: ActionContext) => Promise<ActionResult<T>>,
  ): AuthedAction<S, T> {
    const action = async (input: z.input<S>): Promise<ActionResult<T>> => {
      const userId = await deps.getUserId();
      if (!userId) return fail(SESSION_ENDED);
      const parsed = schema.safeParse(withoutNul(input));
      if (!parsed.success) return invalid(parsed.error);
      return handler(parsed.data, { userId, db: await deps.getDb() });
    };
    return Object.defineProperty(action, "inputSchema", { value: schema, enumerable: true }) as AuthedAction<S, T>;
  };
}
