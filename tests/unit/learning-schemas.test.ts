import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatHours, itemsAndHours, quarterOf } from "@/lib/domain/learning";
import { latestAllowedDate } from "@/lib/domain/touch-dates";
import {
  type LearningInput,
  learningHref,
  learningInputSchema,
  learningUpdateSchema,
  parseLearningQuery,
} from "@/lib/validations/learning";

const base: LearningInput = { title: "Kubernetes the hard way", kind: "course", status: "planned" };

function errorsOf(input: unknown): Record<string, string[]> {
  const parsed = learningInputSchema.safeParse(input);
  if (parsed.success) return {};
  const errors: Record<string, string[]> = {};
  for (const issue of parsed.error.issues) (errors[issue.path.join(".")] ??= []).push(issue.message);
  return errors;
}

describe("learningInputSchema: hours", () => {
  it("reads hours as typed, with a decimal comma, empty as none", () => {
    for (const [typed, hours] of [
      ["1,5", 1.5],
      [" 6 ", 6],
      ["0.25", 0.25],
      [",5", 0.5],
      ["10000", 10_000],
      ["0", 0],
      [12, 12],
      [2.75, 2.75],
      ["", null],
      ["  ", null],
      [null, null],
      [undefined, null],
    ] as const) {
      expect(learningInputSchema.parse({ ...base, hours: typed }).hours).toBe(hours);
    }
  });

  it("refuses hours that are not a number from 0 to 10,000, with one message at hours", () => {
    for (const hours of ["lots", "-1", -0.5, "1,5,0", "1e3", "Infinity", Number.NaN, "10000.5", 10_001, "1,500", true, {}]) {
      const errors = errorsOf({ ...base, hours });
      expect(Object.keys(errors)).toEqual(["hours"]);
      expect(errors.hours).toHaveLength(1);
    }
    expect(errorsOf({ ...base, hours: "1,500" }).hours).toEqual(["Write 1500 or 1.500: a comma could mean either."]);
  });

  it("any number of hours in range, typed with a point or a comma, reads back as itself", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 999_999 }), fc.boolean(), (hundredths, isComma) => {
        const hours = hundredths / 100;
        const typed = isComma ? String(hours).replace(".", ",") : String(hours);
        // A comma before exactly three digits is asked about instead.
        if (/^\d+,\d{3}$/.test(typed)) return;
        expect(learningInputSchema.parse({ ...base, hours: typed }).hours).toBe(hours);
      }),
    );
  });
});

describe("learningInputSchema: dates", () => {
  it("takes optional days, finished on or after started", () => {
    expect(learningInputSchema.parse({ ...base, startedOn: "", finishedOn: null })).toMatchObject({ startedOn: null, finishedOn: null });
    const done = { ...base, status: "done" as const, startedOn: "2026-01-05", finishedOn: " 2026-01-05 " };
    expect(learningInputSchema.parse(done)).toMatchObject({ startedOn: "2026-01-05", finishedOn: "2026-01-05" });
    expect(errorsOf({ ...done, finishedOn: "2026-01-04" })).toEqual({
      finishedOn: ["Finished must be on or after the day it started."],
    });
  });

  it("gives a finished day only to something done", () => {
    for (const status of ["planned", "in_progress"] as const) {
      expect(errorsOf({ ...base, status, finishedOn: "2026-01-04" })).toEqual({
        finishedOn: ["Only something done has a finished day: set Status to Done, or clear Finished."],
      });
    }
  });

  it("refuses days that are not real or absurd, and finishing in the future", () => {
    for (const startedOn of ["2026-02-30", "yesterday", "1899-12-31", "2101-01-01", 20260101]) {
      expect(Object.keys(errorsOf({ ...base, startedOn }))).toEqual(["startedOn"]);
    }
    expect(learningInputSchema.parse({ ...base, startedOn: "2099-09-01" }).startedOn).toBe("2099-09-01");
    const future = `${Number(latestAllowedDate().slice(0, 4)) + 1}-01-01`;
    expect(errorsOf({ ...base, status: "done", finishedOn: future })).toEqual({
      finishedOn: ["You can't have finished in the future."],
    });
  });

  it("reports every field at once, and never throws on a payload that is not an object", () => {
    expect(Object.keys(errorsOf({ title: "", kind: "nap", status: "done", startedOn: "2026-03-02", finishedOn: "2026-03-01" })).sort()).toEqual([
      "finishedOn",
      "kind",
      "title",
    ]);
    for (const input of [null, "text", 3, []]) expect(learningUpdateSchema.safeParse(input).success).toBe(false);
  });
});

describe("learningInputSchema: the rest", () => {
  it("normalises the link, trims the text and dedupes skills in any case", () => {
    const parsed = learningInputSchema.parse({
      ...base,
      title: "  Staff Engineer's Path ",
      url: " oreilly.com/library/staff ",
      notes: "  ",
      mentorId: "",
      skills: ["Writing", " writing ", "Systems  thinking"],
    });
    expect(parsed).toMatchObject({
      title: "Staff Engineer's Path",
      url: "https://oreilly.com/library/staff",
      notes: null,
      mentorId: null,
      skills: ["Writing", "Systems thinking"],
    });
    expect(Object.keys(errorsOf({ ...base, url: "javascript:alert(1)" }))).toEqual(["url"]);
    expect(Object.keys(errorsOf({ ...base, mentorId: "ada" }))).toEqual(["mentorId"]);
    expect(Object.keys(errorsOf({ ...base, skills: Array.from({ length: 21 }, (_, i) => `Skill ${i}`) }))).toEqual(["skills"]);
    expect(Object.keys(errorsOf({ ...base, title: "x".repeat(201), notes: "x".repeat(4001) })).sort()).toEqual(["notes", "title"]);
  });

  it("parses its own output again (the form sends parsed values to the action)", () => {
    const once = learningInputSchema.parse({ ...base, status: "done", finishedOn: "2026-01-01", hours: "1,5", skills: ["SQL"] });
    expect(learningInputSchema.parse(once)).toEqual(once);
  });
});

describe("the log's query string and quarters", () => {
  it("keeps known filters and ignores the rest", () => {
    expect(parseLearningQuery({ status: "done", kind: ["book", "talk"], page: "2" })).toEqual({
      filters: { status: "done", kind: "book" },
      page: 2,
    });
    expect(parseLearningQuery({ status: "napping", kind: "", page: "-3" })).toEqual({ filters: {}, page: 1 });
    expect(learningHref({ status: "in_progress", kind: "talk" }, 3)).toBe("/career/learning?status=in_progress&kind=talk&page=3");
    expect(learningHref({})).toBe("/career/learning");
  });

  it("finds a day's quarter and words the summary", () => {
    expect(quarterOf("2026-03-31")).toEqual({ start: "2026-01-01", end: "2026-03-31" });
    expect(quarterOf("2026-04-01")).toEqual({ start: "2026-04-01", end: "2026-06-30" });
    expect(quarterOf("2028-11-15")).toEqual({ start: "2028-10-01", end: "2028-12-31" });
    expect(itemsAndHours({ items: 1, hours: 6 })).toBe("1 item, 6 hours");
    expect(itemsAndHours({ items: 0, hours: 0 })).toBe("0 items, 0 hours");
    expect(itemsAndHours({ items: 2, hours: 0.1 + 0.2 })).toBe("2 items, 0.3 hours");
    expect(formatHours(1)).toBe("1 hour");
  });
});
