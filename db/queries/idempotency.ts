import { and, eq, lt, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { deleteBatch } from "@/db/queries/delete-batch";
import { idempotencyKeys } from "@/db/schema";

type KeyOf = { userId: string; key: string };

// Claims the key for this transaction, or answers that it is taken. A second
// claim of the same key waits on the unique index until the first commits
// (then it is taken) or rolls back (then this one claims it): no read before
// the write, so two replays at once save once.
export async function claimIdempotencyKey(db: Db, { userId, key, kind }: KeyOf & { kind: string }): Promise<boolean> {
  const claimed = await db
    .insert(idempotencyKeys)
    .values({ userId, key, kind })
    .onConflictDoNothing()
    .returning({ key: idempotencyKeys.key });
  return claimed.length > 0;
}

export async function saveIdempotentResult(db: Db, { userId, key, result }: KeyOf & { result: unknown }) {
  await db
    .update(idempotencyKeys)
    .set({ result: sql`${JSON.stringify(result ?? null)}::jsonb` })
    .where(and(eq(idempotencyKeys.userId, userId), eq(idempotencyKeys.key, key)));
}

export async function getIdempotentResult(db: Db, { userId, key }: KeyOf) {
  const [row] = await db
    .select({ kind: idempotencyKeys.kind, result: idempotencyKeys.result })
    .from(idempotencyKeys)
    .where(and(eq(idempotencyKeys.userId, userId), eq(idempotencyKeys.key, key)));
  return row ?? null;
}

export function pruneIdempotencyKeys(db: Db, params: { createdBefore: Date; limit: number }): Promise<number> {
  const matches = lt(idempotencyKeys.createdAt, params.createdBefore);
  const key = [idempotencyKeys.userId, idempotencyKeys.key];
  return deleteBatch(db, idempotencyKeys, { matches, key, limit: params.limit });
}
