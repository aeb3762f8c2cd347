import { and, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { requestReconnect } from "@/db/queries/schedule";
import {
  learningSkills,
  skillLevels,
  skills,
  skillTeachers,
  steppingStoneChanges,
  stoneEvents,
  stonePeople,
  stoneSkills,
  stoneWins,
} from "@/db/schema";
import { createGoal, createLearningItem, createStone } from "../factories";

const DAY = 86_400_000;

// A career plan for a user seeded by seedRichUser: a north-star goal whose
// path has a done step (reached by the current role, with two people, two
// skills, a win as evidence and an event, and a history of changes, two of
// them a microsecond apart as one transaction writes them), a step to learn
// a skill, and a dropped step that moved; a goal let go with no steps;
// levels over time and teachers for two skills; a done course with its
// mentor, hours and a skill, and a planned book. One contact is added to
// Reconnect.
export async function seedCareer(
  db: Db,
  params: {
    userId: string;
    now: Date;
    people: { ada: { id: string }; ben: { id: string } };
    roleId: string;
    winId: string;
    eventId: string;
  },
) {
  const { userId, now, people, roleId, winId, eventId } = params;
  const day = (daysAgo: number) => new Date(now.getTime() - daysAgo * DAY).toISOString().slice(0, 10);
  const at = (daysAgo: number) => new Date(now.getTime() - daysAgo * DAY);
  const skillRows = await db
    .select({ id: skills.id, name: skills.name })
    .from(skills)
    .where(and(eq(skills.userId, userId), inArray(skills.name, ["TypeScript", "Mentoring", "Rust"])));
  const skill = (name: string) => {
    const found = skillRows.find((row) => row.name === name);
    if (!found) throw new Error(`seedCareer: no skill ${name}`);
    return found.id;
  };

  const north = await createGoal(db, {
    userId,
    title: "Lead a platform group at a climate company",
    why: "Work that matters,\nwith people I like",
    horizonOn: day(-900),
    isNorthStar: true,
    createdAt: at(200),
    updatedAt: at(10),
  });
  await createGoal(db, { userId, title: "Write a book", status: "let_go", createdAt: at(300), updatedAt: at(100) });

  const reached = await createStone(db, {
    userId,
    goalId: north.id,
    kind: "role",
    title: "Staff engineer somewhere that ships",
    notes: "Ask Ada first",
    targetOn: day(100),
    status: "done",
    completedOn: day(30),
    roleId,
    createdAt: at(200),
    updatedAt: at(30),
  });
  const learn = await createStone(db, {
    userId,
    goalId: north.id,
    kind: "skill",
    title: "Learn Rust",
    targetOn: day(-60),
    createdAt: at(150),
    updatedAt: at(150),
  });
  const dropped = await createStone(db, {
    userId,
    goalId: north.id,
    kind: "relationship",
    title: "Know three people in climate tech",
    status: "dropped",
    createdAt: at(120),
    updatedAt: at(20),
  });
  // Each was created when its stone was, not when this ran.
  for (const stone of [reached, learn, dropped]) {
    await db
      .update(steppingStoneChanges)
      .set({ changedAt: stone.createdAt })
      .where(and(eq(steppingStoneChanges.stoneId, stone.id), eq(steppingStoneChanges.change, "created")));
  }
  const together = at(60);
  await db.insert(steppingStoneChanges).values([
    { userId, stoneId: reached.id, change: "redated", fromValue: day(150), toValue: day(100), changedAt: at(90) },
    { userId, stoneId: reached.id, change: "status", fromValue: "planned", toValue: "in_progress", changedAt: together },
    {
      userId,
      stoneId: reached.id,
      change: "redated",
      fromValue: day(100),
      toValue: day(40),
      changedAt: sql`${together.toISOString()}::timestamptz + interval '1 microsecond'`,
    },
    { userId, stoneId: reached.id, change: "status", fromValue: "in_progress", toValue: "done", changedAt: at(30) },
    { userId, stoneId: dropped.id, change: "moved", fromValue: "1", toValue: "2", changedAt: at(25) },
    { userId, stoneId: dropped.id, change: "status", fromValue: "planned", toValue: "dropped", changedAt: at(20) },
  ]);
  await db.insert(stoneSkills).values([
    { userId, stoneId: reached.id, skillId: skill("TypeScript") },
    { userId, stoneId: reached.id, skillId: skill("Mentoring") },
    { userId, stoneId: learn.id, skillId: skill("Rust") },
  ]);
  await db.insert(stonePeople).values([
    { userId, stoneId: reached.id, contactId: people.ada.id, part: "could_introduce", note: "to people at Watershed" },
    { userId, stoneId: reached.id, contactId: people.ben.id, part: "has_done_it", note: null },
    { userId, stoneId: dropped.id, contactId: people.ben.id, part: "can_help", note: null },
  ]);
  await db.insert(stoneWins).values({ userId, stoneId: reached.id, winId });
  await db.insert(stoneEvents).values({ userId, stoneId: reached.id, eventId });

  await db.insert(skillLevels).values([
    { userId, skillId: skill("TypeScript"), level: 2, assessedOn: day(700), createdAt: at(700) },
    { userId, skillId: skill("TypeScript"), level: 3, assessedOn: day(300), createdAt: at(300) },
    { userId, skillId: skill("TypeScript"), level: 4, assessedOn: day(10), createdAt: at(10) },
    { userId, skillId: skill("Rust"), level: 1, assessedOn: day(50), createdAt: at(50) },
  ]);
  await db.insert(skillTeachers).values([
    { userId, skillId: skill("Rust"), contactId: people.ada.id },
    { userId, skillId: skill("Mentoring"), contactId: people.ben.id },
  ]);

  const course = await createLearningItem(db, {
    userId,
    title: "Rust for the impatient",
    kind: "course",
    status: "done",
    startedOn: day(80),
    finishedOn: day(40),
    hours: 12.5,
    mentorId: people.ada.id,
    url: "https://learn.example/rust",
    notes: "Chapters 1–9",
    createdAt: at(80),
    updatedAt: at(40),
  });
  await db.insert(learningSkills).values({ userId, itemId: course.id, skillId: skill("Rust") });
  await createLearningItem(db, { userId, title: "Staff Engineer's Path", kind: "book", createdAt: at(5), updatedAt: at(5) });

  // After the touches were logged, so none of them answers it.
  await db.transaction((tx) => requestReconnect(tx, { userId, contactId: people.ada.id }));
  return { north, stones: { reached, learn, dropped }, course };
}
