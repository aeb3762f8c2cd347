import { type SQL, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import {
  contacts,
  digestDeliveries,
  goals,
  interactionContacts,
  interactions,
  stonePeople,
  steppingStones,
  successes,
  users,
  wins,
} from "@/db/schema";
import type { ReconnectContact, ValueStreak } from "@/lib/domain/dashboard";
import type { StonePersonPart, SuccessKind } from "@/lib/domain/enums";
import type { WaitingSuccess } from "@/lib/domain/successes";
import type { Health } from "@/lib/health/model";
import { dateArray, uuidArray } from "./arrays";
import { isOverdue } from "./contacts";
import { valueStreakSource } from "./dashboard";
import { contactHealthById } from "./health";

// What the weekly digest says, read for a whole chunk of users (the
// scheduler's 100) in five statements instead of a dozen per user: at
// 10,000 users, planning the same small queries again and again cost more
// than running them. Each part is what the dashboard shows for one user
// (db/queries/dashboard.ts), with the user as a column of unnest(…).

/** `journal`: the user wants "What went well this week?", so their wins are read. */
export type DigestUser = { userId: string; period: string; thisWeek: string; journal: boolean };

export type DigestWinRow = { id: string; title: string; occurredOn: string };

/** Why an overdue contact matters: the first open step of an active goal they are among the people of. */
export type DigestMattersFor = { goalTitle: string; part: StonePersonPart; note: string | null; others: number };

export type DigestReconnect = ReconnectContact & { mattersFor: DigestMattersFor | null };

export type DigestData = {
  reconnect: DigestReconnect[];
  reconnectTotal: number;
  waiting: WaitingSuccess[];
  /** When the last digest of another period was sent. */
  lastSentAt: Date | null;
  streak: ValueStreak;
  /** Touches, and value given and received, in the week before thisWeek. */
  lastWeek: { touches: number; given: number; received: number };
  /** Wins dated in the week before thisWeek, oldest first (journal users only). */
  lastWeekWins: DigestWinRow[];
  lastWeekWinsTotal: number;
};

const users$ = (list: DigestUser[]) =>
  sql`unnest(${uuidArray(list.map((user) => user.userId))}, ${periodArray(list)}, ${dateArray(list.map((user) => user.thisWeek))})
    as u(user_id, period, this_week)`;

// Periods are ISO weeks ("2026-W48"): checked like the other array values.
function periodArray(list: DigestUser[]): SQL {
  for (const { period } of list) {
    if (!/^\d{4}-W\d{2}$/.test(period)) throw new Error(`Not a digest period: ${JSON.stringify(period)}`);
  }
  return sql`${`{${list.map((user) => user.period).join(",")}}`}::text[]`;
}

// The open steps of active goals that the overdue contact r matters for: the
// north star's first, then by the step's place in its path; the total counts
// them all before the limit keeps the first. Off stone_people_contact_idx,
// for the few contacts the digest names.
function mattersFor(me: SQL): SQL {
  return sql`
    select g.title as goal_title, sp.part as part, sp.note as note, count(*) over () as total
    from ${stonePeople} sp
    join ${steppingStones} ss on ss.id = sp.stone_id and ss.user_id = ${me} and ss.status in ('planned', 'in_progress')
    join ${goals} g on g.id = ss.goal_id and g.user_id = ${me} and g.status = 'active'
    where sp.contact_id = r.id and sp.user_id = ${me}
    order by g.is_north_star desc, ss.position, g.created_at, g.id
    limit 1`;
}

export async function loadDigestData(
  db: Db,
  params: { users: DigestUser[]; now: Date; reconnectLimit: number; congratulateLimit: number; winsLimit: number },
): Promise<Map<string, DigestData>> {
  const { users: list, now } = params;
  if (list.length === 0) return new Map();
  const me = sql`u.user_id`;
  const journalUsers = list.filter((user) => user.journal);

  const [summaries, reconnectRows, waitingRows, winRows] = await Promise.all([
    db
      .select({
        userId: sql<string>`u.user_id`,
        reconnectTotal: sql<number>`overdue.total`.mapWith(Number),
        lastSentAt: sql<Date | null>`last_sent.sent_at`.mapWith(digestDeliveries.sentAt),
        weeks: sql<number>`streak.weeks`.mapWith(Number),
        includesThisWeek: sql<boolean>`streak.includes_this_week`,
        touches: sql<number>`last_week.touches`.mapWith(Number),
        given: sql<number>`last_week.given`.mapWith(Number),
        received: sql<number>`last_week.received`.mapWith(Number),
      })
      .from(
        sql`${users$(list)}
        cross join lateral (
          select count(*) as total from ${contacts} where ${contacts.userId} = ${me} and ${isOverdue(me, now)}
        ) overdue
        left join lateral (
          select d.sent_at from ${digestDeliveries} d
          where d.user_id = ${me} and d.status = 'sent' and d.period <> u.period
          order by d.sent_at desc limit 1
        ) last_sent on true
        cross join lateral ${valueStreakSource(me, sql`u.this_week`)} streak
        cross join lateral (
          select count(*) as touches,
            count(*) filter (where w.value_direction = 'given') as given,
            count(*) filter (where w.value_direction = 'received') as received
          from ${interactions} w
          where w.user_id = ${me}
            and w.occurred_at >= ((u.this_week - 7)::timestamp at time zone 'UTC')
            and w.occurred_at < (u.this_week::timestamp at time zone 'UTC')
        ) last_week`,
      ),
    db
      .select({
        userId: sql<string>`u.user_id`,
        id: sql<string>`r.id`,
        name: sql<string>`r.name`,
        company: sql<string | null>`r.company`,
        nextDueAt: sql<Date>`r.next_due_at`.mapWith(contacts.nextDueAt),
        lastTouchedAt: sql<Date | null>`r.last_touched_at`.mapWith(contacts.lastTouchedAt),
        lastTouchSummary: sql<string | null>`r.last_touch_summary`,
        goalTitle: sql<string | null>`m.goal_title`,
        part: sql<StonePersonPart | null>`m.part`,
        note: sql<string | null>`m.note`,
        mattersCount: sql<number | null>`m.total`.mapWith(Number),
      })
      .from(
        sql`${users$(list)}
        cross join lateral (
          select ${contacts.id} as id, ${contacts.name} as name, ${contacts.company} as company,
            ${contacts.nextDueAt} as next_due_at, ${contacts.lastTouchedAt} as last_touched_at,
            (
              select i.summary from ${interactionContacts} ic
              join ${interactions} i on i.id = ic.interaction_id
              where ic.contact_id = ${contacts.id} and i.user_id = ${me}
              order by ic.occurred_at desc limit 1
            ) as last_touch_summary
          from ${contacts}
          where ${contacts.userId} = ${me} and ${isOverdue(me, now)}
          order by ${contacts.nextDueAt}, ${contacts.id}
          limit ${params.reconnectLimit}
        ) r
        left join lateral (${mattersFor(me)}) m on true`,
      )
      .orderBy(sql`u.user_id`, sql`r.next_due_at`, sql`r.id`),
    db
      .select({
        userId: sql<string>`u.user_id`,
        id: sql<string>`s.id`,
        kind: sql<SuccessKind>`s.kind`,
        title: sql<string>`s.title`,
        occurredOn: sql<string>`s.occurred_on`.mapWith(successes.occurredOn),
        url: sql<string | null>`s.url`,
        contactId: sql<string>`s.contact_id`,
        contactName: sql<string>`s.contact_name`,
        createdAt: sql<Date>`s.created_at`.mapWith(successes.createdAt),
      })
      .from(
        sql`${users$(list)}
        cross join lateral (
          select ${successes.id} as id, ${successes.kind} as kind, ${successes.title} as title,
            ${successes.occurredOn} as occurred_on, ${successes.url} as url, ${contacts.id} as contact_id,
            ${contacts.name} as contact_name, ${successes.createdAt} as created_at
          from ${successes}
          join ${contacts} on ${contacts.id} = ${successes.contactId} and ${contacts.userId} = ${me}
          where ${successes.userId} = ${me} and ${successes.congratulatedByInteractionId} is null
            and ${contacts.archivedAt} is null
          order by ${successes.occurredOn} desc, ${successes.createdAt} desc, ${successes.id} desc
          limit ${params.congratulateLimit}
        ) s`,
      )
      .orderBy(sql`u.user_id`, sql`s.occurred_on desc`, sql`s.created_at desc`, sql`s.id desc`),
    // Last week's wins, off wins_user_occurred_idx; the total is counted
    // before the limit cuts the list.
    journalUsers.length === 0
      ? []
      : db
          .select({
            userId: sql<string>`u.user_id`,
            id: sql<string>`w.id`,
            title: sql<string>`w.title`,
            occurredOn: sql<string>`w.occurred_on`.mapWith(wins.occurredOn),
            total: sql<number>`w.total`.mapWith(Number),
          })
          .from(
            sql`${users$(journalUsers)}
            cross join lateral (
              select ${wins.id} as id, ${wins.title} as title, ${wins.occurredOn} as occurred_on,
                ${wins.createdAt} as created_at, count(*) over () as total
              from ${wins}
              where ${wins.userId} = ${me} and ${wins.occurredOn} >= u.this_week - 7 and ${wins.occurredOn} < u.this_week
              order by ${wins.occurredOn}, ${wins.createdAt}, ${wins.id}
              limit ${params.winsLimit}
            ) w`,
          )
          .orderBy(sql`u.user_id`, sql`w.occurred_on`, sql`w.created_at`, sql`w.id`),
  ]);

  const health = await contactHealthById(db, {
    userId: list.map((user) => user.userId),
    now,
    contactIds: reconnectRows.map((row) => row.id),
  });

  const data = new Map<string, DigestData>();
  for (const row of summaries) {
    data.set(row.userId, {
      reconnect: [],
      reconnectTotal: row.reconnectTotal,
      waiting: [],
      lastSentAt: row.lastSentAt,
      streak: { weeks: row.weeks, includesThisWeek: row.includesThisWeek },
      lastWeek: { touches: row.touches, given: row.given, received: row.received },
      lastWeekWins: [],
      lastWeekWinsTotal: 0,
    });
  }
  for (const { userId, goalTitle, part, note, mattersCount, ...contact } of reconnectRows) {
    const found: Health | undefined = health.get(contact.id);
    const mattersFor =
      goalTitle !== null && part !== null ? { goalTitle, part, note, others: (mattersCount ?? 1) - 1 } : null;
    if (found) data.get(userId)?.reconnect.push({ ...contact, health: found, mattersFor });
  }
  for (const { userId, ...success } of waitingRows) data.get(userId)?.waiting.push(success);
  for (const { userId, total, ...win } of winRows) {
    const found = data.get(userId);
    found?.lastWeekWins.push(win);
    if (found) found.lastWeekWinsTotal = total;
  }
  return data;
}

type DigestPerson = { name: string | null; timeZone: string | null; journalPromptEnabled: boolean };

// The users' names, time zones and whether they want the journal's prompt, by id.
export async function loadDigestUsers(db: Db, userIds: string[]) {
  if (userIds.length === 0) return new Map<string, DigestPerson>();
  const rows = await db
    .select({ id: users.id, name: users.name, timeZone: users.timeZone, journalPromptEnabled: users.journalPromptEnabled })
    .from(users)
    .where(sql`${users.id} = any(${uuidArray(userIds)})`);
  return new Map(rows.map(({ id, ...user }) => [id, user]));
}
