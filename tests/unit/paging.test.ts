import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { MAX_PAGE, pageNumber } from "@/lib/validations/paging";

describe("pageNumber", () => {
  it("reads a page a person or a link would write", () => {
    expect(pageNumber("7")).toBe(7);
    expect(pageNumber(["2", "9"])).toBe(2);
    expect(pageNumber(String(MAX_PAGE))).toBe(MAX_PAGE);
  });

  it("turns absurd values into page 1 instead of an offset SQL cannot hold", () => {
    for (const value of ["99999999999999999999", "1e30", "-3", "0", "2.5", "NaN", "Infinity", "", "abc", undefined, null]) {
      expect(pageNumber(value)).toBe(1);
    }
    expect(pageNumber(String(MAX_PAGE + 1))).toBe(1);
  });

  it("always answers a whole page number within bounds", () => {
    const value = fc.oneof(
      fc.string(),
      fc.stringMatching(/^-?\d{1,30}(\.\d+)?(e\d{1,3})?$/),
      fc.array(fc.string(), { maxLength: 3 }),
      fc.anything(),
    );
    fc.assert(
      fc.property(value, (input) => {
        const page = pageNumber(input);
        expect(Number.isSafeInteger(page)).toBe(true);
        expect(page).toBeGreaterThanOrEqual(1);
        expect(page).toBeLessThanOrEqual(MAX_PAGE);
      }),
      { numRuns: 2_000 },
    );
  });
});
