import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  date,
  doublePrecision,
  index,
  integer,
  pgEnum,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import {
  GOAL_STATUSES,
  LEARNING_KINDS,
  LEARNING_STATUSES,
  STONE_CHANGES,
  STONE_KINDS,
  STONE_PERSON_PARTS,
  STONE_STATUSES,
} from "@/lib/domain/enums";
import { users } from "./auth";
import { contacts } from "./contacts";
import { events } from "./events";
import { jobRoles, skills, wins } from "./journal";

export const goalStatus = pgEnum("goal_status", GOAL_STATUSES);
export const stoneKind = pgEnum("stone_kind", STONE_KINDS);
export const stoneStatus = pgEnum("stone_status", STONE_STATUSES);
export const stoneChange = pgEnum("stone_change", STONE_CHANGES);
export const stonePersonPart = pgEnum("stone_person_part", STONE_PERSON_PARTS);
export const learningKind = pgEnum("learning_kind", LEARNING_KINDS);
export const learningStatus = pgEnum("learning_status", LEARNING_STATUSES);

// A career goal: the destination and why it matters.
export const goals = pgTable(
  "goals",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    title: text("title").notNull(),
    why: text("why"),
    horizonOn: date("horizon_on"),
    status: goalStatus("status").notNull().default("active"),
    isNorthStar: boolean("is_north_star").notNull().default(false),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("goals_user_status_idx").on(t.userId, t.status, t.createdAt),
    // At most one north star per user.
    uniqueIndex("goals_user_north_star_key").on(t.userId).where(sql`${t.isNorthStar}`),
  ],
);

// An ordered step toward a goal. Positions are 0..n-1 within the goal (a
// re-order rewrites them in one transaction); dropped steps keep theirs.
export const steppingStones = pgTable(
  "stepping_stones",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    goalId: uuid("goal_id")
      .notNull()
      .references(() => goals.id, { onDelete: "cascade" }),
    position: integer("position").notNull(),
    kind: stoneKind("kind").notNull(),
    title: text("title").notNull(),
    notes: text("notes"),
    targetOn: date("target_on"),
    status: stoneStatus("status").notNull().default("planned"),
    // The day it was marked done; null unless status is done.
    completedOn: date("completed_on"),
    // A role from My roles that reached this step.
    roleId: uuid("role_id").references(() => jobRoles.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique("stepping_stones_goal_position_key").on(t.goalId, t.position),
    index("stepping_stones_user_idx").on(t.userId, t.status),
    index("stepping_stones_role_idx").on(t.roleId),
    check("stepping_stones_position_check", sql`${t.position} >= 0`),
    check("stepping_stones_completed_check", sql`${t.completedOn} is null or ${t.status} = 'done'`),
  ],
);

// How the plan changed: one row per creation, move, re-date or status change.
// from/to hold the old and new value as text, so the history reads back as
// "moved from Q2 to Q4 on 3 Mar": created → to is the target day (or null);
// moved → 0-based positions; redated → ISO days or null; status → statuses.
export const steppingStoneChanges = pgTable(
  "stepping_stone_changes",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    stoneId: uuid("stone_id")
      .notNull()
      .references(() => steppingStones.id, { onDelete: "cascade" }),
    change: stoneChange("change").notNull(),
    fromValue: text("from_value"),
    toValue: text("to_value"),
    changedAt: timestamp("changed_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("stepping_stone_changes_stone_idx").on(t.stoneId, t.changedAt)],
);

export const stoneSkills = pgTable(
  "stone_skills",
  {
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    stoneId: uuid("stone_id")
      .notNull()
      .references(() => steppingStones.id, { onDelete: "cascade" }),
    skillId: uuid("skill_id")
      .notNull()
      .references(() => skills.id, { onDelete: "cascade" }),
  },
  (t) => [primaryKey({ columns: [t.stoneId, t.skillId] }), index("stone_skills_skill_idx").on(t.skillId)],
);

// The people who matter for a step, and why.
export const stonePeople = pgTable(
  "stone_people",
  {
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    stoneId: uuid("stone_id")
      .notNull()
      .references(() => steppingStones.id, { onDelete: "cascade" }),
    contactId: uuid("contact_id")
      .notNull()
      .references(() => contacts.id, { onDelete: "cascade" }),
    part: stonePersonPart("part").notNull(),
    // Completes the part: "could introduce you" + "to people at Watershed".
    note: text("note"),
  },
  (t) => [primaryKey({ columns: [t.stoneId, t.contactId] }), index("stone_people_contact_idx").on(t.contactId)],
);

// Journal wins that prove progress on a step.
export const stoneWins = pgTable(
  "stone_wins",
  {
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    stoneId: uuid("stone_id")
      .notNull()
      .references(() => steppingStones.id, { onDelete: "cascade" }),
    winId: uuid("win_id")
      .notNull()
      .references(() => wins.id, { onDelete: "cascade" }),
  },
  (t) => [primaryKey({ columns: [t.stoneId, t.winId] }), index("stone_wins_win_idx").on(t.winId)],
);

// Events (a volunteering day, a conference) that advanced a step.
export const stoneEvents = pgTable(
  "stone_events",
  {
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    stoneId: uuid("stone_id")
      .notNull()
      .references(() => steppingStones.id, { onDelete: "cascade" }),
    eventId: uuid("event_id")
      .notNull()
      .references(() => events.id, { onDelete: "cascade" }),
  },
  (t) => [primaryKey({ columns: [t.stoneId, t.eventId] }), index("stone_events_event_idx").on(t.eventId)],
);

// A self-assessed level (1–5) of one of the user's skills on a day; one per
// skill per day, so the trend is the rows in date order.
export const skillLevels = pgTable(
  "skill_levels",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    skillId: uuid("skill_id")
      .notNull()
      .references(() => skills.id, { onDelete: "cascade" }),
    level: smallint("level").notNull(),
    assessedOn: date("assessed_on").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique("skill_levels_skill_day_key").on(t.skillId, t.assessedOn),
    index("skill_levels_user_assessed_idx").on(t.userId, t.assessedOn),
    check("skill_levels_level_check", sql`${t.level} between 1 and 5`),
  ],
);

// Contacts who could teach the user a skill.
export const skillTeachers = pgTable(
  "skill_teachers",
  {
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    skillId: uuid("skill_id")
      .notNull()
      .references(() => skills.id, { onDelete: "cascade" }),
    contactId: uuid("contact_id")
      .notNull()
      .references(() => contacts.id, { onDelete: "cascade" }),
  },
  (t) => [primaryKey({ columns: [t.skillId, t.contactId] }), index("skill_teachers_contact_idx").on(t.contactId)],
);

// The learning log: courses, books, talks, mentoring, certifications.
export const learningItems = pgTable(
  "learning_items",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    title: text("title").notNull(),
    kind: learningKind("kind").notNull(),
    status: learningStatus("status").notNull().default("planned"),
    startedOn: date("started_on"),
    finishedOn: date("finished_on"),
    hours: doublePrecision("hours"),
    // Who taught or mentored.
    mentorId: uuid("mentor_id").references(() => contacts.id, { onDelete: "set null" }),
    url: text("url"),
    notes: text("notes"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("learning_items_user_started_idx").on(t.userId, t.startedOn.desc().nullsLast(), t.id),
    index("learning_items_user_finished_idx").on(t.userId, t.finishedOn),
    // The quarter's summary counts items finished in it or still in progress:
    // with this, the second half of its OR is an index scan too.
    index("learning_items_user_in_progress_idx")
      .on(t.userId, t.startedOn)
      .where(sql`${t.status} = 'in_progress'`),
    index("learning_items_mentor_idx").on(t.mentorId),
    check("learning_items_hours_check", sql`${t.hours} is null or ${t.hours} between 0 and 10000`),
    check(
      "learning_items_dates_check",
      sql`${t.finishedOn} is null or ${t.startedOn} is null or ${t.finishedOn} >= ${t.startedOn}`,
    ),
  ],
);

export const learningSkills = pgTable(
  "learning_skills",
  {
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    itemId: uuid("item_id")
      .notNull()
      .references(() => learningItems.id, { onDelete: "cascade" }),
    skillId: uuid("skill_id")
      .notNull()
      .references(() => skills.id, { onDelete: "cascade" }),
  },
  (t) => [primaryKey({ columns: [t.itemId, t.skillId] }), index("learning_skills_skill_idx").on(t.skillId)],
);

export type Goal = typeof goals.$inferSelect;
export type NewGoal = typeof goals.$inferInsert;
export type SteppingStone = typeof steppingStones.$inferSelect;
export type NewSteppingStone = typeof steppingStones.$inferInsert;
export type SteppingStoneChange = typeof steppingStoneChanges.$inferSelect;
export type StonePerson = typeof stonePeople.$inferSelect;
export type SkillLevelRow = typeof skillLevels.$inferSelect;
export type LearningItem = typeof learningItems.$inferSelect;
export type NewLearningItem = typeof learningItems.$inferInsert;
