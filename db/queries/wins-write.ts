import { and, asc, count, desc, eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { contacts, skills, winPeople, winSkills, wins } from "@/db/schema";
import type { SkillOption, WinForEdit } from "@/lib/domain/win-form";
import type { WinValues } from "@/lib/validations/journal";
import { textArray } from "./arrays";
import { ownsRole } from "./roles";
import { countOwnedContacts } from "./touches";

// What a win links to that is not the user's: "role", "people", or null when
// everything is theirs.
export async function winLinkProblem(
  db: Db,
  params: { userId: string; win: Pick<WinValues, "roleId" | "people"> },
): Promise<"role" | "people" | null> {
  const { userId, win } = params;
  if (win.roleId && !(await ownsRole(db, { userId, roleId: win.roleId }))) return "role";
  const contactIds = [...new Set(win.people.map((person) => person.contactId))];
  if (contactIds.length > 0 && (await countOwnedContacts(db, { userId, contactIds })) !== contactIds.length) {
    return "people";
  }
  return null;
}

function winColumns(win: WinValues) {
  return {
    occurredOn: win.occurredOn,
    roleId: win.roleId,
    kind: win.kind,
    title: win.title,
    what: win.what,
    result: win.result,
    metricValue: win.metricValue,
    metricUnit: win.metricUnit,
    url: win.url,
    situation: win.situation,
    task: win.task,
  };
}

// The ids of the user's skills of these names, creating the missing ones.
// skills_user_name_key is on (user_id, lower(name)): a name the user already
// has in another case, or that a concurrent save just created, is reused, and
// both sides are lowered by PostgreSQL so they agree on what "the same" is.
export async function ensureSkills(tx: Db, params: { userId: string; names: string[] }): Promise<string[]> {
  if (params.names.length === 0) return [];
  await tx
    .insert(skills)
    .values(params.names.map((name) => ({ userId: params.userId, name })))
    .onConflictDoNothing();
  const rows = await tx
    .select({ id: skills.id })
    .from(skills)
    .where(
      and(
        eq(skills.userId, params.userId),
        sql`lower(${skills.name}) in (select lower(n) from unnest(${textArray(params.names)}) as n)`,
      ),
    );
  return rows.map((row) => row.id);
}

// Writes a win's people and skills, each row carrying the win's date.
async function insertLinks(tx: Db, params: { userId: string; winId: string; win: WinValues }): Promise<void> {
  const { userId, winId, win } = params;
  if (win.people.length > 0) {
    await tx
      .insert(winPeople)
      .values(win.people.map(({ contactId, part }) => ({ userId, winId, contactId, part, occurredOn: win.occurredOn })))
      .onConflictDoNothing();
  }
  const skillIds = await ensureSkills(tx, { userId, names: win.skills });
  if (skillIds.length > 0) {
    await tx
      .insert(winSkills)
      .values(skillIds.map((skillId) => ({ userId, winId, skillId, occurredOn: win.occurredOn })))
      .onConflictDoNothing();
  }
}

// Records a win with its people and skills. Run it inside a transaction.
// Undefined, and nothing written, when its role or any of its people is not
// the user's.
export async function insertWin(tx: Db, params: { userId: string; win: WinValues }): Promise<{ id: string } | undefined> {
  const { userId, win } = params;
  if ((await winLinkProblem(tx, { userId, win })) !== null) return undefined;
  const [row] = await tx
    .insert(wins)
    .values({ userId, ...winColumns(win) })
    .returning({ id: wins.id });
  if (!row) throw new Error("insertWin: no row returned");
  await insertLinks(tx, { userId, winId: row.id, win });
  return row;
}

export type WinWriteOutcome = "done" | "win-not-found" | "role-not-found" | "contact-not-found";

// Replaces a win's fields, people and skills. Run it inside a transaction;
// nothing is written unless it returns "done".
export async function updateWin(
  tx: Db,
  params: { userId: string; winId: string; win: WinValues },
): Promise<WinWriteOutcome> {
  const { userId, winId, win } = params;
  const problem = await winLinkProblem(tx, { userId, win });
  if (problem === "role") return "role-not-found";
  if (problem === "people") return "contact-not-found";
  const updated = await tx
    .update(wins)
    .set({ ...winColumns(win), updatedAt: new Date() })
    .where(and(eq(wins.id, winId), eq(wins.userId, userId)))
    .returning({ id: wins.id });
  if (updated.length === 0) return "win-not-found";
  await tx.delete(winPeople).where(and(eq(winPeople.winId, winId), eq(winPeople.userId, userId)));
  await tx.delete(winSkills).where(and(eq(winSkills.winId, winId), eq(winSkills.userId, userId)));
  await insertLinks(tx, { userId, winId, win });
  return "done";
}

// Deletes a win (its people and skills go with it; the skills themselves stay
// the user's).
export async function deleteWin(db: Db, params: { userId: string; winId: string }): Promise<{ id: string } | undefined> {
  const [row] = await db
    .delete(wins)
    .where(and(eq(wins.id, params.winId), eq(wins.userId, params.userId)))
    .returning({ id: wins.id });
  return row;
}

// One of the user's wins as the form edits it, with its people's names and
// its skills' names; another user's win is undefined.
export async function getWinForEdit(db: Db, params: { userId: string; winId: string }): Promise<WinForEdit | undefined> {
  const { userId, winId } = params;
  const [win] = await db
    .select({
      id: wins.id,
      occurredOn: wins.occurredOn,
      roleId: wins.roleId,
      kind: wins.kind,
      title: wins.title,
      what: wins.what,
      result: wins.result,
      metricValue: wins.metricValue,
      metricUnit: wins.metricUnit,
      url: wins.url,
      situation: wins.situation,
      task: wins.task,
    })
    .from(wins)
    .where(and(eq(wins.id, winId), eq(wins.userId, userId)));
  if (!win) return undefined;
  const [people, skillRows] = await Promise.all([
    db
      .select({ contactId: winPeople.contactId, name: contacts.name, part: winPeople.part })
      .from(winPeople)
      .innerJoin(contacts, and(eq(contacts.id, winPeople.contactId), eq(contacts.userId, userId)))
      .where(and(eq(winPeople.winId, winId), eq(winPeople.userId, userId)))
      .orderBy(asc(contacts.name), asc(contacts.id), asc(winPeople.part)),
    db
      .select({ name: skills.name })
      .from(winSkills)
      .innerJoin(skills, and(eq(skills.id, winSkills.skillId), eq(skills.userId, userId)))
      .where(and(eq(winSkills.winId, winId), eq(winSkills.userId, userId)))
      .orderBy(sql`lower(${skills.name})`, asc(skills.id)),
  ]);
  return { ...win, people, skills: skillRows.map((row) => row.name) };
}

function likePattern(q: string): string {
  return `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

// Type-ahead over the user's own skills: names containing q (any case), those
// starting with it first, then the most used; an empty q gives the most used.
export async function searchSkills(
  db: Db,
  params: { userId: string; q: string; limit: number },
): Promise<SkillOption[]> {
  const q = params.q.trim();
  const uses = count(winSkills.winId);
  const byName = [desc(uses), sql`lower(${skills.name})`, asc(skills.id)];
  return db
    .select({ id: skills.id, name: skills.name, uses })
    .from(skills)
    .leftJoin(winSkills, and(eq(winSkills.skillId, skills.id), eq(winSkills.userId, params.userId)))
    .where(
      and(eq(skills.userId, params.userId), q === "" ? undefined : sql`lower(${skills.name}) like lower(${likePattern(q)})`),
    )
    .groupBy(skills.id)
    .orderBy(...(q === "" ? byName : [desc(sql`starts_with(lower(${skills.name}), lower(${q}))`), ...byName]))
    .limit(params.limit);
}
