import { describe, expect, it } from "vitest";
import { dueStatus, lastTouchLabel } from "@/lib/contacts/schedule-labels";
import { occurredAtFromDate } from "@/lib/domain/touch-dates";

// 25 November, 23:30 UTC: already 26 November in Auckland.
const NOW = new Date("2026-11-25T23:30:00Z");

describe("lastTouchLabel", () => {
  it("counts calendar days from the touch's day to today where the user lives", () => {
    const label = (day: string, timeZone = "UTC") => lastTouchLabel(occurredAtFromDate(day), NOW, timeZone);
    expect(label("2026-11-25")).toBe("today");
    expect(label("2026-11-25", "Pacific/Auckland")).toBe("yesterday");
    expect(label("2026-11-24")).toBe("yesterday");
    expect(label("2026-11-26")).toBe("today");
    expect(label("2026-10-12")).toBe("44 days ago");
    expect(label("2026-10-11")).toBe("1 month ago");
    expect(label("2026-05-25")).toBe("6 months ago");
    expect(label("2024-11-26")).toBe("23 months ago");
    expect(label("2024-11-20")).toBe("2 years ago");
    expect(lastTouchLabel(null, NOW, "UTC")).toBe("Never");
  });
});

describe("dueStatus", () => {
  const due = { nextDueAt: new Date("2026-11-20T12:00:00Z") };
  it("keeps a contact snoozed through the snooze's last day where the user lives", () => {
    expect(dueStatus({ ...due, snoozedUntil: "2026-11-25" }, NOW, "UTC")).toMatchObject({ tone: "snoozed" });
    expect(dueStatus({ ...due, snoozedUntil: "2026-11-25" }, NOW, "Pacific/Auckland")).toMatchObject({
      tone: "overdue",
      label: "5 days overdue",
    });
    expect(dueStatus({ ...due, snoozedUntil: "2026-11-24" }, NOW, "UTC")).toMatchObject({ tone: "overdue" });
  });
});
