import { and, asc, eq, gt, sql } from "drizzle-orm";
import type { PgColumn } from "drizzle-orm/pg-core";
import type { Db } from "@/db/client";
import {
  type Goal,
  goals,
  type LearningItem,
  learningItems,
  learningSkills,
  skillLevels,
  skills,
  skillTeachers,
  type SteppingStone,
  steppingStoneChanges,
  steppingStones,
  stoneEvents,
  stonePeople,
  stoneSkills,
  stoneWins,
} from "@/db/schema";
import type { SkillLevel, StoneChange, StonePersonPart } from "@/lib/domain/enums";
import { uuidArray } from "./arrays";
import { EXPORT_PAGE_SIZE } from "./export";

// What an export reads of the career plan, a keyset page at a time like the
// wins: goals (each page's stepping stones, their history and links read
// for that page only), skills with their levels and teachers, and the
// learning log. Every read names the user, the link tables included.

type Page = { userId: string; afterId?: string; limit?: number };

function groupBy<T>(pairs: [string, T][]): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const [key, item] of pairs) {
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}

export type ExportStoneRow = Pick<
  SteppingStone,
  "id" | "kind" | "title" | "notes" | "targetOn" | "status" | "completedOn" | "roleId" | "createdAt" | "updatedAt"
> & {
  // changedAt to the microsecond (a Date keeps milliseconds): a goal's
  // changes are strictly ordered in time, often within one millisecond.
  history: { change: StoneChange; fromValue: string | null; toValue: string | null; changedAt: string }[];
  skillIds: string[];
  people: { contactId: string; part: StonePersonPart; note: string | null }[];
  winIds: string[];
  eventIds: string[];
};

export type ExportGoalRow = Pick<Goal, "id" | "title" | "why" | "horizonOn" | "status" | "isNorthStar" | "createdAt" | "updatedAt"> & {
  stones: ExportStoneRow[];
};

// One page of the user's goals in id order, each with its stepping stones
// in the path's order (five more reads for the whole page's stones).
export async function listExportGoals(db: Db, params: Page): Promise<ExportGoalRow[]> {
  const { userId, afterId, limit = EXPORT_PAGE_SIZE } = params;
  const rows = await db
    .select({
      id: goals.id,
      title: goals.title,
      why: goals.why,
      horizonOn: goals.horizonOn,
      status: goals.status,
      isNorthStar: goals.isNorthStar,
      createdAt: goals.createdAt,
      updatedAt: goals.updatedAt,
    })
    .from(goals)
    .where(and(eq(goals.userId, userId), afterId ? gt(goals.id, afterId) : undefined))
    .orderBy(asc(goals.id))
    .limit(limit);
  if (rows.length === 0) return [];
  const goalIds = uuidArray(rows.map((row) => row.id));
  // The page's stones, for the link tables to join on.
  const ofPage = (stoneId: PgColumn) =>
    sql`${stoneId} in (select ${steppingStones.id} from ${steppingStones} where ${steppingStones.userId} = ${userId} and ${steppingStones.goalId} = any(${goalIds}))`;
  const [stones, history, tags, people, evidence, events] = await Promise.all([
    db
      .select({
        goalId: steppingStones.goalId,
        id: steppingStones.id,
        kind: steppingStones.kind,
        title: steppingStones.title,
        notes: steppingStones.notes,
        targetOn: steppingStones.targetOn,
        status: steppingStones.status,
        completedOn: steppingStones.completedOn,
        roleId: steppingStones.roleId,
        createdAt: steppingStones.createdAt,
        updatedAt: steppingStones.updatedAt,
      })
      .from(steppingStones)
      .where(and(eq(steppingStones.userId, userId), sql`${steppingStones.goalId} = any(${goalIds})`))
      .orderBy(asc(steppingStones.goalId), asc(steppingStones.position)),
    db
      .select({
        stoneId: steppingStoneChanges.stoneId,
        change: steppingStoneChanges.change,
        fromValue: steppingStoneChanges.fromValue,
        toValue: steppingStoneChanges.toValue,
        changedAt: sql<string>`to_char(${steppingStoneChanges.changedAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`,
      })
      .from(steppingStoneChanges)
      .where(and(eq(steppingStoneChanges.userId, userId), ofPage(steppingStoneChanges.stoneId)))
      .orderBy(asc(steppingStoneChanges.stoneId), asc(steppingStoneChanges.changedAt), asc(steppingStoneChanges.id)),
    db
      .select({ stoneId: stoneSkills.stoneId, skillId: stoneSkills.skillId })
      .from(stoneSkills)
      .innerJoin(skills, and(eq(skills.id, stoneSkills.skillId), eq(skills.userId, userId)))
      .where(and(eq(stoneSkills.userId, userId), ofPage(stoneSkills.stoneId)))
      .orderBy(asc(stoneSkills.stoneId), asc(sql`lower(${skills.name})`), asc(skills.id)),
    db
      .select({ stoneId: stonePeople.stoneId, contactId: stonePeople.contactId, part: stonePeople.part, note: stonePeople.note })
      .from(stonePeople)
      .where(and(eq(stonePeople.userId, userId), ofPage(stonePeople.stoneId)))
      .orderBy(asc(stonePeople.stoneId), asc(stonePeople.contactId)),
    db
      .select({ stoneId: stoneWins.stoneId, winId: stoneWins.winId })
      .from(stoneWins)
      .where(and(eq(stoneWins.userId, userId), ofPage(stoneWins.stoneId)))
      .orderBy(asc(stoneWins.stoneId), asc(stoneWins.winId)),
    db
      .select({ stoneId: stoneEvents.stoneId, eventId: stoneEvents.eventId })
      .from(stoneEvents)
      .where(and(eq(stoneEvents.userId, userId), ofPage(stoneEvents.stoneId)))
      .orderBy(asc(stoneEvents.stoneId), asc(stoneEvents.eventId)),
  ]);
  const historyOf = groupBy(history.map(({ stoneId, ...change }) => [stoneId, change]));
  const skillsOf = groupBy(tags.map(({ stoneId, skillId }) => [stoneId, skillId]));
  const peopleOf = groupBy(people.map(({ stoneId, ...person }) => [stoneId, person]));
  const winsOf = groupBy(evidence.map(({ stoneId, winId }) => [stoneId, winId]));
  const eventsOf = groupBy(events.map(({ stoneId, eventId }) => [stoneId, eventId]));
  const stonesOf = groupBy(
    stones.map(({ goalId, ...stone }): [string, ExportStoneRow] => [
      goalId,
      {
        ...stone,
        history: historyOf.get(stone.id) ?? [],
        skillIds: skillsOf.get(stone.id) ?? [],
        people: peopleOf.get(stone.id) ?? [],
        winIds: winsOf.get(stone.id) ?? [],
        eventIds: eventsOf.get(stone.id) ?? [],
      },
    ]),
  );
  return rows.map((row) => ({ ...row, stones: stonesOf.get(row.id) ?? [] }));
}

export type ExportSkillProgressRow = {
  id: string;
  levels: { level: SkillLevel; assessedOn: string; createdAt: Date }[];
  teacherIds: string[];
};

// One page of the user's skills in id order, each with its levels (oldest
// first) and the contacts who can teach it; most have neither.
export async function listExportSkillProgress(db: Db, params: Page): Promise<ExportSkillProgressRow[]> {
  const { userId, afterId, limit = EXPORT_PAGE_SIZE } = params;
  const rows = await db
    .select({ id: skills.id })
    .from(skills)
    .where(and(eq(skills.userId, userId), afterId ? gt(skills.id, afterId) : undefined))
    .orderBy(asc(skills.id))
    .limit(limit);
  if (rows.length === 0) return [];
  const ids = uuidArray(rows.map((row) => row.id));
  const [levels, teachers] = await Promise.all([
    db
      .select({
        skillId: skillLevels.skillId,
        level: skillLevels.level,
        assessedOn: skillLevels.assessedOn,
        createdAt: skillLevels.createdAt,
      })
      .from(skillLevels)
      .where(and(eq(skillLevels.userId, userId), sql`${skillLevels.skillId} = any(${ids})`))
      .orderBy(asc(skillLevels.skillId), asc(skillLevels.assessedOn)),
    db
      .select({ skillId: skillTeachers.skillId, contactId: skillTeachers.contactId })
      .from(skillTeachers)
      .where(and(eq(skillTeachers.userId, userId), sql`${skillTeachers.skillId} = any(${ids})`))
      .orderBy(asc(skillTeachers.skillId), asc(skillTeachers.contactId)),
  ]);
  // The column is a smallint the table checks to be 1–5.
  const levelsOf = groupBy(levels.map(({ skillId, level, ...rest }) => [skillId, { level: level as SkillLevel, ...rest }]));
  const teachersOf = groupBy(teachers.map(({ skillId, contactId }) => [skillId, contactId]));
  return rows.map((row) => ({ id: row.id, levels: levelsOf.get(row.id) ?? [], teacherIds: teachersOf.get(row.id) ?? [] }));
}

export type ExportLearningRow = Pick<
  LearningItem,
  "id" | "title" | "kind" | "status" | "startedOn" | "finishedOn" | "hours" | "mentorId" | "url" | "notes" | "createdAt" | "updatedAt"
> & { skillIds: string[] };

// One page of the learning log in id order, each item with its skills.
export async function listExportLearning(db: Db, params: Page): Promise<ExportLearningRow[]> {
  const { userId, afterId, limit = EXPORT_PAGE_SIZE } = params;
  const rows = await db
    .select({
      id: learningItems.id,
      title: learningItems.title,
      kind: learningItems.kind,
      status: learningItems.status,
      startedOn: learningItems.startedOn,
      finishedOn: learningItems.finishedOn,
      hours: learningItems.hours,
      mentorId: learningItems.mentorId,
      url: learningItems.url,
      notes: learningItems.notes,
      createdAt: learningItems.createdAt,
      updatedAt: learningItems.updatedAt,
    })
    .from(learningItems)
    .where(and(eq(learningItems.userId, userId), afterId ? gt(learningItems.id, afterId) : undefined))
    .orderBy(asc(learningItems.id))
    .limit(limit);
  if (rows.length === 0) return [];
  const tags = await db
    .select({ itemId: learningSkills.itemId, skillId: learningSkills.skillId })
    .from(learningSkills)
    .innerJoin(skills, and(eq(skills.id, learningSkills.skillId), eq(skills.userId, userId)))
    .where(and(eq(learningSkills.userId, userId), sql`${learningSkills.itemId} = any(${uuidArray(rows.map((row) => row.id))})`))
    .orderBy(asc(learningSkills.itemId), asc(sql`lower(${skills.name})`), asc(skills.id));
  const skillsOf = groupBy(tags.map(({ itemId, skillId }) => [itemId, skillId]));
  return rows.map((row) => ({ ...row, skillIds: skillsOf.get(row.id) ?? [] }));
}
