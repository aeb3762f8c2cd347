import type { z } from "zod";
import type { Db } from "@/db/client";
import { type ActionResult, fail, invalid } from "./result";

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

// The one path every mutation takes: session → zod → handler → typed result.
// The user id comes from the session, never from the input.
export function defineAuthedAction(deps: ActionDeps) {
  return function authedAction<S extends z.ZodType, T>(
    schema: S,
    handler: (input: z.output<S>, ctx: ActionContext) => Promise<ActionResult<T>>,
  ): AuthedAction<S, T> {
    const action = async (input: z.input<S>): Promise<ActionResult<T>> => {
      const userId = await deps.getUserId();
      if (!userId) return fail("Your session has ended. Sign in again to continue.");
      const parsed = schema.safeParse(input);
      if (!parsed.success) return invalid(parsed.error);
      return handler(parsed.data, { userId, db: await deps.getDb() });
    };
    return Object.defineProperty(action, "inputSchema", { value: schema, enumerable: true }) as AuthedAction<S, T>;
  };
}
