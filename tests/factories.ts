import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { contacts, type NewContact, type NewUser, users } from "@/db/schema";

export function uniqueEmail(prefix = "user"): string {
  return `${prefix}-${randomUUID()}@example.com`;
}

export async function createUser(db: Db, values: Partial<NewUser> = {}) {
  const [user] = await db
    .insert(users)
    .values({ email: uniqueEmail(), name: "Test User", ...values })
    .returning();
  if (!user) throw new Error("createUser inserted nothing");
  return user;
}

export async function createContact(db: Db, values: Partial<NewContact> & { userId: string }) {
  const [contact] = await db
    .insert(contacts)
    .values({ name: `Contact ${randomUUID().slice(0, 8)}`, ...values })
    .returning();
  if (!contact) throw new Error("createContact inserted nothing");
  return contact;
}

// Appended (not merged into the imports above) while several people add factories at once.
import { events, type NewEvent } from "@/db/schema";

export async function createEvent(db: Db, values: Partial<NewEvent> & { userId: string }) {
  const [event] = await db
    .insert(events)
    .values({ name: `Event ${randomUUID().slice(0, 8)}`, occurredOn: "2026-11-12", kind: "meetup", ...values })
    .returning();
  if (!event) throw new Error("createEvent inserted nothing");
  return event;
}

import { circles, type NewCircle } from "@/db/schema";

export async function createCircle(db: Db, values: Partial<NewCircle> & { userId: string }) {
  const [circle] = await db
    .insert(circles)
    .values({ name: `Circle ${randomUUID().slice(0, 8)}`, ...values })
    .returning();
  if (!circle) throw new Error("createCircle inserted nothing");
  return circle;
}

import { insertSuccess } from "@/db/queries/successes";
import { insertTouch } from "@/db/queries/touches-write";
import { contactCircles } from "@/db/schema";

// Another user with some of everything the dashboard reads, dated up to `now`:
// overdue, archived and event-met contacts in circles, value touches given and
// received every week for 30 weeks, events and waiting successes. Returns the
// ids it made, so a test can check that none of them reaches someone else.
export async function createBusyUser(db: Db, now: Date) {
  const day = (daysAgo: number) => new Date(now.getTime() - daysAgo * 86_400_000).toISOString().slice(0, 10);
  const user = await createUser(db, { timeZone: "Pacific/Kiritimati" });
  const userId = user.id;
  const createdAt = new Date(`${day(400)}T00:00:00.000Z`);
  const eventIds = [
    (await createEvent(db, { userId, occurredOn: day(0) })).id,
    (await createEvent(db, { userId, occurredOn: day(30) })).id,
  ];
  const circleIds = [(await createCircle(db, { userId })).id, (await createCircle(db, { userId })).id] as const;
  const archivedId = (await createContact(db, { userId, createdAt, nextDueAt: createdAt, archivedAt: createdAt })).id;
  const peopleIds: string[] = [];
  for (const [i, metAtEventId] of [...eventIds, ...eventIds, ...eventIds].entries()) {
    const { id } = await createContact(db, { userId, createdAt, nextDueAt: createdAt, metAtEventId });
    peopleIds.push(id);
    await db.insert(contactCircles).values([{ userId, contactId: id, circleId: circleIds[i % 2 === 0 ? 0 : 1] }]);
  }
  await db.insert(contactCircles).values([{ userId, contactId: archivedId, circleId: circleIds[0] }]);
  const touchIds: string[] = [];
  // The first four are touched in turn each week; the last two never (overdue since they were added).
  for (let week = 0; week < 30; week++) {
    const contactId = peopleIds[week % 4] ?? archivedId;
    const touch = await db.transaction((tx) =>
      insertTouch(tx, {
        userId,
        touch: {
          occurredAt: new Date(`${day(week * 7)}T12:00:00.000Z`),
          channel: "meeting",
          summary: `Their touch ${week}`,
          valueKind: "advice",
          valueDirection: week % 3 === 2 ? "received" : "given",
          contactIds: [contactId, archivedId],
        },
      }),
    );
    if (touch) touchIds.push(touch.id);
  }
  const successIds: string[] = [];
  for (const contactId of [archivedId, ...peopleIds.slice(0, 2)]) {
    const success = await db.transaction((tx) =>
      insertSuccess(tx, { userId, contactId, success: { kind: "new_job", title: "Their news", occurredOn: day(1), url: null } }),
    );
    if (success) successIds.push(success.id);
  }
  return { user, ids: [...eventIds, ...circleIds, archivedId, ...peopleIds, ...touchIds, ...successIds] };
}

import { jobRoles, type NewJobRole, type NewWin, skills, winPeople, winSkills, wins } from "@/db/schema";
import type { WinPersonPart } from "@/lib/domain/enums";

export async function createRole(db: Db, values: Partial<NewJobRole> & { userId: string }) {
  const [role] = await db
    .insert(jobRoles)
    .values({ company: `Company ${randomUUID().slice(0, 8)}`, title: "Engineer", startedOn: "2024-01-01", ...values })
    .returning();
  if (!role) throw new Error("createRole inserted nothing");
  return role;
}

// A win written straight to the tables (people and skills included), for
// tests of what reads the journal; the journal's own writes have their tests.
export async function createWin(
  db: Db,
  values: Partial<NewWin> & {
    userId: string;
    people?: { contactId: string; part: WinPersonPart }[];
    skills?: string[];
  },
) {
  const { people = [], skills: skillNames = [], ...win } = values;
  const [row] = await db
    .insert(wins)
    .values({ title: `Win ${randomUUID().slice(0, 8)}`, kind: "delivered", occurredOn: "2026-11-02", ...win })
    .returning();
  if (!row) throw new Error("createWin inserted nothing");
  if (people.length > 0) {
    await db
      .insert(winPeople)
      .values(people.map((person) => ({ ...person, userId: row.userId, winId: row.id, occurredOn: row.occurredOn })));
  }
  for (const name of skillNames) {
    const [known] = await db
      .select({ id: skills.id })
      .from(skills)
      .where(sql`${skills.userId} = ${row.userId} and lower(${skills.name}) = lower(${name})`);
    const [skill] = known ? [known] : await db.insert(skills).values({ userId: row.userId, name }).returning({ id: skills.id });
    if (skill) await db.insert(winSkills).values({ userId: row.userId, winId: row.id, skillId: skill.id, occurredOn: row.occurredOn });
  }
  return row;
}

import {
  goals,
  learningItems,
  type NewGoal,
  type NewLearningItem,
  type NewSteppingStone,
  steppingStoneChanges,
  steppingStones,
} from "@/db/schema";

export async function createSkill(db: Db, values: { userId: string; name?: string }) {
  const [skill] = await db
    .insert(skills)
    .values({ name: `Skill ${randomUUID().slice(0, 8)}`, ...values })
    .returning();
  if (!skill) throw new Error("createSkill inserted nothing");
  return skill;
}

export async function createGoal(db: Db, values: Partial<NewGoal> & { userId: string }) {
  const [goal] = await db
    .insert(goals)
    .values({ title: `Goal ${randomUUID().slice(0, 8)}`, ...values })
    .returning();
  if (!goal) throw new Error("createGoal inserted nothing");
  return goal;
}

// A stepping stone at the end of its goal's path, with its "created" change.
export async function createStone(
  db: Db,
  values: Partial<NewSteppingStone> & { userId: string; goalId: string },
) {
  const [{ next = 0 } = {}] = await db
    .select({ next: sql<number>`coalesce(max(${steppingStones.position}) + 1, 0)::int` })
    .from(steppingStones)
    .where(sql`${steppingStones.goalId} = ${values.goalId}`);
  const [stone] = await db
    .insert(steppingStones)
    .values({ title: `Step ${randomUUID().slice(0, 8)}`, kind: "project", position: next, ...values })
    .returning();
  if (!stone) throw new Error("createStone inserted nothing");
  await db.insert(steppingStoneChanges).values({
    userId: stone.userId,
    stoneId: stone.id,
    change: "created",
    toValue: stone.targetOn,
  });
  return stone;
}

export async function createLearningItem(db: Db, values: Partial<NewLearningItem> & { userId: string }) {
  const [item] = await db
    .insert(learningItems)
    .values({ title: `Course ${randomUUID().slice(0, 8)}`, kind: "course", ...values })
    .returning();
  if (!item) throw new Error("createLearningItem inserted nothing");
  return item;
}
