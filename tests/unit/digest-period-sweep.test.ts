import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { dueAt, isDigestDue } from "@/lib/digest/period";
import {
  DAY,
  firstTickAtOrAfter,
  hasReachedChosen,
  HOUR,
  iso,
  local,
  MINUTE,
  schedule,
  sweep,
  TICK,
  TRICKY_ZONES,
  wallAt,
  WEEK,
} from "../helpers/digest-clock";

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
