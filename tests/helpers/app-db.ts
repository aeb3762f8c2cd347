import type { DbHandle } from "@/db/client";

// Route handlers and use cases call getDb(), which returns the process's one
// connection (db/client.ts caches it on globalThis): point it at a test database.
const globalForDb = globalThis as unknown as { kithDb?: Promise<DbHandle> };

export function useAsAppDb(handle: DbHandle): void {
  globalForDb.kithDb = Promise.resolve(handle);
}

export function releaseAppDb(): void {
  globalForDb.kithDb = undefined;
}
