import { TZDate } from "@date-fns/tz";
import { differenceInCalendarDays, parseISO } from "date-fns";
import { formatDay, todayIn, MONTHS } from "@/lib/domain/dates";
import { dateFromOccurredAt } from "@/lib/domain/touch-dates";
import type { ContactTier } from "@/lib/domain/enums";

export const TIER_SHORT_LABELS: Record<ContactTier, string> = {
  inner: "Inner circle",
  regular: "Regular",
  distant: "Distant",
};

export type DueTone = "overdue" | "due" | "snoozed" | "unscheduled";

function days(count: number): string {
  return count === 1 ? "1 day" : `${count} days`;
}

// "Due in 5 days", "12 days overdue", "Snoozed until 3 Mar 2027", counted in
// calendar days where the user lives. A snooze hides the due date through
// its last day, as the overdue filter does.
export function dueStatus(
  contact: { nextDueAt: Date | null; snoozedUntil: string | null },
  now: Date,
  timeZone: string,
): { label: string; tone: DueTone } {
  if (contact.snoozedUntil && contact.snoozedUntil >= todayIn(timeZone, now)) {
    return { label: `Snoozed until ${formatDay(contact.snoozedUntil)}`, tone: "snoozed" };
  }
  // The cadence gives every other contact a date (db/queries/schedule.ts).
  if (!contact.nextDueAt) return { label: "No reminders", tone: "unscheduled" };
  const ahead = differenceInCalendarDays(new TZDate(contact.nextDueAt, timeZone), new TZDate(now, timeZone));
  if (ahead < 0) return { label: `${days(-ahead)} overdue`, tone: "overdue" };
  if (ahead === 0) return { label: "Due today", tone: contact.nextDueAt < now ? "overdue" : "due" };
  if (ahead === 1) return { label: "Due tomorrow", tone: "due" };
  return { label: `Due in ${days(ahead)}`, tone: "due" };
}

// "today", "yesterday", "12 days ago", "5 months ago", "2 years ago": a
// touch is a day (its UTC date, lib/domain/touch-dates.ts), counted against today
// where the user lives, so never "3 hours ago" for a touch logged by date.
export function lastTouchLabel(lastTouchedAt: Date | null, now: Date, timeZone: string): string {
  if (!lastTouchedAt) return "Never";
  const days = differenceInCalendarDays(parseISO(todayIn(timeZone, now)), parseISO(dateFromOccurredAt(lastTouchedAt)));
  if (days <= 0) return "today";
  if (days === 1) return "yesterday";
  if (days < 45) return `${days} days ago`;
  const months = Math.floor(days / 30.4375);
  if (months < 24) return months === 1 ? "1 month ago" : `${months} months ago`;
  return `${Math.floor(days / 365.25)} years ago`;
}

export function cadenceLabel(cadenceDays: number): string {
  return cadenceDays === 1 ? "Every day" : `Every ${cadenceDays} days`;
}

export function birthdayLabel(month: number | null, day: number | null, year: number | null): string | null {
  if (month === null || day === null) return null;
  return [day, MONTHS[month - 1], year].filter((part) => part !== null && part !== undefined).join(" ");
}
