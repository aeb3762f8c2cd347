import { randomUUID } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import {
  goals,
  learningItems,
  learningSkills,
  skillLevels,
  skillTeachers,
  steppingStoneChanges,
  steppingStones,
  stoneEvents,
  stonePeople,
  stoneSkills,
  stoneWins,
} from "@/db/schema";
import type { ExportCareer } from "@/lib/validations/kith-export";
import { bulkInsert, insertStatements } from "./bulk-insert";

// The career plan's part of a restore, run inside restoreKithExport's
// transaction after the contacts, events and journal, whose new ids its
// references need. Every id the file names has been checked to be in the
// file (checkCareerReferences), so each resolves through these maps.

export type RestoredIds = {
  contactIds: Map<string, string>;
  eventIds: Map<string, string>;
  roleIds: Map<string, string>;
  skillIds: Map<string, string>;
  winIds: Map<string, string>;
};

const at = (iso: string) => new Date(iso);

function mapped(ids: Map<string, string>, oldId: string): string {
  const newId = ids.get(oldId);
  // The schema has checked every reference, so this is a bug, not bad input.
  if (!newId) throw new Error(`restore: unmapped id ${oldId}`);
  return newId;
}

// Two of the file's skills may have become one (restoreByName), so a list
// of skills can name one twice once mapped: each once.
function uniqueMapped(ids: Map<string, string>, oldIds: string[]): string[] {
  return [...new Set(oldIds.map((oldId) => mapped(ids, oldId)))];
}

// The account may have set a north star before restoring: it stays the one.
async function hasNorthStar(tx: Db, userId: string): Promise<boolean> {
  const [row] = await tx
    .select({ id: goals.id })
    .from(goals)
    .where(and(eq(goals.userId, userId), eq(goals.isNorthStar, true)));
  return row !== undefined;
}

async function restoreGoals(tx: Db, userId: string, career: ExportCareer, ids: RestoredIds): Promise<void> {
  const keepsNorthStar = await hasNorthStar(tx, userId);
  const goalIds = new Map(career.goals.map((goal) => [goal.id, randomUUID()]));
  await bulkInsert(
    tx,
    goals,
    career.goals.map((goal) => ({
      id: mapped(goalIds, goal.id),
      userId,
      title: goal.title,
      why: goal.why,
      horizonOn: goal.horizonOn,
      status: goal.status,
      isNorthStar: goal.isNorthStar && !keepsNorthStar,
      createdAt: at(goal.createdAt),
      updatedAt: at(goal.updatedAt),
    })),
  );
  const stones = career.goals.flatMap((goal) =>
    goal.stones.map((stone, position) => ({ goalId: mapped(goalIds, goal.id), position, stone, newId: randomUUID() })),
  );
  await bulkInsert(
    tx,
    steppingStones,
    stones.map(({ goalId, position, stone, newId }) => ({
      id: newId,
      userId,
      goalId,
      position,
      kind: stone.kind,
      title: stone.title,
      notes: stone.notes,
      targetOn: stone.targetOn,
      status: stone.status,
      completedOn: stone.completedOn,
      roleId: stone.roleId === null ? null : mapped(ids.roleIds, stone.roleId),
      createdAt: at(stone.createdAt),
      updatedAt: at(stone.updatedAt),
    })),
  );
  await bulkInsert(
    tx,
    steppingStoneChanges,
    stones.flatMap(({ stone, newId }) =>
      stone.history.map((entry) => ({
        userId,
        stoneId: newId,
        change: entry.change,
        fromValue: entry.from,
        toValue: entry.to,
        // The rows go to the database as JSON, so the instant goes as the
        // file writes it, to the microsecond: a Date would cut it to the
        // millisecond and tie changes that the history orders by time.
        changedAt: entry.changedAt as unknown as Date,
      })),
    ),
  );
  await bulkInsert(
    tx,
    stoneSkills,
    stones.flatMap(({ stone, newId }) =>
      uniqueMapped(ids.skillIds, stone.skillIds).map((skillId) => ({ userId, stoneId: newId, skillId })),
    ),
  );
  await bulkInsert(
    tx,
    stonePeople,
    stones.flatMap(({ stone, newId }) =>
      stone.people.map((person) => ({
        userId,
        stoneId: newId,
        contactId: mapped(ids.contactIds, person.contactId),
        part: person.part,
        note: person.note,
      })),
    ),
  );
  await bulkInsert(
    tx,
    stoneWins,
    stones.flatMap(({ stone, newId }) => stone.winIds.map((winId) => ({ userId, stoneId: newId, winId: mapped(ids.winIds, winId) }))),
  );
  await bulkInsert(
    tx,
    stoneEvents,
    stones.flatMap(({ stone, newId }) =>
      stone.eventIds.map((eventId) => ({ userId, stoneId: newId, eventId: mapped(ids.eventIds, eventId) })),
    ),
  );
}

async function restoreSkillProgress(tx: Db, userId: string, career: ExportCareer, ids: RestoredIds): Promise<void> {
  // A level the account already has for that skill on that day is kept, as
  // is the first of two file skills that became one.
  const levels = career.skills.flatMap((progress) =>
    progress.levels.map((level) => ({
      userId,
      skillId: mapped(ids.skillIds, progress.skillId),
      level: level.level,
      assessedOn: level.assessedOn,
      createdAt: at(level.createdAt),
    })),
  );
  for (const statement of insertStatements(skillLevels, levels)) await tx.execute(sql`${statement} on conflict do nothing`);
  const teachers = new Map<string, { userId: string; skillId: string; contactId: string }>();
  for (const progress of career.skills) {
    const skillId = mapped(ids.skillIds, progress.skillId);
    for (const teacherId of progress.teacherIds) {
      const contactId = mapped(ids.contactIds, teacherId);
      teachers.set(`${skillId} ${contactId}`, { userId, skillId, contactId });
    }
  }
  await bulkInsert(tx, skillTeachers, [...teachers.values()]);
}

async function restoreLearning(tx: Db, userId: string, career: ExportCareer, ids: RestoredIds): Promise<void> {
  const itemIds = new Map(career.learning.map((item) => [item.id, randomUUID()]));
  await bulkInsert(
    tx,
    learningItems,
    career.learning.map((item) => ({
      id: mapped(itemIds, item.id),
      userId,
      title: item.title,
      kind: item.kind,
      status: item.status,
      startedOn: item.startedOn,
      finishedOn: item.finishedOn,
      hours: item.hours,
      mentorId: item.mentorId === null ? null : mapped(ids.contactIds, item.mentorId),
      url: item.url,
      notes: item.notes,
      createdAt: at(item.createdAt),
      updatedAt: at(item.updatedAt),
    })),
  );
  await bulkInsert(
    tx,
    learningSkills,
    career.learning.flatMap((item) =>
      uniqueMapped(ids.skillIds, item.skillIds).map((skillId) => ({ userId, itemId: mapped(itemIds, item.id), skillId })),
    ),
  );
}

export async function restoreCareer(tx: Db, params: { userId: string; career: ExportCareer; ids: RestoredIds }): Promise<void> {
  const { userId, career, ids } = params;
  await restoreGoals(tx, userId, career, ids);
  await restoreSkillProgress(tx, userId, career, ids);
  await restoreLearning(tx, userId, career, ids);
}
