import { z } from "zod";
import { SKILL_LEVELS, type SkillLevel } from "@/lib/domain/enums";
import { LEVEL_CHOICES } from "@/lib/domain/skills";
import { skillNameSchema } from "@/lib/validations/journal";
import { pastDaySchema } from "@/lib/validations/touch";

// Every output below is valid input again: the forms submit the parsed values
// to the actions, which parse them once more.

const CHOOSE_LEVEL = "Choose a level from 1 (Aware) to 5 (Expert).";
const skillId = z.uuid({ error: "Skill not found." });

// A level as a number, or as the select's text (LEVEL_CHOICES). "" is the
// select's "Choose a level": its type is accepted so a form can start there,
// and it is refused like any other non-level.
const levelInput = z.union([z.literal(SKILL_LEVELS), z.enum(LEVEL_CHOICES)], { error: CHOOSE_LEVEL });

export const skillLevelSchema = levelInput.transform((value, ctx) => {
  if (value === "") {
    ctx.addIssue({ code: "custom", message: CHOOSE_LEVEL });
    return z.NEVER;
  }
  return Number(value) as SkillLevel;
});

// A new skill may start with a level; empty means none yet.
const firstLevelSchema = levelInput
  .nullish()
  .transform((level) => (level === "" || level === null || level === undefined ? null : (Number(level) as SkillLevel)));

export const skillCreateSchema = z.object({ name: skillNameSchema, level: firstLevelSchema });

export type SkillCreateInput = z.input<typeof skillCreateSchema>;
export type SkillCreate = z.output<typeof skillCreateSchema>;

export const skillRenameSchema = z.object({ id: skillId, name: skillNameSchema });

export type SkillRenameInput = z.input<typeof skillRenameSchema>;
export type SkillRename = z.output<typeof skillRenameSchema>;

export const skillIdSchema = z.object({ id: skillId });

export type SkillId = z.output<typeof skillIdSchema>;

// The day of the assessment; empty means the user's today. Any zone's today
// passes here; the use case refuses a day after the user's own today.
const assessedOnSchema = z
  .string({ error: "Enter the day of the assessment, or leave it empty for today." })
  .trim()
  .nullish()
  .transform((day) => day || undefined)
  .pipe(
    pastDaySchema({ required: "Enter the day of the assessment.", future: "A level can't be recorded in the future." }).optional(),
  );

export const skillLevelRecordSchema = z.object({ skillId, level: skillLevelSchema, assessedOn: assessedOnSchema });

export type SkillLevelRecordInput = z.input<typeof skillLevelRecordSchema>;
export type SkillLevelRecord = z.output<typeof skillLevelRecordSchema>;

export const skillLevelIdSchema = z.object({ id: z.uuid({ error: "That level was not found." }) });

export type SkillLevelId = z.output<typeof skillLevelIdSchema>;

export const skillTeacherSchema = z.object({
  skillId,
  contactId: z.uuid({ error: "Choose someone from your contacts." }),
});

export type SkillTeacherInput = z.input<typeof skillTeacherSchema>;
export type SkillTeacher = z.output<typeof skillTeacherSchema>;
