import { TZDate } from "@date-fns/tz";
import { differenceInCalendarDays, intlFormatDistance } from "date-fns";
import { formatDay, todayIn } from "@/lib/domain/dates";
import type { ContactTier } from "@/lib/domain/enums";
import { MONTHS } from "@/lib/validations/contact";

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
  if (!contact.nextDueAt) return { label: "Not scheduled", tone: "unscheduled" };
  const ahead = differenceInCalendarDays(new TZDate(contact.nextDueAt, timeZone), new TZDate(now, timeZone));
  if (ahead < 0) return { label: `${days(-ahead)} overdue`, tone: "overdue" };
  if (ahead === 0) return { label: "Due today", tone: contact.nextDueAt < now ? "overdue" : "due" };
  if (ahead === 1) return { label: "Due tomorrow", tone: "due" };
  return { label: `Due in ${days(ahead)}`, tone: "due" };
}

export function lastTouchLabel(lastTouchedAt: Date | null, now: Date): string {
  return lastTouchedAt ? intlFormatDistance(lastTouchedAt, now, { locale: "en" }) : "Never";
}

export function cadenceLabel(cadenceDays: number): string {
  return cadenceDays === 1 ? "Every day" : `Every ${cadenceDays} days`;
}

export function birthdayLabel(month: number | null, day: number | null, year: number | null): string | null {
  if (month === null || day === null) return null;
  return [day, MONTHS[month - 1], year].filter((part) => part !== null && part !== undefined).join(" ");
}
