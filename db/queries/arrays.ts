import { type SQL, sql } from "drizzle-orm";

// One parameter holding a whole array, for `= any(…)` and `unnest(…)`: a
// set-based query over many users stays one statement with one plan. The
// values are checked, so the array literal cannot be broken out of.

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

function arrayOf(values: string[], pattern: RegExp, type: SQL): SQL {
  for (const value of values) {
    if (!pattern.test(value)) throw new Error(`Not a valid array element: ${JSON.stringify(value)}`);
  }
  return sql`${`{${values.join(",")}}`}::${type}`;
}

export function uuidArray(ids: string[]): SQL {
  return arrayOf(ids, UUID, sql`uuid[]`);
}

export function dateArray(days: string[]): SQL {
  return arrayOf(days, DAY, sql`date[]`);
}

// Any strings, quoted and escaped as array elements.
export function textArray(values: string[]): SQL {
  const quoted = values.map((value) => `"${value.replaceAll("\\", "\\\\").replaceAll('"', '\\"')}"`);
  return sql`${`{${quoted.join(",")}}`}::text[]`;
}
