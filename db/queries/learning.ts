import { and, asc, eq, type SQL, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { contacts, learningItems, learningSkills, skills } from "@/db/schema";
import { todayIn } from "@/lib/domain/dates";
import {
  type LearningFilters,
  type LearningItemView,
  type LearningQuarterSummary,
  type LearningSkillHours,
  quarterOf,
} from "@/lib/domain/learning";
import type { LearningValues } from "@/lib/validations/learning";
import { uuidArray } from "./arrays";
import { countOwnedContacts } from "./touches";
import { ensureSkills } from "./wins-write";

// The learning log: courses, books, talks, mentoring sessions and
// certifications, each with the skills it builds and who taught it.

// Newest first by the item's latest day: when it finished, else when it
// started. Items with neither (plans not yet dated) come first, as the
// newest there is. A user has a few thousand items at most: paged by number,
// sorted off learning_items' user index.
const NEWEST_FIRST = [
  sql`coalesce(${learningItems.finishedOn}, ${learningItems.startedOn}) desc nulls first`,
  sql`${learningItems.createdAt} desc`,
  sql`${learningItems.id} desc`,
];

const itemColumns = {
  id: learningItems.id,
  title: learningItems.title,
  kind: learningItems.kind,
  status: learningItems.status,
  startedOn: learningItems.startedOn,
  finishedOn: learningItems.finishedOn,
  hours: learningItems.hours,
  url: learningItems.url,
  notes: learningItems.notes,
  mentorId: contacts.id,
  mentorName: contacts.name,
};

type ItemRow = Omit<LearningItemView, "mentor" | "skills"> & { mentorId: string | null; mentorName: string | null };

function filterConditions(userId: string, filters: LearningFilters): SQL[] {
  const conditions: SQL[] = [eq(learningItems.userId, userId)];
  if (filters.status) conditions.push(eq(learningItems.status, filters.status));
  if (filters.kind) conditions.push(eq(learningItems.kind, filters.kind));
  return conditions;
}

// The skills of some of the user's items, by name, in one query.
async function skillsOf(db: Db, userId: string, itemIds: string[]): Promise<Map<string, { id: string; name: string }[]>> {
  const byItem = new Map<string, { id: string; name: string }[]>();
  if (itemIds.length === 0) return byItem;
  const rows = await db
    .select({ itemId: learningSkills.itemId, id: skills.id, name: skills.name })
    .from(learningSkills)
    .innerJoin(skills, and(eq(skills.id, learningSkills.skillId), eq(skills.userId, userId)))
    .where(and(eq(learningSkills.userId, userId), sql`${learningSkills.itemId} = any(${uuidArray(itemIds)})`))
    .orderBy(sql`lower(${skills.name})`, asc(skills.id));
  for (const { itemId, ...skill } of rows) {
    const list = byItem.get(itemId);
    if (list) list.push(skill);
    else byItem.set(itemId, [skill]);
  }
  return byItem;
}

async function withSkills(db: Db, userId: string, rows: ItemRow[]): Promise<LearningItemView[]> {
  const tags = await skillsOf(db, userId, rows.map((row) => row.id));
  return rows.map(({ mentorId, mentorName, ...item }) => ({
    ...item,
    mentor: mentorId !== null && mentorName !== null ? { id: mentorId, name: mentorName } : null,
    skills: tags.get(item.id) ?? [],
  }));
}

function selectItems(db: Db, userId: string) {
  return db
    .select(itemColumns)
    .from(learningItems)
    .leftJoin(contacts, and(eq(contacts.id, learningItems.mentorId), eq(contacts.userId, userId)));
}

// A page of the user's learning, newest first, with each item's mentor and skills.
export async function listLearning(
  db: Db,
  params: { userId: string; filters: LearningFilters; page: number; limit: number },
): Promise<{ items: LearningItemView[]; hasMore: boolean }> {
  const { userId, filters, limit } = params;
  const page = Math.max(1, params.page);
  const rows = await selectItems(db, userId)
    .where(and(...filterConditions(userId, filters)))
    .orderBy(...NEWEST_FIRST)
    .limit(limit + 1)
    .offset((page - 1) * limit);
  return { items: await withSkills(db, userId, rows.slice(0, limit)), hasMore: rows.length > limit };
}

// One of the user's items; another user's is undefined.
export async function getLearningItem(
  db: Db,
  params: { userId: string; itemId: string },
): Promise<LearningItemView | undefined> {
  const rows = await selectItems(db, params.userId).where(
    and(eq(learningItems.id, params.itemId), eq(learningItems.userId, params.userId)),
  );
  const [item] = await withSkills(db, params.userId, rows);
  return item;
}

// What is written from the form; the skills go to learning_skills.
export type LearningFields = Omit<LearningValues, "skills"> & { skills: string[] };

function itemColumnsOf(item: LearningFields) {
  return {
    title: item.title,
    kind: item.kind,
    status: item.status,
    startedOn: item.startedOn,
    finishedOn: item.finishedOn,
    hours: item.hours,
    mentorId: item.mentorId,
    url: item.url,
    notes: item.notes,
  };
}

async function ownsMentor(db: Db, userId: string, mentorId: string | null): Promise<boolean> {
  return mentorId === null || (await countOwnedContacts(db, { userId, contactIds: [mentorId] })) === 1;
}

async function insertSkills(tx: Db, params: { userId: string; itemId: string; names: string[] }): Promise<void> {
  const skillIds = await ensureSkills(tx, { userId: params.userId, names: params.names });
  if (skillIds.length === 0) return;
  await tx
    .insert(learningSkills)
    .values(skillIds.map((skillId) => ({ userId: params.userId, itemId: params.itemId, skillId })))
    .onConflictDoNothing();
}

export type LearningWriteOutcome = { id: string } | "item-not-found" | "mentor-not-found";

// Logs an item with its skills. Run it inside a transaction: nothing is
// written when the mentor is not one of the user's contacts.
export async function insertLearningItem(
  tx: Db,
  params: { userId: string; item: LearningFields },
): Promise<LearningWriteOutcome> {
  const { userId, item } = params;
  if (!(await ownsMentor(tx, userId, item.mentorId))) return "mentor-not-found";
  const [row] = await tx
    .insert(learningItems)
    .values({ userId, ...itemColumnsOf(item) })
    .returning({ id: learningItems.id });
  if (!row) throw new Error("insertLearningItem: no row returned");
  await insertSkills(tx, { userId, itemId: row.id, names: item.skills });
  return row;
}

// Replaces an item's fields and skills. Run it inside a transaction; nothing
// is written unless it returns the id.
export async function updateLearningItem(
  tx: Db,
  params: { userId: string; itemId: string; item: LearningFields },
): Promise<LearningWriteOutcome> {
  const { userId, itemId, item } = params;
  if (!(await ownsMentor(tx, userId, item.mentorId))) return "mentor-not-found";
  const [row] = await tx
    .update(learningItems)
    .set({ ...itemColumnsOf(item), updatedAt: new Date() })
    .where(and(eq(learningItems.id, itemId), eq(learningItems.userId, userId)))
    .returning({ id: learningItems.id });
  if (!row) return "item-not-found";
  await tx.delete(learningSkills).where(and(eq(learningSkills.itemId, itemId), eq(learningSkills.userId, userId)));
  await insertSkills(tx, { userId, itemId, names: item.skills });
  return row;
}

// Deletes an item (its skill tags go with it; the skills stay the user's).
export async function deleteLearningItem(
  db: Db,
  params: { userId: string; itemId: string },
): Promise<{ id: string } | undefined> {
  const [row] = await db
    .delete(learningItems)
    .where(and(eq(learningItems.id, params.itemId), eq(learningItems.userId, params.userId)))
    .returning({ id: learningItems.id });
  return row;
}

// Learning in the quarter that holds the user's today (in their time zone):
// the items finished in it, and those in progress that started by its end.
// One in progress with no start day is under way now, so it counts too. Its
// hours are the items' hours, all of them (an item's hours are not spread
// over the quarters it spans).
export async function learningQuarterSummary(
  db: Db,
  params: { userId: string; timeZone: string | null; now: Date },
): Promise<LearningQuarterSummary> {
  const { start, end } = quarterOf(todayIn(params.timeZone, params.now));
  const [row] = await db
    .select({
      items: sql<number>`count(*)::int`.mapWith(Number),
      hours: sql<number>`coalesce(sum(${learningItems.hours}), 0)`.mapWith(Number),
    })
    .from(learningItems)
    .where(
      and(
        eq(learningItems.userId, params.userId),
        sql`(${learningItems.finishedOn} between ${start}::date and ${end}::date
          or (${learningItems.status} = 'in_progress'
            and (${learningItems.startedOn} is null or ${learningItems.startedOn} <= ${end}::date)))`,
      ),
    );
  return { quarterStart: start, quarterEnd: end, items: row?.items ?? 0, hours: row?.hours ?? 0 };
}

// Hours of learning per skill of the user's (the sum of the hours of every
// item tagged with it, whatever its status), most hours first; only skills
// with an item. `skillIds` narrows it to those skills.
export async function learningHoursBySkill(
  db: Db,
  params: { userId: string; skillIds?: string[] },
): Promise<LearningSkillHours[]> {
  const { userId, skillIds } = params;
  if (skillIds?.length === 0) return [];
  const hours = sql<number>`coalesce(sum(${learningItems.hours}), 0)`.mapWith(Number);
  return db
    .select({ skillId: skills.id, name: skills.name, hours, items: sql<number>`count(*)::int`.mapWith(Number) })
    .from(learningSkills)
    .innerJoin(skills, and(eq(skills.id, learningSkills.skillId), eq(skills.userId, userId)))
    .innerJoin(learningItems, and(eq(learningItems.id, learningSkills.itemId), eq(learningItems.userId, userId)))
    .where(
      and(
        eq(learningSkills.userId, userId),
        skillIds ? sql`${learningSkills.skillId} = any(${uuidArray(skillIds)})` : undefined,
      ),
    )
    .groupBy(skills.id, skills.name)
    .orderBy(sql`${hours} desc`, sql`lower(${skills.name})`, asc(skills.id));
}
