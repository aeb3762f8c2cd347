import { type Db, getDb } from "@/db/client";
import { findApiTokenByHash, markApiTokenUsed } from "@/db/queries/api-tokens";
import { hitRateLimit } from "@/db/queries/rate-limits";
import type { ApiTokenScope } from "@/lib/domain/api-tokens";
import { problemResponse } from "./problem";
import { hashApiToken, isWellFormedApiToken } from "./token-format";

// Each token's budget, in a fixed window shared by every web server.
export const API_RATE_LIMIT_PER_MINUTE = 300;
const WINDOW_SECONDS = 60;
// How stale a token's "last used" may be: a busy token writes its row once a
// minute at most, not on every request.
const LAST_USED_PRECISION_MS = 60 * 1000;

// The token's scopes come back with the owner: an MCP request is let in for
// "read" and each write tool then refuses a read-only token itself.
export type ApiAuthentication =
  | { ok: true; userId: string; tokenId: string; scopes: ApiTokenScope[] }
  | { ok: false; response: Response };

const BEARER = /^Bearer +(\S+) *$/i;

function refused(detail: string, challenge: string): ApiAuthentication {
  return { ok: false, response: problemResponse(401, detail, { "WWW-Authenticate": challenge }) };
}

const invalidToken = (detail: string) => refused(detail, 'Bearer error="invalid_token"');

// The one way into the REST API and MCP: `Authorization: Bearer <token>`
// (never a cookie or a query parameter), matched by its hash. A refusal
// writes nothing; a request let in counts against the token's rate limit.
export async function authenticateApiRequest(
  request: Request,
  scope: ApiTokenScope,
  deps: { db?: Db; now?: Date } = {},
): Promise<ApiAuthentication> {
  const header = request.headers.get("authorization");
  if (header === null || header.trim() === "") {
    return refused("Send a personal access token as Authorization: Bearer <token>.", "Bearer");
  }
  const token = BEARER.exec(header)?.[1];
  if (token === undefined || !isWellFormedApiToken(token)) {
    return invalidToken("The Authorization header is not a Kith token: send Authorization: Bearer kith_….");
  }
  const db = deps.db ?? (await getDb());
  const now = deps.now ?? new Date();
  const row = await findApiTokenByHash(db, { tokenHash: hashApiToken(token) });
  if (!row) return invalidToken("This token is not valid.");
  if (row.revokedAt !== null) return invalidToken("This token was revoked.");
  if (row.expiresAt !== null && row.expiresAt <= now) return invalidToken("This token has expired.");
  if (!row.scopes.includes(scope)) {
    return {
      ok: false,
      response: problemResponse(403, `This token may not ${scope}: create one with ${scope} access in Settings → API.`, {
        "WWW-Authenticate": `Bearer error="insufficient_scope", scope="${scope}"`,
      }),
    };
  }

  const { hits, windowStart } = await hitRateLimit(db, { key: `api:token:${row.id}`, windowSeconds: WINDOW_SECONDS, now });
  if (hits > API_RATE_LIMIT_PER_MINUTE) {
    const reopensAt = windowStart.getTime() + WINDOW_SECONDS * 1000;
    const retryAfter = Math.max(1, Math.ceil((reopensAt - now.getTime()) / 1000));
    return {
      ok: false,
      response: problemResponse(
        429,
        `This token made more than ${API_RATE_LIMIT_PER_MINUTE} requests in a minute. Try again in ${retryAfter} s.`,
        { "Retry-After": String(retryAfter) },
      ),
    };
  }
  await markApiTokenUsed(db, { userId: row.userId, tokenId: row.id, now, withinMs: LAST_USED_PRECISION_MS });
  return { ok: true, userId: row.userId, tokenId: row.id, scopes: row.scopes };
}
