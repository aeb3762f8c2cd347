// Spreading a batch's first due dates over its cadence, so that importing
// 500 connections does not put all 500 on Reconnect now on the same day.
//
// Each contact the batch creates keeps its place in the batch as a share of
// a cadence, in billionths: the k-th of n gets floor(k · SCALE / n). Until its
// first touch it is due ceil(share · cadence / SCALE) days after it was
// added: a day from 1 to the cadence, the last one on the cadence's own day.
// That is exactly ceil(k · cadence / n), whatever the cadence (rounding the
// share down moves the product by less than cadence / SCALE, smaller than
// 1 / n for any cadence up to 3,650 days and any batch up to 270,000 rows),
// so no day gets more than ceil(n / cadence) of them, and when the cadence
// changes before their first touch they spread over the new one. A share
// rather than a date: a date would pile the batch's tail onto the last day
// of a shorter cadence. db/queries/schedule.ts and import-commit.ts do the
// same in SQL.

export const FIRST_DUE_SHARE_SCALE = 1_000_000_000;

/** The share of the k-th (1-based) of a batch of n. */
export function firstDueShare(rank: number, size: number): number {
  return Math.floor((rank * FIRST_DUE_SHARE_SCALE) / size);
}

/** The day after creation (1..cadence) a contact with this share is first due. */
export function firstDueDay(share: number, cadenceDays: number): number {
  return Math.ceil((share * cadenceDays) / FIRST_DUE_SHARE_SCALE);
}
