import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatMetric, groupByMonth, monthLabel, quarterEnd, quarterLabel } from "@/lib/domain/journal-list";

describe("the journal page's labels", () => {
  it("writes a metric as the number, then the user's unit", () => {
    expect(formatMetric(40, "% build time")).toBe("40 % build time");
    expect(formatMetric(120000, "€ pipeline")).toBe("120,000 € pipeline");
    expect(formatMetric(1.5, null)).toBe("1.5");
    expect(formatMetric(-0.125, "pts")).toBe("-0.13 pts");
  });

  it("names quarters and months, and ends each quarter on its last day", () => {
    expect(quarterLabel("2026-01-01")).toBe("Q1 2026");
    expect(quarterLabel("2026-10-01")).toBe("Q4 2026");
    expect(quarterEnd("2024-01-01")).toBe("2024-03-31");
    expect(quarterEnd("2026-04-01")).toBe("2026-06-30");
    expect(quarterEnd("2026-10-01")).toBe("2026-12-31");
    expect(monthLabel("2026-03-31")).toBe("March 2026");
    expect(monthLabel("2026-12")).toBe("December 2026");
  });

  it("groups consecutive wins of a month, keeping their order", () => {
    const day = fc
      .tuple(fc.integer({ min: 2000, max: 2030 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 }))
      .map(([y, m, d]) => `${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`);
    fc.assert(
      fc.property(fc.array(day, { maxLength: 40 }), (days) => {
        const wins = days.sort().reverse().map((occurredOn, id) => ({ id, occurredOn }));
        const groups = groupByMonth(wins);
        expect(groups.flatMap((group) => group.wins)).toEqual(wins);
        expect(new Set(groups.map((group) => group.month)).size).toBe(groups.length);
        for (const group of groups) expect(group.wins.every((win) => win.occurredOn.startsWith(group.month))).toBe(true);
      }),
    );
  });
});
