import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from "drizzle-orm/pg-core";
import type { ImportedContact, ImportSource } from "@/lib/domain/import";
import { users } from "./auth";
import { contacts, contactTier } from "./contacts";

// mapping: a CSV waiting for its columns to be chosen; parsing: read and
// matched in the background (lease_until says until when a worker owns
// it); ready: the preview, waiting for confirmation; committing → done.
export const importStatus = pgEnum("import_status", ["mapping", "parsing", "ready", "committing", "done", "failed"]);

// What confirming does with a row: a new contact, new details merged into an
// existing one, nothing (an exact duplicate), or nothing because the row
// cannot be used (reason says why).
export const importAction = pgEnum("import_action", ["create", "merge", "skip", "reject"]);

export type ImportCounts = { create: number; merge: number; skip: number; reject: number };

export const imports = pgTable(
  "imports",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    source: text("source").$type<ImportSource>().notNull(),
    fileName: text("file_name").notNull(),
    fileSize: integer("file_size").notNull(),
    // The decoded file, kept until it is read (the plan then holds it all).
    content: text("content"),
    // Column index → field, for a CSV of no known shape.
    mapping: jsonb("mapping").$type<Record<string, string>>(),
    status: importStatus("status").notNull(),
    leaseUntil: timestamp("lease_until", { withTimezone: true }),
    totalRows: integer("total_rows"),
    processedRows: integer("processed_rows").notNull().default(0),
    counts: jsonb("counts").$type<ImportCounts>(),
    // Problems with the file as a whole (no header, unreadable).
    errors: jsonb("errors").$type<string[]>().notNull().default([]),
    newRoles: integer("new_roles").notNull().default(0),
    // How often to keep in touch with the contacts this import creates, as
    // chosen at confirm (null until then): what the commit gives each of them.
    contactTier: contactTier("contact_tier"),
    cadenceDays: integer("cadence_days"),
    remindersEnabled: boolean("reminders_enabled"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    committedAt: timestamp("committed_at", { withTimezone: true }),
  },
  (t) => [
    index("imports_user_created_idx").on(t.userId, t.createdAt.desc()),
    check("imports_cadence_check", sql`${t.cadenceDays} is null or ${t.cadenceDays} between 1 and 3650`),
  ],
);

export type ImportChange = { from: unknown; to: unknown };

export const importRows = pgTable(
  "import_rows",
  {
    importId: uuid("import_id")
      .notNull()
      .references(() => imports.id, { onDelete: "cascade" }),
    row: integer("row").notNull(),
    action: importAction("action").notNull(),
    contact: jsonb("contact").$type<ImportedContact>(),
    // The id a created contact will get, chosen at preview time so the
    // commit can write contacts and their details set-based.
    newContactId: uuid("new_contact_id"),
    matchContactId: uuid("match_contact_id").references(() => contacts.id, { onDelete: "set null" }),
    // How the match was made (email, LinkedIn URL, name and company), or
    // the row of this file it repeats.
    matchReason: text("match_reason"),
    matchRow: integer("match_row"),
    // Field → { from, to } for a merge: what the preview shows side by side.
    changes: jsonb("changes").$type<Record<string, ImportChange>>(),
    // Why a row is rejected or skipped.
    reason: text("reason"),
  },
  (t) => [
    primaryKey({ columns: [t.importId, t.row] }),
    index("import_rows_action_idx").on(t.importId, t.action, t.row),
    index("import_rows_match_idx")
      .on(t.matchContactId)
      .where(sql`${t.matchContactId} is not null`),
  ],
);
