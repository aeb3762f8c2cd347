import { and, lte, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { verificationTokens } from "@/db/schema";

// Auth.js deletes a sign-in token when it is used; links never opened stay
// behind. Deletes up to `limit` that expired by `now`; returns how many.
export async function pruneExpiredVerificationTokens(db: Db, params: { now: Date; limit: number }): Promise<number> {
  const isExpired = lte(verificationTokens.expires, params.now);
  const batch = db
    .select({ identifier: verificationTokens.identifier, token: verificationTokens.token })
    .from(verificationTokens)
    .where(isExpired)
    .limit(params.limit);
  const deleted = await db
    .delete(verificationTokens)
    .where(and(isExpired, sql`(${verificationTokens.identifier}, ${verificationTokens.token}) in ${batch}`))
    .returning({ token: verificationTokens.token });
  return deleted.length;
}
