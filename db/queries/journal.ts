import { and, asc, desc, eq, gte, lte, type SQL, sql } from "drizzle-orm";
import { unionAll } from "drizzle-orm/pg-core";
import { z } from "zod";
import type { Db } from "@/db/client";
import { contacts, jobRoles, skills, winPeople, winSkills, wins } from "@/db/schema";
import { isCalendarDate } from "@/lib/domain/dates";
import type { WinPersonPart } from "@/lib/domain/enums";
import { roleLabel } from "@/lib/domain/journal";
import type {
  ContactWin,
  JournalCursor,
  JournalFilterOptions,
  JournalFilters,
  JournalPage,
  JournalWin,
  JournalWinPerson,
  JournalWinSkill,
  QuarterCount,
} from "@/lib/domain/journal-list";
import { MAX_JOURNAL_SEARCH_WORDS } from "@/lib/validations/journal-filters";
import { textArray, uuidArray } from "./arrays";
import { listRoles } from "./roles";

// The journal's reads: a page of wins newest first, its counts per quarter,
// the filters' options, and the wins a contact took part in.

const isUuid = (value: string) => z.uuid().safeParse(value).success;

// wins_user_occurred_idx is (user_id, occurred_on DESC NULLS LAST, id DESC
// NULLS LAST). A bare DESC means NULLS FIRST, which the planner does not read
// off that index (it sorts every win instead), although neither column is null.
const NEWEST_FIRST = [sql`${wins.occurredOn} desc nulls last`, sql`${wins.id} desc nulls last`];

// The words of a search, each once, at most MAX_JOURNAL_SEARCH_WORDS (NUL,
// which PostgreSQL refuses in text, separates words like a space).
function searchWords(q: string | undefined): string[] {
  const words = (q ?? "").split(/[\s\u0000]+/).filter(Boolean);
  const byKey = new Map(words.map((word) => [word.toLowerCase(), word]));
  return [...byKey.values()].slice(0, MAX_JOURNAL_SEARCH_WORDS);
}

// A word anywhere in the text; % and _ in it are literal.
function containsPattern(word: string): string {
  return `%${word.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

// Ids and days a query can be given without PostgreSQL refusing them; any
// other value matches no win.
function isReadable(filters: JournalFilters, cursor?: JournalCursor | null): boolean {
  const ids = [filters.roleId, filters.skillId, filters.contactId, cursor?.id];
  const days = [filters.from, filters.to, cursor?.occurredOn];
  return ids.every((id) => id === undefined || isUuid(id)) && days.every((day) => day === undefined || isCalendarDate(day));
}

// For each search word, the user's skills whose names contain it: a word
// matches a win through its text or through one of these.
async function skillsMatching(db: Db, userId: string, words: string[]): Promise<string[][]> {
  const matched = words.map((): string[] => []);
  if (words.length === 0) return matched;
  const rows = await db
    .select({ id: skills.id, word: sql<number>`p.i`.mapWith(Number) })
    .from(skills)
    .innerJoin(
      sql`unnest(${textArray(words.map(containsPattern))}) with ordinality as p(pattern, i)`,
      sql`lower(${skills.name}) like lower(p.pattern)`,
    )
    .where(eq(skills.userId, userId));
  for (const row of rows) matched[row.word - 1]?.push(row.id);
  return matched;
}

// search_text is already lower-cased, so LIKE on the lower-cased pattern means
// what ILIKE would, at a quarter of its cost per row, and wins_search_idx (a
// trigram GIN index) serves both. A word that names none of the user's skills
// is a condition on the text alone, which the planner can answer from that
// index when the word is rare, or from the ordered index when it is common.
function wordCondition(userId: string, word: string, skillIds: string[]): SQL {
  const inText = sql`${wins.searchText} like lower(${containsPattern(word)})`;
  if (skillIds.length === 0) return inText;
  return sql`(${inText} or exists (
    select 1 from ${winSkills} ws
    where ws.win_id = ${wins.id} and ws.user_id = ${userId} and ws.skill_id = any(${uuidArray(skillIds)})
  ))`;
}

// Every condition but the page's start. The skill and person filters are
// semi-joins on (win_id, skill_id) and (contact_id, occurred_on) indexes.
async function filterConditions(db: Db, userId: string, filters: JournalFilters): Promise<SQL[]> {
  const conditions: SQL[] = [eq(wins.userId, userId)];
  if (filters.roleId) conditions.push(eq(wins.roleId, filters.roleId));
  if (filters.kind) conditions.push(eq(wins.kind, filters.kind));
  if (filters.from) conditions.push(gte(wins.occurredOn, filters.from));
  if (filters.to) conditions.push(lte(wins.occurredOn, filters.to));
  if (filters.skillId) {
    conditions.push(sql`exists (
      select 1 from ${winSkills} ws
      where ws.win_id = ${wins.id} and ws.skill_id = ${filters.skillId} and ws.user_id = ${userId}
    )`);
  }
  if (filters.contactId) {
    conditions.push(sql`exists (
      select 1 from ${winPeople} wp
      where wp.win_id = ${wins.id} and wp.contact_id = ${filters.contactId} and wp.user_id = ${userId}
    )`);
  }
  const words = searchWords(filters.q);
  const skillIds = await skillsMatching(db, userId, words);
  words.forEach((word, index) => conditions.push(wordCondition(userId, word, skillIds[index] ?? [])));
  return conditions;
}

// The journal's columns of a win, with its role (the user's own only).
function selectWins(db: Db, userId: string) {
  return db
    .select({
      id: wins.id,
      occurredOn: wins.occurredOn,
      kind: wins.kind,
      title: wins.title,
      what: wins.what,
      result: wins.result,
      metricValue: wins.metricValue,
      metricUnit: wins.metricUnit,
      url: wins.url,
      roleId: jobRoles.id,
      roleTitle: jobRoles.title,
      roleCompany: jobRoles.company,
    })
    .from(wins)
    .leftJoin(jobRoles, and(eq(jobRoles.id, wins.roleId), eq(jobRoles.userId, userId)));
}

type WinRow = Awaited<ReturnType<ReturnType<typeof selectWins>["where"]>>[number];

async function withDetails(db: Db, userId: string, rows: WinRow[]): Promise<JournalWin[]> {
  const details = await winDetails(db, userId, rows.map((row) => row.id));
  return rows.map(({ roleId, roleTitle, roleCompany, ...win }) => ({
    ...win,
    role:
      roleId && roleTitle !== null && roleCompany !== null
        ? { id: roleId, label: roleLabel({ title: roleTitle, company: roleCompany }) }
        : null,
    people: details.people.get(win.id) ?? [],
    skills: details.skills.get(win.id) ?? [],
  }));
}

// One of the user's wins as the journal lists it (role, people, skills), for
// an answer that shows a win just saved as the list would; another user's
// win is undefined.
export async function getJournalWin(db: Db, params: { userId: string; winId: string }): Promise<JournalWin | undefined> {
  const { userId, winId } = params;
  const rows = await selectWins(db, userId).where(and(eq(wins.userId, userId), eq(wins.id, winId)));
  const [win] = await withDetails(db, userId, rows);
  return win;
}

// A page of the user's wins, newest first, after `cursor` (keyset paging: the
// same day's wins are ordered by id, so no win is repeated or skipped), with
// each win's role, people and skills. Two queries, and a third first when
// searching (the skills that match the words).
export async function listJournal(
  db: Db,
  params: { userId: string; filters: JournalFilters; cursor?: JournalCursor | null; limit: number },
): Promise<JournalPage> {
  const { userId, filters, cursor, limit } = params;
  if (!isReadable(filters, cursor) || limit < 1) return { wins: [], nextCursor: null };
  const conditions = await filterConditions(db, userId, filters);
  if (cursor) {
    conditions.push(sql`(${wins.occurredOn}, ${wins.id}) < (${cursor.occurredOn}::date, ${cursor.id}::uuid)`);
  }

  const rows = await selectWins(db, userId)
    .where(and(...conditions))
    .orderBy(...NEWEST_FIRST)
    .limit(limit + 1);
  const found = await withDetails(db, userId, rows.slice(0, limit));
  const last = found.at(-1);
  return {
    wins: found,
    nextCursor: rows.length > limit && last ? { occurredOn: last.occurredOn, id: last.id } : null,
  };
}

// The people (by part, helped me first, then name) and skills (by name) of a
// page of wins, in one query. Two plain queries beat one that aggregates
// JSON per row: they plan in a fraction of the time, which at a page of 25
// wins is most of the cost.
async function winDetails(db: Db, userId: string, winIds: string[]) {
  const people = new Map<string, JournalWinPerson[]>();
  const tags = new Map<string, JournalWinSkill[]>();
  if (winIds.length === 0) return { people, skills: tags };
  const ids = uuidArray(winIds);
  const personRows = db
    .select({
      winId: winPeople.winId,
      isSkill: sql<boolean>`false`.as("is_skill"),
      part: sql<WinPersonPart | null>`${winPeople.part}`.as("part"),
      sortName: sql<string>`lower(${contacts.name})`.as("sort_name"),
      id: contacts.id,
      name: contacts.name,
    })
    .from(winPeople)
    .innerJoin(contacts, and(eq(contacts.id, winPeople.contactId), eq(contacts.userId, userId)))
    .where(and(eq(winPeople.userId, userId), sql`${winPeople.winId} = any(${ids})`));
  const skillRows = db
    .select({
      winId: winSkills.winId,
      isSkill: sql<boolean>`true`.as("is_skill"),
      part: sql<WinPersonPart | null>`null::win_person_part`.as("part"),
      sortName: sql<string>`lower(${skills.name})`.as("sort_name"),
      id: skills.id,
      name: skills.name,
    })
    .from(winSkills)
    .innerJoin(skills, and(eq(skills.id, winSkills.skillId), eq(skills.userId, userId)))
    .where(and(eq(winSkills.userId, userId), sql`${winSkills.winId} = any(${ids})`));
  const rows = await unionAll(personRows, skillRows).orderBy(
    sql`"is_skill"`,
    sql`"part"`,
    sql`"sort_name"`,
    sql`"id"`,
  );
  const add = <T>(map: Map<string, T[]>, winId: string, item: T) => {
    const list = map.get(winId);
    if (list) list.push(item);
    else map.set(winId, [item]);
  };
  for (const { winId, part, id, name } of rows) {
    if (part === null) add(tags, winId, { id, name });
    else add(people, winId, { contactId: id, name, part });
  }
  return { people, skills: tags };
}

const QUARTERS_SHOWN = 8;
// A range of a century still lists a readable number of quarters.
const MAX_QUARTERS_IN_RANGE = 400;

// Wins per quarter under the same filters, oldest quarter first: the last
// eight quarters that have any, or, with a date range, every quarter in it
// that has any. Counted in SQL off the same indexes as the page. Without a
// range, the last two years are counted first: when each of their eight
// quarters has a win (a journal kept up), no older win is read.
export async function journalQuarterCounts(
  db: Db,
  params: { userId: string; filters: JournalFilters },
): Promise<QuarterCount[]> {
  const { userId, filters } = params;
  if (!isReadable(filters)) return [];
  const conditions = await filterConditions(db, userId, filters);
  const quarter = sql<string>`date_trunc('quarter', ${wins.occurredOn}::timestamp)::date`;
  const count = (since: SQL | undefined, limit: number) =>
    db
      .select({ quarter, count: sql<number>`count(*)::int`.mapWith(Number) })
      .from(wins)
      .where(and(...conditions, since))
      .groupBy(quarter)
      .orderBy(desc(quarter))
      .limit(limit);

  const oldestFirst = (rows: { quarter: string; count: number }[]) =>
    rows.map((row) => ({ quarter: String(row.quarter), count: row.count })).reverse();

  if (filters.from || filters.to) return oldestFirst(await count(undefined, MAX_QUARTERS_IN_RANGE));
  const lastTwoYears = sql`${wins.occurredOn} >=
    (date_trunc('quarter', current_date::timestamp) - interval '21 months')::date`;
  const recent = await count(lastTwoYears, QUARTERS_SHOWN);
  return oldestFirst(recent.length === QUARTERS_SHOWN ? recent : await count(undefined, QUARTERS_SHOWN));
}

// How many people the person filter offers, and from how many of the latest
// wins: the people in them, most often first, and the one already chosen. A
// journal of years and thousands of people stays a short list, read in a
// bounded time; anyone else is a click away on their contact page.
export const MAX_PERSON_OPTIONS = 200;
const RECENT_WINS_FOR_PEOPLE = 1000;

// The filters' choices: all the user's roles, the skills that tag a win, and
// the people who appear in wins (see MAX_PERSON_OPTIONS).
export async function journalFilterOptions(
  db: Db,
  params: { userId: string; includeContactId?: string },
): Promise<JournalFilterOptions> {
  const { userId } = params;
  const chosen = params.includeContactId && isUuid(params.includeContactId) ? params.includeContactId : undefined;
  // Each recent win's people by the win_people primary key, rather than
  // reading all of the user's win_people to hash-join them (which the planner
  // prefers while it thinks the table small): OFFSET 0 keeps the LATERAL
  // subquery from being flattened into that join.
  const shown = sql`array(
    (select wp.contact_id
      from (select w.id from ${wins} w where w.user_id = ${userId}
            order by w.occurred_on desc nulls last, w.id desc nulls last limit ${RECENT_WINS_FOR_PEOPLE}) recent
      cross join lateral (
        select p.contact_id from ${winPeople} p where p.win_id = recent.id and p.user_id = ${userId} offset 0
      ) wp
      group by wp.contact_id order by count(*) desc, wp.contact_id limit ${MAX_PERSON_OPTIONS})
    ${
      chosen
        ? sql`union all (select p.contact_id from ${winPeople} p
            where p.contact_id = ${chosen} and p.user_id = ${userId} limit 1)`
        : sql``
    }
  )`;
  const [roles, skillRows, peopleRows] = await Promise.all([
    listRoles(db, { userId }),
    db
      .select({ id: skills.id, name: skills.name })
      .from(skills)
      .where(
        and(
          eq(skills.userId, userId),
          sql`exists (select 1 from ${winSkills} ws where ws.skill_id = ${skills.id} and ws.user_id = ${userId})`,
        ),
      )
      .orderBy(asc(sql`lower(${skills.name})`), asc(skills.id)),
    db
      .select({ id: contacts.id, name: contacts.name })
      .from(contacts)
      .where(and(eq(contacts.userId, userId), sql`${contacts.id} = any(${shown})`))
      .orderBy(asc(sql`lower(${contacts.name})`), asc(contacts.id)),
  ]);
  return { roles, skills: skillRows, people: peopleRows };
}

// The wins a contact took part in, newest first, each with every part they
// played, and how many there are in all; off win_people_contact_occurred_idx.
export async function listContactWins(
  db: Db,
  params: { userId: string; contactId: string; limit: number },
): Promise<{ wins: ContactWin[]; total: number }> {
  const { userId, contactId, limit } = params;
  if (!isUuid(contactId) || limit < 1) return { wins: [], total: 0 };
  const rows = await db
    .select({
      id: wins.id,
      occurredOn: wins.occurredOn,
      kind: wins.kind,
      title: wins.title,
      result: wins.result,
      metricValue: wins.metricValue,
      metricUnit: wins.metricUnit,
      parts: sql<WinPersonPart[]>`json_agg(${winPeople.part} order by ${winPeople.part})`,
      total: sql<number>`(count(*) over ())::int`.mapWith(Number),
    })
    .from(winPeople)
    .innerJoin(wins, and(eq(wins.id, winPeople.winId), eq(wins.userId, userId)))
    .where(and(eq(winPeople.contactId, contactId), eq(winPeople.userId, userId)))
    .groupBy(wins.id)
    .orderBy(...NEWEST_FIRST)
    .limit(limit);
  return {
    wins: rows.map(({ id, occurredOn, kind, title, result, metricValue, metricUnit, parts }) => ({
      id,
      occurredOn,
      kind,
      title,
      result,
      metricValue,
      metricUnit,
      parts,
    })),
    total: rows[0]?.total ?? 0,
  };
}
