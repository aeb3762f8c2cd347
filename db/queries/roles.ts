import { and, asc, desc, eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { jobRoles } from "@/db/schema";
import type { RoleOption } from "@/lib/domain/journal";

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
