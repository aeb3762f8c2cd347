import {
  countSkillTags,
  deleteSkill as removeSkill,
  deleteSkillLevel,
  deleteSkillTeacher,
  insertSkill,
  insertSkillTeacher,
  ownsSkill,
  renameSkill as writeSkillName,
  upsertSkillLevel,
} from "@/db/queries/career-skills";
import { countOwnedContacts } from "@/db/queries/touches";
import { getUserSettings } from "@/db/queries/users";
import type { Db } from "@/db/client";
import type { ActionContext } from "@/lib/actions/define-action";
import { type ActionResult, fail, ok } from "@/lib/actions/result";
import { todayIn } from "@/lib/domain/dates";
import type {
  SkillCreate,
  SkillId,
  SkillLevelId,
  SkillLevelRecord,
  SkillRename,
  SkillTeacher,
} from "@/lib/validations/skills";

const NOT_FOUND = "Skill not found.";

function nameTaken(name: string): ActionResult<never> {
  return fail("Choose another name.", { name: [`You already have a skill called “${name}”.`] });
}

async function userToday(db: Db, userId: string): Promise<string> {
  const settings = await getUserSettings(db, { userId });
  return todayIn(settings?.timeZone ?? null);
}

// A new skill, assessed today where the user lives when a first level is given.
export async function addSkill(input: SkillCreate, ctx: ActionContext): Promise<ActionResult<{ id: string; name: string }>> {
  const { userId, db } = ctx;
  const today = input.level === null ? null : await userToday(db, userId);
  const created = await db.transaction(async (tx) => {
    const row = await insertSkill(tx, { userId, name: input.name });
    if (row && input.level !== null && today !== null) {
      await upsertSkillLevel(tx, { userId, skillId: row.id, level: input.level, assessedOn: today });
    }
    return row;
  });
  return created ? ok({ id: created.id, name: input.name }) : nameTaken(input.name);
}

// skills_user_name_key (user_id, lower(name)) judges a clash with another of
// the user's skills, so a concurrent rename cannot slip past a check.
export async function renameSkill(input: SkillRename, ctx: ActionContext): Promise<ActionResult<{ id: string; name: string }>> {
  const renamed = await writeSkillName(ctx.db, { userId: ctx.userId, skillId: input.id, name: input.name }).catch(
    (error: unknown) => {
      if (isUniqueViolation(error)) return "taken" as const;
      throw error;
    },
  );
  if (renamed === "taken") return nameTaken(input.name);
  return renamed ? ok(renamed) : fail(NOT_FOUND);
}

// PostgreSQL's unique_violation, wherever the driver puts it (drizzle wraps
// the driver's error as its cause).
function isUniqueViolation(error: unknown): boolean {
  for (let cause = error; typeof cause === "object" && cause !== null; cause = (cause as { cause?: unknown }).cause) {
    if ((cause as { code?: unknown }).code === "23505") return true;
  }
  return false;
}

// The wins, learning items and stepping stones it tagged stay, untagged;
// the counts say how many.
export async function deleteSkill(
  input: SkillId,
  ctx: ActionContext,
): Promise<ActionResult<{ id: string; name: string; winCount: number; learningCount: number; stoneCount: number }>> {
  const params = { userId: ctx.userId, skillId: input.id };
  const deleted = await ctx.db.transaction(async (tx) => {
    const tags = await countSkillTags(tx, params);
    const row = tags ? await removeSkill(tx, params) : undefined;
    return row && tags ? { ...row, ...tags } : undefined;
  });
  return deleted ? ok(deleted) : fail(NOT_FOUND);
}

// The level on a day (the user's today when none is given); recording the
// same day again replaces it.
export async function recordSkillLevel(
  input: SkillLevelRecord,
  ctx: ActionContext,
): Promise<ActionResult<{ id: string; assessedOn: string }>> {
  const { userId, db } = ctx;
  const today = await userToday(db, userId);
  const assessedOn = input.assessedOn ?? today;
  if (assessedOn > today) {
    return fail("Choose another day.", { assessedOn: ["A level can't be recorded in the future."] });
  }
  const row = await upsertSkillLevel(db, { userId, skillId: input.skillId, level: input.level, assessedOn });
  return row ? ok({ id: row.id, assessedOn }) : fail(NOT_FOUND);
}

export async function deleteLevel(input: SkillLevelId, ctx: ActionContext): Promise<ActionResult<{ id: string; skillId: string }>> {
  const row = await deleteSkillLevel(ctx.db, { userId: ctx.userId, levelId: input.id });
  return row ? ok(row) : fail("That level was not found.");
}

// A contact of the user's who could teach them the skill.
export async function addTeacher(input: SkillTeacher, ctx: ActionContext): Promise<ActionResult<{ contactId: string }>> {
  const { userId, db } = ctx;
  return db.transaction(async (tx) => {
    if (!(await ownsSkill(tx, { userId, skillId: input.skillId }))) return fail(NOT_FOUND);
    if ((await countOwnedContacts(tx, { userId, contactIds: [input.contactId] })) !== 1) {
      return fail("Contact not found.", { contactId: ["Choose someone from your contacts."] });
    }
    await insertSkillTeacher(tx, { userId, ...input });
    return ok({ contactId: input.contactId });
  });
}

export async function removeTeacher(input: SkillTeacher, ctx: ActionContext): Promise<ActionResult<{ contactId: string }>> {
  const row = await deleteSkillTeacher(ctx.db, { userId: ctx.userId, ...input });
  return row ? ok(row) : fail("That teacher was not found.");
}
