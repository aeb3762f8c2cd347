import { and, asc, count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listReconnectNow } from "@/db/queries/dashboard";
import { createImport, getImport } from "@/db/queries/imports";
import { refreshContactSchedule, requestReconnect } from "@/db/queries/schedule";
import { insertTouch } from "@/db/queries/touches-write";
import { contacts, contactLinks, imports } from "@/db/schema";
import { defineAuthedAction } from "@/lib/actions/define-action";
import { firstDueDay, firstDueShare } from "@/lib/domain/first-due";
import { confirmImport } from "@/lib/import/manage-import";
import { processImport } from "@/lib/import/process";
import { saveSettings } from "@/lib/settings/save-settings";
import { confirmImportSchema, type ConfirmImportInput } from "@/lib/validations/import";
import { settingsInputSchema } from "@/lib/validations/settings";
import { createContact, createUser } from "../factories";
import { createTestDb, type TestDb } from "../helpers/test-db";

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => {
  await t?.close();
});

const DAY = 86_400_000;
const HEADER = "First Name,Last Name,URL,Email Address,Company,Position,Connected On";

// A LinkedIn export of n connections, Person 1 … Person n in file order.
function connections(n: number, from = 1): string {
  const lines = Array.from({ length: n }, (_, i) => {
    const k = from + i;
    return `Person,${k},https://www.linkedin.com/in/person-${k},,Company ${k % 7},Engineer,22 Dec 2025`;
  });
  return `${HEADER}\n${lines.join("\n")}\n`;
}

async function preview(userId: string, text: string): Promise<string> {
  const created = await createImport(t.db, { userId, source: "linkedin", fileName: "Connections.csv", fileSize: text.length, content: text });
  await processImport(t.db, { importId: created.id });
  return created.id;
}

function confirmAs(userId: string) {
  return defineAuthedAction({ getUserId: async () => userId, getDb: async () => t.db })(confirmImportSchema, confirmImport);
}

function confirm(userId: string, input: Omit<ConfirmImportInput, "circleIds"> & { circleIds?: string[] }) {
  return confirmAs(userId)({ circleIds: [], ...input });
}

async function schedule(userId: string) {
  return t.db
    .select({
      id: contacts.id,
      name: contacts.name,
      tier: contacts.tier,
      cadenceDays: contacts.cadenceDays,
      remindersEnabled: contacts.remindersEnabled,
      firstDueShare: contacts.firstDueShare,
      nextDueAt: contacts.nextDueAt,
      createdAt: contacts.createdAt,
      healthScore: contacts.healthScore,
    })
    .from(contacts)
    .where(eq(contacts.userId, userId))
    .orderBy(asc(contacts.createdAt), asc(contacts.id));
}

// Contacts due per day after the import (1 = the day after), by the stored next_due_at.
function dueDays(rows: { nextDueAt: Date | null; createdAt: Date }[]): Map<number, number> {
  const days = new Map<number, number>();
  for (const row of rows) {
    if (!row.nextDueAt) throw new Error("a contact has no due date");
    const day = (row.nextDueAt.getTime() - row.createdAt.getTime()) / DAY;
    days.set(day, (days.get(day) ?? 0) + 1);
  }
  return days;
}

function personNumber(name: string): number {
  return Number(name.replace("Person ", ""));
}

describe("how often to keep in touch with an import's new contacts", () => {
  it("gives the chosen tier to the contacts the import creates, and the merged ones keep their own", async () => {
    const user = await createUser(t.db, { defaultCadenceDays: 30 });
    const known = await createContact(t.db, { userId: user.id, name: "Person 2", tier: "inner", cadenceDays: 7 });
    await t.db.insert(contactLinks).values({ userId: user.id, contactId: known.id, url: "https://www.linkedin.com/in/person-2" });
    await t.db.transaction((tx) => refreshContactSchedule(tx, { userId: user.id }));
    const [before] = await schedule(user.id);

    const importId = await preview(user.id, connections(4));
    expect((await getImport(t.db, { userId: user.id, importId }))?.counts).toMatchObject({ create: 3, merge: 1 });
    const result = await confirm(user.id, { importId, keepInTouch: "distant" });
    expect(result).toMatchObject({ ok: true, data: { created: 3, merged: 1 } });

    const rows = await schedule(user.id);
    const merged = rows.find((row) => row.id === known.id);
    expect(merged).toEqual({ ...before, healthScore: merged?.healthScore });
    const created = rows.filter((row) => row.id !== known.id);
    expect(created.map(({ tier, cadenceDays, remindersEnabled }) => ({ tier, cadenceDays, remindersEnabled }))).toEqual(
      Array.from({ length: 3 }, () => ({ tier: "distant", cadenceDays: null, remindersEnabled: true })),
    );
    // Three spread over 90 days, in file order: the 30th, 60th and 90th day.
    expect([...dueDays(created).keys()].sort((a, b) => a - b)).toEqual([30, 60, 90]);
    expect(await getImport(t.db, { userId: user.id, importId })).toMatchObject({
      status: "done",
      contactTier: "distant",
      cadenceDays: null,
      remindersEnabled: true,
    });
  });

  it("gives a cadence of their own, spread over it", async () => {
    const user = await createUser(t.db, { defaultCadenceDays: 30 });
    const importId = await preview(user.id, connections(9));
    expect(await confirm(user.id, { importId, keepInTouch: "custom", cadenceDays: "45" })).toMatchObject({ ok: true });
    const rows = await schedule(user.id);
    expect(rows.every((row) => row.tier === "regular" && row.cadenceDays === 45)).toBe(true);
    expect(Math.max(...dueDays(rows).keys())).toBe(45);
    expect(Math.min(...dueDays(rows).keys())).toBe(5);
  });

  it("with no reminders, the new contacts are never due, until someone asks to reconnect", async () => {
    const user = await createUser(t.db, { defaultCadenceDays: 30 });
    const importId = await preview(user.id, connections(5));
    expect(await confirm(user.id, { importId, keepInTouch: "none" })).toMatchObject({ ok: true, data: { created: 5 } });
    const rows = await schedule(user.id);
    expect(rows.map(({ remindersEnabled, firstDueShare: share, nextDueAt }) => ({ remindersEnabled, share, nextDueAt }))).toEqual(
      Array.from({ length: 5 }, () => ({ remindersEnabled: false, share: null, nextDueAt: null })),
    );
    // Scored honestly all the same: a contact added today, untouched.
    expect(rows.every((row) => row.healthScore === 50)).toBe(true);
    await t.db.transaction((tx) => refreshContactSchedule(tx, { userId: user.id }));
    expect((await schedule(user.id)).every((row) => row.nextDueAt === null)).toBe(true);
    const inAYear = new Date(Date.now() + 365 * DAY);
    expect((await listReconnectNow(t.db, { userId: user.id, now: inAYear, limit: 10 })).total).toBe(0);

    const [first] = rows;
    if (!first) throw new Error("no contact");
    await t.db.transaction((tx) => requestReconnect(tx, { userId: user.id, contactId: first.id }));
    const asked = await listReconnectNow(t.db, { userId: user.id, now: new Date(Date.now() + 1000), limit: 10 });
    expect(asked.contacts.map((contact) => contact.id)).toEqual([first.id]);
    // The touch that answers the request ends it, and no reminder follows.
    await t.db.transaction((tx) =>
      insertTouch(tx, { userId: user.id, touch: { occurredAt: new Date(), channel: "call", contactIds: [first.id] } }),
    );
    expect((await schedule(user.id)).find((row) => row.id === first.id)?.nextDueAt).toBeNull();
  });

  it("spreads 500 connections over a 30-day cadence, and a schedule refresh keeps the spread", async () => {
    const user = await createUser(t.db, { defaultCadenceDays: 30, timeZone: "UTC" });
    const importId = await preview(user.id, connections(500));
    expect(await confirm(user.id, { importId })).toMatchObject({ ok: true, data: { created: 500 } });
    const rows = await schedule(user.id);
    const days = dueDays(rows);
    // Every day from the first to the 30th, none more than ceil(500 / 30) = 17.
    expect([...days.keys()].sort((a, b) => a - b)).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
    expect(Math.max(...days.values())).toBeLessThanOrEqual(Math.ceil(500 / 30));
    // In file order: the k-th row is due on day ceil(30k / 500), as the pure model says.
    for (const row of rows) {
      const k = personNumber(row.name);
      const day = (row.nextDueAt?.getTime() ?? 0) / DAY - row.createdAt.getTime() / DAY;
      expect([row.firstDueShare, day]).toEqual([firstDueShare(k, 500), Math.ceil((30 * k) / 500)]);
      expect(firstDueDay(firstDueShare(k, 500), 30)).toBe(day);
    }

    // What the commit wrote is what the refresh computes.
    await t.db.transaction((tx) => refreshContactSchedule(tx, { userId: user.id }));
    expect(await schedule(user.id)).toEqual(rows);

    // A shorter default cadence spreads them over itself, without a pile on its last day.
    const save = defineAuthedAction({ getUserId: async () => user.id, getDb: async () => t.db })(settingsInputSchema, saveSettings);
    const settings = { name: "", timeZone: "UTC", digestWeekday: 1, digestHour: 8, digestEnabled: true, journalPromptEnabled: true };
    expect(await save({ ...settings, defaultCadenceDays: 14 })).toMatchObject({ ok: true });
    const shorter = dueDays(await schedule(user.id));
    expect([...shorter.keys()].sort((a, b) => a - b)).toEqual(Array.from({ length: 14 }, (_, i) => i + 1));
    expect(Math.max(...shorter.values())).toBeLessThanOrEqual(Math.ceil(500 / 14));

    // A touch takes over from the spread: the cadence counts from it.
    const [touched] = await schedule(user.id);
    if (!touched) throw new Error("no contact");
    const occurredAt = new Date(Date.now() - 2 * DAY);
    await t.db.transaction((tx) => insertTouch(tx, { userId: user.id, touch: { occurredAt, channel: "message", contactIds: [touched.id] } }));
    const after = (await schedule(user.id)).find((row) => row.id === touched.id);
    expect(after?.nextDueAt).toEqual(new Date(occurredAt.getTime() + 14 * DAY));
  });

  it("spreads a second import over its own cadence, apart from the first", async () => {
    const user = await createUser(t.db, { defaultCadenceDays: 30 });
    await confirm(user.id, { importId: await preview(user.id, connections(60)) });
    await confirm(user.id, { importId: await preview(user.id, connections(60, 61)), keepInTouch: "inner" });
    const rows = await schedule(user.id);
    const firstBatch = dueDays(rows.filter((row) => personNumber(row.name) <= 60));
    const secondBatch = dueDays(rows.filter((row) => personNumber(row.name) > 60));
    expect([...firstBatch.values()]).toEqual(Array.from({ length: 30 }, () => 2));
    expect(Math.max(...secondBatch.keys())).toBe(14);
    expect(Math.max(...secondBatch.values())).toBeLessThanOrEqual(Math.ceil(60 / 14));
  });

  it("refuses a choice it cannot apply with a field error, and stores nothing", async () => {
    const user = await createUser(t.db);
    const importId = await preview(user.id, connections(3));
    const cases: [Partial<ConfirmImportInput>, string][] = [
      [{ keepInTouch: "custom" }, "cadenceDays"],
      [{ keepInTouch: "custom", cadenceDays: "" }, "cadenceDays"],
      [{ keepInTouch: "custom", cadenceDays: "0" }, "cadenceDays"],
      [{ keepInTouch: "custom", cadenceDays: 3651 }, "cadenceDays"],
      [{ keepInTouch: "custom", cadenceDays: "2.5" }, "cadenceDays"],
      [{ keepInTouch: "custom", cadenceDays: "soon" }, "cadenceDays"],
      [{ keepInTouch: "weekly" as "none" }, "keepInTouch"],
    ];
    for (const [input, field] of cases) {
      const result = await confirm(user.id, { importId, ...input });
      expect(result.ok).toBe(false);
      expect(result.ok ? undefined : Object.keys(result.fieldErrors ?? {})).toEqual([field]);
    }
    expect(await getImport(t.db, { userId: user.id, importId })).toMatchObject({
      status: "ready",
      contactTier: null,
      cadenceDays: null,
      remindersEnabled: null,
    });
    const [{ n } = { n: -1 }] = await t.db.select({ n: count() }).from(contacts).where(eq(contacts.userId, user.id));
    expect(n).toBe(0);
  });

  it("changes nothing when the import is another user's", async () => {
    const owner = await createUser(t.db);
    const stranger = await createUser(t.db);
    const mine = await createContact(t.db, { userId: stranger.id, name: "Stranger's own" });
    const importId = await preview(owner.id, connections(3));
    const result = await confirm(stranger.id, { importId, keepInTouch: "none" });
    expect(result).toEqual({ ok: false, formError: "Import not found." });
    expect(await getImport(t.db, { userId: owner.id, importId })).toMatchObject({ status: "ready", remindersEnabled: null });
    const [row] = await t.db.select({ n: count() }).from(imports).where(and(eq(imports.id, importId), eq(imports.status, "ready")));
    expect(row?.n).toBe(1);
    expect((await schedule(stranger.id)).map((contact) => contact.id)).toEqual([mine.id]);
    expect(await schedule(owner.id)).toEqual([]);

    // The owner's confirmation then goes through with the owner's choice.
    expect(await confirm(owner.id, { importId, keepInTouch: "inner" })).toMatchObject({ ok: true, data: { created: 3 } });
    expect((await schedule(owner.id)).every((contact) => contact.tier === "inner")).toBe(true);
  });
});
