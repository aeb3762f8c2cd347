import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import {
  contacts,
  goals,
  learningItems,
  learningSkills,
  skillLevels,
  skills,
  stonePeople,
  steppingStones,
  stoneWins,
  winSkills,
} from "@/db/schema";
import type {
  NextStepPerson,
  OverviewGoal,
  OverviewSkill,
  OverviewStone,
  QuarterLearningItem,
} from "@/lib/domain/career-overview";
import type { HealthBand } from "@/lib/health/model";
import { uuidArray } from "./arrays";
import { isOverdue } from "./contacts";

// The Career page's reads, each one set-based statement for one user.

// Every goal with its path: active goals first (the north star, then by
// horizon), then the achieved and let-go ones, most recently changed first.
// The user's stones are read once (stepping_stones_user_idx) and grouped per
// goal in path order, each with its count of evidence off stone_wins' key
// (counted in a lateral join: a subquery inside json_agg's arguments ran
// ten times slower).
export async function listGoalPaths(db: Db, params: { userId: string }): Promise<OverviewGoal[]> {
  const { userId } = params;
  const paths = sql`(
    select s.goal_id, json_agg(json_build_object(
      'id', s.id, 'title', s.title, 'kind', s.kind, 'status', s.status, 'targetOn', s.target_on,
      'position', s.position, 'evidence', evidence.wins
    ) order by s.position) as stones
    from ${steppingStones} s
    cross join lateral (select count(*) as wins from ${stoneWins} sw where sw.stone_id = s.id) evidence
    where s.user_id = ${userId}
    group by s.goal_id
  ) paths`;
  return db
    .select({
      id: goals.id,
      title: goals.title,
      why: goals.why,
      horizonOn: goals.horizonOn,
      status: goals.status,
      isNorthStar: goals.isNorthStar,
      stones: sql<OverviewStone[]>`coalesce(paths.stones, '[]'::json)`,
    })
    .from(goals)
    .leftJoin(paths, sql`paths.goal_id = ${goals.id}`)
    .where(sql`${goals.userId} = ${userId}`)
    .orderBy(
      sql`${goals.status} = 'active' desc`,
      sql`case when ${goals.status} = 'active' then 0 else extract(epoch from ${goals.updatedAt}) end desc`,
      sql`${goals.isNorthStar} desc`,
      sql`${goals.horizonOn} asc nulls last`,
      sql`${goals.createdAt} asc`,
      sql`${goals.id} asc`,
    );
}

// The people who matter for the given stepping stones (the next step of each
// goal), with where each relationship stands. Another user's stones and
// contacts are absent.
export async function listStonePeople(
  db: Db,
  params: { userId: string; stoneIds: string[]; now: Date },
): Promise<NextStepPerson[]> {
  const { userId, stoneIds, now } = params;
  if (stoneIds.length === 0) return [];
  const rows = await db
    .select({
      stoneId: stonePeople.stoneId,
      contactId: contacts.id,
      name: contacts.name,
      part: stonePeople.part,
      note: stonePeople.note,
      lastTouchedAt: contacts.lastTouchedAt,
      nextDueAt: contacts.nextDueAt,
      snoozedUntil: contacts.snoozedUntil,
      band: sql<HealthBand | null>`${contacts.healthBand}`,
      score: contacts.healthScore,
      isArchived: sql<boolean>`${contacts.archivedAt} is not null`,
      isDue: sql<boolean>`coalesce(${isOverdue(userId, now)}, false)`,
    })
    .from(stonePeople)
    .innerJoin(contacts, sql`${contacts.id} = ${stonePeople.contactId} and ${contacts.userId} = ${userId}`)
    .where(sql`${stonePeople.userId} = ${userId} and ${stonePeople.stoneId} = any(${uuidArray(stoneIds)})`)
    .orderBy(sql`${stonePeople.stoneId}`, sql`lower(${contacts.name})`, sql`${contacts.id}`);
  return rows.map(({ band, score, ...person }) => ({
    ...person,
    health: band !== null && score !== null ? { band, score } : null,
  }));
}

// The user's most active skills of the last 12 months (wins tagged with
// them, levels recorded, learning that builds them), among those with a level
// recorded, each with its whole level history for the trend; ties go to the
// most recently used. Wins and levels are counted per skill off their
// (skill_id, day) indexes; the year's learning is grouped once, since
// learning_items has no index by day that the count per skill could use.
export async function listSkillTrends(
  db: Db,
  params: { userId: string; since: string; limit: number },
): Promise<OverviewSkill[]> {
  const { userId, since, limit } = params;
  const rows = await db
    .select({
      skillId: sql<string>`r.id`,
      name: sql<string>`r.name`,
      recentWins: sql<number>`r.recent_wins`.mapWith(Number),
      lastUsedOn: sql<string | null>`r.last_used::text`,
      on: sql<string>`${skillLevels.assessedOn}::text`,
      level: sql<number>`${skillLevels.level}`.mapWith(Number),
    })
    .from(
      sql`(
        select a.*, row_number() over (
          order by a.recent_wins + a.recent_levels + a.recent_learning desc, a.last_used desc nulls last, lower(a.name), a.id
        ) as rank
        from (
          select s.id, s.name,
            (select count(*) from ${winSkills} ws where ws.skill_id = s.id and ws.occurred_on >= ${since}::date) as recent_wins,
            (select max(ws.occurred_on) from ${winSkills} ws where ws.skill_id = s.id) as last_used,
            (select count(*) from ${skillLevels} sl where sl.skill_id = s.id and sl.assessed_on >= ${since}::date) as recent_levels,
            coalesce(learnt.items, 0) as recent_learning
          from ${skills} s
          left join (
            select ls.skill_id, count(*) as items
            from ${learningItems} li join ${learningSkills} ls on ls.item_id = li.id
            where li.user_id = ${userId} and coalesce(li.finished_on, li.started_on) >= ${since}::date
            group by ls.skill_id
          ) learnt on learnt.skill_id = s.id
          where s.user_id = ${userId}
            and exists (select 1 from ${skillLevels} sl where sl.skill_id = s.id)
        ) a
        order by rank
        limit ${limit}
      ) r`,
    )
    .innerJoin(skillLevels, sql`${skillLevels.skillId} = r.id and ${skillLevels.userId} = ${userId}`)
    .orderBy(sql`r.rank`, sql`${skillLevels.assessedOn}`);

  const bySkill = new Map<string, OverviewSkill>();
  for (const { on, level, ...skill } of rows) {
    const found = bySkill.get(skill.skillId) ?? { ...skill, points: [] };
    found.points.push({ on, level });
    bySkill.set(skill.skillId, found);
  }
  return [...bySkill.values()];
}

// The latest of the items learningQuarterSummary (db/queries/learning.ts)
// counts for the quarter [start, end]: finished in it, or in progress and
// started by its end (or with no start day). Those in progress first.
export async function listLearningThisQuarter(
  db: Db,
  params: { userId: string; start: string; end: string; limit: number },
): Promise<QuarterLearningItem[]> {
  const { userId, start, end, limit } = params;
  return db
    .select({
      id: learningItems.id,
      title: learningItems.title,
      kind: learningItems.kind,
      status: learningItems.status,
      hours: learningItems.hours,
      finishedOn: learningItems.finishedOn,
    })
    .from(learningItems)
    .where(
      sql`${learningItems.userId} = ${userId}
        and (${learningItems.finishedOn} between ${start}::date and ${end}::date
          or (${learningItems.status} = 'in_progress'
            and (${learningItems.startedOn} is null or ${learningItems.startedOn} <= ${end}::date)))`,
    )
    .orderBy(
      sql`${learningItems.finishedOn} desc nulls first`,
      sql`${learningItems.startedOn} desc nulls last`,
      sql`${learningItems.id}`,
    )
    .limit(limit);
}
