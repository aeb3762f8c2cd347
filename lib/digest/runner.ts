import { createHash } from "node:crypto";
import type { Db } from "@/db/client";
import {
  type BatchRow,
  type Claim,
  claimBatch,
  claimDue,
  formBatch,
  listRetryableBatches,
  markFailed,
  markSent,
  markSkipped,
} from "@/db/queries/digest-ledger";
import { BATCH_LIMIT, type Mail, MailError, type Mailer } from "@/lib/email/mailer";

// One scheduler pass: send every due weekly digest exactly once, whether
// one runner or twenty run it at the same moment (db/queries/digest-ledger.ts
// decides who owns what). The same code runs in-process, from the cron
// route and from `npm run digest`.

/** What a digest needs to be rendered again, identically, on a retry. */
export type Composed = { stored: unknown };

export type DigestPorts = {
  /** Each claimed user's digest, in the claims' order; null when there is nothing to say. */
  compose: (claims: Claim[]) => Promise<(Composed | null)[]>;
  /** The email for stored content: the same content always gives the same email. */
  render: (stored: unknown) => Promise<Mail>;
  mailer: Mailer;
};

export type RunOptions = {
  now: Date;
  /** Only this user (the CLI's --user). */
  email?: string;
  /** How long a claim lasts before another runner may take the work over. */
  leaseMs?: number;
  /** Tries per batch within this pass. */
  maxTries?: number;
  /** First wait after a failure; it doubles on each try. */
  backoffMs?: number;
  /** The longest a 429's retry-after is honoured within a pass. */
  maxWaitMs?: number;
  /** Passes after which a failing batch is given up. */
  maxAttempts?: number;
  sleep?: (ms: number) => Promise<void>;
  log?: (line: string) => void;
};

export type RunSummary = { claimed: number; sent: number; skipped: number; failed: number; batches: number[] };

const DEFAULTS = {
  leaseMs: 15 * 60_000,
  maxTries: 5,
  backoffMs: 1_000,
  maxWaitMs: 60_000,
  maxAttempts: 8,
};

// Deterministic: the same rows always make the same key.
export function batchKeyOf(ids: string[]): string {
  return `digest-${createHash("sha256").update([...ids].sort().join(",")).digest("hex").slice(0, 40)}`;
}

export async function runDigestPass(db: Db, ports: DigestPorts, options: RunOptions): Promise<RunSummary> {
  const settings = { ...DEFAULTS, ...options };
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const log = options.log ?? (() => {});
  const summary: RunSummary = { claimed: 0, sent: 0, skipped: 0, failed: 0, batches: [] };

  async function send(batchKey: string, rows: { id: string; stored: unknown }[], attempts: number) {
    const mails: Mail[] = [];
    for (const row of rows) {
      mails.push(await ports.render(row.stored));
      // Rendering is synchronous work: between emails, let the next batch's
      // queries (started by fill) move on.
      await new Promise((resolve) => setImmediate(resolve));
    }
    for (let attempt = 1; ; attempt += 1) {
      try {
        const sent = await ports.mailer.sendBatch(mails, { idempotencyKey: batchKey });
        await markSent(db, {
          now: settings.now,
          sent: rows.map((row, index) => ({ id: row.id, providerMessageId: sent[index]?.id ?? "" })),
        });
        summary.sent += rows.length;
        summary.batches.push(rows.length);
        log(`digest: sent a batch of ${rows.length}`);
        return;
      } catch (error) {
        const mailError = error instanceof MailError ? error : undefined;
        const canRetry = mailError?.isRetryable ?? false;
        if (!canRetry || attempt >= settings.maxTries) {
          const message = error instanceof Error ? error.message : String(error);
          const isGivenUp = !canRetry || attempts >= settings.maxAttempts;
          // Later passes try again, further apart each time, as the same batch.
          const nextAttemptAt = isGivenUp
            ? null
            : new Date(settings.now.getTime() + settings.backoffMs * 2 ** Math.min(attempts + settings.maxTries, 20));
          await markFailed(db, { batchKey, error: message, nextAttemptAt });
          summary.failed += rows.length;
          log(`digest: a batch of ${rows.length} failed (${message})${isGivenUp ? ", given up" : ""}`);
          return;
        }
        const wait = mailError?.retryAfterMs ?? settings.backoffMs * 2 ** (attempt - 1);
        await sleep(Math.min(wait, settings.maxWaitMs));
      }
    }
  }

  // First the batches formed earlier whose runner died, stalled or failed.
  for (;;) {
    const keys = await listRetryableBatches(db, { now: settings.now, limit: 10 });
    let took = 0;
    for (const batchKey of keys) {
      const rows: BatchRow[] = await claimBatch(db, { batchKey, now: settings.now, leaseMs: settings.leaseMs });
      if (rows.length === 0) continue;
      took += 1;
      const attempts = Math.max(...rows.map((row) => row.attempts));
      await send(
        batchKey,
        rows.map((row) => ({ id: row.id, stored: row.content })),
        attempts,
      );
    }
    if (took === 0) break;
  }

  // Then new claims, gathered until a batch is full. While one batch is
  // rendered and sent, the next is claimed and composed: the database works
  // on one core while rendering takes the other.
  let pending: { id: string; stored: unknown; attempts: number }[] = [];
  let isDrained = false;
  async function fill() {
    while (!isDrained && pending.length < BATCH_LIMIT) {
      const claims = await claimDue(db, {
        now: settings.now,
        leaseMs: settings.leaseMs,
        limit: BATCH_LIMIT - pending.length,
        email: options.email,
      });
      if (claims.length === 0) isDrained = true;
      summary.claimed += claims.length;
      const composed = claims.length > 0 ? await ports.compose(claims) : [];
      const empty = claims.filter((_, index) => !composed[index]).map((claim) => claim.id);
      await markSkipped(db, { ids: empty });
      summary.skipped += empty.length;
      claims.forEach((claim, index) => {
        const result = composed[index];
        if (result) pending.push({ id: claim.id, stored: result.stored, attempts: claim.attempts });
      });
    }
  }
  let filling = fill();
  for (;;) {
    await filling;
    if (pending.length === 0) break;
    // In id order, as claimBatch returns them: a retry must send the same body.
    const batch = pending.slice(0, BATCH_LIMIT).sort((a, b) => a.id.localeCompare(b.id));
    pending = pending.slice(BATCH_LIMIT);
    const batchKey = batchKeyOf(batch.map((row) => row.id));
    await formBatch(db, { batchKey, rows: batch.map((row) => ({ id: row.id, content: row.stored })) });
    filling = fill();
    // Awaited at the top of the loop; handled now so a failure while this
    // batch is sent is not reported as unhandled.
    filling.catch(() => {});
    await send(batchKey, batch, Math.max(...batch.map((row) => row.attempts)));
  }
  return summary;
}
