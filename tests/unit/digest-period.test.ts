import { TZDate, tzOffset } from "@date-fns/tz";
import { getISOWeek, getISOWeekYear } from "date-fns";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type DigestSchedule, digestPeriod, dueAt, isDigestDue, previousPeriod } from "@/lib/digest/period";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const WEEK = 7 * DAY;
// How often the simulated runner wakes up.
const TICK = 15 * MINUTE;

type Chosen = Pick<DigestSchedule, "digestWeekday" | "digestHour">;

const TRICKY_ZONES = [
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

function local(at: number, timeZone: string | null) {
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
function hasReachedChosen(at: number, timeZone: string | null, chosen: Chosen): boolean {
  const { weekday, hour } = local(at, timeZone);
  return weekday > chosen.digestWeekday || (weekday === chosen.digestWeekday && hour >= chosen.digestHour);
}

// ---------------------------------------------------------------------------
// The runner, simulated: wake every TICK, send when due and the ledger has no
// row for the period.

type Send = { period: string; at: number };

function sweep(chosen: Chosen, zoneAt: (at: number) => string | null, from: number, to: number) {
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

function firstTickAtOrAfter(instant: number, from: number): number {
  return from + Math.ceil((instant - from) / TICK) * TICK;
}

const wallAt = (zone: string, y: number, mo: number, d: number, h = 0) => new TZDate(y, mo - 1, d, h, 0, zone).getTime();
const iso = (text: string) => new Date(text).getTime();
const schedule = (timeZone: string | null, digestWeekday: number, digestHour: number): DigestSchedule => ({
  timeZone,
  digestWeekday,
  digestHour,
});

// ---------------------------------------------------------------------------

describe("digestPeriod", () => {
  it("names the ISO week of the user's local date, zero-padded", () => {
    expect(digestPeriod(new Date("2026-11-23T00:00:00Z"), null)).toBe("2026-W48");
    expect(digestPeriod(new Date("2026-11-29T23:59:59Z"), "UTC")).toBe("2026-W48");
    expect(digestPeriod(new Date("2026-11-30T00:00:00Z"), null)).toBe("2026-W49");
    expect(digestPeriod(new Date("2026-01-05T12:00:00Z"), null)).toBe("2026-W02");
  });

  it("uses the ISO year, not the calendar year, around New Year", () => {
    const cases: [string, string][] = [
      ["2025-12-28T12:00:00Z", "2025-W52"],
      ["2025-12-29T12:00:00Z", "2026-W01"], // a 2025 date in ISO year 2026
      ["2026-01-01T12:00:00Z", "2026-W01"],
      ["2026-12-31T12:00:00Z", "2026-W53"], // 2026 starts on a Thursday: 53 weeks
      ["2027-01-01T12:00:00Z", "2026-W53"],
      ["2027-01-03T23:59:00Z", "2026-W53"],
      ["2027-01-04T00:00:00Z", "2027-W01"],
      ["2021-01-03T12:00:00Z", "2020-W53"],
      ["2024-12-30T12:00:00Z", "2025-W01"],
    ];
    for (const [instant, period] of cases) expect(digestPeriod(new Date(instant), null), instant).toBe(period);
  });

  it("takes the date where the user lives", () => {
    const lateSundayUtc = new Date("2027-01-03T23:30:00Z");
    expect(digestPeriod(lateSundayUtc, "UTC")).toBe("2026-W53");
    expect(digestPeriod(lateSundayUtc, "Asia/Tokyo")).toBe("2027-W01"); // Monday 08:30
    const earlyMondayUtc = new Date("2027-01-04T05:00:00Z");
    expect(digestPeriod(earlyMondayUtc, "UTC")).toBe("2027-W01");
    expect(digestPeriod(earlyMondayUtc, "America/Los_Angeles")).toBe("2026-W53"); // Sunday 21:00
  });

  it("refuses an unknown time zone", () => {
    expect(() => digestPeriod(new Date(), "Mars/Olympus_Mons")).toThrow(RangeError);
  });

  it("agrees with date-fns on the local date, in any zone, 1990–2100", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(1990, 0, 1), max: Date.UTC(2100, 0, 1) }),
        fc.constantFrom(...TRICKY_ZONES),
        (at, zone) => {
          expect(digestPeriod(new Date(at), zone)).toBe(local(at, zone).isoWeek);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe("previousPeriod", () => {
  it("steps back one ISO week, across 52- and 53-week years", () => {
    expect(previousPeriod("2026-W10")).toBe("2026-W09");
    expect(previousPeriod("2026-W53")).toBe("2026-W52");
    expect(previousPeriod("2027-W01")).toBe("2026-W53");
    expect(previousPeriod("2026-W01")).toBe("2025-W52");
    expect(previousPeriod("2021-W01")).toBe("2020-W53");
  });

  it("refuses what is not an ISO week", () => {
    for (const bad of ["2027-W53", "2026-W54", "2026-W00", "2026-48", "2026-W1", "2026W48", ""]) {
      expect(() => previousPeriod(bad), bad).toThrow(RangeError);
    }
  });

  it("is the period of the same moment a week earlier", () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(1990, 0, 8), max: Date.UTC(2100, 0, 1) }), (at) => {
        expect(previousPeriod(digestPeriod(new Date(at), null))).toBe(digestPeriod(new Date(at - WEEK), null));
      }),
      { numRuns: 300 },
    );
  });
});

describe("isDigestDue and dueAt", () => {
  it("is due from the chosen weekday and hour to the end of the local week", () => {
    const monday8 = schedule("Europe/Berlin", 1, 8);
    expect(isDigestDue(monday8, new Date("2026-11-23T06:59:00Z"))).toBe(false); // Mon 07:59
    expect(isDigestDue(monday8, new Date("2026-11-23T07:00:00Z"))).toBe(true); // Mon 08:00
    expect(isDigestDue(monday8, new Date("2026-11-29T22:59:00Z"))).toBe(true); // Sun 23:59
    expect(isDigestDue(monday8, new Date("2026-11-29T23:00:00Z"))).toBe(false); // Mon 00:00, next week
    expect(dueAt(monday8, new Date("2026-11-26T12:00:00Z")).toISOString()).toBe("2026-11-23T07:00:00.000Z");
    expect(dueAt(monday8, new Date("2026-11-29T23:00:00Z")).toISOString()).toBe("2026-11-30T07:00:00.000Z");
    expect(isDigestDue(schedule(null, 1, 8), new Date("2026-11-23T08:00:00Z"))).toBe(true);
  });

  it("gives weekday 7 hour 23 the last hour of the week only", () => {
    const sunday23 = schedule("Asia/Kathmandu", 7, 23); // +05:45
    expect(isDigestDue(sunday23, new Date("2026-11-29T17:14:00Z"))).toBe(false); // Sun 22:59
    expect(isDigestDue(sunday23, new Date("2026-11-29T17:15:00Z"))).toBe(true); // Sun 23:00
    expect(isDigestDue(sunday23, new Date("2026-11-29T18:14:59Z"))).toBe(true); // Sun 23:59:59
    expect(isDigestDue(sunday23, new Date("2026-11-29T18:15:00Z"))).toBe(false); // Mon 00:00
    expect(dueAt(sunday23, new Date("2026-11-29T18:15:00Z")).toISOString()).toBe("2026-12-06T17:15:00.000Z");
  });

  it("refuses a weekday or hour out of range", () => {
    const now = new Date();
    for (const [weekday, hour] of [[0, 8], [8, 8], [1.5, 8], [1, -1], [1, 24], [1, 7.5]] as const) {
      expect(() => isDigestDue(schedule(null, weekday, hour), now)).toThrow(RangeError);
      expect(() => dueAt(schedule(null, weekday, hour), now)).toThrow(RangeError);
    }
  });

  it("makes a chosen hour skipped by spring-forward due at the transition", () => {
    // Berlin, Sunday 2026-03-29: 02:00 CET becomes 03:00 CEST at 01:00 UTC.
    const sunday2 = schedule("Europe/Berlin", 7, 2);
    expect(isDigestDue(sunday2, new Date("2026-03-29T00:59:59Z"))).toBe(false); // 01:59:59 CET
    expect(isDigestDue(sunday2, new Date("2026-03-29T01:00:00Z"))).toBe(true); // 03:00 CEST
    expect(dueAt(sunday2, new Date("2026-03-25T12:00:00Z")).toISOString()).toBe("2026-03-29T01:00:00.000Z");
    // Lord Howe skips half an hour, 02:00 → 02:30 (+10:30 → +11), on 2026-10-04.
    const lordHowe = schedule("Australia/Lord_Howe", 7, 2);
    expect(dueAt(lordHowe, new Date("2026-10-01T00:00:00Z")).toISOString()).toBe("2026-10-03T15:30:00.000Z");
    expect(local(iso("2026-10-03T15:30:00Z"), "Australia/Lord_Howe").text).toBe("Sun 2026-10-04 02:30");
    // Troll skips two hours, 01:00 → 03:00 (+00 → +02), on 2026-03-29.
    const troll = schedule("Antarctica/Troll", 7, 2);
    expect(dueAt(troll, new Date("2026-03-25T00:00:00Z")).toISOString()).toBe("2026-03-29T01:00:00.000Z");
  });

  it("makes a repeated hour due from its first occurrence", () => {
    // New York, Sunday 2026-11-01: 02:00 EDT becomes 01:00 EST at 06:00 UTC.
    const sunday1 = schedule("America/New_York", 7, 1);
    expect(dueAt(sunday1, new Date("2026-10-28T12:00:00Z")).toISOString()).toBe("2026-11-01T05:00:00.000Z");
    expect(isDigestDue(sunday1, new Date("2026-11-01T04:59:00Z"))).toBe(false);
    expect(isDigestDue(sunday1, new Date("2026-11-01T05:00:00Z"))).toBe(true); // 01:00 EDT
    expect(isDigestDue(sunday1, new Date("2026-11-01T06:30:00Z"))).toBe(true); // 01:30 EST, again
  });
});

describe("the weekly send, swept every 15 minutes", () => {
  // 3 whole local weeks around each change, with the expected send of each.
  const transitions = [
    {
      name: "Europe/Berlin spring-forward (Sun 2026-03-29, 02:00 → 03:00)",
      zone: "Europe/Berlin",
      from: iso("2026-03-16T00:00:00+01:00"),
      to: iso("2026-04-06T00:00:00+02:00"),
      expected: [
        { chosen: [7, 2], sends: ["2026-03-22T02:00+01:00", "2026-03-29T03:00+02:00", "2026-04-05T02:00+02:00"] },
        { chosen: [7, 3], sends: ["2026-03-22T03:00+01:00", "2026-03-29T03:00+02:00", "2026-04-05T03:00+02:00"] },
        { chosen: [1, 8], sends: ["2026-03-16T08:00+01:00", "2026-03-23T08:00+01:00", "2026-03-30T08:00+02:00"] },
      ],
      periods: ["2026-W12", "2026-W13", "2026-W14"],
    },
    {
      name: "Europe/Berlin fall-back (Sun 2026-10-25, 03:00 → 02:00)",
      zone: "Europe/Berlin",
      from: iso("2026-10-12T00:00:00+02:00"),
      to: iso("2026-11-02T00:00:00+01:00"),
      expected: [
        { chosen: [7, 2], sends: ["2026-10-18T02:00+02:00", "2026-10-25T02:00+02:00", "2026-11-01T02:00+01:00"] },
        { chosen: [7, 3], sends: ["2026-10-18T03:00+02:00", "2026-10-25T03:00+01:00", "2026-11-01T03:00+01:00"] },
        { chosen: [7, 23], sends: ["2026-10-18T23:00+02:00", "2026-10-25T23:00+01:00", "2026-11-01T23:00+01:00"] },
      ],
      periods: ["2026-W42", "2026-W43", "2026-W44"],
    },
    {
      name: "America/New_York spring-forward (Sun 2026-03-08, 02:00 → 03:00)",
      zone: "America/New_York",
      from: iso("2026-02-23T00:00:00-05:00"),
      to: iso("2026-03-16T00:00:00-04:00"),
      expected: [
        { chosen: [7, 2], sends: ["2026-03-01T02:00-05:00", "2026-03-08T03:00-04:00", "2026-03-15T02:00-04:00"] },
        { chosen: [6, 23], sends: ["2026-02-28T23:00-05:00", "2026-03-07T23:00-05:00", "2026-03-14T23:00-04:00"] },
        { chosen: [1, 0], sends: ["2026-02-23T00:00-05:00", "2026-03-02T00:00-05:00", "2026-03-09T00:00-04:00"] },
      ],
      periods: ["2026-W09", "2026-W10", "2026-W11"],
    },
    {
      name: "America/New_York fall-back (Sun 2026-11-01, 02:00 → 01:00)",
      zone: "America/New_York",
      from: iso("2026-10-19T00:00:00-04:00"),
      to: iso("2026-11-09T00:00:00-05:00"),
      expected: [
        { chosen: [7, 1], sends: ["2026-10-25T01:00-04:00", "2026-11-01T01:00-04:00", "2026-11-08T01:00-05:00"] },
        { chosen: [7, 2], sends: ["2026-10-25T02:00-04:00", "2026-11-01T02:00-05:00", "2026-11-08T02:00-05:00"] },
        { chosen: [7, 0], sends: ["2026-10-25T00:00-04:00", "2026-11-01T00:00-04:00", "2026-11-08T00:00-05:00"] },
      ],
      periods: ["2026-W43", "2026-W44", "2026-W45"],
    },
  ];

  for (const transition of transitions) {
    it(`sends once per week at the expected local time: ${transition.name}`, () => {
      for (const { chosen, sends: expected } of transition.expected) {
        const [digestWeekday, digestHour] = chosen as [number, number];
        const { from, to, zone } = transition;
        const { sends, seen } = sweep({ digestWeekday, digestHour }, () => zone, from, to);
        expect(seen).toEqual(transition.periods);
        expect(sends.map((send) => send.period)).toEqual(transition.periods);
        expect(sends.map((send) => send.at)).toEqual(expected.map(iso));
      }
    });
  }

  it("is due from dueAt on, for every hour of the changeover Sunday", () => {
    for (const transition of transitions) {
      // The changeover Sunday and the Saturday evening before it, in the middle week.
      const saturday = transition.from + 12 * DAY + 18 * HOUR;
      const monday = transition.to - WEEK;
      for (let digestHour = 0; digestHour < 24; digestHour++) {
        const settings = schedule(transition.zone, 7, digestHour);
        const due = dueAt(settings, new Date(saturday)).getTime();
        const wrong: string[] = [];
        for (let at = saturday; at < monday; at += TICK) {
          if (isDigestDue(settings, new Date(at)) !== at >= due) {
            wrong.push(`${digestHour}h at ${local(at, transition.zone).text}`);
          }
        }
        expect(wrong).toEqual([]);
        expect(hasReachedChosen(due, transition.zone, settings)).toBe(true);
        expect(hasReachedChosen(due - MINUTE, transition.zone, settings)).toBe(false);
        const { sends } = sweep(settings, () => transition.zone, saturday, monday);
        expect(sends).toEqual([{ period: transition.periods[1], at: firstTickAtOrAfter(due, saturday) }]);
      }
    }
  });

  it("sends Sunday 23:00 digests across New Year, 2026-W53 included", () => {
    for (const zone of ["UTC", "America/Los_Angeles", "Pacific/Kiritimati", "Pacific/Chatham"]) {
      const { sends } = sweep(schedule(zone, 7, 23), () => zone, wallAt(zone, 2026, 12, 21), wallAt(zone, 2027, 1, 18));
      expect(sends, zone).toEqual([
        { period: "2026-W52", at: wallAt(zone, 2026, 12, 27, 23) },
        { period: "2026-W53", at: wallAt(zone, 2027, 1, 3, 23) },
        { period: "2027-W01", at: wallAt(zone, 2027, 1, 10, 23) },
        { period: "2027-W02", at: wallAt(zone, 2027, 1, 17, 23) },
      ]);
      // Monday 00:00 opens each week, the 2026 one in December.
      const mondays = sweep(schedule(zone, 1, 0), () => zone, wallAt(zone, 2026, 12, 21), wallAt(zone, 2027, 1, 18));
      expect(mondays.sends.map((send) => [send.period, local(send.at, zone).text])).toEqual([
        ["2026-W52", "Mon 2026-12-21 00:00"],
        ["2026-W53", "Mon 2026-12-28 00:00"],
        ["2027-W01", "Mon 2027-01-04 00:00"],
        ["2027-W02", "Mon 2027-01-11 00:00"],
      ]);
    }
  });
});

// ---------------------------------------------------------------------------
// Time-zone changes. The user moves from zone A to zone B at instant T;
// Δ = offset(B) − offset(A), positive moving east. What holds, precisely
// (one change; zones without DST in the window; runner every 15 minutes):
// 1. No period is sent twice (the ledger), and no two digests come closer
//    than 7 days − Δ (moving east) or further apart than 7 days + |Δ|
//    (moving west), except across a lost week (3).
// 2. No loss: every period in which the user's clock — in the zone in force
//    at that instant — reaches the chosen weekday and hour is sent, at the
//    first tick at which it does. (The runner's rule makes this so; the test
//    checks what is left: which periods never reach it.)
// 3. The only period that appears on the user's clock and is never sent is
//    the one A shows at T when T, read on A's clock, falls in the last Δ of
//    the ISO week and no later than the chosen time: B's clock is already in
//    the next week, so that week ended for the user before its time came.
//    The next digest comes exactly 14 days − Δ after the previous one.
//    (Plus the sweep's final week, when its chosen time is after the sweep.)

// Each zone's timeline, computed once per tick (the functions are pure):
// the period as an index into the sorted list of periods (so < is earlier),
// and whether each chosen time is due.
function timelines(zones: readonly string[], chosenTimes: Chosen[], from: number, ticks: number) {
  const periods = new Map(
    zones.map((zone) => [zone, Array.from({ length: ticks }, (_, i) => digestPeriod(new Date(from + i * TICK), zone))]),
  );
  const weeks = [...new Set([...periods.values()].flat())].sort();
  const weekIndex = new Map(weeks.map((week, index) => [week, index]));
  return zones.map((zone) => ({
    zone,
    offset: tzOffset(zone, new Date(from)) * MINUTE,
    weeks: Int32Array.from(periods.get(zone) ?? [], (period) => weekIndex.get(period) ?? -1),
    due: chosenTimes.map((chosen) =>
      Uint8Array.from({ length: ticks }, (_, i) => {
        return Number(isDigestDue({ ...chosen, timeZone: zone }, new Date(from + i * TICK)));
      }),
    ),
  }));
}

type Timeline = { weeks: Int32Array; due: Uint8Array };

// The runner with zone A before tick `change` and zone B from it: the tick at
// which each period was sent (-1: never), and which periods were seen.
function runWithChange(a: Timeline, b: Timeline, change: number, weekCount: number) {
  const sentAt = new Int32Array(weekCount).fill(-1);
  const seen = new Uint8Array(weekCount);
  for (let i = 0; i < a.weeks.length; i++) {
    const t = i < change ? a : b;
    const week = t.weeks[i] as number;
    seen[week] = 1;
    if (t.due[i] && sentAt[week] === -1) sentAt[week] = i;
  }
  return { sentAt, seen };
}

describe("a time-zone change mid-week", () => {
  const june = (zone: string, d: number, h: number) => wallAt(zone, 2026, 6, d, h);

  it("Los Angeles → Tokyo on Sunday evening, before a Sunday 22:00 digest: that week ends early", () => {
    const chosen = { digestWeekday: 7, digestHour: 22 };
    const change = june("America/Los_Angeles", 21, 20); // = Tokyo Monday 06-22 12:00
    const zoneAt = (at: number) => (at < change ? "America/Los_Angeles" : "Asia/Tokyo");
    const { sends, seen } = sweep(chosen, zoneAt, june("America/Los_Angeles", 8, 0), june("Asia/Tokyo", 29, 0));
    expect(seen).toEqual(["2026-W24", "2026-W25", "2026-W26"]);
    expect(sends).toEqual([
      { period: "2026-W24", at: june("America/Los_Angeles", 14, 22) },
      { period: "2026-W26", at: june("Asia/Tokyo", 28, 22) },
    ]);
    expect(june("Asia/Tokyo", 28, 22) - june("America/Los_Angeles", 14, 22)).toBe(2 * WEEK - 16 * HOUR);
  });

  it("Los Angeles → Tokyo right after the Sunday 22:00 digest: the next comes at Tokyo's Sunday 22:00", () => {
    const chosen = { digestWeekday: 7, digestHour: 22 };
    const change = june("America/Los_Angeles", 21, 23);
    const zoneAt = (at: number) => (at < change ? "America/Los_Angeles" : "Asia/Tokyo");
    const { sends } = sweep(chosen, zoneAt, june("America/Los_Angeles", 15, 0), june("Asia/Tokyo", 29, 0));
    expect(sends).toEqual([
      { period: "2026-W25", at: june("America/Los_Angeles", 21, 22) },
      { period: "2026-W26", at: june("Asia/Tokyo", 28, 22) },
    ]);
  });

  it("an eastward jump past the chosen time in the same week sends at once", () => {
    const chosen = { digestWeekday: 3, digestHour: 12 };
    const change = june("Pacific/Pago_Pago", 17, 10); // Wednesday 10:00 = Kiritimati Thursday 11:00
    const zoneAt = (at: number) => (at < change ? "Pacific/Pago_Pago" : "Pacific/Kiritimati");
    const { sends } = sweep(chosen, zoneAt, june("Pacific/Pago_Pago", 15, 0), june("Pacific/Kiritimati", 29, 0));
    expect(sends).toEqual([
      { period: "2026-W25", at: change },
      { period: "2026-W26", at: june("Pacific/Kiritimati", 24, 12) },
    ]);
  });

  it("Kiritimati → Pago Pago after the Monday digest: back into a sent week, nothing sent twice", () => {
    const chosen = { digestWeekday: 1, digestHour: 9 };
    const change = june("Pacific/Kiritimati", 22, 10); // = Pago Pago Sunday 06-21 09:00
    const zoneAt = (at: number) => (at < change ? "Pacific/Kiritimati" : "Pacific/Pago_Pago");
    const { sends, seen } = sweep(chosen, zoneAt, june("Pacific/Kiritimati", 15, 0), june("Pacific/Pago_Pago", 30, 0));
    expect(seen).toEqual(["2026-W25", "2026-W26", "2026-W25", "2026-W26", "2026-W27"]);
    expect(sends).toEqual([
      { period: "2026-W25", at: june("Pacific/Kiritimati", 15, 9) },
      { period: "2026-W26", at: june("Pacific/Kiritimati", 22, 9) },
      { period: "2026-W27", at: june("Pacific/Pago_Pago", 29, 9) },
    ]);
    expect(june("Pacific/Pago_Pago", 29, 9) - june("Pacific/Kiritimati", 22, 9)).toBe(WEEK + 25 * HOUR);
  });

  const pairs = [
    ["America/Los_Angeles", "Asia/Tokyo"],
    ["Asia/Tokyo", "America/Los_Angeles"],
    ["Pacific/Kiritimati", "Pacific/Pago_Pago"],
    ["Pacific/Pago_Pago", "Pacific/Kiritimati"],
  ] as const;
  const chosenTimes: Chosen[] = [
    { digestWeekday: 1, digestHour: 0 },
    { digestWeekday: 1, digestHour: 9 },
    { digestWeekday: 3, digestHour: 12 },
    { digestWeekday: 7, digestHour: 22 },
    { digestWeekday: 7, digestHour: 23 },
  ];
  // From Monday 2026-06-01 UTC: a June without DST changes in these zones.
  const from = Date.UTC(2026, 5, 1);
  const ticks = (22 * DAY) / TICK;
  let cached: ReturnType<typeof timelines> | undefined;
  const timelineOf = (zone: string) => {
    cached ??= timelines([...new Set(pairs.flat())], chosenTimes, from, ticks);
    const timeline = cached.find((t) => t.zone === zone);
    if (!timeline) throw new Error(`no timeline for ${zone}`);
    return timeline;
  };

  for (const [zoneA, zoneB] of pairs) {
    it(`${zoneA} → ${zoneB} at every 15-minute moment of a week: no double, no loss`, () => {
      const [a, b] = [timelineOf(zoneA), timelineOf(zoneB)];
      const weekCount = Math.max(...a.weeks, ...b.weeks) + 1;
      const shift = b.offset - a.offset;
      const violations: string[] = [];
      chosenTimes.forEach((chosen, c) => {
        const timelineA = { weeks: a.weeks, due: a.due[c] as Uint8Array };
        const timelineB = { weeks: b.weeks, due: b.due[c] as Uint8Array };
        const label = `chosen ${chosen.digestWeekday}/${chosen.digestHour}`;
        let jumps = 0;
        // T at every tick of one whole week (the pattern repeats weekly), after a week in A.
        for (let change = (8 * DAY) / TICK; change < (15 * DAY) / TICK; change++) {
          const { sentAt, seen } = runWithChange(timelineA, timelineB, change, weekCount);
          const context = `${label}, change at ${new Date(from + change * TICK).toISOString()}`;

          // 3. The periods seen and never sent are exactly the week A showed
          // before an eastward jump across Monday 00:00 ahead of the chosen
          // time, and the sweep's last week if its chosen time is after the end.
          const before = a.weeks[change - 1] as number;
          const isJump = !timelineA.due[change - 1] && (b.weeks[change] as number) > before;
          const last = b.weeks[ticks - 1] as number;
          const expectedUnsent = [...(isJump ? [before] : []), ...(timelineB.due[ticks - 1] ? [] : [last])];
          const unsent = [...seen.keys()].filter((week) => seen[week] && sentAt[week] === -1);
          if (unsent.join() !== expectedUnsent.join()) {
            violations.push(`${context}: unsent ${unsent}, expected ${expectedUnsent}`);
          }
          if (isJump) jumps++;

          // 1. Consecutive sends (the first may be at the sweep's start, for a week already due).
          const sendTicks = [...sentAt].filter((tick) => tick > 0).sort((x, y) => x - y);
          for (let k = 1; k < sendTicks.length; k++) {
            const [previous, next] = [sendTicks[k - 1] as number, sendTicks[k] as number];
            const gap = (next - previous) * TICK;
            const isSpanningJump = isJump && previous < change && next >= change;
            const isGapOk = isSpanningJump
              ? gap === 2 * WEEK - shift
              : gap >= WEEK - Math.max(shift, 0) && gap <= WEEK + Math.max(-shift, 0);
            if (!isGapOk) violations.push(`${context}: ${gap / HOUR} h between sends`);
          }
        }
        // A week is lost exactly when T, read on A's clock, falls in the last
        // `shift` of the week and no later than the chosen time (at the chosen
        // time itself, the runner never saw A due).
        const chosenPosition = (chosen.digestWeekday - 1) * DAY + chosen.digestHour * HOUR;
        const expectedJumps = chosenPosition >= WEEK - shift ? (chosenPosition - (WEEK - shift)) / TICK + 1 : 0;
        if (jumps !== expectedJumps) violations.push(`${label}: ${jumps} jumps, expected ${expectedJumps}`);
      });
      expect(violations).toEqual([]);
    });
  }
});

// ---------------------------------------------------------------------------

describe("any zone, weekday, hour and start (property)", () => {
  it("sends exactly once per week, at or after the chosen local time", () => {
    const start = Date.UTC(2026, 0, 1);
    const slots = (2 * 365 * DAY) / TICK;
    fc.assert(
      fc.property(
        fc.constantFrom<string | null>(null, ...TRICKY_ZONES),
        fc.integer({ min: 1, max: 7 }),
        fc.integer({ min: 0, max: 23 }),
        fc.integer({ min: 0, max: slots }),
        (timeZone, digestWeekday, digestHour, slot) => {
          const settings = { timeZone, digestWeekday, digestHour };
          const from = start + slot * TICK;
          const to = from + 5 * WEEK;
          const { sends, seen } = sweep(settings, () => timeZone, from, to);
          const lastTick = to - TICK;

          // Weeks follow one another, none repeated.
          expect(new Set(seen).size).toBe(seen.length);
          // Every week is sent once, the sweep's last only if its time came.
          const lastIsDue = isDigestDue(settings, new Date(lastTick));
          expect(sends.map((send) => send.period)).toEqual(lastIsDue ? seen : seen.slice(0, -1));

          for (const send of sends) {
            const due = dueAt(settings, new Date(send.at)).getTime();
            // At the first tick from the chosen time (or at once, for a week already due at the start).
            expect(send.at).toBe(due < from ? from : firstTickAtOrAfter(due, from));
            // The user's clock shows the chosen weekday and hour or later, in the week sent.
            expect(hasReachedChosen(send.at, timeZone, settings)).toBe(true);
            expect(local(send.at, timeZone).isoWeek).toBe(send.period);
            // dueAt is the first instant of that week the clock reaches the chosen time.
            expect(hasReachedChosen(due, timeZone, settings)).toBe(true);
            const justBefore = due - MINUTE;
            const isInWeek = local(justBefore, timeZone).isoWeek === send.period;
            expect(isInWeek && hasReachedChosen(justBefore, timeZone, settings)).toBe(false);
          }
        },
      ),
      { numRuns: 30 },
    );
  });
});
