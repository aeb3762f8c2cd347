import { randomUUID } from "node:crypto";
import { and, asc, desc, eq, isNull, lt, or, type SQL, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { contacts, type ImportCounts, importRows, imports } from "@/db/schema";
import type { ColumnMapping } from "@/lib/import/mapped-csv";
import { parseImportSteps } from "@/lib/import/parse";
import { type PlannedRow, planImportSteps } from "@/lib/import/plan";
import { nextTurn, runStepsSliced, type Steps } from "@/lib/import/steps";
import type { ImportedContact, ImportRejection, ImportSource } from "@/lib/import/types";
import { loadCandidates } from "./import-candidates";

// An import goes: created (mapping for a CSV of unknown shape, else
// parsing) → processImport reads, matches (import-candidates.ts) and writes
// the plan (ready) → commitImport (import-commit.ts) applies it (done). Every query names the user; another
// user's import is "not found". Work is claimed through the row, so any
// number of servers can pick up an import whose worker died.

const LEASE_MS = 2 * 60_000;
// Rows are written in batches of at most this many rows and characters of
// JSON: one statement on the in-process PGlite holds up the event loop
// for as long as it runs.
const WRITE_CHUNK_ROWS = 100;
const WRITE_CHUNK_CHARS = 100_000;

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
  params: { userId: string; importId: string; mapping: ColumnMapping },
): Promise<boolean> {
  const rows = await db
    .update(imports)
    .set({ mapping: params.mapping, status: "parsing", leaseUntil: null })
    .where(and(eq(imports.id, params.importId), eq(imports.userId, params.userId), eq(imports.status, "mapping")))
    .returning({ id: imports.id });
  return rows.length > 0;
}

/** Whether an import waits for a worker: never claimed, or its worker's lease ran out. */
export function needsWorker(row: { status: ImportRow["status"]; leaseUntil: Date | null }, now: Date): boolean {
  return row.status === "parsing" && (row.leaseUntil === null || row.leaseUntil < now);
}

// Reads the file, matches it against the user's contacts and writes the
// plan, row by row, with progress. Does nothing unless it wins the claim.
// It runs inside the web server (after the upload's response): reading and
// planning pause every few milliseconds, so other requests are answered
// meanwhile.
export async function processImport(db: Db, params: { importId: string; now?: Date }): Promise<void> {
  const now = params.now ?? new Date();
  const [job] = await db
    .update(imports)
    .set({ leaseUntil: new Date(now.getTime() + LEASE_MS), processedRows: 0 })
    .where(
      and(
        eq(imports.id, params.importId),
        eq(imports.status, "parsing"),
        or(isNull(imports.leaseUntil), lt(imports.leaseUntil, now)),
      ),
    )
    .returning();
  if (!job) return;
  const owns = and(eq(imports.id, job.id), eq(imports.userId, job.userId), eq(imports.status, "parsing")) as SQL;
  try {
    const parsed = await runStepsSliced(
      parseImportSteps(job.source, job.content ?? "", (job.mapping as ColumnMapping | null) ?? null),
    );
    if (parsed.errors.length > 0 && parsed.rows === 0) {
      await db.update(imports).set({ status: "failed", errors: parsed.errors, leaseUntil: null, content: null }).where(owns);
      return;
    }
    await db.update(imports).set({ totalRows: parsed.rows }).where(owns);
    const existing = await loadCandidates(db, { userId: job.userId, contacts: parsed.contacts });
    const planned = await runStepsSliced(planImportSteps({ source: job.source, contacts: parsed.contacts, existing }));
    const batches = await runStepsSliced(batchSteps(job.id, planned, parsed.rejected));

    await db.delete(importRows).where(eq(importRows.importId, job.id));
    let written = 0;
    for (const batch of batches) {
      await nextTurn();
      await insertImportRows(db, batch.json);
      written += batch.rows;
      await db.update(imports).set({ processedRows: written }).where(owns);
    }
    const counts: ImportCounts = { create: 0, merge: 0, skip: 0, reject: parsed.rejected.length };
    for (const row of planned) counts[row.action] += 1;
    await db
      .update(imports)
      // The plan holds all the file had: the file itself is no longer needed.
      .set({ status: "ready", counts, errors: parsed.errors, leaseUntil: null, processedRows: written, content: null })
      .where(owns);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    await db
      .update(imports)
      .set({ status: "failed", errors: [`Kith could not read this file: ${message}`], leaseUntil: null, content: null })
      .where(owns);
  }
}

type Batch = { rows: number; json: string };

// The plan and the parser's rejections, in file order, as JSON arrays of
// import_rows records to insert. Both lists are already in file order.
function* batchSteps(importId: string, planned: PlannedRow[], rejected: ImportRejection[]): Steps<Batch[]> {
  const batches: Batch[] = [];
  let records: string[] = [];
  let chars = 0;
  const flush = () => {
    if (records.length === 0) return;
    batches.push({ rows: records.length, json: `[${records.join(",")}]` });
    records = [];
    chars = 0;
  };
  let [p, r] = [0, 0];
  while (p < planned.length || r < rejected.length) {
    yield;
    const plan = planned[p];
    const rejection = rejected[r];
    const takePlan = plan !== undefined && (rejection === undefined || plan.row < rejection.row);
    const row = takePlan ? rowOf(importId, plan) : recordOfRejection(importId, rejection as ImportRejection);
    if (takePlan) p += 1;
    else r += 1;
    const record = JSON.stringify({
      import_id: row.importId,
      row: row.row,
      action: row.action,
      contact: row.contact ?? null,
      new_contact_id: row.newContactId ?? null,
      match_contact_id: row.matchContactId ?? null,
      match_reason: row.matchReason ?? null,
      match_row: row.matchRow ?? null,
      changes: row.changes ?? null,
      reason: row.reason ?? null,
    });
    if (records.length === WRITE_CHUNK_ROWS || (records.length > 0 && chars + record.length > WRITE_CHUNK_CHARS)) flush();
    records.push(record);
    chars += record.length;
  }
  flush();
  return batches;
}

const recordOfRejection = (importId: string, rejection: ImportRejection): typeof importRows.$inferInsert => ({
  importId,
  row: rejection.row,
  action: "reject",
  reason: rejection.reason,
});

// Thousands of rows as one JSON parameter: a multi-row VALUES list costs
// ten parameters a row to bind, and was most of the preview's time.
async function insertImportRows(db: Db, json: string) {
  await db.execute(sql`
    insert into ${importRows} (import_id, row, action, contact, new_contact_id, match_contact_id, match_reason,
      match_row, changes, reason)
    select x.import_id, x.row, x.action::import_action, x.contact, x.new_contact_id, x.match_contact_id,
      x.match_reason, x.match_row, x.changes, x.reason
    from jsonb_to_recordset(${json}::jsonb) as x(import_id uuid, row int, action text, contact jsonb,
      new_contact_id uuid, match_contact_id uuid, match_reason text, match_row int, changes jsonb, reason text)`);
}

function rowOf(importId: string, plan: PlannedRow): typeof importRows.$inferInsert {
  const base = { importId, row: plan.row, action: plan.action, contact: plan.contact };
  switch (plan.action) {
    case "create":
      return { ...base, newContactId: randomUUID() };
    case "merge":
      return {
        ...base,
        matchContactId: plan.matchContactId,
        matchRow: plan.matchRow,
        matchReason: plan.matchReason,
        changes: plan.changes,
      };
    case "skip":
      return { ...base, matchContactId: plan.matchContactId, matchReason: plan.matchReason, reason: plan.reason };
    case "reject":
      return { ...base, reason: plan.reason };
  }
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
