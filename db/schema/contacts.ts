import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { CONTACT_TIERS } from "@/lib/domain/enums";
import { FIRST_DUE_SHARE_SCALE } from "@/lib/domain/first-due";
import type { HealthBand } from "@/lib/health/model";
import { users } from "./auth";
import { events } from "./events";

// Tiers give a contact its default cadence when none is set on the contact.
export const contactTier = pgEnum("contact_tier", CONTACT_TIERS);

export const contacts = pgTable(
  "contacts",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    company: text("company"),
    role: text("role"),
    location: text("location"),
    notes: text("notes"),
    birthdayMonth: smallint("birthday_month"),
    birthdayDay: smallint("birthday_day"),
    birthdayYear: smallint("birthday_year"),
    tier: contactTier("tier").notNull().default("regular"),
    // null: the tier's default (and, for "regular", the user's default cadence).
    cadenceDays: integer("cadence_days"),
    // false: "No reminders": never due on its cadence (Add to Reconnect still
    // makes it due until the next touch). The health score stays honest.
    remindersEnabled: boolean("reminders_enabled").notNull().default(true),
    // An imported contact's place in its batch, in billionths of its cadence
    // (FIRST_DUE_SHARE_SCALE): until its first touch it is due that share of
    // its cadence after it was added, rounded up to a day, so a batch's first
    // due dates spread over the cadence instead of landing on one day, and a
    // new cadence spreads them over itself. Null: due a full cadence after.
    firstDueShare: integer("first_due_share"),
    metAtEventId: uuid("met_at_event_id").references(() => events.id, { onDelete: "set null" }),
    connectedOn: date("connected_on"),
    snoozedUntil: date("snoozed_until"),
    // "Add to Reconnect": due from this moment until the next touch after it.
    reconnectRequestedAt: timestamp("reconnect_requested_at", { withTimezone: true }),
    archivedAt: timestamp("archived_at", { withTimezone: true }),
    // Both kept up to date by db/queries/schedule.ts after every touch or
    // cadence change, so lists sort, filter "overdue" and page on an index.
    lastTouchedAt: timestamp("last_touched_at", { withTimezone: true }),
    nextDueAt: timestamp("next_due_at", { withTimezone: true }),
    // The health model's score and band as of health_as_of, stored so the
    // dashboard and the list read thousands at once off an index; recomputed
    // with the schedule after every change and for every contact once a day
    // (db/queries/health.ts). Null until first computed.
    healthScore: smallint("health_score"),
    healthBand: text("health_band").$type<HealthBand>(),
    healthAsOf: timestamp("health_as_of", { withTimezone: true }),
    // Fields an import brought that Kith has no column for: kept and exported again.
    extra: jsonb("extra").$type<Record<string, unknown>>().notNull().default({}),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    // The contact's emails, lower-cased and space-separated, written by the
    // triggers on contact_emails (migration 0016) whoever writes the emails,
    // so that search_text holds them and one index answers a search.
    emailText: text("email_text").notNull().default(""),
    // What type-ahead search matches: name, company, role, notes and emails.
    searchText: text("search_text").generatedAlwaysAs(
      sql`lower(coalesce(name, '') || ' ' || coalesce(company, '') || ' ' || coalesce(role, '') || ' ' || coalesce(notes, '') || ' ' || email_text)`,
    ),
  },
  (t) => [
    // The contacts list's three orders (db/queries/contacts.ts), each with id.
    index("contacts_user_name_idx").on(t.userId, sql`lower(${t.name})`, t.id),
    index("contacts_user_last_touched_idx").on(t.userId, t.lastTouchedAt.desc().nullsLast(), t.id),
    index("contacts_user_next_due_idx").on(t.userId, t.nextDueAt, t.id),
    index("contacts_user_health_idx")
      .on(t.userId, t.healthScore, sql`lower(${t.name})`, t.id)
      .where(sql`${t.archivedAt} is null`),
    index("contacts_search_idx").using("gin", t.userId, t.searchText.op("gin_trgm_ops")),
    index("contacts_met_at_event_idx").on(t.metAtEventId),
    check("contacts_cadence_check", sql`${t.cadenceDays} is null or ${t.cadenceDays} between 1 and 3650`),
    check(
      "contacts_first_due_share_check",
      sql`${t.firstDueShare} is null or ${t.firstDueShare} between 1 and ${sql.raw(String(FIRST_DUE_SHARE_SCALE))}`,
    ),
    check(
      "contacts_birthday_check",
      sql`(${t.birthdayMonth} is null and ${t.birthdayDay} is null) or (${t.birthdayMonth} between 1 and 12 and ${t.birthdayDay} between 1 and 31)`,
    ),
  ],
);

export const contactEmails = pgTable(
  "contact_emails",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    contactId: uuid("contact_id")
      .notNull()
      .references(() => contacts.id, { onDelete: "cascade" }),
    email: text("email").notNull(),
    label: text("label"),
    isPrimary: boolean("is_primary").notNull().default(false),
  },
  (t) => [
    index("contact_emails_contact_idx").on(t.contactId),
    // One contact per email and user, compared as every lookup compares them
    // (lower-cased; the forms trim): two quick-adds of one new email at once
    // cannot make two people. Also finds "this email already belongs to a
    // contact" during capture and import.
    uniqueIndex("contact_emails_user_email_key").on(t.userId, sql`lower(${t.email})`),
  ],
);

export const contactPhones = pgTable(
  "contact_phones",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    contactId: uuid("contact_id")
      .notNull()
      .references(() => contacts.id, { onDelete: "cascade" }),
    phone: text("phone").notNull(),
    label: text("label"),
  },
  (t) => [index("contact_phones_contact_idx").on(t.contactId)],
);

export const contactLinks = pgTable(
  "contact_links",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    contactId: uuid("contact_id")
      .notNull()
      .references(() => contacts.id, { onDelete: "cascade" }),
    url: text("url").notNull(),
    label: text("label"),
  },
  (t) => [
    index("contact_links_contact_idx").on(t.contactId),
    index("contact_links_user_url_idx").on(t.userId, t.url),
  ],
);

export const circles = pgTable(
  "circles",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("circles_user_name_key").on(t.userId, sql`lower(${t.name})`)],
);

export const contactCircles = pgTable(
  "contact_circles",
  {
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    contactId: uuid("contact_id")
      .notNull()
      .references(() => contacts.id, { onDelete: "cascade" }),
    circleId: uuid("circle_id")
      .notNull()
      .references(() => circles.id, { onDelete: "cascade" }),
  },
  (t) => [
    primaryKey({ columns: [t.contactId, t.circleId] }),
    index("contact_circles_circle_idx").on(t.circleId),
  ],
);

export type Contact = typeof contacts.$inferSelect;
export type NewContact = typeof contacts.$inferInsert;
export type ContactEmail = typeof contactEmails.$inferSelect;
export type NewContactEmail = typeof contactEmails.$inferInsert;
export type ContactPhone = typeof contactPhones.$inferSelect;
export type NewContactPhone = typeof contactPhones.$inferInsert;
export type ContactLink = typeof contactLinks.$inferSelect;
export type NewContactLink = typeof contactLinks.$inferInsert;
export type Circle = typeof circles.$inferSelect;
export type NewCircle = typeof circles.$inferInsert;
