import { describe, expect, it } from "vitest";
import { levelChoice } from "@/lib/domain/skills";
import { skillCreateSchema, skillLevelRecordSchema } from "@/lib/validations/skills";

const SKILL_ID = "5f0c6f3e-2b1a-4c8e-9a47-0d6b1e2f3a4b";

describe("the skills' schemas", () => {
  it("read a level as a number or the select's text, and an empty first level as none", () => {
    expect(skillCreateSchema.parse({ name: " Kotlin ", level: "3" })).toEqual({ name: "Kotlin", level: 3 });
    expect(skillCreateSchema.parse({ name: "Kotlin", level: 5 })).toEqual({ name: "Kotlin", level: 5 });
    for (const level of ["", null, undefined]) {
      expect(skillCreateSchema.parse({ name: "Kotlin", level })).toEqual({ name: "Kotlin", level: null });
    }
  });

  it("refuse any other level, at the level field", () => {
    for (const level of [0, 6, 2.5, "6", " 3", "three", "1e0", true, {}, Promise.resolve(3)]) {
      const result = skillCreateSchema.safeParse({ name: "Kotlin", level });
      expect(result.success).toBe(false);
      expect(result.error?.issues.map((issue) => issue.path.join("."))).toEqual(["level"]);
    }
  });

  it("date a level on the given day, or none for the user's today", () => {
    const base = { skillId: SKILL_ID, level: "2" };
    expect(skillLevelRecordSchema.parse({ ...base, assessedOn: " 2025-03-01 " })).toEqual({ skillId: SKILL_ID, level: 2, assessedOn: "2025-03-01" });
    expect(skillLevelRecordSchema.parse({ ...base, assessedOn: "" }).assessedOn).toBeUndefined();
    expect(skillLevelRecordSchema.parse(base).assessedOn).toBeUndefined();
    expect(skillLevelRecordSchema.safeParse({ ...base, assessedOn: "2025-02-30" }).error?.issues[0]?.message).toMatch(/real date/);
    expect(skillLevelRecordSchema.safeParse({ ...base, assessedOn: "2999-01-01" }).error?.issues[0]?.message).toBe(
      "A level can't be recorded in the future.",
    );
    expect(skillLevelRecordSchema.safeParse({ ...base, assessedOn: Promise.resolve("2025-01-01") }).success).toBe(false);
  });

  it("offer a level to the select as its text, and none as Choose a level", () => {
    expect(levelChoice(4)).toBe("4");
    expect(levelChoice(null)).toBe("");
    expect(levelChoice(9)).toBe("");
    expect(skillLevelRecordSchema.safeParse({ skillId: SKILL_ID, level: levelChoice(null) }).error?.issues[0]?.path).toEqual(["level"]);
  });

  it("give back output that parses to itself", () => {
    const once = skillLevelRecordSchema.parse({ skillId: SKILL_ID, level: "4", assessedOn: "" });
    expect(skillLevelRecordSchema.parse(once)).toEqual(once);
    const created = skillCreateSchema.parse({ name: "Go", level: "" });
    expect(skillCreateSchema.parse(created)).toEqual(created);
  });
});
