import { z } from "zod";

// Far beyond any real list: keeps a typed-in ?page=1e30 from reaching SQL
// as an offset no column can hold.
export const MAX_PAGE = 100_000;

const first = (value: unknown) => (Array.isArray(value) ? value[0] : value);

/** A list's `?page=`: a hand-edited, repeated or absurd value is page 1. */
export const pageParamSchema = z.preprocess(first, z.coerce.number().int().min(1).max(MAX_PAGE)).catch(1);

export function pageNumber(value: unknown): number {
  return pageParamSchema.parse(value);
}
