import { sql } from "drizzle-orm";
import { check, index, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import type { ApiTokenScope } from "@/lib/domain/api-tokens";
import { users } from "./auth";

// Personal access tokens for the REST API and MCP. The token itself is shown
// once and never stored: a request is matched by the SHA-256 of what it
// sends (a token is 256 random bits, so a fast hash is enough, and it lets
// the lookup be one unique-index probe). `prefix` is the start of the token,
// for the person to tell their tokens apart.
export const apiTokens = pgTable(
  "api_tokens",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    tokenHash: text("token_hash").notNull(),
    prefix: text("prefix").notNull(),
    scopes: text("scopes").array().notNull().$type<ApiTokenScope[]>(),
    expiresAt: timestamp("expires_at", { withTimezone: true }),
    // Written at most once a minute per token (lib/api/authenticate.ts).
    lastUsedAt: timestamp("last_used_at", { withTimezone: true }),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("api_tokens_token_hash_key").on(t.tokenHash),
    index("api_tokens_user_created_idx").on(t.userId, t.createdAt),
    check(
      "api_tokens_scopes_check",
      sql`cardinality(${t.scopes}) > 0 and ${t.scopes} <@ array['read', 'write']::text[]`,
    ),
  ],
);

export type ApiToken = typeof apiTokens.$inferSelect;
export type NewApiToken = typeof apiTokens.$inferInsert;
