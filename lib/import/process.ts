import { randomUUID } from "node:crypto";
import type { Db } from "@/db/client";
import {
  claimImport,
  clearImportRows,
  failImport,
  finishImportPlan,
  type ImportRow,
  insertImportRows,
  setImportProgress,
} from "@/db/queries/imports";
import type { ImportCounts, importRows } from "@/db/schema";
import type { ImportRejection } from "@/lib/domain/import";
import { loadCandidates } from "./candidates";
import type { ColumnMapping } from "./mapped-csv";
import { parseImportSteps } from "./parse";
import { type PlannedRow, planImportSteps } from "./plan";
import { nextTurn, runStepsSliced, type Steps } from "./steps";

const LEASE_MS = 2 * 60_000;
// Rows are written in batches of at most this many rows and characters of
// JSON: one statement on the in-process PGlite holds up the event loop
// for as long as it runs.
const WRITE_CHUNK_ROWS = 100;
const WRITE_CHUNK_CHARS = 100_000;

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
  const job = await claimImport(db, { importId: params.importId, now, leaseUntil: new Date(now.getTime() + LEASE_MS) });
  if (!job) return;
  const claimed = { importId: job.id, userId: job.userId };
  try {
    const parsed = await runStepsSliced(
      parseImportSteps(job.source, job.content ?? "", (job.mapping as ColumnMapping | null) ?? null),
    );
    if (parsed.errors.length > 0 && parsed.rows === 0) {
      await failImport(db, { ...claimed, errors: parsed.errors });
      return;
    }
    await setImportProgress(db, { ...claimed, totalRows: parsed.rows });
    const existing = await loadCandidates(db, { userId: job.userId, contacts: parsed.contacts });
    const planned = await runStepsSliced(planImportSteps({ source: job.source, contacts: parsed.contacts, existing }));
    const batches = await runStepsSliced(batchSteps(job.id, planned, parsed.rejected));

    await clearImportRows(db, { importId: job.id });
    let written = 0;
    for (const batch of batches) {
      await nextTurn();
      await insertImportRows(db, batch.json);
      written += batch.rows;
      await setImportProgress(db, { ...claimed, processedRows: written });
    }
    const counts: ImportCounts = { create: 0, merge: 0, skip: 0, reject: parsed.rejected.length };
    for (const row of planned) counts[row.action] += 1;
    await finishImportPlan(db, { ...claimed, counts, errors: parsed.errors, processedRows: written });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    await failImport(db, { ...claimed, errors: [`Kith could not read this file: ${message}`] });
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
        reason: plan.reason,
      };
    case "skip":
      return { ...base, matchContactId: plan.matchContactId, matchReason: plan.matchReason, reason: plan.reason };
    case "reject":
      return { ...base, reason: plan.reason };
  }
}

