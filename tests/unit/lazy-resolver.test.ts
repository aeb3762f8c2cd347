import { zodResolver } from "@hookform/resolvers/zod";
import type { ResolverOptions } from "react-hook-form";
import { describe, expect, it } from "vitest";
import { lazyZodResolver } from "@/components/forms/lazy-resolver";
import { type TouchInput, touchInputSchema } from "@/lib/validations/touch";

const options: ResolverOptions<TouchInput> = { fields: {}, shouldUseNativeValidation: false };

const invalidTouch: TouchInput = {
  occurredOn: "",
  channel: "message",
  contactIds: [],
  summary: "",
  valueKind: "advice",
  valueDirection: "",
  successId: "",
};

const validTouch: TouchInput = {
  ...invalidTouch,
  occurredOn: "2026-03-14",
  contactIds: ["0b6f6a4e-4d6c-4a36-9d54-1f7f0f4f0c11"],
  valueDirection: "given",
};

describe("lazyZodResolver", () => {
  it("gives the field errors and values the schema's own resolver gives", async () => {
    const lazy = lazyZodResolver(() => import("@/lib/validations/touch").then((module) => module.touchInputSchema));
    const eager = zodResolver(touchInputSchema);

    const refused = await lazy(invalidTouch, undefined, options);
    expect(refused).toEqual(await eager(invalidTouch, undefined, options));
    expect(refused.errors.occurredOn?.message).toBe("Enter the date of the touch.");
    expect(refused.errors.contactIds?.message).toBe("Choose at least one contact.");
    expect(refused.errors.valueDirection?.message).toBe("Say whether you gave or received it.");

    const accepted = await lazy(validTouch, undefined, options);
    expect(accepted).toEqual(await eager(validTouch, undefined, options));
    expect(accepted.errors).toEqual({});
  });

  it("tries the schema's module again when loading it failed, as on a dropped connection", async () => {
    let attempts = 0;
    const lazy = lazyZodResolver(async () => {
      attempts += 1;
      if (attempts === 1) throw new Error("Failed to fetch dynamically imported module");
      return touchInputSchema;
    });

    await expect(lazy(validTouch, undefined, options)).rejects.toThrow("Failed to fetch");
    await expect(lazy(validTouch, undefined, options)).resolves.toMatchObject({ errors: {} });
  });
});
