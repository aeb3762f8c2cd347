import { describe, expect, it } from "vitest";
import { z } from "zod";
import type { Db } from "@/db/client";
import { defineAuthedAction } from "@/lib/actions/define-action";
import { ok } from "@/lib/actions/result";

const authedAction = defineAuthedAction({ getUserId: async () => "user-1", getDb: async () => ({}) as Db });
const schema = z.object({ name: z.string().trim().min(1), tags: z.array(z.string()).default([]) });

describe("authedAction", () => {
  it("carries its schema, so what it accepts can be read from it", () => {
    const action = authedAction(schema, async (input) => ok(input));
    expect(action.inputSchema).toBe(schema);
  });

  // Found by the hostile-input fuzz: PostgreSQL text cannot hold U+0000, so a
  // NUL anywhere in a string failed its query (a 500) instead of validating.
  it("drops NUL characters from every string before validating", async () => {
    const action = authedAction(schema, async (input) => ok(input));
    const input = { name: "A\u0000da", tags: ["x\u0000", "\u0000"] };
    expect(await action(input)).toEqual({ ok: true, data: { name: "Ada", tags: ["x", ""] } });
    expect(input.name).toBe("A\u0000da");
    expect(await action({ name: "\u0000\u0000" })).toMatchObject({ ok: false, fieldErrors: { name: [expect.any(String)] } });
  });

  it("copies shared and cyclic inputs once, and never turns a __proto__ key into a prototype", async () => {
    const action = authedAction(z.unknown(), async (input) => ok(input));
    const shared = { text: "a\u0000" };
    const cyclic: Record<string, unknown> = { left: shared, right: shared };
    cyclic.self = cyclic;
    const result = await action(cyclic);
    const data = (result as { data: Record<string, { text: string }> }).data;
    expect(data.left).toBe(data.right);
    expect(data.left?.text).toBe("a");
    expect(data.self).toBe(data);

    const polluted = JSON.parse('{"__proto__": {"isAdmin": true}}') as object;
    const copied = ((await action(polluted)) as { data: Record<string, unknown> }).data;
    expect(Object.getPrototypeOf(copied)).toBe(Object.prototype);
    expect(Object.hasOwn(copied, "__proto__")).toBe(true);
    expect((copied as { isAdmin?: boolean }).isAdmin).toBeUndefined();
  });
});
