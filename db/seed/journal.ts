import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { WIN_KINDS, WIN_PERSON_PARTS } from "@/lib/domain/enums";
import { rowsOf } from "@/db/queries/rows";
import { DAY, isoDate, startOfUtcDay } from "./time";

export type JournalSeedOptions = {
  userId: string;
  wins: number;
  /** Wins spread evenly back from here over this many years. */
  years?: number;
  now?: Date;
};

export type JournalSeedResult = { roles: number; skills: number; wins: number; people: number; skillTags: number };

const SKILLS = [
  "TypeScript", "PostgreSQL", "Hiring", "Mentoring", "Public speaking", "Roadmapping", "Incident response",
  "Kubernetes", "Negotiation", "Writing", "Product discovery", "Data modelling", "Observability", "Budgeting",
  "Stakeholder management", "Security", "Accessibility", "Performance", "Coaching", "Facilitation",
  "Go", "Rust", "React", "Design systems", "Analytics", "Pricing", "Partnerships", "Recruiting", "Onboarding",
  "Architecture", "Testing", "CI/CD", "Cost reduction", "Compliance", "Customer research", "Storytelling",
  "Team building", "Strategy", "Sales engineering", "Open source",
];

const VERBS = ["Shipped", "Led", "Rebuilt", "Cut", "Launched", "Designed", "Migrated", "Mentored", "Ran", "Wrote"];
const OBJECTS = [
  "the billing flow", "the CI cache", "the onboarding guide", "the search index", "the hiring loop",
  "the incident review", "the pricing page", "the data warehouse", "the design system", "the mobile release",
  "the partner API", "the quarterly roadmap", "the on-call rota", "the accessibility audit", "the cost report",
];
const RESULTS = [
  "build time fell by a third", "two teams adopted it", "churn dropped", "the customer renewed",
  "we hired four engineers", "pages load twice as fast", "the launch went out on time", "no incidents since",
];
const UNITS = ["% build time", "k€ pipeline", "users", "hours saved a month", "% conversion"];

const ROLES = [
  { company: "Initech", title: "Software Engineer" },
  { company: "Globex", title: "Senior Engineer" },
  { company: "Hooli", title: "Staff Engineer" },
  { company: "Stark Labs", title: "Engineering Manager" },
  { company: "Wayne Co", title: "Director of Engineering" },
];

const text = (values: readonly string[]) => sql`array[${sql.join(values.map((value) => sql`${value}`), sql`, `)}]::text[]`;

// A journal for an existing user with contacts: roles back to back over the
// years, skills, and wins with 1–3 skills and 0–4 people each, written by a
// handful of set-based statements (10,000 wins take seconds, not minutes).
// The same options give the same journal.
export async function seedJournal(db: Db, options: JournalSeedOptions): Promise<JournalSeedResult> {
  const { userId, wins } = options;
  const years = options.years ?? 10;
  const days = Math.round(years * 365.25);
  const end = startOfUtcDay((options.now ?? new Date()).getTime());
  const start = end - days * DAY;
  const span = Math.floor(days / ROLES.length) * DAY;
  const roles = ROLES.map((role, index) => ({
    ...role,
    startedOn: isoDate(start + index * span),
    endedOn: index === ROLES.length - 1 ? null : isoDate(start + (index + 1) * span - DAY),
  }));

  return db.transaction(async (tx) => {
    for (const role of roles) {
      await tx.execute(sql`
        insert into job_roles (user_id, company, title, started_on, ended_on)
        values (${userId}, ${role.company}, ${role.title}, ${role.startedOn}, ${role.endedOn})`);
    }
    await tx.execute(sql`
      insert into skills (user_id, name) select ${userId}, name from unnest(${text(SKILLS)}) as name
      on conflict do nothing`);
    await tx.execute(sql`
      insert into wins (user_id, role_id, occurred_on, kind, title, what, result, metric_value, metric_unit, situation, task)
      select ${userId},
        (select r.id from job_roles r
          where r.user_id = ${userId} and r.started_on <= w.day and (r.ended_on is null or r.ended_on >= w.day)
          order by r.started_on desc limit 1),
        w.day,
        (${text(WIN_KINDS)})[1 + (g * 7) % ${WIN_KINDS.length}]::win_kind,
        (${text(VERBS)})[1 + g % ${VERBS.length}] || ' ' || (${text(OBJECTS)})[1 + (g * 3) % ${OBJECTS.length}],
        'I ' || lower((${text(VERBS)})[1 + g % ${VERBS.length}]) || ' ' || (${text(OBJECTS)})[1 + (g * 3) % ${OBJECTS.length}]
          || ' with the team, step by step',
        case when g % 3 <> 0 then (${text(RESULTS)})[1 + (g * 5) % ${RESULTS.length}] end,
        case when g % 4 = 0 then 5 + (g * 13) % 95 end,
        case when g % 4 = 0 then (${text(UNITS)})[1 + g % ${UNITS.length}] end,
        case when g % 10 = 0 then 'The team was stuck on ' || (${text(OBJECTS)})[1 + (g * 3) % ${OBJECTS.length}] end,
        case when g % 10 = 0 then 'I had to unblock it within the quarter' end
      from generate_series(0, ${wins - 1}) as g,
        lateral (select (${isoDate(end)}::date - (g::bigint * ${days} / ${Math.max(wins, 1)})::int) as day) as w`);
    // Numbered copies of the user's skills, contacts and new wins, so each
    // win picks its tags and people by arithmetic on its number.
    await tx.execute(sql`
      with s as (select id, (row_number() over (order by id) - 1)::int as i from skills where user_id = ${userId}),
        n as (select count(*)::int as n from s),
        w as (select id, occurred_on, (row_number() over (order by occurred_on, id) - 1)::int as i
              from wins where user_id = ${userId})
      insert into win_skills (user_id, win_id, skill_id, occurred_on)
      select ${userId}, w.id, s.id, w.occurred_on
      from w cross join n cross join lateral generate_series(0, w.i % 3) as k
        join s on s.i = (w.i * 7 + k * 13) % n.n
      on conflict do nothing`);
    await tx.execute(sql`
      with c as (select id, (row_number() over (order by id) - 1)::int as i
                 from contacts where user_id = ${userId} and archived_at is null),
        n as (select count(*)::int as n from c),
        w as (select id, occurred_on, (row_number() over (order by occurred_on, id) - 1)::int as i
              from wins where user_id = ${userId})
      insert into win_people (user_id, win_id, contact_id, part, occurred_on)
      select ${userId}, w.id, c.id, (${text(WIN_PERSON_PARTS)})[1 + (w.i + k) % ${WIN_PERSON_PARTS.length}]::win_person_part,
        w.occurred_on
      from w cross join n cross join lateral generate_series(1, w.i % 5) as k
        join c on c.i = (w.i * 31 + k * 977) % greatest(n.n, 1)
      on conflict do nothing`);
    const [counts] = rowsOf<JournalSeedResult>(
      await tx.execute(sql`
      select (select count(*) from job_roles where user_id = ${userId})::int as roles,
        (select count(*) from skills where user_id = ${userId})::int as skills,
        (select count(*) from wins where user_id = ${userId})::int as wins,
        (select count(*) from win_people where user_id = ${userId})::int as people,
        (select count(*) from win_skills where user_id = ${userId})::int as "skillTags"`),
    );
    if (!counts) throw new Error("seedJournal counted nothing");
    return counts;
  });
}
