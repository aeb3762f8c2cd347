import type { Db } from "@/db/client";
import { hitRateLimit } from "@/db/queries/rate-limits";

const HOUR_SECONDS = 60 * 60;

export type HourlyVerdict = { allowed: true } | { allowed: false; retryAfterSeconds: number };

// Counts one attempt against a per-hour budget (a fixed window shared by
// every web server through the rate_limits table). Every attempt counts,
// refused ones included: reading and refusing a large upload costs too.
export async function hitHourlyLimit(db: Db, params: { key: string; perHour: number; now: Date }): Promise<HourlyVerdict> {
  const { hits, windowStart } = await hitRateLimit(db, { key: params.key, windowSeconds: HOUR_SECONDS, now: params.now });
  if (hits <= params.perHour) return { allowed: true };
  const reopensAt = windowStart.getTime() + HOUR_SECONDS * 1000;
  return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((reopensAt - params.now.getTime()) / 1000)) };
}

// "in 1 minute", "in 42 minutes": when the budget opens again.
export function retryAfterText(seconds: number): string {
  const minutes = Math.max(1, Math.ceil(seconds / 60));
  return `in ${minutes} minute${minutes === 1 ? "" : "s"}`;
}
