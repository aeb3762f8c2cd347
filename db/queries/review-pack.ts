import { and, asc, eq, gte, lte, type SQL, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { contacts, jobRoles, skills, winPeople, winSkills, wins } from "@/db/schema";
import { roleLabel } from "@/lib/domain/journal";
import type { ReviewWin, ReviewWinPerson } from "@/lib/domain/review-pack";

export type ReviewWinsParams = {
  userId: string;
  /** First and last day, both included ("YYYY-MM-DD"). */
  from: string;
  to: string;
  /** Only the wins of this role; another user's role matches nothing. */
  roleId?: string;
};

// The user's wins in the range (and role), as one condition on `wins` that
// each of the three reads repeats, so they agree on the set without passing
// a thousand ids back and forth.
function inRange({ userId, from, to, roleId }: ReviewWinsParams): SQL | undefined {
  return and(
    eq(wins.userId, userId),
    gte(wins.occurredOn, from),
    lte(wins.occurredOn, to),
    roleId === undefined
      ? undefined
      : sql`${wins.roleId} in (select ${jobRoles.id} from ${jobRoles} where ${jobRoles.id} = ${roleId} and ${jobRoles.userId} = ${userId})`,
  );
}

// The wins of a review pack, oldest first, each with its role's label, its
// people (name and part) and its skills' names: three queries however many
// wins the range holds.
export async function loadReviewWins(db: Db, params: ReviewWinsParams): Promise<ReviewWin[]> {
  const { userId } = params;
  const where = inRange(params);
  const [rows, people, skillRows] = await Promise.all([
    db
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
        situation: wins.situation,
        task: wins.task,
        roleTitle: jobRoles.title,
        roleCompany: jobRoles.company,
      })
      .from(wins)
      .leftJoin(jobRoles, and(eq(jobRoles.id, wins.roleId), eq(jobRoles.userId, userId)))
      .where(where)
      .orderBy(asc(wins.occurredOn), asc(wins.createdAt), asc(wins.id)),
    db
      .select({ winId: winPeople.winId, contactId: winPeople.contactId, name: contacts.name, part: winPeople.part })
      .from(winPeople)
      .innerJoin(wins, eq(wins.id, winPeople.winId))
      .innerJoin(contacts, and(eq(contacts.id, winPeople.contactId), eq(contacts.userId, userId)))
      .where(and(where, eq(winPeople.userId, userId)))
      .orderBy(asc(contacts.name), asc(winPeople.contactId), asc(winPeople.part)),
    db
      .select({ winId: winSkills.winId, name: skills.name })
      .from(winSkills)
      .innerJoin(wins, eq(wins.id, winSkills.winId))
      .innerJoin(skills, and(eq(skills.id, winSkills.skillId), eq(skills.userId, userId)))
      .where(and(where, eq(winSkills.userId, userId)))
      .orderBy(asc(sql`lower(${skills.name})`), asc(skills.id)),
  ]);

  const peopleByWin = groupBy(people, (row) => row.winId);
  const skillsByWin = groupBy(skillRows, (row) => row.winId);
  return rows.map(({ roleTitle, roleCompany, ...win }) => ({
    ...win,
    roleLabel: roleTitle !== null && roleCompany !== null ? roleLabel({ title: roleTitle, company: roleCompany }) : null,
    people: (peopleByWin.get(win.id) ?? []).map(({ contactId, name, part }): ReviewWinPerson => ({ contactId, name, part })),
    skills: (skillsByWin.get(win.id) ?? []).map((row) => row.name),
  }));
}

function groupBy<T>(rows: readonly T[], key: (row: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const group = groups.get(key(row));
    if (group) group.push(row);
    else groups.set(key(row), [row]);
  }
  return groups;
}
