import { TZDate } from "@date-fns/tz";
import { getISOWeek, getISOWeekYear } from "date-fns";
import { type DigestSchedule, digestPeriod, isDigestDue } from "@/lib/digest/period";

// Shared by the digest period tests (tests/unit/digest-period*.test.ts): an
// oracle for the user's wall clock, and the weekly runner, simulated.

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;
export const WEEK = 7 * DAY;
// How often the simulated runner wakes up.
export const TICK = 15 * MINUTE;

export type Chosen = Pick<DigestSchedule, "digestWeekday" | "digestHour">;

export const TRICKY_ZONES = [
  "UTC",
  "Europe/Berlin",
  "Europe/Dublin", // "negative DST" in tzdata: winter is the exception
  "America/New_York",
  "America/St_Johns", // −03:30 / −02:30
  "America/Santiago", // changes at midnight, southern hemisphere
  "America/Havana", // changes at midnight
  "Africa/Casablanca", // an hour off during Ramadan
  "Asia/Kathmandu", // +05:45
  "Australia/Lord_Howe", // half-hour DST
  "Pacific/Chatham", // +12:45 / +13:45
  "Pacific/Kiritimati", // +14
  "Pacific/Pago_Pago", // −11
  "Antarctica/Troll", // two-hour DST
];

// ---------------------------------------------------------------------------
// An oracle for the user's wall clock that shares no code with the module:
// Intl for the local date and time, date-fns for the ISO week of that date.

const WEEKDAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
const pad = (n: number) => String(n).padStart(2, "0");
const formats = new Map<string, Intl.DateTimeFormat>();

export function local(at: number, timeZone: string | null) {
  const zone = timeZone ?? "UTC";
  let format = formats.get(zone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-US", {
      timeZone: zone,
      hourCycle: "h23",
      weekday: "short",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
    });
    formats.set(zone, format);
  }
  const parts = Object.fromEntries(format.formatToParts(new Date(at)).map((part) => [part.type, part.value]));
  const [year, month, day] = [Number(parts.year), Number(parts.month), Number(parts.day)];
  // Noon of that calendar day in the test process's zone, for date-fns.
  const date = new Date(year, month - 1, day, 12);
  return {
    weekday: WEEKDAYS.indexOf(String(parts.weekday)) + 1,
    hour: Number(parts.hour),
    minute: Number(parts.minute),
    isoWeek: `${getISOWeekYear(date)}-W${pad(getISOWeek(date))}`,
    text: `${parts.weekday} ${year}-${pad(month)}-${pad(day)} ${parts.hour}:${parts.minute}`,
  };
}

// The wall clock shows the chosen weekday and hour, or later in that ISO week.
export function hasReachedChosen(at: number, timeZone: string | null, chosen: Chosen): boolean {
  const { weekday, hour } = local(at, timeZone);
  return weekday > chosen.digestWeekday || (weekday === chosen.digestWeekday && hour >= chosen.digestHour);
}

// ---------------------------------------------------------------------------
// The runner, simulated: wake every TICK, send when due and the ledger has no
// row for the period.

type Send = { period: string; at: number };

export function sweep(chosen: Chosen, zoneAt: (at: number) => string | null, from: number, to: number) {
  const sent = new Set<string>();
  const sends: Send[] = [];
  const seen: string[] = [];
  for (let at = from; at < to; at += TICK) {
    const timeZone = zoneAt(at);
    const period = digestPeriod(new Date(at), timeZone);
    if (seen[seen.length - 1] !== period) seen.push(period);
    if (isDigestDue({ ...chosen, timeZone }, new Date(at)) && !sent.has(period)) {
      sent.add(period);
      sends.push({ period, at });
    }
  }
  return { sends, seen };
}

export function firstTickAtOrAfter(instant: number, from: number): number {
  return from + Math.ceil((instant - from) / TICK) * TICK;
}

export const wallAt = (zone: string, y: number, mo: number, d: number, h = 0) => new TZDate(y, mo - 1, d, h, 0, zone).getTime();
export const iso = (text: string) => new Date(text).getTime();
export const schedule = (timeZone: string | null, digestWeekday: number, digestHour: number): DigestSchedule => ({
  timeZone,
  digestWeekday,
  digestHour,
});
