import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { FIRST_DUE_SHARE_SCALE, firstDueDay, firstDueShare } from "@/lib/domain/first-due";
import { CADENCE_MAX_DAYS } from "@/lib/domain/limits";

const MAX_IMPORT_ROWS = 50_000;

describe("spreading an import's first due dates", () => {
  it("puts the k-th of n on day ceil(k · cadence / n), for any cadence a contact can have", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: MAX_IMPORT_ROWS }).chain((n) => fc.tuple(fc.constant(n), fc.integer({ min: 1, max: n }))),
        fc.integer({ min: 1, max: CADENCE_MAX_DAYS }),
        ([n, k], cadence) => {
          const share = firstDueShare(k, n);
          expect(share).toBeGreaterThanOrEqual(1);
          expect(share).toBeLessThanOrEqual(FIRST_DUE_SHARE_SCALE);
          // BigInt: the exact ceiling, not one more floating-point product.
          const exact = Number((BigInt(k) * BigInt(cadence) + BigInt(n) - 1n) / BigInt(n));
          expect(firstDueDay(share, cadence)).toBe(exact);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it("fills every day of the cadence evenly: no day has more than ceil(n / cadence), the last is the cadence's own", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2_000 }), fc.integer({ min: 1, max: 400 }), (n, cadence) => {
        const perDay = new Map<number, number>();
        for (let k = 1; k <= n; k++) {
          const day = firstDueDay(firstDueShare(k, n), cadence);
          perDay.set(day, (perDay.get(day) ?? 0) + 1);
        }
        expect(Math.min(...perDay.keys())).toBeGreaterThanOrEqual(1);
        expect(Math.max(...perDay.keys())).toBeLessThanOrEqual(cadence);
        expect(Math.max(...perDay.values())).toBeLessThanOrEqual(Math.ceil(n / cadence));
        expect(perDay.size).toBe(Math.min(n, cadence));
        expect(firstDueDay(firstDueShare(n, n), cadence)).toBe(cadence);
      }),
      { numRuns: 300 },
    );
  });

  it("keeps a single contact's first due date a full cadence away, as for one added by hand", () => {
    expect(firstDueShare(1, 1)).toBe(FIRST_DUE_SHARE_SCALE);
    expect(firstDueDay(FIRST_DUE_SHARE_SCALE, 30)).toBe(30);
  });
});
