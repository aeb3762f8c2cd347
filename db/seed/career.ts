import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { rowsOf } from "@/db/queries/rows";
import { LEARNING_KINDS, STONE_KINDS, STONE_PERSON_PARTS } from "@/lib/domain/enums";
import { isoDate, startOfUtcDay } from "./time";

export type CareerSeedOptions = {
  userId: string;
  goals?: number;
  stonesPerGoal?: number;
  /** Skills the user ends up with (the journal's are counted). */
  skills?: number;
  /** Years of level history per skill. */
  levelYears?: number;
  learningItems?: number;
  now?: Date;
};

export type CareerSeedResult = {
  goals: number;
  stones: number;
  skills: number;
  levels: number;
  learningItems: number;
  stonePeople: number;
  stoneWins: number;
};

const AREAS = [
  "Cloud", "Data", "Team", "Product", "Security", "Platform", "Mobile", "Web", "Systems", "Growth", "Finance",
  "People", "Design", "Research", "Quality",
];
const CRAFTS = [
  "strategy", "architecture", "operations", "leadership", "analytics", "testing", "automation", "governance",
  "coaching", "writing", "planning", "modelling", "tooling", "hiring", "reviews", "budgeting", "roadmaps",
  "migrations", "observability", "partnerships",
];
const GOALS = [
  "Lead a platform group at a climate company", "Become a staff engineer", "Speak at an international conference",
  "Start a mentoring circle", "Publish a book on data systems", "Move into product management",
  "Run an open-source project", "Join a company's board", "Teach a university course", "Found a consultancy",
];
const STEPS = [
  "Ship the data platform", "Get to know climate tech", "Pass the Kubernetes exam", "Lead the on-call rota",
  "Mentor two engineers", "Give a meetup talk", "Write the architecture guide", "Volunteer at the hackathon",
  "Run the hiring loop", "Own the quarterly roadmap",
];
const NOTES = ["to people at Watershed", "about the hiring market", "with the platform team", "at the next meetup"];
const COURSES = ["Designing Data-Intensive Applications", "Kubernetes the hard way", "Leading teams", "Negotiation"];

const text = (values: readonly string[]) => sql`array[${sql.join(values.map((value) => sql`${value}`), sql`, `)}]::text[]`;

// Career data for an existing user with contacts and a journal (db/seed/demo.ts,
// db/seed/journal.ts): goals (the first a north star, some achieved or let go)
// with their stepping stones and history, people and wins on the steps,
// skills up to the count with years of levels, and a learning log over ten
// years. A handful of set-based statements; the same options give the same data.
export async function seedCareer(db: Db, options: CareerSeedOptions): Promise<CareerSeedResult> {
  const { userId } = options;
  const goals = options.goals ?? 20;
  const stonesPerGoal = options.stonesPerGoal ?? 10;
  const skillCount = options.skills ?? 300;
  const levelDays = Math.round((options.levelYears ?? 5) * 365.25);
  const items = options.learningItems ?? 2_000;
  const end = startOfUtcDay((options.now ?? new Date()).getTime());
  const today = isoDate(end);
  const learningDays = Math.round(10 * 365.25);

  return db.transaction(async (tx) => {
    // Active goals first, then achieved, then let go (about 60/25/15).
    await tx.execute(sql`
      insert into goals (user_id, title, why, horizon_on, status, is_north_star, created_at, updated_at)
      select ${userId},
        (${text(GOALS)})[1 + g % ${GOALS.length}] || case when g >= ${GOALS.length} then ' (' || (g / ${GOALS.length} + 1) || ')' else '' end,
        case when g % 2 = 0 then 'It is where my work matters most' end,
        case when g % 5 <> 4 then ${today}::date + (g + 1) * 120 end,
        (case when g < ${goals} * 3 / 5 then 'active' when g < ${goals} * 17 / 20 then 'achieved' else 'let_go' end)::goal_status,
        g = 0,
        ${new Date(end).toISOString()}::timestamptz - make_interval(days => 900 - g * 10),
        ${new Date(end).toISOString()}::timestamptz - make_interval(days => g * 3)
      from generate_series(0, ${goals - 1}) as g`);
    // Per goal, steps before its "next" are done, one is in progress, one late
    // in the path was dropped, the rest planned.
    await tx.execute(sql`
      with g as (select id, (row_number() over (order by created_at, id) - 1)::int as j from goals where user_id = ${userId})
      insert into stepping_stones (user_id, goal_id, position, kind, title, target_on, status, completed_on)
      select ${userId}, g.id, p,
        (${text(STONE_KINDS)})[1 + (g.j + p) % ${STONE_KINDS.length}]::stone_kind,
        (${text(STEPS)})[1 + (g.j * 3 + p) % ${STEPS.length}],
        case when p % 4 <> 3 then ${today}::date + (p - g.j % 6) * 60 end,
        (case when p < g.j % 6 then 'done' when p = g.j % 6 then 'in_progress'
          when p = ${stonesPerGoal - 2} and g.j % 3 = 0 then 'dropped' else 'planned' end)::stone_status,
        case when p < g.j % 6 then ${today}::date + (p - g.j % 6) * 60 end
      from g cross join generate_series(0, ${stonesPerGoal - 1}) as p`);
    await tx.execute(sql`
      insert into stepping_stone_changes (user_id, stone_id, change, to_value, changed_at)
      select ${userId}, s.id, 'created', s.target_on::text, g.created_at
      from stepping_stones s join goals g on g.id = s.goal_id where s.user_id = ${userId}`);
    await tx.execute(sql`
      insert into skills (user_id, name)
      select ${userId}, a || ' ' || c from unnest(${text(AREAS)}) as a cross join unnest(${text(CRAFTS)}) as c
      where not exists (select 1 from skills where user_id = ${userId} and lower(name) = lower(a || ' ' || c))
      order by c, a
      limit greatest(0, ${skillCount} - (select count(*) from skills where user_id = ${userId}))
      on conflict do nothing`);
    // A level every 45 days or so per skill, climbing at its own pace with
    // the odd step back.
    await tx.execute(sql`
      with s as (select id, (row_number() over (order by id) - 1)::int as i from skills where user_id = ${userId})
      insert into skill_levels (user_id, skill_id, level, assessed_on)
      select ${userId}, s.id,
        least(5, greatest(1, 1 + (k * (1 + s.i % 4)) / 12 - case when (s.i + k) % 7 = 0 then 1 else 0 end)),
        ${today}::date - ${levelDays}::int + s.i % 45 + k * 45
      from s cross join generate_series(0, ${Math.floor(levelDays / 45) - 1}) as k
      where ${today}::date - ${levelDays}::int + s.i % 45 + k * 45 <= ${today}::date`);
    await tx.execute(sql`
      with c as (select id, (row_number() over (order by id) - 1)::int as i from contacts where user_id = ${userId}),
        n as (select count(*)::int as n from c),
        s as (select id, (row_number() over (order by goal_id, position) - 1)::int as i from stepping_stones where user_id = ${userId})
      insert into stone_people (user_id, stone_id, contact_id, part, note)
      select ${userId}, s.id, c.id, (${text(STONE_PERSON_PARTS)})[1 + (s.i + k) % ${STONE_PERSON_PARTS.length}]::stone_person_part,
        case when (s.i + k) % 3 = 0 then (${text(NOTES)})[1 + (s.i + k) % ${NOTES.length}] end
      from s cross join n cross join lateral generate_series(1, s.i % 5) as k
        join c on c.i = (s.i * 37 + k * 211) % greatest(n.n, 1)
      on conflict do nothing`);
    await tx.execute(sql`
      with w as (select id, (row_number() over (order by occurred_on desc, id) - 1)::int as i from wins where user_id = ${userId}),
        n as (select count(*)::int as n from w),
        s as (select id, (row_number() over (order by goal_id, position) - 1)::int as i
              from stepping_stones where user_id = ${userId} and status in ('done', 'in_progress'))
      insert into stone_wins (user_id, stone_id, win_id)
      select ${userId}, s.id, w.id
      from s cross join n cross join lateral generate_series(0, 2 + s.i % 9) as k
        join w on w.i = (s.i * 53 + k * 17) % greatest(n.n, 1)
      on conflict do nothing`);
    await tx.execute(sql`
      with sk as (select id, (row_number() over (order by id) - 1)::int as i from skills where user_id = ${userId}),
        n as (select count(*)::int as n from sk),
        s as (select id, (row_number() over (order by goal_id, position) - 1)::int as i from stepping_stones where user_id = ${userId})
      insert into stone_skills (user_id, stone_id, skill_id)
      select ${userId}, s.id, sk.id
      from s cross join n cross join lateral generate_series(0, s.i % 2) as k
        join sk on sk.i = (s.i * 11 + k * 7) % greatest(n.n, 1)
      on conflict do nothing`);
    // Learning back over ten years: the latest still planned or under way.
    await tx.execute(sql`
      with c as (select id, (row_number() over (order by id) - 1)::int as i from contacts where user_id = ${userId}),
        n as (select count(*)::int as n from c)
      insert into learning_items (user_id, title, kind, status, started_on, finished_on, hours, mentor_id)
      select ${userId},
        (${text(COURSES)})[1 + g % ${COURSES.length}] || ' ' || (g / ${COURSES.length} + 1),
        (${text(LEARNING_KINDS)})[1 + g % ${LEARNING_KINDS.length}]::learning_kind,
        (case when g < 3 then 'planned' when g < 10 then 'in_progress' else 'done' end)::learning_status,
        case when g >= 3 then l.day end,
        case when g >= 10 then least(${today}::date, l.day + g % 30) end,
        case when g % 9 <> 0 then 1 + (g % 40) * 0.5 end,
        c.id
      from generate_series(0, ${items - 1}) as g
        cross join lateral (select (${today}::date - (g::bigint * ${learningDays} / ${Math.max(items, 1)})::int) as day) as l
        cross join n
        left join c on g % 7 = 0 and c.i = (g * 13) % greatest(n.n, 1)`);
    await tx.execute(sql`
      with sk as (select id, (row_number() over (order by id) - 1)::int as i from skills where user_id = ${userId}),
        n as (select count(*)::int as n from sk),
        li as (select id, (row_number() over (order by id) - 1)::int as i from learning_items where user_id = ${userId})
      insert into learning_skills (user_id, item_id, skill_id)
      select ${userId}, li.id, sk.id
      from li cross join n cross join lateral generate_series(0, li.i % 2) as k
        join sk on sk.i = (li.i * 19 + k * 101) % greatest(n.n, 1)
      on conflict do nothing`);
    const [counts] = rowsOf<CareerSeedResult>(
      await tx.execute(sql`
      select (select count(*) from goals where user_id = ${userId})::int as goals,
        (select count(*) from stepping_stones where user_id = ${userId})::int as stones,
        (select count(*) from skills where user_id = ${userId})::int as skills,
        (select count(*) from skill_levels where user_id = ${userId})::int as levels,
        (select count(*) from learning_items where user_id = ${userId})::int as "learningItems",
        (select count(*) from stone_people where user_id = ${userId})::int as "stonePeople",
        (select count(*) from stone_wins where user_id = ${userId})::int as "stoneWins"`),
    );
    if (!counts) throw new Error("seedCareer counted nothing");
    return counts;
  });
}
