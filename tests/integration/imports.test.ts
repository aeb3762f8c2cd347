import { readFileSync } from "node:fs";
import { and, count, eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { commitImport } from "@/db/queries/import-commit";
import { createImport, getImport, listImportRows, setImportMapping } from "@/db/queries/imports";
import { processImport } from "@/lib/import/process";
import { refreshContactSchedule } from "@/db/queries/schedule";
import { listWaitingSuccesses } from "@/db/queries/successes";
import {
  circles,
  contactCircles,
  contactEmails,
  contactLinks,
  contactPhones,
  contacts,
  imports,
  successes,
} from "@/db/schema";
import { decodeFile } from "@/lib/import/decode";
import { detectSource } from "@/lib/import/detect";
import { suggestMapping } from "@/lib/import/mapped-csv";
import { createContact, createUser } from "../factories";
import { createTestDb, type TestDb } from "../helpers/test-db";

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => {
  await t?.close();
});

const HEADER = "First Name,Last Name,URL,Email Address,Company,Position,Connected On";
type Person = { first: string; last: string; slug: string; email?: string; company: string; position: string };

function linkedinCsv(people: Person[]): string {
  const quote = (value: string) => (/[",\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value);
  const lines = people.map((p) =>
    [p.first, p.last, `https://www.linkedin.com/in/${p.slug}`, p.email ?? "", p.company, p.position, "22 Dec 2025"]
      .map(quote)
      .join(","),
  );
  return `Notes:\n"Some email addresses are missing."\n\n${HEADER}\n${lines.join("\n")}\n`;
}

const PEOPLE: Person[] = [
  { first: "Zoë", last: "Müller", slug: "zoe-mueller", company: "Siemens", position: "Product Manager" },
  { first: "José", last: "García", slug: "jose-garcia", email: "jose@example.es", company: "Telefónica, S.A.", position: "Data Engineer" },
  { first: "Priya", last: "Raman", slug: "priya-raman", company: "Stripe", position: "Engineering Manager" },
];

async function importText(userId: string, text: string, fileName = "Connections.csv") {
  const source = detectSource(fileName, text);
  const created = await createImport(t.db, { userId, source, fileName, fileSize: text.length, content: text });
  await processImport(t.db, { importId: created.id });
  const job = await getImport(t.db, { userId, importId: created.id });
  if (!job) throw new Error("import not found");
  return job;
}

async function contactCount(userId: string) {
  const [row] = await t.db.select({ n: count() }).from(contacts).where(eq(contacts.userId, userId));
  return row?.n ?? 0;
}

async function snapshot(userId: string) {
  const tables = [contacts, contactEmails, contactPhones, contactLinks, contactCircles, circles, successes] as const;
  const sizes = [];
  for (const table of tables) {
    const [row] = await t.db.select({ n: count() }).from(table).where(eq(table.userId, userId));
    sizes.push(row?.n ?? 0);
  }
  return sizes;
}

describe("importing a LinkedIn export", () => {
  it("leaves an email with the contact that got it after the file was planned, and still commits", async () => {
    const user = await createUser(t.db);
    const job = await importText(user.id, linkedinCsv(PEOPLE));
    expect(job.counts).toMatchObject({ create: 3 });
    const meanwhile = await createContact(t.db, { userId: user.id, name: "Pepe" });
    await t.db.insert(contactEmails).values({ userId: user.id, contactId: meanwhile.id, email: "JOSE@example.es" });

    expect(await commitImport(t.db, { userId: user.id, importId: job.id, circleIds: [] })).toMatchObject({ ok: true, created: 3 });
    const emails = await t.db
      .select({ contactId: contactEmails.contactId })
      .from(contactEmails)
      .where(eq(contactEmails.userId, user.id));
    expect(emails).toEqual([{ contactId: meanwhile.id }]);
    expect(await contactCount(user.id)).toBe(4);
  });

  it("previews, then creates every connection with its details; the same file again changes nothing", async () => {
    const user = await createUser(t.db);
    const text = linkedinCsv(PEOPLE) + ",,https://www.linkedin.com/in/nobody,,,,\n";
    const job = await importText(user.id, text);
    expect(job).toMatchObject({ source: "linkedin", status: "ready", totalRows: 4 });
    expect(job.counts).toEqual({ create: 3, merge: 0, skip: 0, reject: 1 });
    const [rejected] = await listImportRows(t.db, { userId: user.id, importId: job.id, action: "reject" });
    expect(rejected).toMatchObject({ row: 4, reason: expect.stringMatching(/name/i) });
    expect(await contactCount(user.id)).toBe(0);

    const result = await commitImport(t.db, { userId: user.id, importId: job.id, circleIds: [] });
    expect(result).toMatchObject({ ok: true, created: 3, merged: 0, skipped: 0, rejected: 1, newRoles: 0 });
    const rows = await t.db
      .select({ name: contacts.name, company: contacts.company, role: contacts.role, connectedOn: contacts.connectedOn, nextDueAt: contacts.nextDueAt })
      .from(contacts)
      .where(eq(contacts.userId, user.id))
      .orderBy(contacts.name);
    expect(rows.map(({ nextDueAt, ...row }) => ({ ...row, scheduled: nextDueAt !== null }))).toEqual([
      { name: "José García", company: "Telefónica, S.A.", role: "Data Engineer", connectedOn: "2025-12-22", scheduled: true },
      { name: "Priya Raman", company: "Stripe", role: "Engineering Manager", connectedOn: "2025-12-22", scheduled: true },
      { name: "Zoë Müller", company: "Siemens", role: "Product Manager", connectedOn: "2025-12-22", scheduled: true },
    ]);
    const emails = await t.db.select({ email: contactEmails.email, isPrimary: contactEmails.isPrimary }).from(contactEmails).where(eq(contactEmails.userId, user.id));
    expect(emails).toEqual([{ email: "jose@example.es", isPrimary: true }]);
    const links = await t.db.select({ url: contactLinks.url }).from(contactLinks).where(eq(contactLinks.userId, user.id));
    expect(links.map((link) => link.url).sort()).toEqual([
      "https://www.linkedin.com/in/jose-garcia",
      "https://www.linkedin.com/in/priya-raman",
      "https://www.linkedin.com/in/zoe-mueller",
    ]);

    // Written at insert, the schedule and stored health are what the
    // schedule refresh computes for an untouched contact.
    const scheduleOf = () =>
      t.db
        .select({ id: contacts.id, nextDueAt: contacts.nextDueAt, score: contacts.healthScore, band: contacts.healthBand })
        .from(contacts)
        .where(eq(contacts.userId, user.id))
        .orderBy(contacts.id);
    const written = await scheduleOf();
    await t.db.transaction((tx) => refreshContactSchedule(tx, { userId: user.id }));
    expect(await scheduleOf()).toEqual(written);
    expect(written.every((row) => row.score !== null && row.nextDueAt !== null)).toBe(true);

    const before = await snapshot(user.id);
    const again = await importText(user.id, text);
    expect(again.counts).toEqual({ create: 0, merge: 0, skip: 3, reject: 1 });
    expect(await commitImport(t.db, { userId: user.id, importId: again.id, circleIds: [] })).toMatchObject({ ok: true, created: 0 });
    expect(await snapshot(user.id)).toEqual(before);
  });

  it("spots a changed job on re-import and records a new role to congratulate", async () => {
    const user = await createUser(t.db);
    const first = await importText(user.id, linkedinCsv(PEOPLE));
    await commitImport(t.db, { userId: user.id, importId: first.id, circleIds: [] });

    const moved = PEOPLE.map((p) => (p.slug === "priya-raman" ? { ...p, company: "Adyen", position: "Director of Engineering" } : p));
    const promoted = moved.map((p) => (p.slug === "zoe-mueller" ? { ...p, position: "Head of Product" } : p));
    const job = await importText(user.id, linkedinCsv(promoted));
    expect(job.counts).toEqual({ create: 0, merge: 2, skip: 1, reject: 0 });
    const merges = await listImportRows(t.db, { userId: user.id, importId: job.id, action: "merge" });
    expect(merges.map((row) => [row.matchName, row.matchReason, row.changes?.newRole])).toEqual([
      ["Zoë Müller", "linkedin", { from: "Product Manager at Siemens", to: "Head of Product at Siemens" }],
      ["Priya Raman", "linkedin", { from: "Engineering Manager at Stripe", to: "Director of Engineering at Adyen" }],
    ]);

    expect(await commitImport(t.db, { userId: user.id, importId: job.id, circleIds: [] })).toMatchObject({ ok: true, merged: 2, newRoles: 2 });
    const [priya] = await t.db.select().from(contacts).where(and(eq(contacts.userId, user.id), eq(contacts.name, "Priya Raman")));
    expect(priya).toMatchObject({ company: "Adyen", role: "Director of Engineering" });
    const waiting = await listWaitingSuccesses(t.db, { userId: user.id, limit: 10 });
    expect(waiting.items.map(({ contactName, kind, title }) => ({ contactName, kind, title })).sort((a, b) => a.contactName.localeCompare(b.contactName))).toEqual([
      { contactName: "Priya Raman", kind: "new_job", title: "Now Director of Engineering at Adyen (was Engineering Manager at Stripe)" },
      { contactName: "Zoë Müller", kind: "promotion", title: "Now Head of Product at Siemens (was Product Manager at Siemens)" },
    ]);
  });

  it("merges into the user's own contacts only, filling blanks and never overwriting from other sources", async () => {
    const me = await createUser(t.db);
    const other = await createUser(t.db);
    const theirs = await createContact(t.db, { userId: other.id, name: "José García", company: "Elsewhere" });
    await t.db.insert(contactEmails).values({ userId: other.id, contactId: theirs.id, email: "jose@example.es", isPrimary: true });
    const mine = await createContact(t.db, { userId: me.id, name: "Priya Raman", company: "Stripe", notes: "Met at PyCon" });

    const vcard = [
      "BEGIN:VCARD", "VERSION:3.0", "FN:Priya Raman", "ORG:Someone Else Inc", "TITLE:CTO",
      "EMAIL;TYPE=work:priya@example.com", "NOTE:Prefers Signal", "X-CUSTOM:kept", "END:VCARD",
      "BEGIN:VCARD", "VERSION:3.0", "FN:José García", "EMAIL:jose@example.es", "END:VCARD",
    ].join("\r\n");
    const job = await importText(me.id, vcard, "contacts.vcf");
    // "Priya Raman" at another company is not the same person by name and
    // company; José's email belongs to another user's contact only.
    expect(job).toMatchObject({ source: "vcard", counts: { create: 2, merge: 0, skip: 0, reject: 0 } });
    const jobSame = await importText(me.id, vcard.replace("ORG:Someone Else Inc", "ORG:Stripe"), "contacts.vcf");
    expect(jobSame.counts).toEqual({ create: 1, merge: 1, skip: 0, reject: 0 });
    await commitImport(t.db, { userId: me.id, importId: jobSame.id, circleIds: [] });

    const [merged] = await t.db.select().from(contacts).where(eq(contacts.id, mine.id));
    expect(merged).toMatchObject({ company: "Stripe", role: "CTO", notes: "Met at PyCon\n\nPrefers Signal" });
    expect(merged?.extra).toMatchObject({ vcard: ["X-CUSTOM:kept"] });
    const [theirsAfter] = await t.db.select().from(contacts).where(eq(contacts.id, theirs.id));
    expect(theirsAfter).toMatchObject({ name: "José García", company: "Elsewhere" });
    expect(await contactCount(other.id)).toBe(1);
    expect(await contactCount(me.id)).toBe(2);
  });

  it("answers another user's import as not found", async () => {
    const owner = await createUser(t.db);
    const stranger = await createUser(t.db);
    const job = await importText(owner.id, linkedinCsv(PEOPLE));
    expect(await getImport(t.db, { userId: stranger.id, importId: job.id })).toBeUndefined();
    expect(await listImportRows(t.db, { userId: stranger.id, importId: job.id })).toEqual([]);
    expect(await commitImport(t.db, { userId: stranger.id, importId: job.id, circleIds: [] })).toEqual({ ok: false, reason: "not_found" });
    expect(await contactCount(stranger.id)).toBe(0);
    expect(await contactCount(owner.id)).toBe(0);
  });

  it("processes and commits once when two workers and two confirmations race", async () => {
    const user = await createUser(t.db);
    const text = linkedinCsv(PEOPLE);
    const created = await createImport(t.db, { userId: user.id, source: "linkedin", fileName: "c.csv", fileSize: text.length, content: text });
    await Promise.all([processImport(t.db, { importId: created.id }), processImport(t.db, { importId: created.id })]);
    const rows = await listImportRows(t.db, { userId: user.id, importId: created.id });
    expect(rows.map((row) => row.row)).toEqual([1, 2, 3]);
    const results = await Promise.all([
      commitImport(t.db, { userId: user.id, importId: created.id, circleIds: [] }),
      commitImport(t.db, { userId: user.id, importId: created.id, circleIds: [] }),
    ]);
    expect(results.filter((result) => result.ok)).toHaveLength(1);
    expect(results.filter((result) => !result.ok)).toEqual([{ ok: false, reason: "not_ready" }]);
    expect(await contactCount(user.id)).toBe(3);
  });

  it("puts the batch into the chosen circles, a new one named at confirmation, and the file's labels into circles of their own", async () => {
    const user = await createUser(t.db);
    const [chosen] = await t.db.insert(circles).values({ userId: user.id, name: "Web Summit 2026" }).returning();
    const text = readFileSync("tests/fixtures/import/google-current.csv");
    const job = await importText(user.id, decodeFile(new Uint8Array(text)), "contacts.csv");
    expect(job.source).toBe("google");
    const counts = job.counts ?? { create: 0, merge: 0, skip: 0, reject: 0 };
    expect(counts.create + counts.merge + counts.skip + counts.reject).toBe(job.totalRows);
    await commitImport(t.db, { userId: user.id, importId: job.id, circleIds: [chosen?.id ?? ""], newCircle: "Met in Lisbon" });
    const [named] = await t.db.select().from(circles).where(and(eq(circles.userId, user.id), eq(circles.name, "Met in Lisbon")));
    for (const circle of [chosen, named]) {
      const members = await t.db.select({ n: count() }).from(contactCircles).where(eq(contactCircles.circleId, circle?.id ?? ""));
      expect(members[0]?.n).toBe(counts.create);
    }
    const names = await t.db.select({ name: circles.name }).from(circles).where(eq(circles.userId, user.id));
    expect(names.length).toBeGreaterThan(1);
  });
});

describe("keeping imports", () => {
  it("drops the file once read, and a user's old imports when they start a new one", async () => {
    const user = await createUser(t.db);
    const other = await createUser(t.db);
    const text = linkedinCsv(PEOPLE);
    const make = async (userId: string) =>
      (await createImport(t.db, { userId, source: "linkedin", fileName: "c.csv", fileSize: text.length, content: text })).id;
    const [stale, done, month, recent, theirs] = [await make(user.id), await make(user.id), await make(user.id), await make(user.id), await make(other.id)];
    await processImport(t.db, { importId: recent });
    const [read] = await t.db.select({ content: imports.content }).from(imports).where(eq(imports.id, recent));
    expect(read?.content).toBeNull();
    const ago = (days: number) => new Date(Date.now() - days * 86_400_000);
    await t.db.update(imports).set({ createdAt: ago(8) }).where(inArray(imports.id, [stale, theirs]));
    await t.db.update(imports).set({ createdAt: ago(8), status: "done" }).where(eq(imports.id, done));
    await t.db.update(imports).set({ createdAt: ago(31), status: "done" }).where(eq(imports.id, month));

    await make(user.id);
    const left = await t.db.select({ id: imports.id }).from(imports).where(inArray(imports.id, [stale, done, month, recent, theirs]));
    expect(left.map((row) => row.id).sort()).toEqual([done, recent, theirs].sort());
  });
});

describe("a CSV of any other shape", () => {
  it("waits for its column mapping, then reads the rows with it", async () => {
    const user = await createUser(t.db);
    const text = "Full name,E-mail,Organisation,Tags\nAda Lovelace,ada@example.com,Analytical Engines,Mentors; London\n";
    const created = await createImport(t.db, { userId: user.id, source: detectSource("people.csv", text), fileName: "people.csv", fileSize: text.length, content: text });
    expect(created.status).toBe("mapping");
    await processImport(t.db, { importId: created.id });
    expect((await getImport(t.db, { userId: user.id, importId: created.id }))?.status).toBe("mapping");
    const mapping = suggestMapping(["Full name", "E-mail", "Organisation", "Tags"]);
    const stranger = await createUser(t.db);
    expect(await setImportMapping(t.db, { userId: stranger.id, importId: created.id, mapping })).toBe(false);
    expect((await getImport(t.db, { userId: user.id, importId: created.id }))?.status).toBe("mapping");
    expect(await setImportMapping(t.db, { userId: user.id, importId: created.id, mapping })).toBe(true);
    await processImport(t.db, { importId: created.id });
    expect(await getImport(t.db, { userId: user.id, importId: created.id })).toMatchObject({ status: "ready", counts: { create: 1 } });
    await commitImport(t.db, { userId: user.id, importId: created.id, circleIds: [] });
    const [ada] = await t.db.select().from(contacts).where(eq(contacts.userId, user.id));
    expect(ada).toMatchObject({ name: "Ada Lovelace", company: "Analytical Engines" });
  });
});
