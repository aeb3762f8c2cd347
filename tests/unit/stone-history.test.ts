import { describe, expect, it } from "vitest";
import type { StoneChangeRow } from "@/lib/domain/goals";
import { describeStoneChange, stoneHistoryLines } from "@/lib/domain/stone-history";

const AT = new Date("2027-03-03T10:00:00.000Z");

function change(values: Partial<StoneChangeRow> & Pick<StoneChangeRow, "change">): StoneChangeRow {
  return { id: "c1", fromValue: null, toValue: null, changedAt: AT, ...values };
}

const say = (values: Partial<StoneChangeRow> & Pick<StoneChangeRow, "change">, timeZone: string | null = "UTC") =>
  describeStoneChange(change(values), timeZone);

describe("a stepping stone's history, in sentences", () => {
  it("says when a step was added, with its target's quarter", () => {
    expect(say({ change: "created", toValue: "2027-05-20" })).toBe("Added on 3 Mar 2027 (target Q2 2027)");
    expect(say({ change: "created" })).toBe("Added on 3 Mar 2027");
  });

  it("counts places from 1 when a step moved", () => {
    expect(say({ change: "moved", fromValue: "2", toValue: "0" })).toBe("Moved from step 3 to step 1 on 3 Mar 2027");
    expect(say({ change: "moved", fromValue: "0", toValue: "4" })).toBe("Moved from step 1 to step 5 on 3 Mar 2027");
  });

  it("names quarters for a re-date across quarters, and days within one", () => {
    expect(say({ change: "redated", fromValue: "2027-06-30", toValue: "2027-12-31" })).toBe(
      "Moved from Q2 2027 to Q4 2027 on 3 Mar 2027",
    );
    expect(say({ change: "redated", fromValue: "2027-12-31", toValue: "2028-01-15" })).toBe(
      "Moved from Q4 2027 to Q1 2028 on 3 Mar 2027",
    );
    expect(say({ change: "redated", fromValue: "2027-04-12", toValue: "2027-06-30" })).toBe(
      "Moved from 12 Apr 2027 to 30 Jun 2027 on 3 Mar 2027",
    );
  });

  it("says when a target was set or removed", () => {
    expect(say({ change: "redated", fromValue: null, toValue: "2027-11-01" })).toBe("Target set to Q4 2027 on 3 Mar 2027");
    expect(say({ change: "redated", fromValue: "2027-05-01", toValue: null })).toBe("Target Q2 2027 removed on 3 Mar 2027");
  });

  it("names each status change", () => {
    const status = (fromValue: string, toValue: string) => say({ change: "status", fromValue, toValue });
    expect(status("in_progress", "done")).toBe("Marked done on 3 Mar 2027");
    expect(status("planned", "dropped")).toBe("Dropped on 3 Mar 2027");
    expect(status("planned", "in_progress")).toBe("Started on 3 Mar 2027");
    expect(status("done", "in_progress")).toBe("Back in progress on 3 Mar 2027");
    expect(status("dropped", "planned")).toBe("Reopened on 3 Mar 2027");
    expect(status("in_progress", "planned")).toBe("Moved back to planned on 3 Mar 2027");
  });

  it("dates a change by the day where the user lives", () => {
    const lateEvening = new Date("2027-03-03T23:30:00.000Z");
    expect(describeStoneChange(change({ change: "status", fromValue: "planned", toValue: "done", changedAt: lateEvening }), "UTC")).toBe(
      "Marked done on 3 Mar 2027",
    );
    expect(
      describeStoneChange(change({ change: "status", fromValue: "planned", toValue: "done", changedAt: lateEvening }), "Pacific/Auckland"),
    ).toBe("Marked done on 4 Mar 2027");
    expect(say({ change: "created" }, null)).toBe("Added on 3 Mar 2027");
  });

  it("makes a plainer sentence of values it cannot read, rather than failing", () => {
    expect(say({ change: "moved", fromValue: "x", toValue: null })).toBe("Moved on 3 Mar 2027");
    expect(say({ change: "redated", fromValue: "soon", toValue: "2027-02-30" })).toBe("Target date changed on 3 Mar 2027");
    expect(say({ change: "status", fromValue: "planned", toValue: "paused" })).toBe("Status changed on 3 Mar 2027");
    expect(say({ change: "created", toValue: "someday" })).toBe("Added on 3 Mar 2027");
  });

  it("keeps the history's order and ids", () => {
    const lines = stoneHistoryLines(
      [change({ id: "a", change: "created" }), change({ id: "b", change: "status", fromValue: "planned", toValue: "done" })],
      "UTC",
    );
    expect(lines).toEqual([
      { id: "a", text: "Added on 3 Mar 2027", at: AT },
      { id: "b", text: "Marked done on 3 Mar 2027", at: AT },
    ]);
  });
});
