import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { uuidArray } from "@/db/queries/arrays";
import { rowsOf } from "@/db/queries/rows";
import { refreshContactSchedule } from "@/db/queries/schedule";
import { sortKeyOf } from "@/db/queries/contacts-keyset";
import { encodeCursor } from "@/lib/api/v1/keyset-cursor";
import type { SentTouch } from "./load-user";

export type TouchCheck = {
  answered: number;
  unanswered: number;
  /** Answered, and stored once with the id answered and every contact linked. */
  storedOnce: number;
  lost: number;
  doubled: number;
  wrongLinks: number;
  /** Touches stored under the phase's marker that no request sent. */
  stray: number;
  /** Unanswered (failed or timed out) and stored all the same: allowed, once. */
  unansweredStored: number;
};

// Every touch the load sent carries its idempotency key in its summary, so
// the database can be asked, touch by touch, how many times it was stored.
export async function checkTouches(db: Db, params: { userIds: string[]; phase: string; sent: SentTouch[] }): Promise<TouchCheck> {
  const stored = rowsOf<{ id: string; summary: string; links: number }>(
    await db.execute(sql`
      select i.id, i.summary, (select count(*)::int from interaction_contacts ic where ic.interaction_id = i.id) as links
      from interactions i
      where i.user_id = any(${uuidArray(params.userIds)}) and i.summary like ${`bench:load ${params.phase} %`}`),
  );
  const bySummary = new Map<string, { id: string; links: number }[]>();
  for (const row of stored) bySummary.set(row.summary, [...(bySummary.get(row.summary) ?? []), row]);
  const check: TouchCheck = {
    answered: 0,
    unanswered: 0,
    storedOnce: 0,
    lost: 0,
    doubled: 0,
    wrongLinks: 0,
    stray: 0,
    unansweredStored: 0,
  };
  for (const touch of params.sent) {
    const rows = bySummary.get(touch.summary) ?? [];
    bySummary.delete(touch.summary);
    if (rows.length > 1) check.doubled += 1;
    if (rows.some((row) => row.links !== touch.contactIds.length)) check.wrongLinks += 1;
    if (touch.answeredId === undefined) {
      check.unanswered += 1;
      if (rows.length === 1) check.unansweredStored += 1;
      continue;
    }
    check.answered += 1;
    if (rows.length === 0 || !rows.some((row) => row.id === touch.answeredId)) check.lost += 1;
    else if (rows.length === 1 && rows[0]?.links === touch.contactIds.length) check.storedOnce += 1;
  }
  check.stray = [...bySummary.values()].reduce((sum, rows) => sum + rows.length, 0);
  return check;
}

export type ScheduleCheck = { checked: number; mismatched: number; examples: string[] };

class RollBack extends Error {}

// Runs refreshContactSchedule for each user in a transaction that is then
// rolled back, and compares each contact's last touch and next-due date with
// what was stored: the load's writes must have left exactly what the
// function computes. One transaction a user, so rewriting every contact does
// not pile up dead rows that the next user's statements must step over.
export async function checkSchedules(db: Db, params: { userIds: string[] }): Promise<ScheduleCheck> {
  const total: ScheduleCheck = { checked: 0, mismatched: 0, examples: [] };
  for (const userId of params.userIds) {
    const one = await checkSchedule(db, userId);
    total.checked += one.checked;
    total.mismatched += one.mismatched;
    total.examples.push(...one.examples.slice(0, Math.max(0, 5 - total.examples.length)));
  }
  return total;
}

async function checkSchedule(db: Db, userId: string): Promise<ScheduleCheck> {
  let result: ScheduleCheck = { checked: 0, mismatched: 0, examples: [] };
  try {
    await db.transaction(async (tx) => {
      await tx.execute(sql`
        create temporary table load_schedule_before on commit drop as
        select id, last_touched_at, next_due_at from contacts where user_id = ${userId}`);
      await refreshContactSchedule(tx, { userId });
      const differ = sql`c.next_due_at is distinct from b.next_due_at or c.last_touched_at is distinct from b.last_touched_at`;
      const [counts] = rowsOf<{ checked: number; mismatched: number }>(
        await tx.execute(sql`
          select count(*)::int as checked, count(*) filter (where ${differ})::int as mismatched
          from load_schedule_before b join contacts c on c.id = b.id`),
      );
      const examples = rowsOf<{ line: string }>(
        await tx.execute(sql`
          select format('contact %s: stored next_due_at %s, last_touched_at %s; computed %s, %s',
            b.id, b.next_due_at, b.last_touched_at, c.next_due_at, c.last_touched_at) as line
          from load_schedule_before b join contacts c on c.id = b.id
          where ${differ}
          limit 5`),
      );
      result = { checked: counts?.checked ?? 0, mismatched: counts?.mismatched ?? 0, examples: examples.map((row) => row.line) };
      throw new RollBack();
    });
  } catch (error) {
    if (!(error instanceof RollBack)) throw error;
  }
  return result;
}

export async function countContacts(db: Db, userId: string): Promise<number> {
  const [row] = rowsOf<{ count: number }>(await db.execute(sql`select count(*)::int as count from contacts where user_id = ${userId}`));
  return row?.count ?? 0;
}

// The Contacts page's cursors (name order, as its Next links carry them) for
// up to `limit` pages in the second half of the user's list.
export async function deepPageCursors(
  db: Db,
  userId: string,
  params: { pageSize: number; limit: number },
): Promise<{ page: number; after: string }[]> {
  const rows = rowsOf<{ id: string; name: string; position: number }>(
    await db.execute(sql`
      select id, lower(name) as name, position from (
        select id, name, (row_number() over (order by lower(name), id))::int as position,
          count(*) over ()::int as listed
        from contacts where user_id = ${userId} and archived_at is null
      ) ranked
      where position % ${params.pageSize} = 0 and position * 2 >= listed
      order by position limit ${params.limit}`),
  );
  return rows.map((row) => ({
    page: row.position / params.pageSize + 1,
    after: encodeCursor(sortKeyOf("name", row.id, { name: row.name, lastTouch: null, nextDue: null, score: null })),
  }));
}
