import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { contacts } from "@/db/schema";
import type { ActionResult } from "@/lib/actions/result";
import { receiveRestoreUpload } from "@/lib/export/restore-upload";
import { createUser } from "../factories";
import { exportText, seedRichUser } from "../helpers/export-seed";
import { streamedUpload } from "../helpers/streamed-upload";
import { createTestDb, type TestDb } from "../helpers/test-db";

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => {
  await t?.close();
});

const NOW = new Date("2026-11-20T10:00:00Z");
const URL = "http://localhost/api/restore";
const SMALL_LIMITS = { perHour: 10, maxBodyBytes: 64 * 1024 };

function upload(text: string) {
  const body = new FormData();
  body.append("file", new File([text], "kith-export.json", { type: "application/json" }));
  return new Request(URL, { method: "POST", body });
}

async function send(request: Request, userId: string | null, options: { limits?: typeof SMALL_LIMITS; now?: Date } = {}) {
  let restored = 0;
  const response = await receiveRestoreUpload(request, {
    userId,
    db: async () => t.db,
    onRestored: () => {
      restored += 1;
    },
    ...options,
  });
  return { response, result: (await response.json()) as ActionResult<unknown>, restored };
}

const contactCount = async (userId: string) =>
  (await t.db.select({ id: contacts.id }).from(contacts).where(eq(contacts.userId, userId))).length;

const fileError = (result: ActionResult<unknown>) => (result.ok ? undefined : result.fieldErrors?.file?.[0]);

describe("POST /api/restore", () => {
  it("restores an export and says so", async () => {
    const { user } = await seedRichUser(t.db, NOW);
    const text = await exportText(t.db, { userId: user.id, format: "kith.json", now: NOW });
    const fresh = await createUser(t.db);
    const { response, result, restored } = await send(upload(text), fresh.id);
    expect(response.status).toBe(200);
    expect(result).toEqual({
      ok: true,
      data: { circles: 3, events: 2, contacts: 5, touches: 4, successes: 2, roles: 2, skills: 3, wins: 3, goals: 2, steppingStones: 3, learningItems: 2 },
    });
    expect(restored).toBe(1);
  });

  it("answers a signed-out visitor 401 and a body that is not a form 400", async () => {
    const user = await createUser(t.db);
    expect((await send(upload("{}"), null)).response.status).toBe(401);
    const { response, result } = await send(new Request(URL, { method: "POST", body: "plain" }), user.id);
    expect(response.status).toBe(400);
    expect(fileError(result)).toMatch(/^Choose the kith-export/);
  });

  it("stops reading a chunked body without Content-Length soon after the limit: 413, nothing stored", async () => {
    const user = await createUser(t.db);
    const { request, stream } = streamedUpload(URL, { chunks: 1024, chunkBytes: 16 * 1024 });
    const { response, result, restored } = await send(request, user.id, { limits: SMALL_LIMITS });
    expect(response.status).toBe(413);
    expect(fileError(result)).toMatch(/^This file is larger than 60 MB, more than a Kith export can be\. Choose the kith-export/);
    expect(stream.cancelled).toBe(true);
    expect(stream.pulled).toBeLessThanOrEqual(8);
    expect(restored).toBe(0);
    expect(await contactCount(user.id)).toBe(0);
  });

  it("refuses a body larger than its small declared Content-Length", async () => {
    const user = await createUser(t.db);
    const { request, stream } = streamedUpload(URL, { chunks: 1024, chunkBytes: 16 * 1024, contentLength: "1000" });
    const { response } = await send(request, user.id, { limits: SMALL_LIMITS });
    expect(response.status).toBe(413);
    expect(stream.cancelled).toBe(true);
    expect(await contactCount(user.id)).toBe(0);
  });

  it("refuses the 11th restore within an hour with 429 and Retry-After; others and the next hour are unaffected", async () => {
    const { user: source } = await seedRichUser(t.db, NOW);
    const text = await exportText(t.db, { userId: source.id, format: "kith.json", now: NOW });
    const [user, other] = [await createUser(t.db), await createUser(t.db)];
    for (let i = 0; i < 10; i++) {
      expect((await send(upload("not json"), user.id, { now: NOW })).response.status).toBe(400);
    }
    const later = new Date(NOW.getTime() + 59 * 60 * 1000 + 30 * 1000);
    const { response, result, restored } = await send(upload(text), user.id, { now: later });
    expect(response.status).toBe(429);
    expect(response.headers.get("retry-after")).toBe("30");
    expect(fileError(result)).toBe("You have tried 10 restores in the last hour, the most Kith takes. Try again in 1 minute.");
    expect(restored).toBe(0);
    expect(await contactCount(user.id)).toBe(0);

    expect((await send(upload(text), other.id, { now: later })).response.status).toBe(200);
    const nextHour = new Date(NOW.getTime() + 60 * 60 * 1000);
    expect((await send(upload(text), user.id, { now: nextHour })).response.status).toBe(200);
    expect(await contactCount(user.id)).toBe(5);
  });
});
