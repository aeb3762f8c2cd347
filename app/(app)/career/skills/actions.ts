"use server";

import { revalidatePath } from "next/cache";
import { authedAction } from "@/lib/actions/authed-action";
import type { ActionResult } from "@/lib/actions/result";
import {
  addSkill as addSkillUseCase,
  addTeacher,
  deleteLevel,
  deleteSkill as deleteSkillUseCase,
  recordSkillLevel as recordSkillLevelUseCase,
  removeTeacher,
  renameSkill as renameSkillUseCase,
} from "@/lib/career/skills";
import {
  type SkillCreateInput,
  skillCreateSchema,
  skillIdSchema,
  skillLevelIdSchema,
  type SkillLevelRecordInput,
  skillLevelRecordSchema,
  type SkillRenameInput,
  skillRenameSchema,
  type SkillTeacherInput,
  skillTeacherSchema,
} from "@/lib/validations/skills";

const add = authedAction(skillCreateSchema, addSkillUseCase);
const rename = authedAction(skillRenameSchema, renameSkillUseCase);
const remove = authedAction(skillIdSchema, deleteSkillUseCase);
const record = authedAction(skillLevelRecordSchema, recordSkillLevelUseCase);
const removeLevel = authedAction(skillLevelIdSchema, deleteLevel);
const teach = authedAction(skillTeacherSchema, addTeacher);
const unteach = authedAction(skillTeacherSchema, removeTeacher);

function revalidated<T>(result: ActionResult<T>): ActionResult<T> {
  // Skills are named wherever wins are (the journal, its filters, the win
  // form's suggestions) and on the Career page.
  if (result.ok) revalidatePath("/", "layout");
  return result;
}

export async function addSkill(input: SkillCreateInput) {
  return revalidated(await add(input));
}

export async function renameSkill(input: SkillRenameInput) {
  return revalidated(await rename(input));
}

export async function deleteSkill(id: string) {
  return revalidated(await remove({ id }));
}

export async function recordSkillLevel(input: SkillLevelRecordInput) {
  return revalidated(await record(input));
}

export async function deleteSkillLevel(id: string) {
  return revalidated(await removeLevel({ id }));
}

export async function addSkillTeacher(input: SkillTeacherInput) {
  return revalidated(await teach(input));
}

export async function removeSkillTeacher(input: SkillTeacherInput) {
  return revalidated(await unteach(input));
}
