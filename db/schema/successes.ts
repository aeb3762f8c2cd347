import { sql } from "drizzle-orm";
import { date, index, pgEnum, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { SUCCESS_KINDS } from "@/lib/domain/enums";
import { users } from "./auth";
import { contacts } from "./contacts";
import { interactions } from "./interactions";

export const successKind = pgEnum("success_kind", SUCCESS_KINDS);

// Something good that happened to a contact; congratulated once a
// congratulation touch points at it.
export const successes = pgTable(
  "successes",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    contactId: uuid("contact_id")
      .notNull()
      .references(() => contacts.id, { onDelete: "cascade" }),
    kind: successKind("kind").notNull(),
    title: text("title").notNull(),
    occurredOn: date("occurred_on").notNull(),
    url: text("url"),
    congratulatedByInteractionId: uuid("congratulated_by_interaction_id").references(
      () => interactions.id,
      { onDelete: "set null" },
    ),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("successes_contact_occurred_idx").on(t.contactId, t.occurredOn),
    // Deleting a touch (or an account) finds the successes it congratulated
    // here instead of scanning the table once per deleted touch.
    index("successes_congratulated_by_idx")
      .on(t.congratulatedByInteractionId)
      .where(sql`${t.congratulatedByInteractionId} is not null`),
    // "Congratulate" lists: the user's successes still waiting, newest first.
    index("successes_user_waiting_idx")
      .on(t.userId, t.occurredOn)
      .where(sql`${t.congratulatedByInteractionId} is null`),
  ],
);

export type Success = typeof successes.$inferSelect;
export type NewSuccess = typeof successes.$inferInsert;
