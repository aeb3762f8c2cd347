import { claimIdempotencyKey, getIdempotentResult, saveIdempotentResult } from "@/db/queries/idempotency";
import type { CaptureKind } from "@/lib/validations/idempotency";
import type { ActionContext } from "./define-action";
import { type ActionResult, fail, ok } from "./result";

class Refused<T> extends Error {
  constructor(readonly result: ActionResult<T>) {
    super("refused");
  }
}

// Makes a capture use case safe to replay: with a key, the key is claimed in
// the same transaction as what the use case saves, and the first answer is
// stored with it; a replay of the key (a retry after a timeout, two tabs, a
// flaky network) gets that answer back and saves nothing. A refusal (bad
// input, a contact deleted meanwhile) rolls the claim back with everything
// else, so the entry can be edited and sent again with its own key. So does
// an answer that saved nothing (`saved` says which: a new contact that looks
// like people already in Kith waits for "Create anyway").
export function idempotent<I extends { idempotencyKey?: string | null }, T>(
  kind: CaptureKind,
  handler: (input: I, ctx: ActionContext) => Promise<ActionResult<T>>,
  saved: (data: T) => boolean = () => true,
): (input: I, ctx: ActionContext) => Promise<ActionResult<T>> {
  return async (input, ctx) => {
    const key = input.idempotencyKey;
    if (!key) return handler(input, ctx);
    const { userId } = ctx;
    try {
      return await ctx.db.transaction(async (tx) => {
        if (!(await claimIdempotencyKey(tx, { userId, key, kind }))) {
          const stored = await getIdempotentResult(tx, { userId, key });
          if (stored?.kind !== kind) return fail("This sync key was already used for something else.");
          return ok(stored.result as T);
        }
        const result = await handler(input, { ...ctx, db: tx });
        if (!result.ok || !saved(result.data)) throw new Refused(result);
        await saveIdempotentResult(tx, { userId, key, result: result.data });
        return result;
      });
    } catch (error) {
      if (error instanceof Refused) return error.result as ActionResult<T>;
      throw error;
    }
  };
}
