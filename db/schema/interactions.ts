import { sql } from "drizzle-orm";
import { check, index, pgEnum, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { CHANNELS, VALUE_DIRECTIONS, VALUE_KINDS } from "@/lib/domain/enums";
import { users } from "./auth";
import { contacts } from "./contacts";
import { events } from "./events";

export const interactionChannel = pgEnum("interaction_channel", CHANNELS);

export const valueKind = pgEnum("value_kind", VALUE_KINDS);

export const valueDirection = pgEnum("value_direction", VALUE_DIRECTIONS);

// A touch: one moment with one or more contacts, optionally one that added value.
export const interactions = pgTable(
  "interactions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    occurredAt: timestamp("occurred_at", { withTimezone: true }).notNull(),
    channel: interactionChannel("channel").notNull(),
    summary: text("summary"),
    valueKind: valueKind("value_kind"),
    valueDirection: valueDirection("value_direction"),
    eventId: uuid("event_id").references(() => events.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("interactions_user_occurred_idx").on(t.userId, t.occurredAt),
    index("interactions_event_idx").on(t.eventId),
    // Value-added touches only: the dashboard's weekly chart and streak, and
    // the value part of every health score, read just these.
    // The direction is in the key so both read the index alone.
    index("interactions_user_value_idx")
      .on(t.userId, t.occurredAt, t.valueDirection)
      .where(sql`${t.valueDirection} is not null`),
    check(
      "interactions_value_pair_check",
      sql`(${t.valueKind} is null) = (${t.valueDirection} is null)`,
    ),
  ],
);

export const interactionContacts = pgTable(
  "interaction_contacts",
  {
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    interactionId: uuid("interaction_id")
      .notNull()
      .references(() => interactions.id, { onDelete: "cascade" }),
    contactId: uuid("contact_id")
      .notNull()
      .references(() => contacts.id, { onDelete: "cascade" }),
    // Both copied from the interaction by every writer, so a contact's
    // timeline and health read the links alone.
    occurredAt: timestamp("occurred_at", { withTimezone: true }).notNull(),
    valueDirection: valueDirection("value_direction"),
  },
  (t) => [
    primaryKey({ columns: [t.interactionId, t.contactId] }),
    index("interaction_contacts_contact_occurred_idx").on(t.contactId, t.occurredAt),
    // A user's value-added links: the value part of every health score counts
    // them per contact off this index alone, without joining the touches.
    index("interaction_contacts_user_value_idx")
      .on(t.userId, t.occurredAt, t.contactId, t.valueDirection)
      .where(sql`${t.valueDirection} is not null`),
  ],
);

export type Interaction = typeof interactions.$inferSelect;
export type NewInteraction = typeof interactions.$inferInsert;
export type InteractionContact = typeof interactionContacts.$inferSelect;
