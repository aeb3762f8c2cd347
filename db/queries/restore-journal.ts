import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import type { PgTable } from "drizzle-orm/pg-core";
import type { Db } from "@/db/client";
import { jobRoles, skills, winPeople, wins, winSkills } from "@/db/schema";
import type { KithExport } from "@/lib/validations/kith-export";
import { insertStatements } from "./bulk-insert";
import { restoreByName } from "./restore-named";

// The job journal's part of a restore, run inside restoreKithExport's
// transaction after the contacts (whose new ids the wins' people need).

const at = (iso: string) => new Date(iso);

async function insertChunked<T extends PgTable>(tx: Db, table: T, rows: T["$inferInsert"][]): Promise<void> {
  for (const statement of insertStatements(table, rows)) await tx.execute(statement);
}

function mapped(ids: Map<string, string>, oldId: string): string {
  const newId = ids.get(oldId);
  // The schema has checked every reference, so this is a bug, not bad input.
  if (!newId) throw new Error(`restore: unmapped id ${oldId}`);
  return newId;
}

// A role the account already has (same company, title and first day) is
// used as it is, as a circle of the same name is: someone who set up their
// current job before restoring does not get it twice.
async function restoreRoles(tx: Db, userId: string, data: KithExport): Promise<Map<string, string>> {
  const key = (role: { company: string; title: string; startedOn: string }) => JSON.stringify([role.company, role.title, role.startedOn]);
  const existing = await tx
    .select({ id: jobRoles.id, company: jobRoles.company, title: jobRoles.title, startedOn: jobRoles.startedOn })
    .from(jobRoles)
    .where(eq(jobRoles.userId, userId));
  const byKey = new Map(existing.map((role) => [key(role), role.id]));
  const roleIds = new Map<string, string>();
  const newRoles: (typeof jobRoles.$inferInsert)[] = [];
  for (const role of data.roles) {
    const found = byKey.get(key(role));
    if (found) {
      roleIds.set(role.id, found);
      continue;
    }
    const id = randomUUID();
    roleIds.set(role.id, id);
    byKey.set(key(role), id);
    newRoles.push({ ...role, id, userId, createdAt: at(role.createdAt), updatedAt: at(role.updatedAt) });
  }
  await insertChunked(tx, jobRoles, newRoles);
  return roleIds;
}

// Says which row each of the file's roles, skills and wins became, for the
// career plan's references.
export async function restoreJournal(
  tx: Db,
  params: { userId: string; data: KithExport; contactIds: Map<string, string> },
): Promise<{ roleIds: Map<string, string>; skillIds: Map<string, string>; winIds: Map<string, string> }> {
  const { userId, data, contactIds } = params;
  const roleIds = await restoreRoles(tx, userId, data);
  const skillIds = await restoreByName(tx, skills, { userId, records: data.skills });

  const winIds = new Map(data.wins.map((win) => [win.id, randomUUID()]));
  await insertChunked(
    tx,
    wins,
    data.wins.map((win) => ({
      id: mapped(winIds, win.id),
      userId,
      roleId: win.roleId === null ? null : mapped(roleIds, win.roleId),
      occurredOn: win.occurredOn,
      kind: win.kind,
      title: win.title,
      what: win.what,
      result: win.result,
      metricValue: win.metricValue,
      metricUnit: win.metricUnit,
      url: win.url,
      situation: win.situation,
      task: win.task,
      createdAt: at(win.createdAt),
      updatedAt: at(win.updatedAt),
    })),
  );
  await insertChunked(
    tx,
    winPeople,
    data.wins.flatMap((win) =>
      win.people.map((person) => ({
        userId,
        winId: mapped(winIds, win.id),
        contactId: mapped(contactIds, person.contactId),
        part: person.part,
        occurredOn: win.occurredOn,
      })),
    ),
  );
  await insertChunked(
    tx,
    winSkills,
    data.wins.flatMap((win) =>
      // Two of the file's skills may have become one.
      [...new Set(win.skillIds.map((skillId) => mapped(skillIds, skillId)))].map((skillId) => ({
        userId,
        winId: mapped(winIds, win.id),
        skillId,
        occurredOn: win.occurredOn,
      })),
    ),
  );
  return { roleIds, skillIds, winIds };
}
