import { z } from "zod";

// A list's cursor: where the last page ended, as the values its order sorts
// by, written as base64url JSON. Opaque to clients (they send back what they
// were given), but never trusted: it is decoded through the list's own
// schema, so a cursor edited by hand is a 400 on `cursor`, not a query.

const MAX_CURSOR_LENGTH = 2048;

export function encodeCursor(key: unknown): string {
  return Buffer.from(JSON.stringify(key), "utf8").toString("base64url");
}

export function decodeCursor<S extends z.ZodType>(cursor: string, schema: S): z.output<S> | undefined {
  if (cursor.length > MAX_CURSOR_LENGTH || !/^[A-Za-z0-9_-]*$/.test(cursor)) return undefined;
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
  } catch {
    return undefined;
  }
  const parsed = schema.safeParse(json);
  return parsed.success ? parsed.data : undefined;
}

export const CURSOR_MESSAGE = "This cursor is not one this list gave out: start again without it.";

// The query parameters every cursor-paged list takes. The cursor stays a
// string here; each list decodes it with its own key's schema.
export const pageQueryFields = {
  limit: z.coerce
    .number({ error: "Give a whole number from 1 to 100." })
    .int("Give a whole number from 1 to 100.")
    .min(1, "Give a whole number from 1 to 100.")
    .max(100, "Give a whole number from 1 to 100.")
    .default(25)
    .describe("How many to answer, from 1 to 100."),
  cursor: z
    .string()
    .optional()
    .describe("The nextCursor of the previous page; leave it out for the first page."),
};

// A cursor query parameter decoded through a key schema: a cursor that does
// not parse fails at `cursor`.
export function cursorField<S extends z.ZodType>(schema: S) {
  return pageQueryFields.cursor.transform((cursor, ctx): z.output<S> | null => {
    if (cursor === undefined || cursor === "") return null;
    const key = decodeCursor(cursor, schema);
    if (key === undefined) {
      ctx.addIssue({ code: "custom", message: CURSOR_MESSAGE });
      return z.NEVER;
    }
    return key;
  });
}

export const nextCursorField = z
  .string()
  .nullable()
  .describe("Send it as cursor to get the next page; null on the last page.");
