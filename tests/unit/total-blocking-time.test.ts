import { describe, expect, it } from "vitest";
import { totalBlockingTime } from "../../scripts/lib/cold-load";

describe("totalBlockingTime (bench:client)", () => {
  it("counts only the part of each long task beyond 50 ms", () => {
    expect(totalBlockingTime(100, [[200, 120], [400, 50], [600, 51]])).toBe(71);
  });

  it("counts a task that began before first contentful paint from that paint on", () => {
    expect(totalBlockingTime(1_000, [[900, 200]])).toBe(50);
    expect(totalBlockingTime(1_000, [[800, 150]])).toBe(0);
  });

  it("is nothing without long tasks", () => {
    expect(totalBlockingTime(500, [])).toBe(0);
  });
});
