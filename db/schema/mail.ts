import { sql } from "drizzle-orm";
import {
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { users } from "./auth";

export const digestStatus = pgEnum("digest_status", ["claimed", "sent", "skipped", "failed"]);

// The ledger that makes the weekly email exactly-once: a row per user and
// period is claimed before anything is sent.
export const digestDeliveries = pgTable(
  "digest_deliveries",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    // ISO week in the user's time zone, e.g. "2026-W48".
    period: text("period").notNull(),
    status: digestStatus("status").notNull().default("claimed"),
    claimExpiresAt: timestamp("claim_expires_at", { withTimezone: true }),
    attempts: integer("attempts").notNull().default(0),
    content: jsonb("content").$type<Record<string, unknown>>(),
    // The batch this delivery went out in: formed once, then always sent
    // again as the same emails with this key as Idempotency-Key, so a retry
    // after a crash or a timeout cannot send it twice.
    batchKey: text("batch_key"),
    // A failed delivery is tried again from then on (null: given up).
    nextAttemptAt: timestamp("next_attempt_at", { withTimezone: true }),
    providerMessageId: text("provider_message_id"),
    lastError: text("last_error"),
    sentAt: timestamp("sent_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("digest_deliveries_user_period_key").on(t.userId, t.period),
    index("digest_deliveries_status_idx").on(t.status, t.claimExpiresAt),
    index("digest_deliveries_batch_idx").on(t.batchKey),
    // A user's last digest sent (what is new since), however long the history.
    index("digest_deliveries_user_sent_idx").on(t.userId, t.sentAt.desc()).where(sql`${t.status} = 'sent'`),
  ],
);

// Mail that had nowhere else to go (no RESEND_API_KEY): readable in the app
// outside production, and printed to the server log.
export const outboxMessages = pgTable(
  "outbox_messages",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    to: text("to").notNull(),
    from: text("from").notNull(),
    subject: text("subject").notNull(),
    html: text("html").notNull(),
    text: text("text").notNull(),
    headers: jsonb("headers").$type<Record<string, string>>().notNull().default({}),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("outbox_messages_created_idx").on(t.createdAt)],
);

export type DigestDelivery = typeof digestDeliveries.$inferSelect;
export type NewDigestDelivery = typeof digestDeliveries.$inferInsert;
export type OutboxMessage = typeof outboxMessages.$inferSelect;
