import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { hitRateLimit } from "@/db/queries/rate-limits";
import { idempotencyKeys, rateLimits, verificationTokens } from "@/db/schema";
import { pruneStaleRecords } from "@/lib/auth/prune";
import { runScheduledDigests } from "@/lib/digest/scheduler";
import type { Mailer } from "@/lib/email/mailer";
import { createUser } from "../factories";
import { createTestDb, type TestDb } from "../helpers/test-db";

const NOW = new Date("2026-11-25T10:00:00Z");
const HOUR = 60 * 60_000;

let t: TestDb;
let userId: string;
beforeAll(async () => {
  t = await createTestDb();
  userId = (await createUser(t.db)).id;
});
afterAll(async () => {
  await t?.close();
});
beforeEach(async () => {
  await t.db.delete(rateLimits);
  await t.db.delete(verificationTokens);
  await t.db.delete(idempotencyKeys);
});

type Counts = { staleWindows: number; liveWindows: number; expiredTokens: number; liveTokens: number };

async function seed(counts: Counts & { staleKeys?: number; liveKeys?: number }) {
  const windows = (n: number, opened: Date, kind: string) =>
    Array.from({ length: n }, (_, i) => ({ key: `test:${kind}:${i}`, windowStart: opened, hits: 3 }));
  const tokens = (n: number, expires: Date, kind: string) =>
    Array.from({ length: n }, (_, i) => ({ identifier: `${kind}-${i}@example.com`, token: randomUUID(), expires }));
  const rows = [
    ...windows(counts.staleWindows, new Date(NOW.getTime() - 25 * HOUR), "stale"),
    ...windows(counts.liveWindows, new Date(NOW.getTime() - 23 * HOUR), "live"),
  ];
  if (rows.length > 0) await t.db.insert(rateLimits).values(rows);
  const tokenRows = [
    ...tokens(counts.expiredTokens, new Date(NOW.getTime() - 60_000), "expired"),
    ...tokens(counts.liveTokens, new Date(NOW.getTime() + 30 * 60_000), "live"),
  ];
  if (tokenRows.length > 0) await t.db.insert(verificationTokens).values(tokenRows);
  const keys = (n: number, createdAt: Date, kind: string) =>
    Array.from({ length: n }, () => ({ userId, key: randomUUID(), kind, createdAt }));
  const keyRows = [
    ...keys(counts.staleKeys ?? 0, new Date(NOW.getTime() - 31 * 24 * HOUR), "stale"),
    ...keys(counts.liveKeys ?? 0, new Date(NOW.getTime() - 29 * 24 * HOUR), "live"),
  ];
  if (keyRows.length > 0) await t.db.insert(idempotencyKeys).values(keyRows);
}

async function remaining() {
  const windows = await t.db.select({ key: rateLimits.key }).from(rateLimits);
  const tokens = await t.db.select({ identifier: verificationTokens.identifier }).from(verificationTokens);
  const keys = await t.db.select({ kind: idempotencyKeys.kind }).from(idempotencyKeys);
  return {
    windows: windows.map((row) => row.key.split(":")[1]),
    tokens: tokens.map((row) => row.identifier.split("-")[0]),
    keys: keys.map((row) => row.kind),
  };
}

describe("pruning stale records", () => {
  it("deletes spent rate-limit windows, expired sign-in tokens and capture keys past their days, in batches, and nothing live", async () => {
    await seed({ staleWindows: 7, liveWindows: 3, expiredTokens: 5, liveTokens: 2, staleKeys: 5, liveKeys: 2 });
    const pruned = await pruneStaleRecords(t.db, { now: NOW, batchSize: 2 });
    expect(pruned).toEqual({ rateLimits: 7, verificationTokens: 5, idempotencyKeys: 5 });
    const left = await remaining();
    expect(left.windows.sort()).toEqual(["live", "live", "live"]);
    expect(left.tokens.sort()).toEqual(["live", "live"]);
    expect(left.keys).toEqual(["live", "live"]);
  });

  it("stops after a bounded number of batches and finishes on the next pass", async () => {
    await seed({ staleWindows: 45, liveWindows: 0, expiredTokens: 0, liveTokens: 0 });
    const first = await pruneStaleRecords(t.db, { now: NOW, batchSize: 2 });
    expect(first.rateLimits).toBe(40);
    const second = await pruneStaleRecords(t.db, { now: NOW, batchSize: 2 });
    expect(second.rateLimits).toBe(5);
    expect((await remaining()).windows).toEqual([]);
  });

  it("is safe when many servers prune at once", async () => {
    await seed({ staleWindows: 30, liveWindows: 4, expiredTokens: 30, liveTokens: 4 });
    const results = await Promise.all(Array.from({ length: 4 }, () => pruneStaleRecords(t.db, { now: NOW, batchSize: 5 })));
    expect(results.reduce((sum, r) => sum + r.rateLimits, 0)).toBe(30);
    expect(results.reduce((sum, r) => sum + r.verificationTokens, 0)).toBe(30);
    const left = await remaining();
    expect(left.windows).toHaveLength(4);
    expect(left.tokens).toHaveLength(4);
  });

  it("leaves a counter alone once a new hit has opened a fresh window", async () => {
    await seed({ staleWindows: 1, liveWindows: 0, expiredTokens: 0, liveTokens: 0 });
    await hitRateLimit(t.db, { key: "test:stale:0", windowSeconds: 15 * 60, now: NOW });
    expect(await pruneStaleRecords(t.db, { now: NOW })).toEqual({ rateLimits: 0, verificationTokens: 0, idempotencyKeys: 0 });
    expect((await remaining()).windows).toEqual(["stale"]);
  });

  it("refuses a counter window longer than pruning keeps", async () => {
    await expect(hitRateLimit(t.db, { key: "test:week", windowSeconds: 7 * 24 * 60 * 60, now: NOW })).rejects.toThrow(
      /longer than pruning keeps/,
    );
  });

  it("runs with every scheduler pass", async () => {
    await seed({ staleWindows: 3, liveWindows: 1, expiredTokens: 2, liveTokens: 1, staleKeys: 4, liveKeys: 1 });
    const mailer: Mailer = {
      from: "Kith <digest@kith.example>",
      send: async () => ({ id: "unused", via: "outbox" }),
      sendBatch: async () => [],
    };
    const lines: string[] = [];
    await runScheduledDigests(t.db, {
      now: NOW,
      mailer,
      links: { appUrl: "https://kith.example", key: Buffer.alloc(32, 1) },
      log: (line) => lines.push(line),
    });
    const left = await remaining();
    expect(left).toEqual({ windows: ["live"], tokens: ["live"], keys: ["live"] });
    expect(lines).toContain("pruned 3 rate-limit windows, 2 expired sign-in tokens and 4 capture keys");
  });
});
