import { tzOffset } from "@date-fns/tz";

// When the weekly digest is due, and which period (ISO week) it is for.
// db/queries/digest-ledger.ts says the same in SQL for the runner; these pure
// functions are what the rule means, what the CLI prints, and what the tests
// prove (tests/unit/digest-period*.test.ts).
//
// The rule: a user's digest for period P is due when their wall clock, in
// the time zone currently in their settings, shows a time in ISO week P at
// or after their chosen weekday and hour (Monday 00:00 … Sunday 23:59 local),
// and no digest_deliveries row exists for (user, P).
//
// DST: we compare wall-clock values, never instants, so a chosen hour that a
// spring-forward jump skips (02:00 in Berlin on 2026-03-29) becomes due at the
// first instant after it (03:00), and a repeated hour is due from its first
// occurrence; the ledger row stops the repeat from sending again.
//
// Time-zone changes can neither double a week nor skip one whose chosen time
// comes:
// - the period label comes from the local date in the zone the user has
//   *now*, so every send is labelled with the week the user is living in;
// - the unique (user_id, period) row refuses a second digest for a label
//   already sent, so moving west (the clock goes back, perhaps into the week
//   already sent) cannot send that week again;
// - moving east (the clock goes forward, by at most 26 hours) can at most
//   make the label advance earlier: the new week is then due at its own
//   chosen time, a week already sent stays sent, and a week whose chosen
//   time the jump passes over is due at once (the clock is already past it).
// So two digests are never closer than 7 days minus an eastward shift.
// The one week that gets no digest is a week the user's clock leaves before
// its chosen time arrives: a move east across Monday 00:00 while still before
// the chosen weekday and hour (from Los Angeles on Sunday 20:00, digest on
// Sunday at 22:00, to Tokyo, where it is Monday noon). That week ended early
// for the user; the next digest comes at its chosen time, 14 days minus the
// shift after the previous one. It can only happen when the chosen time is
// within the last |shift| hours of the week (Sunday evening for most moves).

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const WEEK = 7 * DAY;

export type DigestSchedule = {
  /** IANA name; null means UTC. */
  timeZone: string | null;
  /** ISO weekday: 1 = Monday … 7 = Sunday. */
  digestWeekday: number;
  /** 0–23, on the hour. */
  digestHour: number;
};

// "2026-W48": the ISO week-numbering year and week of the user's local date.
// The year is the ISO year, which differs from the calendar year around New
// Year (2027-01-01 is in 2026-W53; 2025-12-29 is in 2026-W01).
export function digestPeriod(now: Date, timeZone: string | null): string {
  return formatPeriod(isoWeekOf(wallClock(now.getTime(), zoneOf(timeZone))));
}

// The period one week before `period` ("2027-W01" → "2026-W53").
export function previousPeriod(period: string): string {
  const match = /^(\d{4})-W(\d{2})$/.exec(period);
  const year = Number(match?.[1]);
  const week = Number(match?.[2]);
  if (!match || week < 1 || week > isoWeeksInYear(year)) throw new RangeError(`Not an ISO week: ${period}`);
  const monday = weekStart(Date.UTC(year, 0, 4)) + (week - 1) * WEEK;
  return formatPeriod(isoWeekOf(monday - WEEK));
}

// Whether the user's wall clock has reached the chosen weekday and hour in
// the current local ISO week. Whether this week was already sent is the
// ledger's business, not this function's.
export function isDigestDue(settings: DigestSchedule, now: Date): boolean {
  const wall = wallClock(now.getTime(), zoneOf(settings.timeZone));
  return wall - weekStart(wall) >= chosenPositionInWeek(settings);
}

// The instant in the current local ISO week from which isDigestDue is true:
// the chosen weekday and hour, or, when DST skips that hour, the first
// instant after it (the transition). For a repeated hour, its first
// occurrence. It may be in the past (already due) or the future.
export function dueAt(settings: DigestSchedule, now: Date): Date {
  const zone = zoneOf(settings.timeZone);
  const wall = wallClock(now.getTime(), zone);
  return new Date(firstInstantAtOrAfter(weekStart(wall) + chosenPositionInWeek(settings), zone));
}

function zoneOf(timeZone: string | null): string {
  return timeZone ?? "UTC";
}

function chosenPositionInWeek({ digestWeekday, digestHour }: DigestSchedule): number {
  if (!Number.isInteger(digestWeekday) || digestWeekday < 1 || digestWeekday > 7) {
    throw new RangeError(`digestWeekday must be 1–7, got ${digestWeekday}`);
  }
  if (!Number.isInteger(digestHour) || digestHour < 0 || digestHour > 23) {
    throw new RangeError(`digestHour must be 0–23, got ${digestHour}`);
  }
  return (digestWeekday - 1) * DAY + digestHour * HOUR;
}

function offsetMs(timeZone: string, at: number): number {
  const minutes = tzOffset(timeZone, new Date(at));
  if (Number.isNaN(minutes)) throw new RangeError(`Unknown time zone: ${timeZone}`);
  return minutes * MINUTE;
}

// A wall-clock reading as a number: the epoch milliseconds at which a UTC
// clock shows the same date and time. Read it with getUTC* only. We do the
// arithmetic on these numbers rather than with TZDate because the digest
// sweeps call it for every user and tick (and TZDate resolves a repeated
// hour to its second occurrence, where we want the first).
function wallClock(at: number, timeZone: string): number {
  return at + offsetMs(timeZone, at);
}

function isoWeekday(wall: number): number {
  return new Date(wall).getUTCDay() || 7;
}

// Monday 00:00 of the ISO week holding a wall-clock reading.
function weekStart(wall: number): number {
  const midnight = wall - (((wall % DAY) + DAY) % DAY);
  return midnight - (isoWeekday(midnight) - 1) * DAY;
}

// ISO 8601: weeks start on Monday, and a week belongs to the year holding
// its Thursday (so week 1 is the week with 4 January).
function isoWeekOf(wall: number): { year: number; week: number } {
  const thursday = weekStart(wall) + 3 * DAY;
  const year = new Date(thursday).getUTCFullYear();
  return { year, week: Math.floor((thursday - Date.UTC(year, 0, 1)) / WEEK) + 1 };
}

function isoWeeksInYear(year: number): number {
  return isoWeekOf(Date.UTC(year, 11, 28)).week;
}

function formatPeriod({ year, week }: { year: number; week: number }): string {
  return `${year}-W${String(week).padStart(2, "0")}`;
}

// The first instant whose wall clock reads `wall` or later. Offsets lie
// within −12 h … +14 h, so that instant is `wall − offset` for an offset in
// force between wall − 15 h and wall + 16 h (no zone changes its offset
// twice within a day, so the ends and the middle see them all): the earliest
// candidate that maps back to `wall` (a repeated time's first occurrence).
// If none does, a DST gap skipped `wall` and the answer is the transition,
// found by bisection between the candidates (the clock rises across it).
function firstInstantAtOrAfter(wall: number, timeZone: string): number {
  const offsets = new Set([-15, 0, 16].map((hours) => offsetMs(timeZone, wall + hours * HOUR)));
  const candidates = [...offsets].map((offset) => wall - offset).sort((x, y) => x - y);
  const exact = candidates.find((at) => wallClock(at, timeZone) === wall);
  if (exact !== undefined) return exact;

  let before = Math.min(...candidates); // the clock reads < wall here…
  let after = Math.max(...candidates); // …and > wall here
  while (after - before > 1) {
    const middle = Math.floor((before + after) / 2);
    if (wallClock(middle, timeZone) >= wall) after = middle;
    else before = middle;
  }
  return after;
}
