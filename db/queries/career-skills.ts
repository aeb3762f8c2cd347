import { and, asc, desc, eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import {
  contacts,
  learningItems,
  learningSkills,
  skillLevels,
  skillTeachers,
  skills,
  stoneSkills,
  winSkills,
  wins,
} from "@/db/schema";
import { z } from "zod";
import type { SkillDetail, SkillRow } from "@/lib/domain/skills";
import { rowsOf } from "./rows";

type RawSkillRow = {
  id: string;
  name: string;
  level: number | null;
  assessed_on: string | null;
  previous_level: number | null;
  last_used_on: string | null;
  win_count: number;
  learning_hours: number;
  learning_count: number;
  teacher_count: number;
  stone_count: number;
};

// One statement however many skills. The latest two levels come through
// skill_levels_skill_day_key backwards, a skill's wins through
// win_skills_skill_occurred_idx alone (an index-only scan: the skill is the
// user's, so are its tags; a user_id filter would read every tag's row), and
// the learning hours from one pass over the user's learning items. Dates come
// back as text so both drivers give the same 'YYYY-MM-DD'.
function skillRowsSql(userId: string, skillId?: string) {
  return sql`
    select s.id, s.name,
      lv.level, lv.assessed_on, lv.previous_level,
      ws.last_used_on, ws.win_count,
      coalesce(ls.learning_hours, 0)::float8 as learning_hours, coalesce(ls.learning_count, 0)::int as learning_count,
      st.teacher_count, ss.stone_count
    from ${skills} s
    left join lateral (
      select l.level::int as level, l.assessed_on::text as assessed_on,
        lead(l.level) over (order by l.assessed_on desc)::int as previous_level
      from ${skillLevels} l
      where l.skill_id = s.id and l.user_id = s.user_id
      order by l.assessed_on desc
      limit 1
    ) lv on true
    cross join lateral (
      select max(w.occurred_on)::text as last_used_on, count(*)::int as win_count
      from ${winSkills} w
      where w.skill_id = s.id
    ) ws
    left join (
      select k.skill_id, sum(i.hours) as learning_hours, count(*) as learning_count
      from ${learningItems} i
      join ${learningSkills} k on k.item_id = i.id and k.user_id = i.user_id
      where i.user_id = ${userId}::uuid
      group by k.skill_id
    ) ls on ls.skill_id = s.id
    cross join lateral (
      select count(*)::int as teacher_count
      from ${skillTeachers} t
      join ${contacts} c on c.id = t.contact_id and c.user_id = s.user_id
      where t.skill_id = s.id and t.user_id = s.user_id
    ) st
    cross join lateral (
      select count(*)::int as stone_count
      from ${stoneSkills} g
      where g.skill_id = s.id and g.user_id = s.user_id
    ) ss
    where s.user_id = ${userId}::uuid ${skillId ? sql`and s.id = ${skillId}::uuid` : sql``}
    order by lower(s.name), s.id`;
}

function toSkillRow(row: RawSkillRow): SkillRow {
  return {
    id: row.id,
    name: row.name,
    level: row.level === null ? null : Number(row.level),
    assessedOn: row.assessed_on,
    previousLevel: row.previous_level === null ? null : Number(row.previous_level),
    lastUsedOn: row.last_used_on,
    winCount: Number(row.win_count),
    learningHours: Number(row.learning_hours),
    learningCount: Number(row.learning_count),
    teacherCount: Number(row.teacher_count),
    stoneCount: Number(row.stone_count),
  };
}

// The user's skills by name, each with its level, trend, last use, learning
// hours and teachers, in one query.
export async function listSkillRows(db: Db, params: { userId: string }): Promise<SkillRow[]> {
  return rowsOf<RawSkillRow>(await db.execute(skillRowsSql(params.userId))).map(toSkillRow);
}

export const RECENT_SKILL_WINS = 10;

// One skill's page: its summary, every assessment in date order, its teachers
// by name, its latest wins and the learning items that build it. Undefined
// when the skill is not the user's. Five queries.
export async function getSkillDetail(db: Db, params: { userId: string; skillId: string }): Promise<SkillDetail | undefined> {
  const { userId, skillId } = params;
  // The id comes from the URL: anything but a uuid names no skill.
  if (!z.uuid().safeParse(skillId).success) return undefined;
  const [summary] = rowsOf<RawSkillRow>(await db.execute(skillRowsSql(userId, skillId)));
  if (!summary) return undefined;
  const [levels, teachers, recentWins, learning] = await Promise.all([
    db
      .select({ id: skillLevels.id, level: skillLevels.level, assessedOn: skillLevels.assessedOn })
      .from(skillLevels)
      .where(and(eq(skillLevels.skillId, skillId), eq(skillLevels.userId, userId)))
      .orderBy(asc(skillLevels.assessedOn)),
    db
      .select({ contactId: contacts.id, name: contacts.name })
      .from(skillTeachers)
      .innerJoin(contacts, and(eq(contacts.id, skillTeachers.contactId), eq(contacts.userId, userId)))
      .where(and(eq(skillTeachers.skillId, skillId), eq(skillTeachers.userId, userId)))
      .orderBy(asc(sql`lower(${contacts.name})`), asc(contacts.id)),
    db
      .select({ id: wins.id, title: wins.title, kind: wins.kind, occurredOn: wins.occurredOn })
      .from(winSkills)
      .innerJoin(wins, and(eq(wins.id, winSkills.winId), eq(wins.userId, userId)))
      .where(and(eq(winSkills.skillId, skillId), eq(winSkills.userId, userId)))
      .orderBy(desc(winSkills.occurredOn), desc(winSkills.winId))
      .limit(RECENT_SKILL_WINS),
    db
      .select({
        id: learningItems.id,
        title: learningItems.title,
        kind: learningItems.kind,
        status: learningItems.status,
        hours: learningItems.hours,
        startedOn: learningItems.startedOn,
        finishedOn: learningItems.finishedOn,
      })
      .from(learningSkills)
      .innerJoin(learningItems, and(eq(learningItems.id, learningSkills.itemId), eq(learningItems.userId, userId)))
      .where(and(eq(learningSkills.skillId, skillId), eq(learningSkills.userId, userId)))
      .orderBy(
        sql`coalesce(${learningItems.finishedOn}, ${learningItems.startedOn}) desc nulls last`,
        asc(sql`lower(${learningItems.title})`),
        asc(learningItems.id),
      ),
  ]);
  return { ...toSkillRow(summary), levels, teachers, recentWins, learning };
}

export async function ownsSkill(db: Db, params: { userId: string; skillId: string }): Promise<boolean> {
  const [row] = await db
    .select({ id: skills.id })
    .from(skills)
    .where(and(eq(skills.id, params.skillId), eq(skills.userId, params.userId)));
  return row !== undefined;
}

// Undefined when the user already has a skill of that name, in any case.
export async function insertSkill(db: Db, params: { userId: string; name: string }): Promise<{ id: string } | undefined> {
  const [row] = await db
    .insert(skills)
    .values({ userId: params.userId, name: params.name })
    .onConflictDoNothing()
    .returning({ id: skills.id });
  return row;
}

// Throws unique_violation when the user has another skill of that name.
export async function renameSkill(
  db: Db,
  params: { userId: string; skillId: string; name: string },
): Promise<{ id: string; name: string } | undefined> {
  const [row] = await db
    .update(skills)
    .set({ name: params.name })
    .where(and(eq(skills.id, params.skillId), eq(skills.userId, params.userId)))
    .returning({ id: skills.id, name: skills.name });
  return row;
}

// Its levels, teachers and tags (on wins, learning items and stepping stones)
// go with it, by cascade; the wins and items themselves stay.
export async function deleteSkill(
  db: Db,
  params: { userId: string; skillId: string },
): Promise<{ id: string; name: string } | undefined> {
  const [row] = await db
    .delete(skills)
    .where(and(eq(skills.id, params.skillId), eq(skills.userId, params.userId)))
    .returning({ id: skills.id, name: skills.name });
  return row;
}

// What deleting the skill untags: the counts its confirmation states.
export async function countSkillTags(
  db: Db,
  params: { userId: string; skillId: string },
): Promise<{ winCount: number; learningCount: number; stoneCount: number } | undefined> {
  const [row] = rowsOf<RawSkillRow>(await db.execute(skillRowsSql(params.userId, params.skillId)));
  if (!row) return undefined;
  const { winCount, learningCount, stoneCount } = toSkillRow(row);
  return { winCount, learningCount, stoneCount };
}

// The level of one of the user's skills on a day; a second assessment the
// same day replaces the first (skill_levels_skill_day_key). Undefined when the
// skill is not the user's: the insert selects the skill with its owner.
export async function upsertSkillLevel(
  db: Db,
  params: { userId: string; skillId: string; level: number; assessedOn: string },
): Promise<{ id: string } | undefined> {
  const { userId, skillId, level, assessedOn } = params;
  const [row] = rowsOf<{ id: string }>(
    await db.execute(sql`
      insert into ${skillLevels} (user_id, skill_id, level, assessed_on)
      select s.user_id, s.id, ${level}, ${assessedOn}::date
      from ${skills} s
      where s.id = ${skillId}::uuid and s.user_id = ${userId}::uuid
      on conflict (skill_id, assessed_on) do update set level = excluded.level, created_at = now()
      returning id`),
  );
  return row;
}

export async function deleteSkillLevel(
  db: Db,
  params: { userId: string; levelId: string },
): Promise<{ id: string; skillId: string } | undefined> {
  const [row] = await db
    .delete(skillLevels)
    .where(and(eq(skillLevels.id, params.levelId), eq(skillLevels.userId, params.userId)))
    .returning({ id: skillLevels.id, skillId: skillLevels.skillId });
  return row;
}

// Adding a teacher twice keeps one row.
export async function insertSkillTeacher(
  db: Db,
  params: { userId: string; skillId: string; contactId: string },
): Promise<void> {
  await db.insert(skillTeachers).values(params).onConflictDoNothing();
}

export async function deleteSkillTeacher(
  db: Db,
  params: { userId: string; skillId: string; contactId: string },
): Promise<{ contactId: string } | undefined> {
  const [row] = await db
    .delete(skillTeachers)
    .where(
      and(
        eq(skillTeachers.skillId, params.skillId),
        eq(skillTeachers.contactId, params.contactId),
        eq(skillTeachers.userId, params.userId),
      ),
    )
    .returning({ contactId: skillTeachers.contactId });
  return row;
}
