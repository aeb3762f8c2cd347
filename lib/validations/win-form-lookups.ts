import { z } from "zod";
import { MAX_SKILL_NAME_LENGTH } from "@/lib/domain/limits";

// What the record-a-win form looks up while it is open.

export const skillSearchSchema = z.object({
  q: z
    .string({ error: "Type a skill to search." })
    .trim()
    .max(MAX_SKILL_NAME_LENGTH, `Type fewer than ${MAX_SKILL_NAME_LENGTH} characters.`),
});

export type SkillSearch = z.output<typeof skillSearchSchema>;

// The role list takes nothing: the user comes from the session.
export const roleOptionsSchema = z.object({});

export type RoleOptionsInput = z.output<typeof roleOptionsSchema>;
