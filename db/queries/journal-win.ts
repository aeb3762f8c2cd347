import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { jobRoles, wins } from "@/db/schema";
import { roleLabel } from "@/lib/domain/journal";
import type { JournalWin } from "@/lib/domain/journal-list";
import { winDetails } from "./journal";

// One of the user's wins as the journal lists it (role, people, skills), for
// an answer that shows a win just saved as the list would; another user's
// win is undefined.
export async function getJournalWin(db: Db, params: { userId: string; winId: string }): Promise<JournalWin | undefined> {
  const { userId, winId } = params;
  const [row] = await db
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
    .leftJoin(jobRoles, and(eq(jobRoles.id, wins.roleId), eq(jobRoles.userId, userId)))
    .where(and(eq(wins.userId, userId), eq(wins.id, winId)));
  if (!row) return undefined;
  const details = await winDetails(db, userId, [row.id]);
  const { roleId, roleTitle, roleCompany, ...win } = row;
  return {
    ...win,
    role: roleId && roleTitle !== null && roleCompany !== null ? { id: roleId, label: roleLabel({ title: roleTitle, company: roleCompany }) } : null,
    people: details.people.get(win.id) ?? [],
    skills: details.skills.get(win.id) ?? [],
  };
}
