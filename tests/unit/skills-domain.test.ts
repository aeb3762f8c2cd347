import { describe, expect, it } from "vitest";
import { formatHours, levelTrend, skillFreshness, skillLevelLabel, skillTagCounts } from "@/lib/domain/skills";

describe("skillFreshness", () => {
  it("is unused when no win carries the skill", () => {
    expect(skillFreshness(null, "2026-11-12")).toBe("unused");
  });

  it("is fresh when used within the last 12 months", () => {
    expect(skillFreshness("2026-11-12", "2026-11-12")).toBe("fresh");
    expect(skillFreshness("2026-03-01", "2026-11-12")).toBe("fresh");
  });

  it("is still fresh exactly 12 months ago and stale the day before", () => {
    expect(skillFreshness("2025-11-12", "2026-11-12")).toBe("fresh");
    expect(skillFreshness("2025-11-11", "2026-11-12")).toBe("stale");
  });

  it("counts 12 months from 29 February as the 28th of the year before", () => {
    expect(skillFreshness("2027-02-28", "2028-02-29")).toBe("fresh");
    expect(skillFreshness("2027-02-27", "2028-02-29")).toBe("stale");
  });

  it("is stale years later", () => {
    expect(skillFreshness("2019-06-01", "2026-11-12")).toBe("stale");
  });
});

describe("levelTrend", () => {
  it("compares the latest assessment with the one before", () => {
    expect(levelTrend(3, 2)).toBe("up");
    expect(levelTrend(2, 4)).toBe("down");
    expect(levelTrend(3, 3)).toBe("same");
  });

  it("has no trend with fewer than two assessments", () => {
    expect(levelTrend(3, null)).toBeNull();
    expect(levelTrend(null, null)).toBeNull();
  });
});

describe("the skills' labels", () => {
  it("names a level with its number", () => {
    expect(skillLevelLabel(1)).toBe("1 · Aware");
    expect(skillLevelLabel(5)).toBe("5 · Expert");
  });

  it("writes learning hours whole, or to one decimal", () => {
    expect(formatHours(0)).toBe("0");
    expect(formatHours(12.5)).toBe("12.5");
    expect(formatHours(1.25)).toBe("1.3");
    expect(formatHours(1200)).toBe("1,200");
  });

  it("counts what deleting a skill untags, in one sentence", () => {
    expect(skillTagCounts({ winCount: 0, learningCount: 0, stoneCount: 0 })).toBe("");
    expect(skillTagCounts({ winCount: 1, learningCount: 0, stoneCount: 0 })).toBe("1 win");
    expect(skillTagCounts({ winCount: 3, learningCount: 1, stoneCount: 0 })).toBe("3 wins and 1 learning item");
    expect(skillTagCounts({ winCount: 2, learningCount: 2, stoneCount: 1 })).toBe("2 wins, 2 learning items and 1 stepping stone");
  });
});
