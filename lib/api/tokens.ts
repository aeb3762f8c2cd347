import { insertApiToken, listApiTokensOf, revokeApiTokenOf } from "@/db/queries/api-tokens";
import type { ActionContext } from "@/lib/actions/define-action";
import { type ActionResult, fail, ok } from "@/lib/actions/result";
import { API_TOKEN_ACCESS_SCOPES, type ApiTokenListItem } from "@/lib/domain/api-tokens";
import type { ApiTokenId, ApiTokenValues } from "@/lib/validations/api-token";
import { newApiToken } from "./token-format";

const DAY_MS = 24 * 60 * 60 * 1000;

export type CreatedApiToken = { id: string; name: string; prefix: string; token: string };

// Creates a token and answers it in full, the only time it is ever seen:
// only its hash is stored.
export async function createApiToken(
  input: ApiTokenValues,
  ctx: ActionContext,
  now: Date = new Date(),
): Promise<ActionResult<CreatedApiToken>> {
  const { token, tokenHash, prefix } = newApiToken();
  const expiresAt = input.expiresIn === "never" ? null : new Date(now.getTime() + Number(input.expiresIn) * DAY_MS);
  const row = await insertApiToken(ctx.db, {
    userId: ctx.userId,
    name: input.name,
    tokenHash,
    prefix,
    scopes: API_TOKEN_ACCESS_SCOPES[input.access],
    expiresAt,
  });
  return ok({ id: row.id, name: input.name, prefix, token });
}

export function listApiTokens(ctx: ActionContext): Promise<ApiTokenListItem[]> {
  return listApiTokensOf(ctx.db, { userId: ctx.userId });
}

// Takes effect on the next request: authentication reads the row every time.
export async function revokeApiToken(
  input: ApiTokenId,
  ctx: ActionContext,
  now: Date = new Date(),
): Promise<ActionResult<{ id: string }>> {
  const row = await revokeApiTokenOf(ctx.db, { userId: ctx.userId, tokenId: input.id, now });
  return row ? ok({ id: row.id }) : fail("That token was not found.");
}
