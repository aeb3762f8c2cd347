import { describe, expect, it } from "vitest";
import { dueAt, isDigestDue } from "@/lib/digest/period";
import { iso, local, schedule } from "../helpers/digest-clock";

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
