import { addMonths, addQuarters, format, parseISO, startOfMonth, startOfQuarter, subYears } from "date-fns";
import { type SQL, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { contacts, interactionContacts, interactions, winPeople, wins } from "@/db/schema";
import { todayIn } from "@/lib/domain/dates";
import type { JournalHelper, JournalSummary } from "@/lib/domain/journal-summary";
import { weekOf } from "./dashboard";

// The dashboard's Journal card, in two statements computed in the database.
// Wins are calendar days (occurred_on), so months, quarters and ISO weeks are
// ranges of days, with "today" taken where the user lives; each range reads
// wins_user_occurred_idx or win_people_user_part_occurred_idx.

const day = (value: Date) => format(value, "yyyy-MM-dd");

// Whether the user has a win in the week starting `weeksAgo` weeks before the
// Monday `thisWeek`: one probe of wins_user_occurred_idx.
function winIn(userId: string, thisWeek: string, weeksAgo: SQL) {
  return sql`exists (
    select 1 from ${wins} sw
    where sw.user_id = ${userId}
      and sw.occurred_on >= ${thisWeek}::date - 7 * ${weeksAgo}
      and sw.occurred_on < ${thisWeek}::date - 7 * ${weeksAgo} + 7
  )`;
}

// Counts for the month and quarter, and the streak of weeks with a win. As on
// the value streak (db/queries/dashboard.ts), a week still in progress without
// a win does not break it; the walk goes back one week at a time and stops at
// the first empty one, so a long journal costs nothing more.
async function countsAndStreak(db: Db, params: { userId: string; today: string }) {
  const { userId } = params;
  const today = parseISO(params.today);
  const monthStart = day(startOfMonth(today));
  const nextMonth = day(addMonths(startOfMonth(today), 1));
  const quarterStart = day(startOfQuarter(today));
  const nextQuarter = day(addQuarters(startOfQuarter(today), 1));
  const thisWeek = weekOf(params.today);
  const [row] = await db
    .select({
      hasWins: sql<boolean>`exists (select 1 from ${wins} where ${wins.userId} = ${userId})`,
      thisMonth: sql<number>`periods.month`.mapWith(Number),
      thisQuarter: sql<number>`periods.quarter`.mapWith(Number),
      weeks: sql<number>`streak.weeks`.mapWith(Number),
      includesThisWeek: sql<boolean>`streak.includes_this_week`,
    })
    .from(
      sql`(
        select count(*) filter (where pw.occurred_on >= ${monthStart}::date and pw.occurred_on < ${nextMonth}::date) as month,
          count(*) as quarter
        from ${wins} pw
        where pw.user_id = ${userId} and pw.occurred_on >= ${quarterStart}::date and pw.occurred_on < ${nextQuarter}::date
      ) periods
      cross join (
        with recursive walk(weeks_ago) as (
          select start.weeks_ago from (select case when ${winIn(userId, thisWeek, sql`0`)} then 0 else 1 end as weeks_ago) start
          where ${winIn(userId, thisWeek, sql`start.weeks_ago`)}
          union all
          select walk.weeks_ago + 1 from walk where ${winIn(userId, thisWeek, sql`(walk.weeks_ago + 1)`)}
        )
        select count(*) as weeks, coalesce(bool_or(walk.weeks_ago = 0), false) as includes_this_week from walk
      ) streak`,
    );
  return row;
}

// The contacts (unarchived) who helped with the most wins in the 12 months up
// to today, each with their newest such win and whether a thanks or a
// congratulation was given to them on or after that win's day (a thank-you
// is often sent the day it happened). Ties: the more recent help first.
async function topHelpers(db: Db, params: { userId: string; today: string; limit: number }): Promise<JournalHelper[]> {
  const { userId, limit } = params;
  const since = day(subYears(parseISO(params.today), 1));
  const rows = await db
    .select({
      id: sql<string>`h.contact_id`,
      name: sql<string>`hc.name`,
      wins: sql<number>`h.wins`.mapWith(Number),
      winId: sql<string>`latest.id`,
      title: sql<string>`latest.title`,
      occurredOn: sql<string>`h.latest_on`.mapWith(wins.occurredOn),
      isThanked: sql<boolean>`exists (
        select 1 from ${interactionContacts} ic
        join ${interactions} i on i.id = ic.interaction_id
        where ic.contact_id = h.contact_id and ic.user_id = ${userId}
          and ic.occurred_at >= (h.latest_on::timestamp at time zone 'UTC')
          and i.user_id = ${userId} and i.value_direction = 'given' and i.value_kind in ('thanks', 'congratulation')
      )`,
    })
    .from(
      sql`(
        select wp.contact_id, count(*) as wins, max(wp.occurred_on) as latest_on
        from ${winPeople} wp
        join ${contacts} c on c.id = wp.contact_id and c.user_id = ${userId} and c.archived_at is null
        where wp.user_id = ${userId} and wp.part = 'helped_me' and wp.occurred_on > ${since}::date
        group by wp.contact_id
        order by wins desc, latest_on desc, wp.contact_id
        limit ${limit}
      ) h
      join ${contacts} hc on hc.id = h.contact_id
      cross join lateral (
        select lw.id, lw.title from ${winPeople} lp
        join ${wins} lw on lw.id = lp.win_id and lw.user_id = ${userId}
        where lp.contact_id = h.contact_id and lp.user_id = ${userId} and lp.part = 'helped_me'
          and lp.occurred_on = h.latest_on
        order by lw.created_at desc, lw.id desc
        limit 1
      ) latest`,
    )
    .orderBy(sql`h.wins desc`, sql`h.latest_on desc`, sql`h.contact_id`);
  return rows.map(({ winId, title, occurredOn, ...helper }) => ({
    ...helper,
    latestWin: { id: winId, title, occurredOn },
  }));
}

export async function getJournalSummary(
  db: Db,
  params: { userId: string; now: Date; timeZone: string | null; helperLimit: number },
): Promise<JournalSummary> {
  const today = todayIn(params.timeZone, params.now);
  const [counts, helpers] = await Promise.all([
    countsAndStreak(db, { userId: params.userId, today }),
    topHelpers(db, { userId: params.userId, today, limit: params.helperLimit }),
  ]);
  return {
    hasWins: counts?.hasWins ?? false,
    thisMonth: counts?.thisMonth ?? 0,
    thisQuarter: counts?.thisQuarter ?? 0,
    streak: { weeks: counts?.weeks ?? 0, includesThisWeek: counts?.includesThisWeek ?? false },
    helpers,
  };
}
