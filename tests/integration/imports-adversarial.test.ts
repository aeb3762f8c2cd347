import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { commitImport } from "@/db/queries/import-commit";
import { createImport, getImport, listImportRows, processImport } from "@/db/queries/imports";
import { contactEmails, contacts } from "@/db/schema";
import { MAX_IMPORT_ROWS, tooManyRowsMessage } from "@/lib/import/decode";
import { detectSource } from "@/lib/import/detect";
import { createUser } from "../factories";
import { createTestDb, type TestDb } from "../helpers/test-db";

// Files written to hurt the import: each is read, planned and written to
// the end, every row accounted for. scripts/bench-import.ts times them.

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => {
  await t?.close();
});

async function preview(userId: string, fileName: string, content: string) {
  const created = await createImport(t.db, {
    userId,
    source: detectSource(fileName, content),
    fileName,
    fileSize: content.length,
    content,
  });
  await processImport(t.db, { importId: created.id });
  const job = await getImport(t.db, { userId, importId: created.id });
  if (!job) throw new Error("import not found");
  return job;
}

const HEADER = "First Name,Last Name,URL,Email Address,Company,Position,Connected On";

describe("an import of files written to hurt", () => {
  it("plans one person 15,000 times as one new contact and 14,999 merges, and commits it", async () => {
    const user = await createUser(t.db);
    const rows = Array.from(
      { length: 15_000 },
      (_, index) => `Ada,Lovelace,https://www.linkedin.com/in/ada-${index},ada.${index}@example.com,Acme,Engineer,22 Dec 2025`,
    );
    const job = await preview(user.id, "Connections.csv", [HEADER, ...rows].join("\r\n"));
    expect(job).toMatchObject({
      status: "ready",
      totalRows: 15_000,
      processedRows: 15_000,
      counts: { create: 1, merge: 14_999, skip: 0, reject: 0 },
    });
    const planned = await listImportRows(t.db, { userId: user.id, importId: job.id });
    expect(planned.map((row) => row.row)).toEqual(Array.from({ length: 15_000 }, (_, index) => index + 1));
    expect(planned.slice(1).every((row) => row.action === "merge" && row.matchRow === 1)).toBe(true);

    const committed = await commitImport(t.db, { userId: user.id, importId: job.id, circleIds: [] });
    expect(committed).toMatchObject({ ok: true, created: 1, merged: 14_999 });
    const [people] = await t.db.select({ n: count() }).from(contacts).where(eq(contacts.userId, user.id));
    const [emails] = await t.db.select({ n: count() }).from(contactEmails).where(eq(contactEmails.userId, user.id));
    expect([people?.n, emails?.n]).toEqual([1, 15_000]);
  });

  it("reads a Google file whose cells are 10,000 characters of spaces around ::: lists", async () => {
    const user = await createUser(t.db);
    const spaces = " ".repeat(9_990);
    const header = "First Name,Last Name,Labels,E-mail 1 - Value,Organization Name";
    const rows = Array.from(
      { length: 50 },
      (_, index) => `Grace,Hopper${index},Navy${spaces}:::${spaces},g${index}@example.com${spaces},${spaces}Navy`,
    );
    const job = await preview(user.id, "contacts.csv", [header, ...rows].join("\r\n"));
    expect(job).toMatchObject({ status: "ready", totalRows: 50, counts: { create: 50, merge: 0, skip: 0, reject: 0 } });
    const [first] = await listImportRows(t.db, { userId: user.id, importId: job.id, limit: 1 });
    expect(first?.contact).toMatchObject({ name: "Grace Hopper0", company: "Navy", labels: ["Navy"] });
  });

  it("fails a file of more rows than Kith takes, saying what to do, and keeps none of it", async () => {
    const user = await createUser(t.db);
    const rows = Array.from({ length: MAX_IMPORT_ROWS + 1 }, (_, index) => `Ada,Lovelace${index},,,Acme,Engineer,22 Dec 2025`);
    const job = await preview(user.id, "Connections.csv", [HEADER, ...rows].join("\n"));
    expect(job).toMatchObject({ status: "failed", errors: [tooManyRowsMessage()] });
    expect(await listImportRows(t.db, { userId: user.id, importId: job.id })).toEqual([]);
  });
});
