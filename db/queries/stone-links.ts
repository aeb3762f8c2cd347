import { and, eq, sql } from "drizzle-orm";
import type { PgColumn, PgTable } from "drizzle-orm/pg-core";
import type { Db } from "@/db/client";
import {
  contacts,
  events,
  goals,
  skills,
  stoneEvents,
  stonePeople,
  stoneSkills,
  stoneWins,
  steppingStones,
  wins,
} from "@/db/schema";
import type { ContactGoal } from "@/lib/domain/stone-links";
import type { StoneLinkSet } from "@/lib/domain/career";
import type { StonePersonPart } from "@/lib/domain/enums";
import { uuidArray } from "./arrays";
import { rowsOf } from "./rows";
import { ensureSkills } from "./wins-write";

// A stepping stone's links: the skills it needs, the people who matter for
// it, the wins that prove progress and the events that advanced it. Every
// write names the user in the statement that writes, for the stone and for
// what it links to alike: anything not theirs writes nothing.

type LinkRow = {
  stone_id: string;
  kind: "skill" | "person" | "win" | "event";
  id: string;
  name: string;
  part: StonePersonPart | null;
  note: string | null;
  day: string | null;
};

// Every stepping stone's links in one goal, keyed by stone id (stones with
// no links are absent). One statement: each link table is read by its
// primary key's stone_id prefix for the goal's stones. Skills and people by
// name, wins and events newest first.
export async function listStoneLinks(
  db: Db,
  params: { userId: string; goalId: string },
): Promise<Map<string, StoneLinkSet>> {
  const { userId, goalId } = params;
  const result = await db.execute(sql`
    with stone as (
      select id from ${steppingStones} where goal_id = ${goalId}::uuid and user_id = ${userId}::uuid
    )
    select l.stone_id, 'skill' as kind, k.id, k.name, null::text as part, null::text as note, null::text as day,
      0 as kind_order, lower(k.name) as sort_name
    from ${stoneSkills} l
    join stone on stone.id = l.stone_id
    join ${skills} k on k.id = l.skill_id and k.user_id = ${userId}::uuid
    where l.user_id = ${userId}::uuid
    union all
    select l.stone_id, 'person', c.id, c.name, l.part::text, l.note, null, 1, lower(c.name)
    from ${stonePeople} l
    join stone on stone.id = l.stone_id
    join ${contacts} c on c.id = l.contact_id and c.user_id = ${userId}::uuid
    where l.user_id = ${userId}::uuid
    union all
    select l.stone_id, 'win', w.id, w.title, null, null, to_char(w.occurred_on, 'YYYY-MM-DD'), 2, lower(w.title)
    from ${stoneWins} l
    join stone on stone.id = l.stone_id
    join ${wins} w on w.id = l.win_id and w.user_id = ${userId}::uuid
    where l.user_id = ${userId}::uuid
    union all
    select l.stone_id, 'event', e.id, e.name, null, null, to_char(e.occurred_on, 'YYYY-MM-DD'), 3, lower(e.name)
    from ${stoneEvents} l
    join stone on stone.id = l.stone_id
    join ${events} e on e.id = l.event_id and e.user_id = ${userId}::uuid
    where l.user_id = ${userId}::uuid
    order by kind_order, day desc nulls last, sort_name, id`);
  const byStone = new Map<string, StoneLinkSet>();
  for (const row of rowsOf<LinkRow>(result)) {
    let links = byStone.get(row.stone_id);
    if (!links) {
      links = { skills: [], people: [], wins: [], events: [] };
      byStone.set(row.stone_id, links);
    }
    if (row.kind === "skill") links.skills.push({ id: row.id, name: row.name });
    else if (row.kind === "person" && row.part) links.people.push({ contactId: row.id, name: row.name, part: row.part, note: row.note });
    else if (row.kind === "win" && row.day) links.wins.push({ id: row.id, title: row.name, occurredOn: row.day });
    else if (row.kind === "event" && row.day) links.events.push({ id: row.id, name: row.name, occurredOn: row.day });
  }
  return byStone;
}

export type LinkOutcome = "done" | "stone-not-found" | "target-not-found";

type Counts = { stones: number | string; targets: number | string };

function outcomeOf(result: unknown, expectedTargets = 1): LinkOutcome {
  const [counts] = rowsOf<Counts>(result);
  if (Number(counts?.stones ?? 0) === 0) return "stone-not-found";
  if (Number(counts?.targets ?? 0) !== expectedTargets) return "target-not-found";
  return "done";
}

// Links one of the user's rows (a win, an event, a skill) to one of their
// stones: both are read with the user's id in the same statement that
// inserts, so another user's stone or row links nothing. Linking twice is
// harmless.
async function linkOwned(
  db: Db,
  params: { userId: string; stoneId: string; link: PgTable; linkColumn: PgColumn; target: PgTable; targetId: string },
): Promise<LinkOutcome> {
  const { userId, stoneId, link, linkColumn, target, targetId } = params;
  const result = await db.execute(sql`
    with stone as (
      select id from ${steppingStones} where id = ${stoneId}::uuid and user_id = ${userId}::uuid
    ), target as (
      select id from ${target} where id = ${targetId}::uuid and user_id = ${userId}::uuid
    ), linked as (
      insert into ${link} (user_id, stone_id, ${sql.identifier(linkColumn.name)})
      select ${userId}::uuid, stone.id, target.id from stone cross join target
      on conflict do nothing
      returning 1
    )
    select (select count(*) from stone) as stones, (select count(*) from target) as targets`);
  return outcomeOf(result);
}

export async function linkWin(db: Db, params: { userId: string; stoneId: string; winId: string }): Promise<LinkOutcome> {
  return linkOwned(db, { ...params, link: stoneWins, linkColumn: stoneWins.winId, target: wins, targetId: params.winId });
}

export async function linkEvent(db: Db, params: { userId: string; stoneId: string; eventId: string }): Promise<LinkOutcome> {
  return linkOwned(db, {
    ...params,
    link: stoneEvents,
    linkColumn: stoneEvents.eventId,
    target: events,
    targetId: params.eventId,
  });
}

// Whether the stepping stone is the user's.
export async function ownsStone(db: Db, params: { userId: string; stoneId: string }): Promise<boolean> {
  const [row] = await db
    .select({ id: steppingStones.id })
    .from(steppingStones)
    .where(and(eq(steppingStones.id, params.stoneId), eq(steppingStones.userId, params.userId)));
  return row !== undefined;
}

// Links a skill by name, reusing the user's skill of that name in any case or
// creating it, as the journal does. Run it inside a transaction: another
// user's stone creates no skill.
export async function linkSkillByName(
  tx: Db,
  params: { userId: string; stoneId: string; name: string },
): Promise<{ skillId: string } | undefined> {
  const { userId, stoneId, name } = params;
  if (!(await ownsStone(tx, { userId, stoneId }))) return undefined;
  const [skillId] = await ensureSkills(tx, { userId, names: [name] });
  if (!skillId) throw new Error("linkSkillByName: the skill was neither found nor created");
  const outcome = await linkOwned(tx, { userId, stoneId, link: stoneSkills, linkColumn: stoneSkills.skillId, target: skills, targetId: skillId });
  return outcome === "done" ? { skillId } : undefined;
}

// Links people with one part and note, all or none: when any of them is not
// the user's contact, nobody is linked. Someone already linked takes the new
// part and note.
export async function linkPeople(
  db: Db,
  params: { userId: string; stoneId: string; contactIds: string[]; part: StonePersonPart; note: string | null },
): Promise<LinkOutcome> {
  const { userId, stoneId, part, note } = params;
  const contactIds = [...new Set(params.contactIds)];
  const result = await db.execute(sql`
    with stone as (
      select id from ${steppingStones} where id = ${stoneId}::uuid and user_id = ${userId}::uuid
    ), target as (
      select id from ${contacts} where id = any(${uuidArray(contactIds)}) and user_id = ${userId}::uuid
    ), linked as (
      insert into ${stonePeople} (user_id, stone_id, contact_id, part, note)
      select ${userId}::uuid, stone.id, target.id, ${part}::stone_person_part, ${note}::text
      from stone cross join target
      where (select count(*) from target) = ${contactIds.length}
      on conflict (stone_id, contact_id) do update set part = excluded.part, note = excluded.note
      returning 1
    )
    select (select count(*) from stone) as stones, (select count(*) from target) as targets`);
  return outcomeOf(result, contactIds.length);
}

// Changes why a linked person matters; undefined when they are not linked to
// the user's stone.
export async function updateStonePerson(
  db: Db,
  params: { userId: string; stoneId: string; contactId: string; part: StonePersonPart; note: string | null },
): Promise<{ contactId: string } | undefined> {
  const [row] = await db
    .update(stonePeople)
    .set({ part: params.part, note: params.note })
    .where(
      and(
        eq(stonePeople.stoneId, params.stoneId),
        eq(stonePeople.contactId, params.contactId),
        eq(stonePeople.userId, params.userId),
      ),
    )
    .returning({ contactId: stonePeople.contactId });
  return row;
}

// Unlinks; the skill, contact, win or event itself stays. False when the
// link was not there (or not the user's).
async function unlink(db: Db, table: PgTable, column: PgColumn, params: { userId: string; stoneId: string; targetId: string }) {
  const result = await db.execute(sql`
    delete from ${table}
    where stone_id = ${params.stoneId}::uuid and ${sql.identifier(column.name)} = ${params.targetId}::uuid
      and user_id = ${params.userId}::uuid
    returning 1`);
  return rowsOf(result).length > 0;
}

export async function unlinkSkill(db: Db, params: { userId: string; stoneId: string; skillId: string }) {
  return unlink(db, stoneSkills, stoneSkills.skillId, { ...params, targetId: params.skillId });
}

export async function unlinkPerson(db: Db, params: { userId: string; stoneId: string; contactId: string }) {
  return unlink(db, stonePeople, stonePeople.contactId, { ...params, targetId: params.contactId });
}

export async function unlinkWin(db: Db, params: { userId: string; stoneId: string; winId: string }) {
  return unlink(db, stoneWins, stoneWins.winId, { ...params, targetId: params.winId });
}

export async function unlinkEvent(db: Db, params: { userId: string; stoneId: string; eventId: string }) {
  return unlink(db, stoneEvents, stoneEvents.eventId, { ...params, targetId: params.eventId });
}

function containsPattern(q: string): string {
  return `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

// The event picker's type-ahead: the user's events whose name contains q,
// newest first; an empty q gives the latest.
export async function searchEventOptions(
  db: Db,
  params: { userId: string; q: string; limit: number },
): Promise<{ id: string; name: string; occurredOn: string }[]> {
  const q = params.q.trim();
  return db
    .select({ id: events.id, name: events.name, occurredOn: events.occurredOn })
    .from(events)
    .where(and(eq(events.userId, params.userId), q === "" ? undefined : sql`${events.name} ilike ${containsPattern(q)}`))
    .orderBy(sql`${events.occurredOn} desc`, sql`${events.id} desc`)
    .limit(params.limit);
}

// The active goals a contact matters for, each step they are linked to with
// their part and note; dropped steps have left the plan and are not shown.
// The north star first, then the oldest goal, steps in path order.
export async function listContactGoals(db: Db, params: { userId: string; contactId: string }): Promise<ContactGoal[]> {
  const { userId, contactId } = params;
  const rows = await db
    .select({
      goalId: goals.id,
      goalTitle: goals.title,
      isNorthStar: goals.isNorthStar,
      stoneId: steppingStones.id,
      stoneTitle: steppingStones.title,
      status: steppingStones.status,
      part: stonePeople.part,
      note: stonePeople.note,
    })
    .from(stonePeople)
    .innerJoin(steppingStones, and(eq(steppingStones.id, stonePeople.stoneId), eq(steppingStones.userId, userId)))
    .innerJoin(goals, and(eq(goals.id, steppingStones.goalId), eq(goals.userId, userId)))
    .where(
      and(
        eq(stonePeople.contactId, contactId),
        eq(stonePeople.userId, userId),
        eq(goals.status, "active"),
        sql`${steppingStones.status} <> 'dropped'`,
      ),
    )
    .orderBy(sql`${goals.isNorthStar} desc`, goals.createdAt, goals.id, steppingStones.position);
  const byGoal = new Map<string, ContactGoal>();
  for (const { goalId, goalTitle, isNorthStar, stoneId, stoneTitle, status, part, note } of rows) {
    let goal = byGoal.get(goalId);
    if (!goal) {
      goal = { id: goalId, title: goalTitle, isNorthStar, stones: [] };
      byGoal.set(goalId, goal);
    }
    goal.stones.push({ id: stoneId, title: stoneTitle, status, part, note });
  }
  return [...byGoal.values()];
}
