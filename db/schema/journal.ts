import { sql } from "drizzle-orm";
import {
  check,
  date,
  doublePrecision,
  index,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { WIN_KINDS, WIN_PERSON_PARTS } from "@/lib/domain/enums";
import { users } from "./auth";
import { contacts } from "./contacts";

export const winKind = pgEnum("win_kind", WIN_KINDS);

export const winPersonPart = pgEnum("win_person_part", WIN_PERSON_PARTS);

// The user's own job history ("My roles"); no end date means the current role.
export const jobRoles = pgTable(
  "job_roles",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    company: text("company").notNull(),
    title: text("title").notNull(),
    location: text("location"),
    description: text("description"),
    startedOn: date("started_on").notNull(),
    endedOn: date("ended_on"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("job_roles_user_started_idx").on(t.userId, t.startedOn),
    check("job_roles_dates_check", sql`${t.endedOn} is null or ${t.endedOn} >= ${t.startedOn}`),
  ],
);

// A skill the user names; one row per name (case-insensitive) per user, shared
// by the journal's tags and, later, the career plan.
export const skills = pgTable(
  "skills",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("skills_user_name_key").on(t.userId, sql`lower(${t.name})`)],
);

// A journal entry: something the user achieved, in their own words.
export const wins = pgTable(
  "wins",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    // Null only between roles, or after the role was deleted.
    roleId: uuid("role_id").references(() => jobRoles.id, { onDelete: "set null" }),
    occurredOn: date("occurred_on").notNull(),
    kind: winKind("kind").notNull(),
    title: text("title").notNull(),
    what: text("what"),
    result: text("result"),
    metricValue: doublePrecision("metric_value"),
    metricUnit: text("metric_unit"),
    url: text("url"),
    // STAR stories: the optional situation and task; the action is `what`,
    // the result is `result`.
    situation: text("situation"),
    task: text("task"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    // What the journal's search matches (skill names are matched through win_skills).
    searchText: text("search_text").generatedAlwaysAs(
      sql`lower(coalesce(title, '') || ' ' || coalesce(what, '') || ' ' || coalesce(result, '') || ' ' || coalesce(metric_unit, '') || ' ' || coalesce(situation, '') || ' ' || coalesce(task, ''))`,
    ),
  },
  (t) => [
    // The journal's pages, newest first, and every date-range read.
    index("wins_user_occurred_idx").on(t.userId, t.occurredOn.desc(), t.id.desc()),
    index("wins_role_idx").on(t.roleId),
    index("wins_search_idx").using("gin", t.userId, t.searchText.op("gin_trgm_ops")),
    check("wins_metric_check", sql`${t.metricUnit} is null or ${t.metricValue} is not null`),
  ],
);

// The people in a win and the part each played; one person may play several.
export const winPeople = pgTable(
  "win_people",
  {
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    winId: uuid("win_id")
      .notNull()
      .references(() => wins.id, { onDelete: "cascade" }),
    contactId: uuid("contact_id")
      .notNull()
      .references(() => contacts.id, { onDelete: "cascade" }),
    part: winPersonPart("part").notNull(),
    // Copied from the win so a contact's wins and "who helped most this year" read one index.
    occurredOn: date("occurred_on").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.winId, t.contactId, t.part] }),
    index("win_people_contact_occurred_idx").on(t.contactId, t.occurredOn),
    index("win_people_user_part_occurred_idx").on(t.userId, t.part, t.occurredOn),
  ],
);

export const winSkills = pgTable(
  "win_skills",
  {
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    winId: uuid("win_id")
      .notNull()
      .references(() => wins.id, { onDelete: "cascade" }),
    skillId: uuid("skill_id")
      .notNull()
      .references(() => skills.id, { onDelete: "cascade" }),
    // Copied from the win so "filtered by a skill" pages off one index.
    occurredOn: date("occurred_on").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.winId, t.skillId] }),
    index("win_skills_skill_occurred_idx").on(t.skillId, t.occurredOn.desc(), t.winId),
  ],
);

export type JobRole = typeof jobRoles.$inferSelect;
export type NewJobRole = typeof jobRoles.$inferInsert;
export type Skill = typeof skills.$inferSelect;
export type Win = typeof wins.$inferSelect;
export type NewWin = typeof wins.$inferInsert;
export type WinPerson = typeof winPeople.$inferSelect;
export type WinSkill = typeof winSkills.$inferSelect;
