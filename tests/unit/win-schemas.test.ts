import { describe, expect, it } from "vitest";
import { type WinInput, winInputSchema, winUpdateSchema } from "@/lib/validations/journal";
import { skillSearchSchema } from "@/lib/validations/win-form-lookups";

const base: WinInput = { occurredOn: "2026-03-02", kind: "delivered", title: "Shipped billing" };

function errorsOf(input: unknown): Record<string, string[]> {
  const parsed = winInputSchema.safeParse(input);
  if (parsed.success) return {};
  const errors: Record<string, string[]> = {};
  for (const issue of parsed.error.issues) (errors[issue.path.join(".")] ??= []).push(issue.message);
  return errors;
}

// What the record-a-win form and its actions rely on the shared schema for.
describe("winInputSchema", () => {
  it("reads a metric as typed, with a decimal comma", () => {
    for (const [typed, value] of [
      ["1,5", 1.5],
      [" 40 ", 40],
      ["-2,25", -2.25],
      ["0.5", 0.5],
      [12, 12],
    ] as const) {
      expect(winInputSchema.parse({ ...base, metricValue: typed, metricUnit: "%" }).metricValue).toBe(value);
    }
    expect(winInputSchema.parse({ ...base, metricValue: "", metricUnit: "" })).toMatchObject({ metricValue: null, metricUnit: null });
  });

  it("puts a unit without a number at metricValue, once", () => {
    for (const metricValue of ["", "   ", null, undefined]) {
      expect(errorsOf({ ...base, metricValue, metricUnit: "% faster" })).toEqual({
        metricValue: ["Enter the number this unit measures, like 40."],
      });
    }
  });

  it("refuses a metric that is not a number with one message at metricValue", () => {
    for (const metricValue of ["lots", "1,5,0", "1e400", "Infinity"]) {
      expect(errorsOf({ ...base, metricValue, metricUnit: "%" })).toEqual({
        metricValue: ["Enter the metric as a number, like 40 or 1.5."],
      });
    }
  });

  it("reports every field at once, and refuses what is not an object without throwing", () => {
    expect(Object.keys(errorsOf({ title: "", metricUnit: "x", url: "javascript:alert(1)" })).sort()).toEqual([
      "kind",
      "metricValue",
      "occurredOn",
      "title",
      "url",
    ]);
    for (const input of [null, "win", 42, []]) expect(winInputSchema.safeParse(input).success).toBe(false);
  });

  it("dedupes skills by any case, keeping the first spelling, and people by contact and part", () => {
    const contactId = "0b7c5c2e-4f0a-4c1e-9d3a-2f5e8a1b6c7d";
    const parsed = winInputSchema.parse({
      ...base,
      skills: ["TypeScript", " typescript ", "Go  lang"],
      people: [
        { contactId, part: "helped_me" },
        { contactId: contactId.toUpperCase(), part: "helped_me" },
        { contactId, part: "can_vouch" },
      ],
    });
    expect(parsed.skills).toEqual(["TypeScript", "Go lang"]);
    expect(parsed.people).toEqual([
      { contactId, part: "helped_me" },
      { contactId, part: "can_vouch" },
    ]);
  });

  it("takes its own output again (the form sends parsed values, the action parses them once more)", () => {
    const parsed = winUpdateSchema.parse({
      ...base,
      id: "0b7c5c2e-4f0a-4c1e-9d3a-2f5e8a1b6c7d",
      roleId: "",
      metricValue: "1,5",
      metricUnit: "days",
      url: "example.com",
      skills: ["Go"],
    });
    expect(winUpdateSchema.parse(parsed)).toEqual(parsed);
    expect(parsed).toMatchObject({ roleId: null, metricValue: 1.5, url: "https://example.com/" });
  });
});

describe("skillSearchSchema", () => {
  it("trims the query and bounds its length", () => {
    expect(skillSearchSchema.parse({ q: "  ty " })).toEqual({ q: "ty" });
    expect(skillSearchSchema.safeParse({ q: "x".repeat(61) }).success).toBe(false);
  });
});
