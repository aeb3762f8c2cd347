import { type AnyColumn, type SQL, sql } from "drizzle-orm";
import { z } from "zod";

// What keyset (cursor) pages share: a page ends at its last row, and the
// next one starts right after that row's sort values. Times travel as text
// with microseconds (the database's own precision), so a tie on a time is an
// exact tie, never one rounded to the milliseconds of a JavaScript Date.

const EXACT_TIME_PATTERN = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;

// A well-formed time that is also a real one (no 30 February): the database
// would refuse it with an error instead of answering an empty page.
export const exactTimeSchema = z
  .string()
  .regex(EXACT_TIME_PATTERN)
  .refine((value) => {
    const parsed = new Date(value);
    return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 19) === value.slice(0, 19);
  });

export const keyTextSchema = z
  .string()
  .max(1000)
  .refine((value) => !value.includes("\0"));

export function exactTime(column: AnyColumn | SQL): SQL<string | null> {
  return sql<string | null>`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;
}

export const asTime = (value: string) => sql`${value}::timestamptz`;
export const asUuid = (value: string) => sql`${value}::uuid`;
