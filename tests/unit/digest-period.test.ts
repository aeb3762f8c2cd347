import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { digestPeriod, previousPeriod } from "@/lib/digest/period";
import { local, TRICKY_ZONES, WEEK } from "../helpers/digest-clock";

// digestPeriod and previousPeriod. The rest of lib/digest/period.ts is proved
// in digest-period-due.test.ts (isDigestDue and dueAt),
// digest-period-sweep.test.ts (the runner across DST changes, New Year and any
// zone) and digest-period-zone-change.test.ts (the user changing time zone).

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
