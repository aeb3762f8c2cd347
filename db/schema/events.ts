import { date, index, pgEnum, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { EVENT_KINDS } from "@/lib/domain/enums";
import { users } from "./auth";

export const eventKind = pgEnum("event_kind", EVENT_KINDS);

export const events = pgTable(
  "events",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    occurredOn: date("occurred_on").notNull(),
    place: text("place"),
    kind: eventKind("kind").notNull().default("other"),
    notes: text("notes"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("events_user_occurred_idx").on(t.userId, t.occurredOn)],
);

export type Event = typeof events.$inferSelect;
export type NewEvent = typeof events.$inferInsert;
