import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { cursorParam, encodeCursor } from "@/lib/api/v1/keyset-cursor";

const nameKeys = z.object({ name: z.string().max(200), id: z.uuid() });
const ID = "6f1c1d36-8a3e-4a43-9c1a-0c1f5b7b8e11";

describe("a list's cursor", () => {
  it("gives back any contact name's keys, even 200 control characters", () => {
    const param = cursorParam(nameKeys);
    fc.assert(
      fc.property(fc.string({ maxLength: 200, unit: fc.oneof(fc.constantFrom("\u001f", "\"", "\\", "é", "名"), fc.string({ unit: "grapheme-ascii", minLength: 1, maxLength: 1 })) }), (name) => {
        const keys = { name, id: ID };
        expect(param.parse(encodeCursor(keys))).toEqual(keys);
      }),
    );
    const worst = { name: "\u001f".repeat(200), id: ID };
    expect(param.parse(encodeCursor(worst))).toEqual(worst);
  });

  it("refuses a cursor edited, made for other keys, or of any length past the limit", () => {
    const param = cursorParam(nameKeys);
    expect(param.safeParse(encodeCursor({ day: "2026-01-01", id: ID })).success).toBe(false);
    expect(param.safeParse(`${encodeCursor({ name: "Ada", id: ID })}!`).success).toBe(false);
    expect(param.safeParse("A".repeat(5000)).success).toBe(false);
  });
});
