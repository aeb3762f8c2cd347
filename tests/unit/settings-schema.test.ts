import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { settingsInputSchema } from "@/lib/validations/settings";

const validSettings = fc.record({
  name: fc.string({ maxLength: 100 }).filter((s) => s.trim().length <= 100),
  timeZone: fc.constantFrom("UTC", "Europe/London", "America/New_York", "Asia/Kolkata", "Pacific/Auckland"),
  digestWeekday: fc.integer({ min: 1, max: 7 }),
  digestHour: fc.integer({ min: 0, max: 23 }),
  digestEnabled: fc.boolean(),
  journalPromptEnabled: fc.boolean(),
  defaultCadenceDays: fc.integer({ min: 1, max: 365 }),
});

describe("settingsInputSchema", () => {
  it("accepts every valid combination, as numbers or as form strings", () => {
    fc.assert(
      fc.property(validSettings, fc.boolean(), (settings, asStrings) => {
        const input = asStrings
          ? {
              ...settings,
              digestWeekday: String(settings.digestWeekday),
              digestHour: String(settings.digestHour),
              defaultCadenceDays: String(settings.defaultCadenceDays),
            }
          : settings;
        const result = settingsInputSchema.safeParse(input);
        expect(result.success).toBe(true);
        expect(result.data?.digestHour).toBe(settings.digestHour);
      }),
    );
  });

  it("never throws, and refuses anything out of range at the field", () => {
    fc.assert(
      fc.property(
        validSettings,
        fc.constantFrom("timeZone", "digestWeekday", "digestHour", "defaultCadenceDays"),
        fc.oneof(fc.string(), fc.integer(), fc.double(), fc.constant(null)),
        (settings, field, value) => {
          const input = { ...settings, [field]: value };
          const result = settingsInputSchema.safeParse(input);
          if (!result.success) {
            expect(result.error.issues.every((issue) => issue.path[0] === field)).toBe(true);
          }
        },
      ),
    );
  });

  it.each([
    ["timeZone", "Mars/Olympus_Mons"],
    ["digestWeekday", 0],
    ["digestWeekday", 8],
    ["digestHour", 24],
    ["digestHour", 7.5],
    ["defaultCadenceDays", 0],
    ["defaultCadenceDays", 366],
    ["name", "x".repeat(101)],
    ["journalPromptEnabled", "on"],
    ["journalPromptEnabled", undefined],
  ])("refuses %s = %s", (field, value) => {
    const result = settingsInputSchema.safeParse({
      name: "Ada",
      timeZone: "UTC",
      digestWeekday: 1,
      digestHour: 8,
      digestEnabled: true,
      journalPromptEnabled: true,
      defaultCadenceDays: 30,
      [field]: value,
    });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual([field]);
  });
});
