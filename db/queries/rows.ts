// db.execute's rows: postgres.js returns them as the result, PGlite as result.rows.
export function rowsOf<T>(result: unknown): T[] {
  return Array.isArray(result) ? (result as T[]) : ((result as { rows: T[] }).rows ?? []);
}
