import { lte } from "drizzle-orm";
import type { Db } from "@/db/client";
import { deleteBatch } from "@/db/queries/delete-batch";
import { verificationTokens } from "@/db/schema";

// Auth.js deletes a sign-in token when it is used; links never opened stay
// behind. Deletes up to `limit` that expired by `now`; returns how many.
export function pruneExpiredVerificationTokens(db: Db, params: { now: Date; limit: number }): Promise<number> {
  const matches = lte(verificationTokens.expires, params.now);
  const key = [verificationTokens.identifier, verificationTokens.token];
  return deleteBatch(db, verificationTokens, { matches, key, limit: params.limit });
}
