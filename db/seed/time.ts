import type { Random } from "./random";

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

export function startOfUtcDay(ms: number): number {
  return Math.floor(ms / DAY) * DAY;
}

export function isoDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

// A moment between the bounds during waking hours (08:00–20:59 UTC), so a
// timeline does not fill with 3 a.m. coffees.
export function wakingMoment(random: Random, fromMs: number, toMs: number): number {
  const day = startOfUtcDay(fromMs + random.next() * Math.max(0, toMs - fromMs));
  const moment = day + random.int(8, 20) * HOUR + random.int(0, 59) * MINUTE;
  return Math.min(Math.max(moment, fromMs), toMs);
}
