import { sql } from "drizzle-orm";
import { index, jsonb, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { users } from "./auth";

// A capture sent from a device's offline queue carries a key the device chose
// once; the first request with that key claims this row in the same
// transaction as what it saves, so a replay (a retry after a timeout, a
// second tab, a flaky network) finds the key taken and saves nothing again.
// The key is the user's own: the primary key leads with user_id, so another
// account's key is just a new key.
export const idempotencyKeys = pgTable(
  "idempotency_keys",
  {
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    key: uuid("key").notNull(),
    // What the key saved (a touch, a quick-add…): the same key sent to
    // another kind of capture is refused rather than answered with this one.
    kind: text("kind").notNull(),
    // The answer the first request gave, given again to every replay.
    result: jsonb("result").$type<unknown>(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().default(sql`now()`),
  },
  (t) => [primaryKey({ columns: [t.userId, t.key] }), index("idempotency_keys_created_at_idx").on(t.createdAt)],
);
