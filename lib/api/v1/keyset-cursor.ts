import { z } from "zod";

// The opaque cursor of a keyset-paged list: base64url of the JSON of the last
// row's sort keys. Opaque so clients pass it back as it is and the keys can
// change without breaking them; decoded through a zod schema, so a cursor
// that was edited, truncated or made by another list is a 400 on `cursor`,
// never a value sent to SQL.

const REFUSED = "This cursor is not one this list gave out: pass back nextCursor as it is, or leave it out to start again.";

export function encodeCursor(keys: Record<string, unknown>): string {
  return Buffer.from(JSON.stringify(keys), "utf8").toString("base64url");
}

// The longest key is a contact's name: 200 characters, each up to six as JSON
// (a control character is written \u001f), then a third more as base64url.
const MAX_CURSOR_LENGTH = 2048;
const CURSOR_PATTERN = new RegExp(`^[A-Za-z0-9_-]{1,${MAX_CURSOR_LENGTH}}$`);

function decoded(raw: string): unknown {
  if (!CURSOR_PATTERN.test(raw)) return undefined;
  try {
    return JSON.parse(Buffer.from(raw, "base64url").toString("utf8"));
  } catch {
    return undefined;
  }
}

/** The keys a cursor carries, or undefined when it is not one `keys` describes (the Contacts page's links). */
export function decodeCursor<T extends z.ZodType>(raw: string | undefined, keys: T): z.output<T> | undefined {
  if (raw === undefined) return undefined;
  const parsed = keys.safeParse(decoded(raw));
  return parsed.success ? parsed.data : undefined;
}

/** The `cursor` query parameter of a list whose sort keys `keys` describes. */
export function cursorParam<T extends z.ZodType>(keys: T) {
  return z
    .string()
    .transform((raw, ctx): z.output<T> => {
      const found = decodeCursor(raw, keys);
      if (found !== undefined) return found;
      ctx.addIssue({ code: "custom", message: REFUSED });
      return z.NEVER;
    })
    .optional()
    .describe("Where the page starts: the nextCursor of the previous page. Leave it out for the first page.");
}

/** The `limit` query parameter: how many rows a page holds. */
export function limitParam(fallback: number) {
  return z.coerce
    .number({ error: "Enter a whole number from 1 to 100." })
    .int("Enter a whole number from 1 to 100.")
    .min(1, "Enter a whole number from 1 to 100.")
    .max(100, "Enter a whole number from 1 to 100.")
    .default(fallback)
    .describe(`How many to answer, 1 to 100 (${fallback} unless given).`);
}

export const nextCursorSchema = z
  .string()
  .nullable()
  .describe("Pass it as cursor for the next page; null on the last page.");
