import { and, asc, desc, eq, isNull, lt, or, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { contacts, type ImportCounts, importRows, imports } from "@/db/schema";
import type { ImportedContact, ImportSource } from "@/lib/domain/import";

// An import goes: created (mapping for a CSV of unknown shape, else
// parsing) → lib/import/process.ts reads, matches and writes the plan
// (ready) → commitImport (import-commit.ts) applies it (done). Every query
// names the user; another user's import is "not found". Work is claimed
// through the row, so any number of servers can pick up an import whose
// worker died.

export type ImportRow = typeof imports.$inferSelect;

// Imports are kept for their report: unconfirmed ones for a week, confirmed
// ones for a month. Each new import clears the user's older ones, so no
// job is needed to do it, on one server or many.
const KEEP_UNCONFIRMED_DAYS = 7;
const KEEP_DONE_DAYS = 30;

export async function createImport(
  db: Db,
  params: { userId: string; source: ImportSource; fileName: string; fileSize: number; content: string; now?: Date },
): Promise<{ id: string; status: ImportRow["status"] }> {
  const { now = new Date(), ...values } = params;
  const daysAgo = (days: number) => new Date(now.getTime() - days * 86_400_000);
  await db
    .delete(imports)
    .where(
      and(
        eq(imports.userId, params.userId),
        sql`${imports.status} <> 'committing'`,
        or(
          lt(imports.createdAt, daysAgo(KEEP_DONE_DAYS)),
          and(sql`${imports.status} <> 'done'`, lt(imports.createdAt, daysAgo(KEEP_UNCONFIRMED_DAYS))),
        ),
      ),
    );
  const [row] = await db
    .insert(imports)
    .values({ ...values, status: values.source === "csv" ? "mapping" : "parsing" })
    .returning({ id: imports.id, status: imports.status });
  if (!row) throw new Error("createImport: no row returned");
  return row;
}

export async function getImport(db: Db, params: { userId: string; importId: string }) {
  const [row] = await db
    .select({
      id: imports.id,
      source: imports.source,
      fileName: imports.fileName,
      fileSize: imports.fileSize,
      status: imports.status,
      leaseUntil: imports.leaseUntil,
      mapping: imports.mapping,
      totalRows: imports.totalRows,
      processedRows: imports.processedRows,
      counts: imports.counts,
      errors: imports.errors,
      newRoles: imports.newRoles,
      contactTier: imports.contactTier,
      cadenceDays: imports.cadenceDays,
      remindersEnabled: imports.remindersEnabled,
      createdAt: imports.createdAt,
      committedAt: imports.committedAt,
    })
    .from(imports)
    .where(and(eq(imports.id, params.importId), eq(imports.userId, params.userId)));
  return row;
}

/** The file's text, for the column-mapping step. */
export async function getImportContent(db: Db, params: { userId: string; importId: string }) {
  const [row] = await db
    .select({ content: imports.content })
    .from(imports)
    .where(and(eq(imports.id, params.importId), eq(imports.userId, params.userId)));
  return row?.content ?? null;
}

export async function listImports(db: Db, params: { userId: string; limit: number }) {
  return db
    .select({
      id: imports.id,
      source: imports.source,
      fileName: imports.fileName,
      status: imports.status,
      counts: imports.counts,
      totalRows: imports.totalRows,
      createdAt: imports.createdAt,
      committedAt: imports.committedAt,
    })
    .from(imports)
    .where(eq(imports.userId, params.userId))
    .orderBy(desc(imports.createdAt))
    .limit(params.limit);
}

// A CSV's columns are chosen: it can now be read.
export async function setImportMapping(
  db: Db,
  params: { userId: string; importId: string; mapping: Record<string, string> },
): Promise<boolean> {
  const rows = await db
    .update(imports)
    .set({ mapping: params.mapping, status: "parsing", leaseUntil: null })
    .where(and(eq(imports.id, params.importId), eq(imports.userId, params.userId), eq(imports.status, "mapping")))
    .returning({ id: imports.id });
  return rows.length > 0;
}

// The claim: the import, if it waits for a worker (never claimed, or its
// worker's lease ran out), now leased to this one until `leaseUntil`.
export async function claimImport(db: Db, params: { importId: string; now: Date; leaseUntil: Date }) {
  const [job] = await db
    .update(imports)
    .set({ leaseUntil: params.leaseUntil, processedRows: 0 })
    .where(
      and(
        eq(imports.id, params.importId),
        eq(imports.status, "parsing"),
        or(isNull(imports.leaseUntil), lt(imports.leaseUntil, params.now)),
      ),
    )
    .returning();
  return job;
}

// Progress and outcome of a claimed import; each changes it only while it is
// still being read, under the user it belongs to.
type ClaimedImport = { importId: string; userId: string };

const stillParsing = (params: ClaimedImport) =>
  and(eq(imports.id, params.importId), eq(imports.userId, params.userId), eq(imports.status, "parsing"));

export async function setImportProgress(
  db: Db,
  params: ClaimedImport & { totalRows?: number; processedRows?: number },
): Promise<void> {
  const { totalRows, processedRows } = params;
  await db.update(imports).set({ totalRows, processedRows }).where(stillParsing(params));
}

/** The import could not be read: why, and the file is dropped. */
export async function failImport(db: Db, params: ClaimedImport & { errors: string[] }): Promise<void> {
  await db
    .update(imports)
    .set({ status: "failed", errors: params.errors, leaseUntil: null, content: null })
    .where(stillParsing(params));
}

/** The plan is written: the file itself is no longer needed, since the plan holds all it had. */
export async function finishImportPlan(
  db: Db,
  params: ClaimedImport & { counts: ImportCounts; errors: string[]; processedRows: number },
): Promise<void> {
  const { counts, errors, processedRows } = params;
  await db
    .update(imports)
    .set({ status: "ready", counts, errors, leaseUntil: null, processedRows, content: null })
    .where(stillParsing(params));
}

export async function clearImportRows(db: Db, params: { importId: string }): Promise<void> {
  await db.delete(importRows).where(eq(importRows.importId, params.importId));
}

// Thousands of rows as one JSON parameter (an array of import_rows records
// in snake_case): a multi-row VALUES list costs ten parameters a row to
// bind, and was most of the preview's time.
export async function insertImportRows(db: Db, json: string): Promise<void> {
  await db.execute(sql`
    insert into ${importRows} (import_id, row, action, contact, new_contact_id, match_contact_id, match_reason,
      match_row, changes, reason)
    select x.import_id, x.row, x.action::import_action, x.contact, x.new_contact_id, x.match_contact_id,
      x.match_reason, x.match_row, x.changes, x.reason
    from jsonb_to_recordset(${json}::jsonb) as x(import_id uuid, row int, action text, contact jsonb,
      new_contact_id uuid, match_contact_id uuid, match_reason text, match_row int, changes jsonb, reason text)`);
}

export type ImportRowView = {
  row: number;
  action: (typeof importRows.$inferSelect)["action"];
  contact: ImportedContact | null;
  matchContactId: string | null;
  matchName: string | null;
  matchRow: number | null;
  matchReason: string | null;
  changes: (typeof importRows.$inferSelect)["changes"];
  reason: string | null;
};

// A page of the plan (or all of it, for the report), in file order.
export async function listImportRows(
  db: Db,
  params: { userId: string; importId: string; action?: ImportRowView["action"]; limit?: number; offset?: number },
): Promise<ImportRowView[]> {
  const query = db
    .select({
      row: importRows.row,
      action: importRows.action,
      contact: importRows.contact,
      matchContactId: importRows.matchContactId,
      matchName: contacts.name,
      matchRow: importRows.matchRow,
      matchReason: importRows.matchReason,
      changes: importRows.changes,
      reason: importRows.reason,
    })
    .from(importRows)
    .innerJoin(imports, and(eq(imports.id, importRows.importId), eq(imports.userId, params.userId)))
    .leftJoin(contacts, and(eq(contacts.id, importRows.matchContactId), eq(contacts.userId, params.userId)))
    .where(
      and(
        eq(importRows.importId, params.importId),
        params.action ? eq(importRows.action, params.action) : undefined,
      ),
    )
    .orderBy(asc(importRows.row))
    .$dynamic();
  if (params.limit !== undefined) query.limit(params.limit).offset(params.offset ?? 0);
  return query;
}
