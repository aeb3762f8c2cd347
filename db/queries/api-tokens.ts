import { and, desc, eq, isNull, lt, or, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { apiTokens } from "@/db/schema";
import type { ApiTokenListItem, ApiTokenScope } from "@/lib/domain/api-tokens";

export async function insertApiToken(
  db: Db,
  params: { userId: string; name: string; tokenHash: string; prefix: string; scopes: ApiTokenScope[]; expiresAt: Date | null },
): Promise<{ id: string; createdAt: Date }> {
  const [row] = await db
    .insert(apiTokens)
    .values(params)
    .returning({ id: apiTokens.id, createdAt: apiTokens.createdAt });
  if (!row) throw new Error("api token insert returned no row");
  return row;
}

// Newest first; the hash never leaves the database.
export function listApiTokensOf(db: Db, params: { userId: string }): Promise<ApiTokenListItem[]> {
  return db
    .select({
      id: apiTokens.id,
      name: apiTokens.name,
      prefix: apiTokens.prefix,
      scopes: apiTokens.scopes,
      createdAt: apiTokens.createdAt,
      lastUsedAt: apiTokens.lastUsedAt,
      expiresAt: apiTokens.expiresAt,
      revokedAt: apiTokens.revokedAt,
    })
    .from(apiTokens)
    .where(eq(apiTokens.userId, params.userId))
    .orderBy(desc(apiTokens.createdAt), desc(apiTokens.id));
}

// Revoking twice keeps the first moment. Another user's token is not found.
export async function revokeApiTokenOf(
  db: Db,
  params: { userId: string; tokenId: string; now: Date },
): Promise<{ id: string } | undefined> {
  const [row] = await db
    .update(apiTokens)
    .set({ revokedAt: sql`coalesce(${apiTokens.revokedAt}, ${params.now.toISOString()}::timestamptz)` })
    .where(and(eq(apiTokens.id, params.tokenId), eq(apiTokens.userId, params.userId)))
    .returning({ id: apiTokens.id });
  return row;
}

// The one lookup with no user id: the hash is what identifies the user. One
// probe of the unique index on token_hash.
export async function findApiTokenByHash(
  db: Db,
  params: { tokenHash: string },
): Promise<
  { id: string; userId: string; scopes: ApiTokenScope[]; expiresAt: Date | null; revokedAt: Date | null } | undefined
> {
  const [row] = await db
    .select({
      id: apiTokens.id,
      userId: apiTokens.userId,
      scopes: apiTokens.scopes,
      expiresAt: apiTokens.expiresAt,
      revokedAt: apiTokens.revokedAt,
    })
    .from(apiTokens)
    .where(eq(apiTokens.tokenHash, params.tokenHash));
  return row;
}

// Records a use unless one was recorded less than `within` ago, so a busy
// token writes its row at most once per `within` rather than on every request.
export async function markApiTokenUsed(
  db: Db,
  params: { userId: string; tokenId: string; now: Date; withinMs: number },
): Promise<void> {
  const recentEnough = new Date(params.now.getTime() - params.withinMs);
  await db
    .update(apiTokens)
    .set({ lastUsedAt: params.now })
    .where(
      and(
        eq(apiTokens.id, params.tokenId),
        eq(apiTokens.userId, params.userId),
        or(isNull(apiTokens.lastUsedAt), lt(apiTokens.lastUsedAt, recentEnough)),
      ),
    );
}
