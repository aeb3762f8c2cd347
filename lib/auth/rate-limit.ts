import type { Db } from "@/db/client";
import { hitRateLimit } from "@/db/queries/rate-limits";
import { env } from "@/lib/env";
import { addressLimitKey, isLoopbackAddress, UNKNOWN_ADDRESS } from "@/lib/http/client-address";
import { mailboxKey } from "./mailbox";

export const SIGN_IN_LIMIT = { requests: 5, windowSeconds: 15 * 60 };
const CEILING_WINDOW_SECONDS = 60 * 60;

export type SignInLimitPolicy = {
  /** Sign-in emails sent in an hour to everyone together: what an attack can spend of the sender's quota and reputation. */
  emailsPerHour: number;
  /** Whether a client on this machine skips the per-person limits. */
  isLoopbackExempt: boolean;
};

// Outside production the person asking from this machine is the developer
// or someone trying Kith on their laptop, and their links land in the
// outbox: they are never turned away. Anyone else reaching a development
// server over the network is limited as in production.
export function signInLimitPolicy(): SignInLimitPolicy {
  const { NODE_ENV, KITH_SIGN_IN_EMAILS_PER_HOUR } = env();
  return { emailsPerHour: KITH_SIGN_IN_EMAILS_PER_HOUR, isLoopbackExempt: NODE_ENV !== "production" };
}

export type RateLimitVerdict =
  | { allowed: true }
  | { allowed: false; retryAfterSeconds: number; scope: "requester" | "everyone" };

// The mailbox and address counters are both hit on every request, so a
// blocked address cannot probe other inboxes for free. Only a request both
// allow counts towards the hourly ceiling, so refused floods do not use it up.
export async function checkSignInRateLimit(
  db: Db,
  params: { email: string; ip: string; now?: Date },
  policy: SignInLimitPolicy = signInLimitPolicy(),
): Promise<RateLimitVerdict> {
  const now = params.now ?? new Date();
  if (!(policy.isLoopbackExempt && isLoopbackAddress(params.ip))) {
    const keys = [`sign-in:mailbox:${mailboxKey(params.email)}`];
    // An unknown address is no one in particular: the mailbox and the
    // ceiling still hold, and strangers do not share one budget.
    if (params.ip !== UNKNOWN_ADDRESS) keys.push(`sign-in:ip:${addressLimitKey(params.ip)}`);
    let retryAfterSeconds = 0;
    for (const key of keys) {
      const counted = await hitRateLimit(db, { key, windowSeconds: SIGN_IN_LIMIT.windowSeconds, now });
      if (counted.hits > SIGN_IN_LIMIT.requests) {
        retryAfterSeconds = Math.max(retryAfterSeconds, secondsUntilReopen(counted.windowStart, SIGN_IN_LIMIT.windowSeconds, now));
      }
    }
    if (retryAfterSeconds > 0) return { allowed: false, retryAfterSeconds, scope: "requester" };
  }

  const all = await hitRateLimit(db, { key: "sign-in:all", windowSeconds: CEILING_WINDOW_SECONDS, now });
  if (all.hits <= policy.emailsPerHour) return { allowed: true };
  if (all.hits === policy.emailsPerHour + 1) {
    console.warn(
      `[sign-in] ${policy.emailsPerHour} sign-in emails were sent this hour; more are refused until the hour is over (KITH_SIGN_IN_EMAILS_PER_HOUR)`,
    );
  }
  return { allowed: false, retryAfterSeconds: secondsUntilReopen(all.windowStart, CEILING_WINDOW_SECONDS, now), scope: "everyone" };
}

function secondsUntilReopen(windowStart: Date, windowSeconds: number, now: Date): number {
  return Math.ceil((windowStart.getTime() + windowSeconds * 1000 - now.getTime()) / 1000);
}
