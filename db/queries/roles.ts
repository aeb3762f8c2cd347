import { and, asc, count, desc, eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { jobRoles, wins } from "@/db/schema";
import type { RoleOption } from "@/lib/domain/journal";
import type { RoleDetails, RoleRow } from "@/lib/domain/roles";
import { rowsOf } from "./rows";

// The user's roles, current ones first, then the most recently started.
export async function listRoles(db: Db, params: { userId: string }): Promise<RoleOption[]> {
  return db
    .select({
      id: jobRoles.id,
      company: jobRoles.company,
      title: jobRoles.title,
      startedOn: jobRoles.startedOn,
      endedOn: jobRoles.endedOn,
    })
    .from(jobRoles)
    .where(eq(jobRoles.userId, params.userId))
    .orderBy(sql`${jobRoles.endedOn} is not null`, desc(jobRoles.startedOn), asc(jobRoles.id));
}

// Whether the role is the user's: a win may name only its own user's roles.
export async function ownsRole(db: Db, params: { userId: string; roleId: string }): Promise<boolean> {
  const [row] = await db
    .select({ id: jobRoles.id })
    .from(jobRoles)
    .where(and(eq(jobRoles.id, params.roleId), eq(jobRoles.userId, params.userId)));
  return row !== undefined;
}

// What a role is made of, as the role form and an import give it.
export type RoleFields = {
  company: string;
  title: string;
  location: string | null;
  description: string | null;
  startedOn: string;
  endedOn: string | null;
};

// My roles, a page at a time (an import can add many), in listRoles' order,
// each with the number of wins it holds.
export async function listRoleRows(
  db: Db,
  params: { userId: string; limit: number; page?: number },
): Promise<{ items: RoleRow[]; hasMore: boolean }> {
  const page = Math.max(1, params.page ?? 1);
  const rows = await db
    .select({
      id: jobRoles.id,
      company: jobRoles.company,
      title: jobRoles.title,
      location: jobRoles.location,
      startedOn: jobRoles.startedOn,
      endedOn: jobRoles.endedOn,
      // One lookup in wins_role_idx per role on the page. Spelled out with
      // table names: drizzle leaves columns unqualified in a one-table select.
      winCount: sql<number>`(select count(*) from ${wins} w where w.role_id = ${jobRoles}.id and w.user_id = ${jobRoles}.user_id)`.mapWith(
        Number,
      ),
    })
    .from(jobRoles)
    .where(eq(jobRoles.userId, params.userId))
    .orderBy(sql`${jobRoles.endedOn} is not null`, desc(jobRoles.startedOn), asc(jobRoles.id))
    .limit(params.limit + 1)
    .offset((page - 1) * params.limit);
  return { items: rows.slice(0, params.limit), hasMore: rows.length > params.limit };
}

export async function countRoles(db: Db, params: { userId: string }): Promise<number> {
  const [row] = await db.select({ n: count() }).from(jobRoles).where(eq(jobRoles.userId, params.userId));
  return row?.n ?? 0;
}

// A role with everything its form edits; undefined when it is not the user's.
export async function getRole(db: Db, params: { userId: string; roleId: string }): Promise<RoleDetails | undefined> {
  const [row] = await db
    .select({
      id: jobRoles.id,
      company: jobRoles.company,
      title: jobRoles.title,
      location: jobRoles.location,
      description: jobRoles.description,
      startedOn: jobRoles.startedOn,
      endedOn: jobRoles.endedOn,
    })
    .from(jobRoles)
    .where(and(eq(jobRoles.id, params.roleId), eq(jobRoles.userId, params.userId)));
  return row;
}

export async function insertRole(db: Db, params: { userId: string; role: RoleFields }): Promise<{ id: string }> {
  const [row] = await db
    .insert(jobRoles)
    .values({ userId: params.userId, ...params.role })
    .returning({ id: jobRoles.id });
  if (!row) throw new Error("insertRole: no row returned");
  return row;
}

export async function updateRole(
  db: Db,
  params: { userId: string; roleId: string; role: RoleFields },
): Promise<{ id: string } | undefined> {
  const [row] = await db
    .update(jobRoles)
    .set({ ...params.role, updatedAt: new Date() })
    .where(and(eq(jobRoles.id, params.roleId), eq(jobRoles.userId, params.userId)))
    .returning({ id: jobRoles.id });
  return row;
}

// The role's wins stay, without a role (wins.role_id is "on delete set null").
export async function deleteRole(db: Db, params: { userId: string; roleId: string }): Promise<{ id: string } | undefined> {
  const [row] = await db
    .delete(jobRoles)
    .where(and(eq(jobRoles.id, params.roleId), eq(jobRoles.userId, params.userId)))
    .returning({ id: jobRoles.id });
  return row;
}

export async function countWinsForRole(db: Db, params: { userId: string; roleId: string }): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(wins)
    .where(and(eq(wins.roleId, params.roleId), eq(wins.userId, params.userId)));
  return row?.n ?? 0;
}

// Adds the roles the user does not have yet, in one statement: a role is
// already there when a role of theirs has the same company and title (in any
// case) and start day, so importing the same file again adds nothing. Of the
// same role twice in `roles`, the first is kept. Run it inside a transaction.
export async function importRoles(tx: Db, params: { userId: string; roles: readonly RoleFields[] }): Promise<{ added: number }> {
  const { userId, roles } = params;
  if (roles.length === 0) return { added: 0 };
  // Two imports at once (a double click) would each miss the other's new roles.
  await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`job_roles:${userId}`}, 0))`);
  const incoming = JSON.stringify(
    roles.map((role, ord) => ({
      ord,
      company: role.company,
      title: role.title,
      location: role.location,
      description: role.description,
      started_on: role.startedOn,
      ended_on: role.endedOn,
    })),
  );
  const result = await tx.execute(sql`
    with incoming as (
      select distinct on (lower(r.company), lower(r.title), r.started_on) r.*
      from json_to_recordset(${incoming}::json)
        as r(ord int, company text, title text, location text, description text, started_on date, ended_on date)
      order by lower(r.company), lower(r.title), r.started_on, r.ord
    )
    insert into ${jobRoles} (user_id, company, title, location, description, started_on, ended_on)
    select ${userId}::uuid, i.company, i.title, i.location, i.description, i.started_on, i.ended_on
    from incoming i
    where not exists (
      select 1 from ${jobRoles} j
      where j.user_id = ${userId}::uuid
        and lower(j.company) = lower(i.company)
        and lower(j.title) = lower(i.title)
        and j.started_on = i.started_on
    )
    order by i.ord
    returning id`);
  return { added: rowsOf(result).length };
}
