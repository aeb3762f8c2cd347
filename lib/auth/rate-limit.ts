import type { Db } from "@/db/client";
import { hitRateLimit } from "@/db/queries/rate-limits";

export const SIGN_IN_LIMIT = { requests: 5, windowSeconds: 15 * 60 };

export type RateLimitVerdict = { allowed: true } | { allowed: false; retryAfterSeconds: number };

// Both counters are hit on every request, so a blocked address cannot probe
// other emails for free and one busy address does not lock out an email.
export async function checkSignInRateLimit(
  db: Db,
  params: { email: string; ip: string; now?: Date },
): Promise<RateLimitVerdict> {
  const now = params.now ?? new Date();
  const keys = [`sign-in:email:${params.email.toLowerCase()}`, `sign-in:ip:${params.ip}`];
  let retryAfterSeconds = 0;
  for (const key of keys) {
    const { hits, windowStart } = await hitRateLimit(db, {
      key,
      windowSeconds: SIGN_IN_LIMIT.windowSeconds,
      now,
    });
    if (hits > SIGN_IN_LIMIT.requests) {
      const reopensAt = windowStart.getTime() + SIGN_IN_LIMIT.windowSeconds * 1000;
      retryAfterSeconds = Math.max(retryAfterSeconds, Math.ceil((reopensAt - now.getTime()) / 1000));
    }
  }
  return retryAfterSeconds > 0 ? { allowed: false, retryAfterSeconds } : { allowed: true };
}

// The client's address as the nearest proxy saw it. Behind a load balancer
// that sets X-Forwarded-For, the first entry is the client.
export function clientIp(headers: Headers): string {
  const forwarded = headers.get("x-forwarded-for")?.split(",")[0]?.trim();
  return forwarded || headers.get("x-real-ip")?.trim() || "unknown";
}
