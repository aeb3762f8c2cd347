import { tz } from "@date-fns/tz";
import { format } from "date-fns";

// Calendar days ("2026-11-12") are the unit of events, touches, successes,
// birthdays and snoozes. These helpers keep them days, never instants that a
// time zone could move to the day before.

// "YYYY-MM-DD" naming a day that exists (no 31 February), in a range a
// person's dates fall in.
export function isCalendarDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (year < 1900 || year > 2100) return false;
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

// Today's calendar day where the user lives (the server's clock may be elsewhere).
export function todayIn(timeZone: string | null, now: Date = new Date()): string {
  return format(now, "yyyy-MM-dd", { in: tz(timeZone ?? "UTC") });
}

// "12 Nov 2026". A day string is shown as that day; an instant stored for a
// day (12:00 UTC, see lib/domain/touch-dates.ts) is shown as its UTC day.
export function formatDay(day: string | Date): string {
  const at = typeof day === "string" ? new Date(`${day}T12:00:00.000Z`) : day;
  return format(at, "d MMM yyyy", { in: tz("UTC") });
}

export const MONTHS = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
] as const;
