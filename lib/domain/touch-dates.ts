import { tz } from "@date-fns/tz";
import { addDays, format } from "date-fns";

// Touches and successes are days, not instants: the form sends "YYYY-MM-DD".
// A touch's day is stored as 12:00 UTC of that date and always read back as
// its UTC calendar date, so the same day shows in every zone; noon (not
// midnight) also keeps it on that day for anyone formatting it in a local
// zone between UTC−11 and UTC+11, and orders it mid-day among timed touches.
export function occurredAtFromDate(date: string): Date {
  return new Date(`${date}T12:00:00.000Z`);
}

export function dateFromOccurredAt(at: Date): string {
  return at.toISOString().slice(0, 10);
}

// "Today" for the person at the keyboard, in the browser's zone.
export function localToday(now: Date = new Date()): string {
  return format(now, "yyyy-MM-dd");
}

// The server cannot know the browser's zone, and the earliest zone (UTC+14)
// is already on tomorrow's UTC date: allow up to that, refuse anything later.
export function latestAllowedDate(now: Date = new Date()): string {
  return format(addDays(now, 1), "yyyy-MM-dd", { in: tz("UTC") });
}
