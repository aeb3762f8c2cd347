import { type SQL, sql } from "drizzle-orm";
import { z } from "zod";
import { contacts } from "@/db/schema";
import type { ContactSort } from "@/lib/domain/enums";
import { asTime, asUuid, exactTime, exactTimeSchema, keyTextSchema } from "./keyset";

// Where a page of the contacts list ends, in the values its order sorts by
// (db/queries/keyset.ts).
const id = z.uuid();

export const contactSortKeySchema = z.discriminatedUnion("sort", [
  z.object({ sort: z.literal("name"), name: keyTextSchema, id }),
  z.object({ sort: z.literal("last_touch"), at: exactTimeSchema.nullable(), id }),
  z.object({ sort: z.literal("next_due"), at: exactTimeSchema.nullable(), id }),
  z.object({ sort: z.literal("health"), score: z.int().min(0).max(100).nullable(), name: keyTextSchema, id }),
]);

export type ContactSortKey = z.output<typeof contactSortKeySchema>;

// The columns each row needs so that the last one can become a cursor.
export const SORT_KEY_COLUMNS = {
  name: sql<string>`lower(${contacts.name})`,
  lastTouch: exactTime(contacts.lastTouchedAt),
  nextDue: exactTime(contacts.nextDueAt),
  score: contacts.healthScore,
};

type KeyColumns = { name: string; lastTouch: string | null; nextDue: string | null; score: number | null };

export function sortKeyOf(sort: ContactSort, id: string, key: KeyColumns): ContactSortKey {
  switch (sort) {
    case "name":
      return { sort, name: key.name, id };
    case "last_touch":
      return { sort, at: key.lastTouch, id };
    case "next_due":
      return { sort, at: key.nextDue, id };
    case "health":
      return { sort, score: key.score, name: key.name, id };
  }
}

// The rows after `key`, as consecutive ranges of the order's index, read in
// turn until the page is full. Where the order's columns all run one way, a
// range is one row comparison, which the btree seeks to directly (a page 100
// pages in costs what page 1 costs); where they do not (a time descending,
// then the id ascending) or nulls come last, an OR of the cases would make
// PostgreSQL walk the index from the start and filter, so each case is its
// own range instead:
// - name:       (lower(name), id) > key
// - last_touch: same time, later id; then earlier times; then never touched
// - next_due:   (next_due_at, id) > key; then no due date
// - health:     (score, lower(name), id) > key; then unscored
export function rangesAfter(key: ContactSortKey): SQL[] {
  switch (key.sort) {
    case "name":
      return [sql`(lower(${contacts.name}), ${contacts.id}) > (${key.name}, ${asUuid(key.id)})`];
    case "last_touch":
      if (key.at === null) return [sql`${contacts.lastTouchedAt} is null and ${contacts.id} > ${asUuid(key.id)}`];
      return [
        sql`${contacts.lastTouchedAt} = ${asTime(key.at)} and ${contacts.id} > ${asUuid(key.id)}`,
        sql`${contacts.lastTouchedAt} < ${asTime(key.at)}`,
        sql`${contacts.lastTouchedAt} is null`,
      ];
    case "next_due":
      if (key.at === null) return [sql`${contacts.nextDueAt} is null and ${contacts.id} > ${asUuid(key.id)}`];
      return [sql`(${contacts.nextDueAt}, ${contacts.id}) > (${asTime(key.at)}, ${asUuid(key.id)})`, sql`${contacts.nextDueAt} is null`];
    case "health":
      if (key.score === null) {
        return [sql`${contacts.healthScore} is null and (lower(${contacts.name}), ${contacts.id}) > (${key.name}, ${asUuid(key.id)})`];
      }
      return [
        sql`(${contacts.healthScore}, lower(${contacts.name}), ${contacts.id}) > (${key.score}::smallint, ${key.name}, ${asUuid(key.id)})`,
        sql`${contacts.healthScore} is null`,
      ];
  }
}

// The mirror of rangesAfter: the rows before `key`, nearest first, as
// consecutive ranges read with the order reversed (the same index walked
// backwards), so the page before a deep one costs what page 1 does too.
// - name:       (lower(name), id) < key
// - last_touch: same time, earlier id; then later times; (from a never
//               touched key: earlier ids among the never touched, then every
//               touched one)
// - next_due:   (next_due_at, id) < key; (from no due date: earlier ids
//               without one, then every due date)
// - health:     (score, lower(name), id) < key; (from unscored: the
//               unscored before it, then every score)
export function rangesBefore(key: ContactSortKey): SQL[] {
  switch (key.sort) {
    case "name":
      return [sql`(lower(${contacts.name}), ${contacts.id}) < (${key.name}, ${asUuid(key.id)})`];
    case "last_touch":
      if (key.at === null) {
        return [
          sql`${contacts.lastTouchedAt} is null and ${contacts.id} < ${asUuid(key.id)}`,
          sql`${contacts.lastTouchedAt} is not null`,
        ];
      }
      return [
        sql`${contacts.lastTouchedAt} = ${asTime(key.at)} and ${contacts.id} < ${asUuid(key.id)}`,
        sql`${contacts.lastTouchedAt} > ${asTime(key.at)}`,
      ];
    case "next_due":
      if (key.at === null) {
        return [sql`${contacts.nextDueAt} is null and ${contacts.id} < ${asUuid(key.id)}`, sql`${contacts.nextDueAt} is not null`];
      }
      return [sql`(${contacts.nextDueAt}, ${contacts.id}) < (${asTime(key.at)}, ${asUuid(key.id)})`];
    case "health":
      if (key.score === null) {
        return [
          sql`${contacts.healthScore} is null and (lower(${contacts.name}), ${contacts.id}) < (${key.name}, ${asUuid(key.id)})`,
          sql`${contacts.healthScore} is not null`,
        ];
      }
      return [sql`(${contacts.healthScore}, lower(${contacts.name}), ${contacts.id}) < (${key.score}::smallint, ${key.name}, ${asUuid(key.id)})`];
  }
}
