import type { Db } from "@/db/client";
import { createApiToken, revokeApiToken } from "@/lib/api/tokens";

export type TokenPool = {
  /** A token to send now; a fresh one once the last has been handed out `perToken` times. */
  next: () => Promise<string>;
  created: () => number;
  /** Revokes every token the pool made, so none outlives the benchmark. */
  revokeAll: () => Promise<void>;
};

// Personal access tokens of one user, each used for at most `perToken`
// requests: a benchmark makes thousands of requests a minute, and spreading
// them over several tokens keeps each under the API's per-token rate limit
// (lib/api/authenticate.ts) without changing that limit. Tokens are made
// with the same use case as Settings → API, read-write, so one token serves
// reads and writes alike. Call `next` outside the timed part: creating a
// token is a database write of its own.
export function tokenPool(db: Db, params: { userId: string; perToken: number; name: string }): TokenPool {
  const ids: string[] = [];
  let current: string | undefined;
  let uses = 0;
  return {
    async next() {
      if (current === undefined || uses >= params.perToken) {
        const result = await createApiToken(
          { name: `${params.name} ${ids.length + 1}`, access: "read-write", expiresIn: "30" },
          { userId: params.userId, db },
        );
        if (!result.ok) throw new Error(`creating a token failed: ${result.formError ?? "no reason given"}`);
        ids.push(result.data.id);
        current = result.data.token;
        uses = 0;
      }
      uses += 1;
      return current;
    },
    created: () => ids.length,
    async revokeAll() {
      for (const id of ids) await revokeApiToken({ id }, { userId: params.userId, db });
    },
  };
}
