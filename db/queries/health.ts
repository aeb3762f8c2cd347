import { and, eq, isNull, type SQL, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { contacts, interactionContacts, users } from "@/db/schema";
import {
  BAND_FLOORS,
  CONSISTENCY_WINDOWS,
  DAY_MS,
  type Health,
  type HealthBand,
  RECENCY_MAX_HALVINGS,
  VALUE_GIVEN_TARGET,
  VALUE_LOOKBACK_DAYS,
  VALUE_RECEIVED_TARGET,
  WEIGHTS,
} from "@/lib/health/model";
import { uuidArray } from "./arrays";
import { effectiveCadenceDays } from "./cadence";

// The SQL twin of lib/health/model.ts, written term by term in the same
// order of floating-point operations, so both give the same score (a
// property test holds them to it on both engines). Times are compared in
// epoch milliseconds, never with calendar intervals, so no session time zone
// or DST shift can move a window.
//
// Per contact it reads: last_touched_at from the row (kept by
// refreshContactSchedule), the first touch and the touches of the last four
// windows off interaction_contacts_contact_occurred_idx, and the value links
// of the last year off interaction_contacts_user_value_idx: each link carries
// its touch's direction, so nothing joins the touches (that hash join was a
// third of the day's rescoring). A touch's window is found by comparing it
// with the windows' edges (now less whole seconds, no calendar), not by
// dividing its age: the per-touch arithmetic on numeric epochs cost more
// than the index reads.
//
// userId may list many users (with contactIds, as the weekly digest does for
// a hundred users at once): one statement, planned once.
export function healthSource(params: { userId: string | string[]; now: Date; contactIds?: string[] }): SQL {
  const ofUser = (column: SQL) =>
    Array.isArray(params.userId) ? sql`${column} = any(${uuidArray(params.userId)})` : sql`${column} = ${params.userId}`;
  const now = sql`${params.now.toISOString()}::timestamptz`;
  const epochMs = (at: SQL) => sql`(extract(epoch from ${at}) * 1000)`;
  const nowMs = epochMs(now);
  const windowMs = sql`(c.cadence_days * ${DAY_MS}::numeric)`;
  const ids = uuidArray(params.contactIds ?? []);
  const only = params.contactIds === undefined ? sql`` : sql`and ${contacts.id} = any(${ids})`;
  const given = sql`least(1, d.given::float8 / ${VALUE_GIVEN_TARGET})`;
  const received = sql`least(1, d.received::float8 / ${VALUE_RECEIVED_TARGET})`;
  // Edge k is k cadences before now: window k - 1 holds the touches after
  // edge k and at or before edge k - 1 (any after now are in window 0). Each
  // touched window sets its own bit, so bit_count gives how many were touched.
  // A contact added at or before edge CONSISTENCY_WINDOWS - 1 has every
  // window eligible whenever its first touch was, so only newer ones look it up.
  const edge = (k: number) => sql.raw(`e.edge_${k}`);
  const edges = Array.from(
    { length: CONSISTENCY_WINDOWS },
    (_, i) => sql`${now} - make_interval(secs => ${i + 1} * c.cadence_days * 86400) as ${sql.raw(`edge_${i + 1}`)}`,
  );
  const windowBits = Array.from({ length: CONSISTENCY_WINDOWS }, (_, i) =>
    i + 1 < CONSISTENCY_WINDOWS ? sql`when ic.occurred_at > ${edge(i + 1)} then ${2 ** i}::int` : sql`else ${2 ** i}::int`,
  );

  return sql`
    select
      f.contact_id, f.cadence_days, f.days_since, f.touched, f.touched_windows, f.eligible_windows,
      f.given, f.received, f.recency, f.consistency, f.value, f.score,
      case
        when f.score >= ${BAND_FLOORS.thriving} then 'thriving'
        when f.score >= ${BAND_FLOORS.steady} then 'steady'
        when f.score >= ${BAND_FLOORS.fading} then 'fading'
        else 'dormant'
      end as band
    from (
      select p.*,
        floor(100 * (${WEIGHTS.recency}::float8 * p.recency + ${WEIGHTS.consistency}::float8 * p.consistency
          + ${WEIGHTS.value}::float8 * p.value) + 0.5)::int as score
      from (
        select d.*,
          case when d.days_since <= d.cadence_days then 1::float8
            when (d.days_since - d.cadence_days) / d.cadence_days > ${RECENCY_MAX_HALVINGS} then 0::float8
            else power(0.5::float8, (d.days_since - d.cadence_days) / d.cadence_days) end as recency,
          d.touched_windows::float8 / greatest(1, d.eligible_windows) as consistency,
          ${WEIGHTS.given}::float8 * ${given} + ${WEIGHTS.received}::float8 * ${received} as value
        from (
          select
            c.id as contact_id,
            c.cadence_days,
            (greatest(0, ${nowMs} - ${epochMs(sql`coalesce(c.last_touched_at, c.created_at)`)}) / ${DAY_MS})::float8 as days_since,
            c.last_touched_at is not null as touched,
            coalesce(w.windows, 0)::int as touched_windows,
            least(${CONSISTENCY_WINDOWS}, floor(
              greatest(0, ${nowMs} - ${epochMs(sql`least(c.created_at, first_touch.at)`)}) / ${windowMs}
            ) + 1)::int as eligible_windows,
            coalesce(v.given, 0)::int as given,
            coalesce(v.received, 0)::int as received
          from (
            select ${contacts.id} as id, ${contacts.createdAt} as created_at,
              ${contacts.lastTouchedAt} as last_touched_at, (${effectiveCadenceDays})::int as cadence_days
            from ${contacts} join ${users} on ${users.id} = ${contacts.userId}
            where ${ofUser(sql`${contacts.userId}`)} and ${contacts.archivedAt} is null ${only}
          ) c
          cross join lateral (select ${sql.join(edges, sql`, `)}) e
          left join lateral (
            select min(ic.occurred_at) as at from ${interactionContacts} ic
            where ic.contact_id = c.id and c.created_at > ${edge(CONSISTENCY_WINDOWS - 1)}
          ) first_touch on true
          left join lateral (
            select bit_count(bit_or(case ${sql.join(windowBits, sql` `)} end)::bit(32)) as windows
            from ${interactionContacts} ic
            where ic.contact_id = c.id and ic.occurred_at > ${edge(CONSISTENCY_WINDOWS)}
          ) w on true
          left join (
            select ic.contact_id,
              count(*) filter (where ic.value_direction = 'given') as given,
              count(*) filter (where ic.value_direction = 'received') as received
            from ${interactionContacts} ic
            where ${ofUser(sql`ic.user_id`)} and ic.value_direction is not null
              and ic.occurred_at > ${now} - make_interval(secs => ${VALUE_LOOKBACK_DAYS * 86400})
              ${params.contactIds === undefined ? sql`` : sql`and ic.contact_id = any(${ids})`}
            group by ic.contact_id
          ) v on v.contact_id = c.id
        ) d
      ) p
    ) f`;
}

// The columns of healthSource, typed and read the same way on both drivers.
export const healthColumns = {
  contactId: sql<string>`h.contact_id`,
  cadenceDays: sql<number>`h.cadence_days`.mapWith(Number),
  daysSince: sql<number>`h.days_since`.mapWith(Number),
  touched: sql<boolean>`h.touched`,
  touchedWindows: sql<number>`h.touched_windows`.mapWith(Number),
  eligibleWindows: sql<number>`h.eligible_windows`.mapWith(Number),
  given: sql<number>`h.given`.mapWith(Number),
  received: sql<number>`h.received`.mapWith(Number),
  recency: sql<number>`h.recency`.mapWith(Number),
  consistency: sql<number>`h.consistency`.mapWith(Number),
  value: sql<number>`h.value`.mapWith(Number),
  score: sql<number>`h.score`.mapWith(Number),
  band: sql<HealthBand>`h.band`,
};

// Health of the given contacts (all of the user's unarchived ones when no
// ids are given), by contact id. Archived and other users' contacts are absent.
export async function contactHealthById(
  db: Db,
  params: { userId: string | string[]; now: Date; contactIds?: string[] },
): Promise<Map<string, Health>> {
  if (params.contactIds?.length === 0) return new Map();
  const rows = await db.select(healthColumns).from(sql`(${healthSource(params)}) as h`);
  return new Map(rows.map(({ contactId, ...health }) => [contactId, health]));
}

// Stores the score and band as of `now` on the given contacts (all of the
// user's when no ids are given); archived ones lose theirs. Runs with every
// schedule refresh, so a touch moves its contacts' stored health at once.
//
// Only rows whose score or band changes are written (an UPDATE that changes
// nothing still writes a row version into every index), so health_as_of is
// when the stored values were last written: they are the model's at that
// moment, and the day's rescoring (users.health_refreshed_at) has found them
// still right since. A row is written only if it is still the version the
// score was computed from (its xmin): when a touch has changed it since, the
// touch scored it itself, from later data. With `skipLocked`, rows another
// transaction holds are left to it, so the statement never waits on a
// contact row and cannot deadlock with a touch that locks several.
export async function refreshStoredHealth(
  db: Db,
  params: { userId: string; now: Date; contactIds?: string[]; skipLocked?: boolean },
): Promise<void> {
  const { userId, now, contactIds } = params;
  if (contactIds?.length === 0) return;
  const only = contactIds ? sql`and c.id = any(${uuidArray(contactIds)})` : sql``;
  const free = params.skipLocked
    ? sql`and c.id in (select f.id from ${contacts} f where f.id in (select id from changed) for no key update skip locked)`
    : sql``;
  // h is computed once, whatever the planner thinks of the contacts table:
  // inlined, a nested loop on a table without statistics (a restore's new
  // contacts) computed every score again for each contact.
  await db.execute(sql`
    with h as materialized (${healthSource({ userId, now, contactIds })}),
    changed as (
      select c.id, c.xmin as version, true as is_live, h.score, h.band
      from h join ${contacts} c on c.id = h.contact_id
      where (c.health_score, c.health_band) is distinct from (h.score, h.band)
      union all
      select c.id, c.xmin, false, null::int, null::text
      from ${contacts} c
      where c.user_id = ${userId} ${only} and c.archived_at is not null
        and (c.health_score is not null or c.health_band is not null)
    )
    update ${contacts} c
    set health_score = changed.score, health_band = changed.band,
      health_as_of = case when changed.is_live then ${now.toISOString()}::timestamptz end
    from changed
    where c.id = changed.id and c.xmin = changed.version ${free}`);
}

// Whether the user's stored health was last rescored before their today.
function staleHealth(now: Date): SQL<boolean> {
  const zone = sql`coalesce(${users.timeZone}, 'UTC')`;
  return sql<boolean>`(${users.healthRefreshedAt} is null
    or (${users.healthRefreshedAt} at time zone ${zone})::date < (${now.toISOString()}::timestamptz at time zone ${zone})::date)`;
}

// The scheduler's share of the day's rescoring (lib/digest/daily-health.ts): up to
// `limit` users whose day has begun since their health was last rescored,
// those who have waited longest first. Only users who have contacts.
export async function listUsersWithStaleHealth(db: Db, params: { now: Date; limit: number }): Promise<string[]> {
  const rows = await db
    .select({ id: users.id })
    .from(users)
    .where(and(staleHealth(params.now), sql`exists (select 1 from ${contacts} where ${contacts.userId} = ${users.id})`))
    .orderBy(sql`${users.healthRefreshedAt} asc nulls first`)
    .limit(params.limit);
  return rows.map((row) => row.id);
}

// Health decays with time, not only with touches: the first read of a day
// (in the user's time zone) recomputes every contact's stored health, and
// any read scores contacts that have none yet (new or unarchived). One
// query tells whether there is anything to do; if so, the claim on the
// user's row makes one of many concurrent requests, on any server, do the
// day's work, while the others wait for it and then find it done.
export async function ensureFreshHealth(db: Db, params: { userId: string; now: Date }): Promise<void> {
  const { userId, now } = params;
  const isStale = staleHealth(now);
  const unscored = and(eq(contacts.userId, userId), isNull(contacts.archivedAt), isNull(contacts.healthScore));
  const [state] = await db
    .select({
      isStale,
      hasUnscored: sql<boolean>`exists (select 1 from ${contacts} where ${unscored})`,
    })
    .from(users)
    .where(eq(users.id, userId));
  if (!state || (!state.isStale && !state.hasUnscored)) return;
  await db.transaction(async (tx) => {
    const claimed = await tx
      .update(users)
      .set({ healthRefreshedAt: now })
      .where(and(eq(users.id, userId), isStale))
      .returning({ id: users.id });
    if (claimed.length > 0) {
      // Over thousands of contacts the planner's estimate crosses
      // jit_above_cost, and compiling costs more than the statement saves.
      await tx.execute(sql`set local jit = off`);
      return refreshStoredHealth(tx, { userId, now, skipLocked: true });
    }
    const found = await tx.select({ id: contacts.id }).from(contacts).where(unscored);
    await refreshStoredHealth(tx, { userId, now, contactIds: found.map((row) => row.id) });
  });
}
