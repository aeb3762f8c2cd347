import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getImport } from "@/db/queries/imports";
import { imports } from "@/db/schema";
import { FILE_SIZE_LIMIT_BYTES } from "@/lib/import/decode";
import { receiveImportUpload } from "@/lib/import/upload";
import { createUser } from "../factories";
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
