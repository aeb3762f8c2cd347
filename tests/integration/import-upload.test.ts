import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getImport } from "@/db/queries/imports";
import { imports } from "@/db/schema";
import { FILE_SIZE_LIMIT_BYTES } from "@/lib/import/decode";
import { receiveImportUpload } from "@/lib/import/upload";
import { createUser } from "../factories";
import { streamedUpload } from "../helpers/streamed-upload";
import { createTestDb, type TestDb } from "../helpers/test-db";

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => {
  await t?.close();
});

const LINKEDIN = "First Name,Last Name,URL,Email Address,Company,Position,Connected On\nAda,Lovelace,,,Acme,CTO,22 Dec 2025\n";

function upload(parts: { file?: File | string } = {}) {
  const body = new FormData();
  if (parts.file !== undefined) body.append("file", parts.file);
  return new Request("http://localhost/api/imports", { method: "POST", body });
}

async function send(request: Request, userId: string | null) {
  const later: (() => Promise<void>)[] = [];
  const response = await receiveImportUpload(request, {
    userId,
    db: async () => t.db,
    later: (work) => later.push(work),
  });
  return { response, body: (await response.json()) as { id?: string; status?: string; error?: string }, later };
}

describe("POST /api/imports", () => {
  it("stores the file, answers at once, and reads it afterwards", async () => {
    const user = await createUser(t.db);
    const { response, body, later } = await send(upload({ file: new File([`\uFEFF${LINKEDIN}`], "Connections.csv") }), user.id);
    expect(response.status).toBe(201);
    expect(body.status).toBe("parsing");
    expect(later).toHaveLength(1);
    expect((await getImport(t.db, { userId: user.id, importId: body.id ?? "" }))?.status).toBe("parsing");
    await later[0]?.();
    expect(await getImport(t.db, { userId: user.id, importId: body.id ?? "" })).toMatchObject({
      source: "linkedin",
      status: "ready",
      counts: { create: 1 },
    });
  });

  it("asks for the columns of a CSV it does not know, before reading it", async () => {
    const user = await createUser(t.db);
    const { response, body, later } = await send(upload({ file: new File(["Who,Where\nAda,London\n"], "people.csv") }), user.id);
    expect(response.status).toBe(201);
    expect(body.status).toBe("mapping");
    expect(later).toEqual([]);
  });

  it("refuses, with a message that says what to do, what it cannot take, and stores nothing", async () => {
    const user = await createUser(t.db);
    const cases: [Request, string | null, number, RegExp][] = [
      [upload({ file: new File([LINKEDIN], "c.csv") }), null, 401, /Sign in again/],
      [upload(), user.id, 400, /Choose a file/],
      [upload({ file: "not a file" }), user.id, 400, /Choose a file/],
      [upload({ file: new File([], "empty.csv") }), user.id, 400, /empty/],
      [upload({ file: new File([new Uint8Array(FILE_SIZE_LIMIT_BYTES + 1)], "big.csv") }), user.id, 413, /up to 20 MB/],
      [new Request("http://localhost/api/imports", { method: "POST", body: "plain text" }), user.id, 400, /Choose a file/],
    ];
    for (const [request, userId, status, message] of cases) {
      const { response, body, later } = await send(request, userId);
      expect(response.status).toBe(status);
      expect(body.error).toMatch(message);
      expect(later).toEqual([]);
    }
    expect(await t.db.select().from(imports).where(eq(imports.userId, user.id))).toEqual([]);
  });
});

const SMALL_LIMITS = { perHour: 20, maxBodyBytes: 64 * 1024 };

async function sendWith(request: Request, userId: string, options: { limits?: typeof SMALL_LIMITS; now?: Date } = {}) {
  const response = await receiveImportUpload(request, { userId, db: async () => t.db, later: () => undefined, ...options });
  return { response, body: (await response.json()) as { id?: string; error?: string } };
}

const importsOf = async (userId: string) => t.db.select({ id: imports.id }).from(imports).where(eq(imports.userId, userId));

describe("POST /api/imports counts the bytes that arrive", () => {
  it("stops reading a chunked body without Content-Length soon after the limit: 413, nothing stored", async () => {
    const user = await createUser(t.db);
    // 16 MB offered in 16 KB chunks against a 64 KB limit.
    const { request, stream } = streamedUpload("http://localhost/api/imports", { chunks: 1024, chunkBytes: 16 * 1024 });
    expect(request.headers.get("content-length")).toBeNull();
    const { response, body } = await sendWith(request, user.id, { limits: SMALL_LIMITS });
    expect(response.status).toBe(413);
    expect(body.error).toMatch(/up to 20 MB\. Split it into smaller files/);
    expect(stream.cancelled).toBe(true);
    expect(stream.pulled).toBeLessThanOrEqual(8);
    expect(await importsOf(user.id)).toEqual([]);
  });

  it("refuses a body larger than its small declared Content-Length", async () => {
    const user = await createUser(t.db);
    const { request, stream } = streamedUpload("http://localhost/api/imports", {
      chunks: 1024,
      chunkBytes: 16 * 1024,
      contentLength: "1000",
    });
    const { response } = await sendWith(request, user.id, { limits: SMALL_LIMITS });
    expect(response.status).toBe(413);
    expect(stream.cancelled).toBe(true);
    expect(await importsOf(user.id)).toEqual([]);
  });

  it("refuses a declared Content-Length over the limit before reading", async () => {
    const user = await createUser(t.db);
    const { request, stream } = streamedUpload("http://localhost/api/imports", {
      chunks: 1,
      chunkBytes: 10,
      contentLength: String(SMALL_LIMITS.maxBodyBytes + 1),
    });
    const { response } = await sendWith(request, user.id, { limits: SMALL_LIMITS });
    expect(response.status).toBe(413);
    expect(stream.pulled).toBeLessThanOrEqual(1);
    expect(await importsOf(user.id)).toEqual([]);
  });

  it("still takes a streamed file under the limit", async () => {
    const user = await createUser(t.db);
    const { request } = streamedUpload("http://localhost/api/imports", { chunks: 2, chunkBytes: 1024 });
    const { response } = await sendWith(request, user.id, { limits: SMALL_LIMITS });
    expect(response.status).toBe(201);
    expect(await importsOf(user.id)).toHaveLength(1);
  });
});

describe("POST /api/imports per user per hour", () => {
  it("refuses the 21st import within an hour with 429 and Retry-After, stores nothing; others and the next hour are unaffected", async () => {
    const [user, other] = [await createUser(t.db), await createUser(t.db)];
    const now = new Date("2026-11-20T10:00:00Z");
    const csv = () => upload({ file: new File(["Who,Where\nAda,London\n"], "people.csv") });
    for (let i = 0; i < 20; i++) expect((await sendWith(csv(), user.id, { now })).response.status).toBe(201);

    const later = new Date(now.getTime() + 15 * 60 * 1000);
    const { response, body } = await sendWith(csv(), user.id, { now: later });
    expect(response.status).toBe(429);
    expect(response.headers.get("retry-after")).toBe(String(45 * 60));
    expect(body.error).toBe("You have started 20 imports in the last hour, the most Kith takes. Try again in 45 minutes.");
    expect(await importsOf(user.id)).toHaveLength(20);

    expect((await sendWith(csv(), other.id, { now: later })).response.status).toBe(201);
    const nextHour = new Date(now.getTime() + 60 * 60 * 1000 + 1000);
    expect((await sendWith(csv(), user.id, { now: nextHour })).response.status).toBe(201);
  });
});
