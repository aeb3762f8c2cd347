import { addDays, format, parseISO, startOfISOWeek, subWeeks } from "date-fns";
import { and, asc, count, eq, gte, inArray, isNotNull, isNull, lt, type SQL, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { circles, contactCircles, contacts, interactionContacts, interactions } from "@/db/schema";
import type { CircleActivity, NetworkHealth, ReconnectContact, RecentEvent, ValueStreak, ValueWeek } from "@/lib/domain/dashboard";
import { todayIn } from "@/lib/domain/dates";
import { HEALTH_BANDS, type HealthBand } from "@/lib/health/model";
import { isOverdue, mattersForGoal } from "./contacts";
import { listEvents } from "./events";
import { contactHealthById } from "./health";

// The dashboard's aggregates, each one query computed in the database.
// Touches are calendar days (stored at 12:00 UTC, read as their UTC date:
// lib/domain/touch-dates.ts), so a touch's week is the ISO week (Monday first) of
// that date, and "this week" is the week of today where the user lives.

const touchDay = sql`(${interactions.occurredAt} at time zone 'UTC')::date`;

// How many weeks before the week starting `monday` a touch's week is (0 for
// that week): integer day arithmetic, which is much cheaper per row than
// date_trunc and to_char.
function weeksAgo(monday: string) {
  return sql<number>`((${monday}::date + 6 - ${touchDay}) / 7)`.mapWith(Number);
}

/** Monday (YYYY-MM-DD) of the ISO week holding the given day. */
export function weekOf(day: string): string {
  return format(startOfISOWeek(parseISO(day)), "yyyy-MM-dd");
}

function weeksBefore(week: string, weeks: number): string {
  return format(subWeeks(parseISO(week), weeks), "yyyy-MM-dd");
}

// From the stored scores (call ensureFreshHealth first): a group-by over the
// user's unarchived contacts, read off contacts_user_health_idx.
export async function getNetworkHealth(db: Db, params: { userId: string }): Promise<NetworkHealth> {
  const rows = await db
    .select({
      band: sql<HealthBand>`${contacts.healthBand}`,
      contacts: sql<number>`count(*)`.mapWith(Number),
      total: sql<number>`sum(${contacts.healthScore})`.mapWith(Number),
    })
    .from(contacts)
    .where(and(eq(contacts.userId, params.userId), isNull(contacts.archivedAt), isNotNull(contacts.healthScore)))
    .groupBy(contacts.healthBand);
  const bands = Object.fromEntries(HEALTH_BANDS.map((band) => [band, 0])) as Record<HealthBand, number>;
  let contactCount = 0;
  let total = 0;
  for (const row of rows) {
    bands[row.band] = row.contacts;
    contactCount += row.contacts;
    total += row.total;
  }
  return { contacts: contactCount, score: contactCount ? Math.round(total / contactCount) : null, bands };
}

// The most overdue contacts first (due longest ago), as the contacts list's
// overdue filter defines overdue: not archived, not snoozed, past due; with
// goalId, only the people who matter for that goal of the user's.
export async function listReconnectNow(
  db: Db,
  params: { userId: string; now: Date; limit: number; goalId?: string },
): Promise<{ contacts: ReconnectContact[]; total: number }> {
  const { userId, now } = params;
  const which = and(
    eq(contacts.userId, userId),
    isOverdue(userId, now),
    params.goalId ? mattersForGoal(userId, params.goalId) : undefined,
  );
  // Aliased: drizzle writes a single-table select's columns without their
  // table, which would make these ambiguous with contacts'.
  const lastSummary = sql<string | null>`(
    select i.summary from ${interactionContacts} ic
    join ${interactions} i on i.id = ic.interaction_id
    where ic.contact_id = ${contacts}.id and i.user_id = ${userId}
    order by ic.occurred_at desc limit 1
  )`;
  const [rows, [totalRow]] = await Promise.all([
    db
      .select({
        id: contacts.id,
        name: contacts.name,
        company: contacts.company,
        nextDueAt: sql<Date>`${contacts.nextDueAt}`.mapWith(contacts.nextDueAt),
        lastTouchedAt: contacts.lastTouchedAt,
        lastTouchSummary: lastSummary,
      })
      .from(contacts)
      .where(which)
      .orderBy(asc(contacts.nextDueAt), asc(contacts.id))
      .limit(params.limit),
    db
      .select({ total: count() })
      .from(contacts)
      .where(which),
  ]);
  const health = await contactHealthById(db, { userId, now, contactIds: rows.map((row) => row.id) });
  return {
    contacts: rows.flatMap((row) => {
      const found = health.get(row.id);
      return found ? [{ ...row, health: found }] : [];
    }),
    total: totalRow?.total ?? 0,
  };
}

// Value-added touches given and received in each of the last `weeks` weeks,
// oldest first, the current week last; weeks without any are zeros.
export async function listValueByWeek(
  db: Db,
  params: { userId: string; now: Date; timeZone: string | null; weeks: number },
): Promise<ValueWeek[]> {
  const thisWeek = weekOf(todayIn(params.timeZone, params.now));
  const first = weeksBefore(thisWeek, params.weeks - 1);
  const rows = await db
    .select({
      weeksAgo: weeksAgo(thisWeek),
      given: sql<number>`count(*) filter (where ${interactions.valueDirection} = 'given')`.mapWith(Number),
      received: sql<number>`count(*) filter (where ${interactions.valueDirection} = 'received')`.mapWith(Number),
    })
    .from(interactions)
    .where(
      and(
        eq(interactions.userId, params.userId),
        sql`${interactions.valueDirection} is not null`,
        gte(interactions.occurredAt, startOfDay(first)),
        lt(interactions.occurredAt, startOfDay(addDaysTo(thisWeek, 7))),
      ),
    )
    .groupBy(sql`1`);
  const byWeeksAgo = new Map(rows.map((row) => [row.weeksAgo, row]));
  return Array.from({ length: params.weeks }, (_, index) => {
    const ago = params.weeks - 1 - index;
    const row = byWeeksAgo.get(ago);
    return { week: weeksBefore(thisWeek, ago), given: row?.given ?? 0, received: row?.received ?? 0 };
  });
}

function addDaysTo(day: string, days: number): string {
  return format(addDays(parseISO(day), days), "yyyy-MM-dd");
}

// Where a day's touches begin: they are stored at 12:00 UTC of the day.
function startOfDay(day: string): Date {
  return new Date(`${day}T00:00:00.000Z`);
}

// A streak is not broken by a week still in progress: with nothing given yet
// this week, it counts the weeks up to last week. It walks back one week at
// a time, each step one probe of interactions_user_value_idx, and stops at
// the first week without, so a long history costs nothing.
export async function getValueStreak(
  db: Db,
  params: { userId: string; now: Date; timeZone: string | null },
): Promise<ValueStreak> {
  const thisWeek = weekOf(todayIn(params.timeZone, params.now));
  const [row] = await db.select(valueStreakColumns).from(sql`${valueStreakSource(params.userId, thisWeek)} as streak`);
  return row ?? { weeks: 0, includesThisWeek: false };
}

// The walk behind getValueStreak, as a subquery of one row. userId and
// thisWeek (a Monday) may be columns, for many users at once (the digest).
export function valueStreakSource(userId: string | SQL, thisWeek: string | SQL): SQL {
  const givenIn = (weeksAgo: SQL) => sql`exists (
    select 1 from ${interactions} vi
    where vi.user_id = ${userId} and vi.value_direction = 'given'
      and vi.occurred_at >= ((${thisWeek}::date - 7 * ${weeksAgo})::timestamp at time zone 'UTC')
      and vi.occurred_at < ((${thisWeek}::date - 7 * ${weeksAgo} + 7)::timestamp at time zone 'UTC')
  )`;
  return sql`(
    with recursive walk(weeks_ago) as (
      select start.weeks_ago from (select case when ${givenIn(sql`0`)} then 0 else 1 end as weeks_ago) start
      where ${givenIn(sql`start.weeks_ago`)}
      union all
      select walk.weeks_ago + 1 from walk where ${givenIn(sql`(walk.weeks_ago + 1)`)}
    )
    select count(*)::int as weeks, coalesce(bool_or(walk.weeks_ago = 0), false) as includes_this_week from walk
  )`;
}

export const valueStreakColumns = {
  weeks: sql<number>`streak.weeks`.mapWith(Number),
  includesThisWeek: sql<boolean>`streak.includes_this_week`,
};

// Circles with a touch of any unarchived member in the last `days` days, out
// of all circles; the quiet ones come back longest-quiet first.
export async function getCirclesTouched(
  db: Db,
  params: { userId: string; now: Date; days: number },
): Promise<{ total: number; touched: number; quiet: CircleActivity[] }> {
  const { userId } = params;
  const rows = await db
    .select({
      id: circles.id,
      name: circles.name,
      lastTouchedAt: sql<Date | null>`max(${contacts.lastTouchedAt})`.mapWith(contacts.lastTouchedAt),
    })
    .from(circles)
    .leftJoin(contactCircles, and(eq(contactCircles.circleId, circles.id), eq(contactCircles.userId, userId)))
    .leftJoin(
      contacts,
      and(eq(contacts.id, contactCircles.contactId), eq(contacts.userId, userId), isNull(contacts.archivedAt)),
    )
    .where(eq(circles.userId, userId))
    .groupBy(circles.id)
    .orderBy(sql`max(${contacts.lastTouchedAt}) asc nulls first`, asc(sql`lower(${circles.name})`));
  const since = params.now.getTime() - params.days * 86_400_000;
  const quiet = rows.filter((row) => !row.lastTouchedAt || row.lastTouchedAt.getTime() < since);
  return { total: rows.length, touched: rows.length - quiet.length, quiet };
}

// The latest events and a few of the people added from them (met there).
export async function listRecentEvents(
  db: Db,
  params: { userId: string; limit: number; peoplePerEvent: number },
): Promise<RecentEvent[]> {
  const { events } = await listEvents(db, { userId: params.userId, page: 1, pageSize: params.limit });
  if (events.length === 0) return [];
  const people = await db
    .select({ id: contacts.id, name: contacts.name, eventId: contacts.metAtEventId })
    .from(contacts)
    .where(
      and(
        eq(contacts.userId, params.userId),
        inArray(
          contacts.metAtEventId,
          events.map((event) => event.id),
        ),
      ),
    )
    .orderBy(asc(sql`lower(${contacts.name})`), asc(contacts.id));
  return events.map((event) => ({
    id: event.id,
    name: event.name,
    occurredOn: event.occurredOn,
    peopleCount: event.peopleCount,
    people: people
      .filter((person) => person.eventId === event.id)
      .slice(0, params.peoplePerEvent)
      .map(({ id, name }) => ({ id, name })),
  }));
}

export async function hasAnyTouch(db: Db, params: { userId: string }): Promise<boolean> {
  const rows = await db
    .select({ id: interactions.id })
    .from(interactions)
    .where(eq(interactions.userId, params.userId))
    .limit(1);
  return rows.length > 0;
}
