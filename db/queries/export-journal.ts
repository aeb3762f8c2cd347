import { and, asc, eq, gt, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { jobRoles, skills, type Win, winPeople, wins, winSkills } from "@/db/schema";
import type { WinPersonPart } from "@/lib/domain/enums";
import { uuidArray } from "./arrays";
import { EXPORT_PAGE_SIZE } from "./export";

// What an export reads of the job journal: roles and skills in one read each
// (a person has a handful of jobs and a few hundred skills at most), wins a
// keyset page at a time like contacts, each page's people and skills
// fetched for that page only.

export async function listExportRoles(db: Db, params: { userId: string }) {
  return db
    .select({
      id: jobRoles.id,
      company: jobRoles.company,
      title: jobRoles.title,
      location: jobRoles.location,
      description: jobRoles.description,
      startedOn: jobRoles.startedOn,
      endedOn: jobRoles.endedOn,
      createdAt: jobRoles.createdAt,
      updatedAt: jobRoles.updatedAt,
    })
    .from(jobRoles)
    .where(eq(jobRoles.userId, params.userId))
    .orderBy(asc(jobRoles.startedOn), asc(jobRoles.id));
}

export type ExportRoleRow = Awaited<ReturnType<typeof listExportRoles>>[number];

export async function listExportSkills(db: Db, params: { userId: string }) {
  return db
    .select({ id: skills.id, name: skills.name, createdAt: skills.createdAt })
    .from(skills)
    .where(eq(skills.userId, params.userId))
    .orderBy(asc(sql`lower(${skills.name})`), asc(skills.id));
}

export type ExportSkillRow = Awaited<ReturnType<typeof listExportSkills>>[number];

export type ExportWinRow = Pick<
  Win,
  | "id"
  | "roleId"
  | "occurredOn"
  | "kind"
  | "title"
  | "what"
  | "result"
  | "metricValue"
  | "metricUnit"
  | "url"
  | "situation"
  | "task"
  | "createdAt"
  | "updatedAt"
> & { people: { contactId: string; part: WinPersonPart }[]; skillIds: string[] };

function groupByWin<T>(pairs: [string, T][]): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const [winId, item] of pairs) {
    const group = groups.get(winId);
    if (group) group.push(item);
    else groups.set(winId, [item]);
  }
  return groups;
}

// One page of the user's wins in id order, each with its people (and the
// part each played) and its skills (two more reads for the whole page).
export async function listExportWins(db: Db, params: { userId: string; afterId?: string; limit?: number }): Promise<ExportWinRow[]> {
  const { userId, afterId, limit = EXPORT_PAGE_SIZE } = params;
  const rows = await db
    .select({
      id: wins.id,
      roleId: wins.roleId,
      occurredOn: wins.occurredOn,
      kind: wins.kind,
      title: wins.title,
      what: wins.what,
      result: wins.result,
      metricValue: wins.metricValue,
      metricUnit: wins.metricUnit,
      url: wins.url,
      situation: wins.situation,
      task: wins.task,
      createdAt: wins.createdAt,
      updatedAt: wins.updatedAt,
    })
    .from(wins)
    .where(and(eq(wins.userId, userId), afterId ? gt(wins.id, afterId) : undefined))
    .orderBy(asc(wins.id))
    .limit(limit);
  if (rows.length === 0) return [];
  const ids = uuidArray(rows.map((row) => row.id));
  const [people, tags] = await Promise.all([
    db
      .select({ winId: winPeople.winId, contactId: winPeople.contactId, part: winPeople.part })
      .from(winPeople)
      .where(and(eq(winPeople.userId, userId), sql`${winPeople.winId} = any(${ids})`))
      .orderBy(asc(winPeople.winId), asc(winPeople.contactId), asc(winPeople.part)),
    db
      .select({ winId: winSkills.winId, skillId: winSkills.skillId })
      .from(winSkills)
      .innerJoin(skills, and(eq(skills.id, winSkills.skillId), eq(skills.userId, userId)))
      .where(and(eq(winSkills.userId, userId), sql`${winSkills.winId} = any(${ids})`))
      .orderBy(asc(winSkills.winId), asc(sql`lower(${skills.name})`), asc(skills.id)),
  ]);
  const peopleOf = groupByWin(people.map(({ winId, contactId, part }) => [winId, { contactId, part }]));
  const skillsOf = groupByWin(tags.map(({ winId, skillId }) => [winId, skillId]));
  return rows.map((row) => ({ ...row, people: peopleOf.get(row.id) ?? [], skillIds: skillsOf.get(row.id) ?? [] }));
}
