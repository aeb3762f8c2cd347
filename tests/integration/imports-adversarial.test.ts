import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { commitImport } from "@/db/queries/import-commit";
import { createImport, getImport, listImportRows } from "@/db/queries/imports";
import { processImport } from "@/lib/import/process";
import { contactEmails, contacts, imports, successes } from "@/db/schema";
import { decodeFile, MAX_IMPORT_ROWS, tooManyRowsMessage } from "@/lib/import/decode";
import { STORED_LIMITS } from "@/lib/validations/stored-contact";
import { detectSource } from "@/lib/import/detect";
import { createContact, createUser } from "../factories";
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
  it("plans one person 15,000 times as one new contact and 14,999 merges, and commits it with the most emails a contact holds", async () => {
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
    // The rows whose email and profile there was no room for say so.
    expect(planned.filter((row) => row.reason !== null).map((row) => row.row)).toEqual(
      Array.from({ length: 15_000 - STORED_LIMITS.rows }, (_, index) => STORED_LIMITS.rows + index + 1),
    );
    expect(planned.at(-1)?.reason).toBe(
      "A contact has at most 1,000 emails: 1 from this row was not added. A contact has at most 1,000 links: 1 from this row was not added.",
    );

    const committed = await commitImport(t.db, { userId: user.id, importId: job.id, circleIds: [] });
    expect(committed).toMatchObject({ ok: true, created: 1, merged: 14_999 });
    const [people] = await t.db.select({ n: count() }).from(contacts).where(eq(contacts.userId, user.id));
    const [emails] = await t.db.select({ n: count() }).from(contactEmails).where(eq(contactEmails.userId, user.id));
    expect([people?.n, emails?.n]).toEqual([1, STORED_LIMITS.rows]);
  });

  it("commits 15,000 rows for one contact as row after row would, up to the most emails a contact holds", async () => {
    const user = await createUser(t.db);
    const ada = await createContact(t.db, { userId: user.id, name: "Ada Lovelace", company: "Acme", role: "CTO" });
    const rows = Array.from({ length: 15_000 }, (_, index) => `Ada,Lovelace,,ada.${index}@example.com,Acme,Engineer,22 Dec 2025`);
    const job = await preview(user.id, "Connections.csv", [HEADER, ...rows].join("\r\n"));
    const [had] = await t.db.select({ n: count() }).from(contactEmails).where(eq(contactEmails.contactId, ada.id));
    const room = STORED_LIMITS.rows - (had?.n ?? 0);
    expect(job).toMatchObject({ status: "ready", counts: { create: 0, merge: room, skip: 15_000 - room, reject: 0 } });

    const committed = await commitImport(t.db, { userId: user.id, importId: job.id, circleIds: [] });
    expect(committed).toMatchObject({ ok: true, merged: room, newRoles: 1 });
    const [after] = await t.db.select().from(contacts).where(eq(contacts.id, ada.id));
    expect(after).toMatchObject({ company: "Acme", role: "Engineer", connectedOn: "2025-12-22" });
    const [emails] = await t.db.select({ n: count() }).from(contactEmails).where(eq(contactEmails.contactId, ada.id));
    expect(emails?.n).toBe(STORED_LIMITS.rows);
    const [roles] = await t.db.select({ n: count() }).from(successes).where(eq(successes.contactId, ada.id));
    expect(roles?.n).toBe(1);
  });

  it("commits several rows merging into one contact: text from the last that changed it, dates and fields from the first", async () => {
    const user = await createUser(t.db);
    const grace = await createContact(t.db, { userId: user.id, name: "Grace Hopper", company: "Navy", extra: { Kept: "mine" } });
    const header = "Name,Company,Location,Notes,Birthday,Kept,Ship";
    const rows = [
      "Grace Hopper,Navy,Arlington,Met at the yard,1906-12-09,theirs,",
      "Grace Hopper,Navy,Washington,Talked COBOL,1907-01-01,,USS Hopper",
      "Grace Hopper,Navy,,Met at the yard,,,Other",
    ];
    const created = await createImport(t.db, {
      userId: user.id,
      source: "csv",
      fileName: "people.csv",
      fileSize: 1,
      content: [header, ...rows].join("\n"),
    });
    const mapping = { "0": "name", "1": "company", "2": "location", "3": "notes", "4": "birthday" } as const;
    await t.db.update(imports).set({ mapping, status: "parsing" }).where(eq(imports.id, created.id));
    await processImport(t.db, { importId: created.id });
    const committed = await commitImport(t.db, { userId: user.id, importId: created.id, circleIds: [] });
    expect(committed).toMatchObject({ ok: true, merged: 2, skipped: 1 });
    const [after] = await t.db.select().from(contacts).where(eq(contacts.id, grace.id));
    expect(after).toMatchObject({
      location: "Arlington",
      notes: "Met at the yard\n\nTalked COBOL",
      birthdayYear: 1906,
      birthdayMonth: 12,
      birthdayDay: 9,
      extra: { Kept: "mine", Ship: "USS Hopper" },
    });
  });

  it("reads a Google file whose cells hold 10,000 spaces between words, where a \\s* split backtracked", async () => {
    const user = await createUser(t.db);
    const spaces = " ".repeat(9_980);
    const header = "First Name,Last Name,Labels,E-mail 1 - Value,Organization Name";
    const rows = Array.from(
      { length: 50 },
      (_, index) => `Grace,Hopper${index},Navy${spaces}Reserve,g${index}@example.com${spaces}x,Navy${spaces}:::${spaces}Yale`,
    );
    const job = await preview(user.id, "contacts.csv", [header, ...rows].join("\r\n"));
    expect(job).toMatchObject({ status: "ready", totalRows: 50, counts: { create: 50, merge: 0, skip: 0, reject: 0 } });
    const [first] = await listImportRows(t.db, { userId: user.id, importId: job.id, limit: 1 });
    expect(first?.contact).toMatchObject({ name: "Grace Hopper0", company: "Navy", labels: [`Navy${spaces}Reserve`], emails: [] });
  });

  it("fails a file of more rows than Kith takes, saying what to do, and keeps none of it", async () => {
    const user = await createUser(t.db);
    const rows = Array.from({ length: MAX_IMPORT_ROWS + 1 }, (_, index) => `Ada,Lovelace${index},,,Acme,Engineer,22 Dec 2025`);
    const job = await preview(user.id, "Connections.csv", [HEADER, ...rows].join("\n"));
    expect(job).toMatchObject({ status: "failed", errors: [tooManyRowsMessage()] });
    expect(await listImportRows(t.db, { userId: user.id, importId: job.id })).toEqual([]);
  });

  it("reads a file with NUL characters in its cells, which PostgreSQL cannot store", async () => {
    const user = await createUser(t.db);
    const bytes = new TextEncoder().encode(`${HEADER}\nAda\u0000,Love\u0000lace,,ada@example.com,Acme\u0000,CTO,22 Dec 2025\n`);
    const job = await preview(user.id, "Connections.csv", decodeFile(bytes));
    expect(job).toMatchObject({ status: "ready", counts: { create: 1, merge: 0, skip: 0, reject: 0 } });
    const [row] = await listImportRows(t.db, { userId: user.id, importId: job.id });
    expect(row?.contact).toMatchObject({ name: "Ada Lovelace", company: "Acme" });
  });
});
