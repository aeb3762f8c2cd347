import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  bandOf,
  CONSISTENCY_WINDOWS,
  consistencyPart,
  contactHealth,
  DAY_MS,
  explainHealth,
  HEALTH_BANDS,
  type HealthFacts,
  healthFacts,
  type HealthInput,
  type HealthTouch,
  recencyPart,
  scoreFacts,
  valuePart,
} from "@/lib/health/model";

const NOW = new Date("2026-06-01T12:00:00Z");
const daysAgo = (days: number, now = NOW) => new Date(now.getTime() - days * DAY_MS);
const touch = (days: number, valueDirection: HealthTouch["valueDirection"] = null): HealthTouch => ({
  occurredAt: daysAgo(days),
  valueDirection,
});

function facts(overrides: Partial<HealthFacts> = {}): HealthFacts {
  return {
    cadenceDays: 30,
    daysSince: 0,
    touched: true,
    touchedWindows: 1,
    eligibleWindows: 1,
    given: 0,
    received: 0,
    ...overrides,
  };
}

describe("recencyPart", () => {
  it("gives full marks within the cadence, then halves with every further cadence", () => {
    expect(recencyPart(0, 30)).toBe(1);
    expect(recencyPart(29.99, 30)).toBe(1);
    expect(recencyPart(30, 30)).toBe(1);
    expect(recencyPart(60, 30)).toBe(0.5);
    expect(recencyPart(90, 30)).toBe(0.25);
    expect(recencyPart(45, 30)).toBeCloseTo(Math.SQRT1_2, 15);
    expect(recencyPart(28, 14)).toBe(0.5);
    expect(recencyPart(2, 1)).toBe(0.5);
  });

  it("reaches exactly 0 far past the cadence instead of a float that underflows", () => {
    expect(recencyPart(30 + 64 * 30, 30)).toBe(0.5 ** 64);
    expect(recencyPart(30 + 64 * 30 + 1, 30)).toBe(0);
    expect(recencyPart(1100, 1)).toBe(0);
  });
});

describe("consistencyPart", () => {
  it("is the share of eligible windows that had a touch", () => {
    expect(consistencyPart(2, 4)).toBe(0.5);
    expect(consistencyPart(3, 4)).toBe(0.75);
    expect(consistencyPart(1, 1)).toBe(1);
    expect(consistencyPart(0, 3)).toBe(0);
    expect(consistencyPart(0, 0)).toBe(0);
  });
});

describe("valuePart", () => {
  it("weighs giving 0.6 and receiving 0.4, each full at two a year", () => {
    expect(valuePart(0, 0)).toBe(0);
    expect(valuePart(1, 0)).toBeCloseTo(0.3, 15);
    expect(valuePart(2, 0)).toBeCloseTo(0.6, 15);
    expect(valuePart(9, 0)).toBeCloseTo(0.6, 15);
    expect(valuePart(0, 1)).toBeCloseTo(0.2, 15);
    expect(valuePart(0, 5)).toBeCloseTo(0.4, 15);
    expect(valuePart(1, 1)).toBeCloseTo(0.5, 15);
    expect(valuePart(2, 2)).toBe(1);
    expect(valuePart(7, 3)).toBe(1);
  });
});

describe("bandOf", () => {
  it("cuts at 75, 50 and 25", () => {
    expect([100, 75, 74, 50, 49, 25, 24, 0].map(bandOf)).toEqual([
      "thriving",
      "thriving",
      "steady",
      "steady",
      "fading",
      "fading",
      "dormant",
      "dormant",
    ]);
  });

  it("never ranks a lower score in a better band", () => {
    const score = fc.integer({ min: 0, max: 100 });
    fc.assert(
      fc.property(score, score, (a, b) => {
        const [low, high] = a <= b ? [a, b] : [b, a];
        expect(HEALTH_BANDS.indexOf(bandOf(low))).toBeGreaterThanOrEqual(HEALTH_BANDS.indexOf(bandOf(high)));
      }),
    );
  });
});

describe("healthFacts", () => {
  const input = (overrides: Partial<HealthInput>): HealthInput => ({
    cadenceDays: 30,
    createdAt: daysAgo(500),
    touches: [],
    now: NOW,
    ...overrides,
  });

  it("counts a never-touched contact from when it was added", () => {
    expect(healthFacts(input({ createdAt: daysAgo(10.5) }))).toEqual({
      cadenceDays: 30,
      daysSince: 10.5,
      touched: false,
      touchedWindows: 0,
      eligibleWindows: 1,
      given: 0,
      received: 0,
    });
    expect(healthFacts(input({ createdAt: NOW }))).toMatchObject({ daysSince: 0, eligibleWindows: 1 });
    expect(healthFacts(input({ createdAt: daysAgo(200) }))).toMatchObject({ daysSince: 200, eligibleWindows: 4 });
  });

  it("counts days from the latest touch, in any order", () => {
    const result = healthFacts(input({ touches: [touch(50), touch(41), touch(300)] }));
    expect(result).toMatchObject({ daysSince: 41, touched: true });
  });

  it("puts a touch in window i when it is i to i+1 cadences old, and looks at four windows", () => {
    // Windows of 30 days: (now−30d, now] is 0, (now−60d, now−30d] is 1, …
    expect(healthFacts(input({ touches: [touch(0), touch(29.9)] })).touchedWindows).toBe(1);
    expect(healthFacts(input({ touches: [touch(0), touch(30)] })).touchedWindows).toBe(2);
    expect(healthFacts(input({ touches: [touch(30.001), touch(59.999)] })).touchedWindows).toBe(1);
    expect(healthFacts(input({ touches: [touch(5), touch(100), touch(119.999)] })).touchedWindows).toBe(2);
    // Exactly four cadences ago is the fifth window: not looked at.
    expect(healthFacts(input({ touches: [touch(120), touch(400)] })).touchedWindows).toBe(0);
    // Many touches in one window count once.
    expect(healthFacts(input({ touches: [1, 2, 3, 4, 5].map((d) => touch(d)) })).touchedWindows).toBe(1);
  });

  it("holds only the windows since the relationship began against it", () => {
    const eligible = (createdDaysAgo: number, touches: HealthTouch[] = []) =>
      healthFacts(input({ createdAt: daysAgo(createdDaysAgo), touches })).eligibleWindows;
    expect(eligible(0)).toBe(1);
    expect(eligible(29)).toBe(1);
    // Added exactly one cadence ago: it began in window 1, so windows 0 and 1 count.
    expect(eligible(30)).toBe(2);
    expect(eligible(61)).toBe(3);
    expect(eligible(95)).toBe(4);
    expect(eligible(3000)).toBe(4);
    // A touch logged from before the contact was added moves the start back.
    expect(eligible(10, [touch(70)])).toBe(3);
    expect(eligible(10, [touch(5)])).toBe(1);
  });

  it("never finds more touched windows than eligible ones at the window edges", () => {
    // Added and first touched exactly one cadence ago, touched again now.
    const result = healthFacts(input({ createdAt: daysAgo(30), touches: [touch(30), touch(0)] }));
    expect(result).toMatchObject({ touchedWindows: 2, eligibleWindows: 2 });
    expect(scoreFacts(result).score).toBe(100 * 0.5 + 100 * 0.3);
  });

  it("counts a touch dated in the future as now", () => {
    const result = healthFacts(input({ createdAt: daysAgo(10), touches: [touch(-3, "given")] }));
    expect(result).toEqual({
      cadenceDays: 30,
      daysSince: 0,
      touched: true,
      touchedWindows: 1,
      eligibleWindows: 1,
      given: 1,
      received: 0,
    });
  });

  it("counts value only within the last 365 days", () => {
    const result = healthFacts(
      input({
        touches: [
          touch(1, "given"),
          touch(364.99, "given"),
          touch(365, "given"),
          touch(200, "received"),
          touch(366, "received"),
          touch(3, null),
        ],
      }),
    );
    expect(result).toMatchObject({ given: 2, received: 1 });
  });
});

describe("scoreFacts", () => {
  it("combines 0.5 recency, 0.3 consistency and 0.2 value into 0..100", () => {
    expect(scoreFacts(facts({ daysSince: 5, touchedWindows: 4, eligibleWindows: 4, given: 2, received: 2 }))).toEqual({
      ...facts({ daysSince: 5, touchedWindows: 4, eligibleWindows: 4, given: 2, received: 2 }),
      recency: 1,
      consistency: 1,
      value: 1,
      score: 100,
      band: "thriving",
    });
    // Added today: on time, nothing else yet.
    expect(scoreFacts(facts({ touched: false, touchedWindows: 0 }))).toMatchObject({ score: 50, band: "steady" });
    // 41 days on a 30-day cadence, 2 of 4 windows, gave 3, received 1.
    const late = scoreFacts(facts({ daysSince: 41, touchedWindows: 2, eligibleWindows: 4, given: 3, received: 1 }));
    expect(late.recency).toBeCloseTo(0.5 ** (11 / 30), 15);
    expect(late).toMatchObject({ consistency: 0.5, score: 70, band: "steady" });
    expect(late.value).toBeCloseTo(0.8, 15);
    // Touched 200 days ago on a 30-day cadence, nothing since.
    expect(scoreFacts(facts({ daysSince: 200, touchedWindows: 0, eligibleWindows: 4 }))).toMatchObject({
      score: 1,
      band: "dormant",
    });
  });
});

describe("explainHealth", () => {
  it("says what the score is made of", () => {
    expect(
      explainHealth(facts({ daysSince: 41.3, touchedWindows: 2, eligibleWindows: 4, given: 3, received: 1 })),
    ).toBe(
      "41 days since the last touch; you aimed for every 30 days · 2 of the last 4 windows of 30 days had a touch · you gave value 3 times this year, received once",
    );
    expect(explainHealth(facts({ cadenceDays: 14, daysSince: 0.4, given: 2, received: 2 }))).toBe(
      "Touched today; you aimed for every 14 days · touched in the current 14 days · you gave value twice this year, received twice",
    );
    expect(explainHealth(facts({ daysSince: 1.2, touchedWindows: 0, eligibleWindows: 1, given: 1 }))).toBe(
      "1 day since the last touch; you aimed for every 30 days · no touch yet in the current 30 days · you gave value once this year",
    );
    expect(explainHealth(facts({ cadenceDays: 1, daysSince: 2, touchedWindows: 1, eligibleWindows: 3, received: 1 }))).toBe(
      "2 days since the last touch; you aimed for every day · 1 of the last 3 windows of 1 day had a touch · you received value once this year, gave none",
    );
  });

  it("tells a never-touched contact apart", () => {
    expect(explainHealth(facts({ touched: false, daysSince: 0.2, touchedWindows: 0 }))).toBe(
      "Added today, no touch yet; you aimed for every 30 days · no touch yet in the current 30 days · no value exchanged this year",
    );
    expect(explainHealth(facts({ touched: false, daysSince: 1, touchedWindows: 0 }))).toBe(
      "No touch in the 1 day since you added them; you aimed for every 30 days · no touch yet in the current 30 days · no value exchanged this year",
    );
    expect(
      explainHealth(facts({ touched: false, daysSince: 45.4, touchedWindows: 0, eligibleWindows: 2, received: 4 })),
    ).toBe(
      "No touch in the 45 days since you added them; you aimed for every 30 days · 0 of the last 2 windows of 30 days had a touch · you received value 4 times this year, gave none",
    );
  });
});

// Histories as they come: touches at arbitrary moments from three years ago
// to a few days ahead, and, as often, exactly on (or a millisecond beside) the
// edges the model cuts at: cadence windows, the value year, the start.
type TimeSpec = { kind: "ms"; msAgo: number } | { kind: "window"; windows: number; ms: number } | { kind: "year"; ms: number };

const timeSpec = (allowFuture: boolean): fc.Arbitrary<TimeSpec> =>
  fc.oneof(
    fc.record({
      kind: fc.constant("ms" as const),
      msAgo: fc.integer({ min: allowFuture ? -5 * DAY_MS : 0, max: 3 * 365 * DAY_MS }),
    }),
    fc.record({
      kind: fc.constant("window" as const),
      windows: fc.integer({ min: 0, max: 5 }),
      ms: fc.constantFrom(-1, 0, 1),
    }),
    fc.record({ kind: fc.constant("year" as const), ms: fc.constantFrom(-1, 0, 1) }),
  );

function resolveTime(spec: TimeSpec, nowMs: number, cadenceDays: number): Date {
  const msAgo =
    spec.kind === "ms"
      ? spec.msAgo
      : spec.kind === "window"
        ? spec.windows * cadenceDays * DAY_MS + spec.ms
        : 365 * DAY_MS + spec.ms;
  return new Date(nowMs - msAgo);
}

const healthInput: fc.Arbitrary<HealthInput> = fc
  .record({
    nowMs: fc.integer({ min: Date.UTC(2024, 0, 1), max: Date.UTC(2030, 0, 1) }),
    cadenceDays: fc.oneof(fc.integer({ min: 1, max: 3650 }), fc.constantFrom(1, 7, 14, 30, 90)),
    created: timeSpec(false),
    touches: fc.array(
      fc.record({ at: timeSpec(true), valueDirection: fc.constantFrom(null, null, "given" as const, "received" as const) }),
      { maxLength: 12 },
    ),
  })
  .map(({ nowMs, cadenceDays, created, touches }) => ({
    cadenceDays,
    // Contacts are added in the past, at the latest now.
    createdAt: new Date(Math.min(nowMs, resolveTime(created, nowMs, cadenceDays).getTime())),
    touches: touches.map(({ at, valueDirection }) => ({ occurredAt: resolveTime(at, nowMs, cadenceDays), valueDirection })),
    now: new Date(nowMs),
  }));

const startOf = (input: HealthInput) =>
  Math.min(input.createdAt.getTime(), ...input.touches.map((t) => t.occurredAt.getTime()));

describe("contactHealth properties", () => {
  it("scores an integer in 0..100 from parts in 0..1", () => {
    fc.assert(
      fc.property(healthInput, (input) => {
        const health = contactHealth(input);
        expect(Number.isInteger(health.score)).toBe(true);
        expect(health.score).toBeGreaterThanOrEqual(0);
        expect(health.score).toBeLessThanOrEqual(100);
        for (const part of [health.recency, health.consistency, health.value]) {
          expect(part).toBeGreaterThanOrEqual(0);
          expect(part).toBeLessThanOrEqual(1);
        }
        expect(health.touchedWindows).toBeLessThanOrEqual(health.eligibleWindows);
        expect(health.eligibleWindows).toBeGreaterThanOrEqual(1);
        expect(health.eligibleWindows).toBeLessThanOrEqual(CONSISTENCY_WINDOWS);
        expect(health.daysSince).toBeGreaterThanOrEqual(0);
      }),
      { numRuns: 1000 },
    );
  });

  it("puts the score in the band its floors say", () => {
    fc.assert(
      fc.property(healthInput, (input) => {
        const { score, band } = contactHealth(input);
        expect(band).toBe(bandOf(score));
        expect(band === "thriving").toBe(score >= 75);
        expect(band === "dormant").toBe(score < 25);
        expect(band === "steady").toBe(score >= 50 && score < 75);
      }),
      { numRuns: 500 },
    );
  });

  it("never lowers the score when the last touch is more recent", () => {
    fc.assert(
      fc.property(
        healthInput.filter((input) => input.touches.length > 0),
        fc.integer({ min: 0, max: 400 * DAY_MS }),
        (input, laterBy) => {
          const last = input.touches.reduce((latest, t) => (t.occurredAt > latest.occurredAt ? t : latest));
          const moved = {
            ...input,
            touches: input.touches.map((t) =>
              t === last ? { ...t, occurredAt: new Date(t.occurredAt.getTime() + laterBy) } : t,
            ),
          };
          const before = contactHealth(input);
          const after = contactHealth(moved);
          expect(after.recency).toBeGreaterThanOrEqual(before.recency);
          expect(after.score).toBeGreaterThanOrEqual(before.score);
        },
      ),
      { numRuns: 1000 },
    );
  });

  it("never lowers the score when value given is added since the relationship began", () => {
    fc.assert(
      fc.property(healthInput, fc.double({ min: 0, max: 1, noNaN: true }), (input, where) => {
        // Any moment from the start of the relationship to a few days ahead.
        const startMs = startOf(input);
        const atMs = startMs + Math.floor(where * (input.now.getTime() + 5 * DAY_MS - startMs));
        const added = { ...input, touches: [...input.touches, { occurredAt: new Date(atMs), valueDirection: "given" as const }] };
        expect(contactHealth(added).score).toBeGreaterThanOrEqual(contactHealth(input).score);
      }),
      { numRuns: 1000 },
    );
  });

  it("can lower the score when a touch from before the start reveals older, quieter windows", () => {
    // Added 10 days ago and touched today: one window, touched. A favour from
    // 100 days ago dates the relationship back four windows, two of them silent.
    const input = { cadenceDays: 30, createdAt: daysAgo(10), touches: [touch(0)], now: NOW };
    const backdated = { ...input, touches: [...input.touches, touch(100, "given")] };
    expect(contactHealth(input).score).toBe(80);
    expect(contactHealth(backdated)).toMatchObject({ touchedWindows: 2, eligibleWindows: 4, score: 71 });
  });

  it("does not depend on the order of the touches", () => {
    fc.assert(
      fc.property(healthInput, (input) => {
        const reversed = { ...input, touches: [...input.touches].reverse() };
        expect(contactHealth(reversed)).toEqual(contactHealth(input));
      }),
      { numRuns: 200 },
    );
  });
});
