import { and, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { digestDeliveries, users } from "@/db/schema";
import { rowsOf } from "./rows";

// The weekly digest's ledger: one digest_deliveries row per user and period
// (the ISO week where the user lives), taken before anything is sent. Any
// number of runners can call these at once; the unique (user_id, period)
// key and conditional updates decide which one owns each row.
//
// A row's life: claimed (by one runner, until claim_expires_at) → put in a
// batch (batch_key, content) → sent | failed (tried again from
// next_attempt_at, as the same batch) | skipped (nothing to say).

export type Claim = { id: string; userId: string; email: string; name: string | null; period: string; attempts: number };

export type BatchRow = { id: string; userId: string; period: string; content: unknown; attempts: number };

const localNow = (now: Date) => sql`(${now.toISOString()}::timestamptz at time zone coalesce(${users.timeZone}, 'UTC'))`;
const periodOf = (now: Date) => sql<string>`to_char(${localNow(now)}, 'IYYY-"W"IW')`;

// Due: digests on, and the user's local wall-clock time has reached the
// chosen weekday and hour within the current ISO week (lib/digest/period.ts
// says the same in TypeScript).
function isDue(now: Date) {
  return sql`${users.digestEnabled} and (
    extract(isodow from ${localNow(now)}) > ${users.digestWeekday}
    or (extract(isodow from ${localNow(now)}) = ${users.digestWeekday} and extract(hour from ${localNow(now)}) >= ${users.digestHour})
  )`;
}

// Users whose digest is due and not yet taken for this period: a new row,
// or an earlier claim that expired before its batch was formed.
function dueUsers(params: { now: Date; limit: number; email?: string }) {
  const { now } = params;
  return sql`
    select ${users.id} as user_id, ${periodOf(now)} as period
    from ${users}
    where ${isDue(now)}
      ${params.email ? sql`and lower(${users.email}) = lower(${params.email})` : sql``}
      and not exists (
        select 1 from ${digestDeliveries} d
        where d.user_id = ${users.id} and d.period = ${periodOf(now)}
          and (d.status in ('sent', 'skipped', 'failed')
            or (d.status = 'claimed' and (d.claim_expires_at > ${now.toISOString()}::timestamptz or d.batch_key is not null)))
      )
    order by ${users.id}
    limit ${params.limit}`;
}

// Who a pass would claim now, without claiming (the CLI's --dry-run).
export async function listDue(db: Db, params: { now: Date; limit: number; email?: string }): Promise<Claim[]> {
  const result = await db.execute(sql`
    select due.user_id, due.period, u.email, u.name from (${dueUsers(params)}) due
    join ${users} u on u.id = due.user_id order by due.user_id`);
  return rowsOf<{ user_id: string; period: string; email: string; name: string | null }>(result).map((row) => ({
    id: "",
    userId: row.user_id,
    email: row.email,
    name: row.name,
    period: row.period,
    attempts: 0,
  }));
}

// Claims up to `limit` users whose digest is due and not yet taken for this
// period: a new row, or an earlier claim that expired before its batch was
// formed. Rows in a batch are retried only as that batch (claimBatch).
export async function claimDue(
  db: Db,
  params: { now: Date; leaseMs: number; limit: number; email?: string },
): Promise<Claim[]> {
  const { now, limit } = params;
  const expires = new Date(now.getTime() + params.leaseMs);
  type Row = { id: string; user_id: string; email: string; name: string | null; period: string; attempts: number };
  const result = await db.execute(sql`
    with due as (${dueUsers({ now, limit, email: params.email })}), claimed as (
      insert into ${digestDeliveries} (user_id, period, status, claim_expires_at, attempts)
      select user_id, period, 'claimed', ${expires.toISOString()}::timestamptz, 1 from due
      on conflict (user_id, period) do update
        set claim_expires_at = excluded.claim_expires_at,
            attempts = ${digestDeliveries}.attempts + 1,
            updated_at = now()
        where ${digestDeliveries}.status = 'claimed' and ${digestDeliveries}.batch_key is null
          and ${digestDeliveries}.claim_expires_at <= ${now.toISOString()}::timestamptz
      returning id, user_id, period, attempts
    )
    select claimed.id, claimed.user_id, claimed.period, claimed.attempts, u.email, u.name
    from claimed join ${users} u on u.id = claimed.user_id
    order by claimed.user_id
  `);
  return rowsOf<Row>(result).map((row) => ({
    id: row.id,
    userId: row.user_id,
    email: row.email,
    name: row.name,
    period: row.period,
    attempts: Number(row.attempts),
  }));
}


// Puts claimed rows into one batch: its key and each row's content, stored
// before the batch is sent so a retry sends exactly the same emails.
export async function formBatch(
  db: Db,
  params: { batchKey: string; rows: { id: string; content: unknown }[] },
): Promise<void> {
  if (params.rows.length === 0) return;
  await db.execute(sql`
    update ${digestDeliveries} d
    set batch_key = ${params.batchKey}, content = v.content, updated_at = now()
    from jsonb_to_recordset(${JSON.stringify(params.rows)}::jsonb) as v(id uuid, content jsonb)
    where d.id = v.id and d.status = 'claimed'
  `);
}

// Batches that need sending again: their claim expired (the runner died or
// stalled) or their failure's retry time has come.
export async function listRetryableBatches(db: Db, params: { now: Date; limit: number }): Promise<string[]> {
  const now = params.now.toISOString();
  const rows = await db
    .selectDistinct({ batchKey: sql<string>`${digestDeliveries.batchKey}` })
    .from(digestDeliveries)
    .where(
      sql`${digestDeliveries.batchKey} is not null and (
        (${digestDeliveries.status} = 'claimed' and ${digestDeliveries.claimExpiresAt} <= ${now}::timestamptz)
        or (${digestDeliveries.status} = 'failed' and ${digestDeliveries.nextAttemptAt} <= ${now}::timestamptz))`,
    )
    .limit(params.limit);
  return rows.map((row) => row.batchKey);
}

// Takes a formed batch for this runner, all its unsent rows or none: under a
// transaction-scoped advisory lock on the key, so two runners never both
// take it, then a conditional update that a concurrent winner has already
// made false.
export async function claimBatch(
  db: Db,
  params: { batchKey: string; now: Date; leaseMs: number },
): Promise<BatchRow[]> {
  const now = params.now.toISOString();
  const expires = new Date(params.now.getTime() + params.leaseMs);
  return db.transaction(async (tx) => {
    const [lock] = rowsOf<{ locked: boolean }>(
      await tx.execute(sql`select pg_try_advisory_xact_lock(hashtextextended(${params.batchKey}, 0)) as locked`),
    );
    if (!lock?.locked) return [];
    const rows = await tx
      .update(digestDeliveries)
      .set({
        status: "claimed",
        claimExpiresAt: expires,
        attempts: sql`${digestDeliveries.attempts} + 1`,
        updatedAt: new Date(),
      })
      .where(
        and(
          eq(digestDeliveries.batchKey, params.batchKey),
          sql`((${digestDeliveries.status} = 'claimed' and ${digestDeliveries.claimExpiresAt} <= ${now}::timestamptz)
            or (${digestDeliveries.status} = 'failed' and ${digestDeliveries.nextAttemptAt} <= ${now}::timestamptz))`,
        ),
      )
      .returning({
        id: digestDeliveries.id,
        userId: digestDeliveries.userId,
        period: digestDeliveries.period,
        content: digestDeliveries.content,
        attempts: digestDeliveries.attempts,
      });
    // In id order, as the batch was first sent: the same key must carry the same body.
    return rows.sort((a, b) => a.id.localeCompare(b.id));
  });
}

export async function markSent(
  db: Db,
  params: { now: Date; sent: { id: string; providerMessageId: string }[] },
): Promise<void> {
  if (params.sent.length === 0) return;
  await db.execute(sql`
    update ${digestDeliveries} d
    set status = 'sent', provider_message_id = v.provider_message_id, sent_at = ${params.now.toISOString()}::timestamptz,
        claim_expires_at = null, next_attempt_at = null, last_error = null, updated_at = now()
    from jsonb_to_recordset(${JSON.stringify(params.sent.map(({ id, providerMessageId }) => ({ id, provider_message_id: providerMessageId })))}::jsonb)
      as v(id uuid, provider_message_id text)
    where d.id = v.id and d.status = 'claimed'
  `);
}

export async function markSkipped(db: Db, params: { ids: string[] }): Promise<void> {
  if (params.ids.length === 0) return;
  await db
    .update(digestDeliveries)
    .set({ status: "skipped", claimExpiresAt: null, updatedAt: new Date() })
    .where(and(inArray(digestDeliveries.id, params.ids), eq(digestDeliveries.status, "claimed")));
}

// A batch the provider did not take: tried again from nextAttemptAt (null:
// given up), as the same batch.
export async function markFailed(
  db: Db,
  params: { batchKey: string; error: string; nextAttemptAt: Date | null },
): Promise<void> {
  await db
    .update(digestDeliveries)
    .set({
      status: "failed",
      claimExpiresAt: null,
      lastError: params.error,
      nextAttemptAt: params.nextAttemptAt,
      updatedAt: new Date(),
    })
    .where(and(eq(digestDeliveries.batchKey, params.batchKey), eq(digestDeliveries.status, "claimed")));
}
