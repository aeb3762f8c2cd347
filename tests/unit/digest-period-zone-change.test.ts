import { tzOffset } from "@date-fns/tz";
import { describe, expect, it } from "vitest";
import { digestPeriod, isDigestDue } from "@/lib/digest/period";
import { type Chosen, DAY, HOUR, MINUTE, sweep, TICK, wallAt, WEEK } from "../helpers/digest-clock";

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
