import { type DBSchema, type IDBPDatabase, openDB } from "idb";
import type { CaptureKind } from "@/lib/validations/idempotency";

// The device's queue of captures not yet saved (IndexedDB, so it outlives a
// reload, a closed tab and a restart). Each entry keeps the key it was first
// sent with: every replay sends the same key, and the server saves it once.

export type CaptureProblem = { formError?: string; fieldErrors?: Record<string, string[] | undefined> };

export type QueuedCapture = {
  key: string;
  // Whose capture it is: it is only ever sent while that person is signed in.
  userId: string;
  kind: CaptureKind;
  input: Record<string, unknown>;
  // What the queue shows: "Touch with Ada Quinn", "2 people from Platform meetup".
  label: string;
  // What reopens the form to edit the entry (the form's own prefill).
  reopen?: unknown;
  queuedAt: number;
  // Set when the server refused it: the entry waits for an edit or a discard.
  problem?: CaptureProblem;
};

interface CaptureDb extends DBSchema {
  captures: { key: string; value: QueuedCapture; indexes: { byUser: [string, number] } };
}

const DB_NAME = "kith-capture";
let opened: Promise<IDBPDatabase<CaptureDb>> | null = null;

function db(): Promise<IDBPDatabase<CaptureDb>> {
  opened ??= openDB<CaptureDb>(DB_NAME, 1, {
    upgrade(database) {
      const store = database.createObjectStore("captures", { keyPath: "key" });
      store.createIndex("byUser", ["userId", "queuedAt"]);
    },
  });
  return opened;
}

export async function enqueueCapture(entry: QueuedCapture): Promise<void> {
  await (await db()).put("captures", entry);
}

/** A person's queue, oldest first: the order they are sent in. */
export async function listCaptures(userId: string): Promise<QueuedCapture[]> {
  const range = IDBKeyRange.bound([userId, -Infinity], [userId, Infinity]);
  return (await db()).getAllFromIndex("captures", "byUser", range);
}

export async function removeCapture(key: string): Promise<void> {
  await (await db()).delete("captures", key);
}

/** Records the server's refusal, or (problem undefined, a new input) readies it to send again. */
export async function updateCapture(key: string, changes: Pick<QueuedCapture, "problem"> & { input?: QueuedCapture["input"] }) {
  const database = await db();
  const entry = await database.get("captures", key);
  if (entry) await database.put("captures", { ...entry, ...changes, input: changes.input ?? entry.input });
}
