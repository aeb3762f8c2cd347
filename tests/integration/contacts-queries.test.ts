import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  findLikelyDuplicates,
  getContact,
  listContactsAfter,
  listContactsBefore,
  type ListContactsParams,
} from "@/db/queries/contacts";
import type { ContactSortKey } from "@/db/queries/contacts-keyset";
import { refreshContactSchedule } from "@/db/queries/schedule";
import { contactCircles, contactEmails, type contacts } from "@/db/schema";
import { createCircle, createContact as createContactRow, createEvent, createUser } from "../factories";
import { contactTestHelpers } from "../helpers/contacts";
import { createTestDb, type TestDb } from "../helpers/test-db";

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => {
  await t?.close();
});

const DAY = 86_400_000;
const NOW = new Date("2026-06-15T12:00:00Z");
const STRANGER_ID = "00000000-0000-4000-8000-000000000000";

const { touch, rowOf } = contactTestHelpers(() => t.db);

describe("listContactsAfter and listContactsBefore", () => {
  async function names(params: Omit<ListContactsParams, "sort"> & Partial<ListContactsParams>) {
    const { rows } = await listContactsAfter(t.db, { sort: "name", pageSize: 50, now: NOW, ...params });
    return rows.map((row) => row.name);
  }

  it("sorts by name, last touch (never touched last) and next due (most overdue first), with the id breaking ties", async () => {
    const me = await createUser(t.db, { defaultCadenceDays: 30 });
    const created = new Date("2026-05-01T00:00:00Z");
    const ada = await createContactRow(t.db, { userId: me.id, name: "Ada", createdAt: created });
    const bob = await createContactRow(t.db, { userId: me.id, name: "Bob", createdAt: created, tier: "inner" });
    const cy = await createContactRow(t.db, { userId: me.id, name: "Cy", createdAt: created });
    const twinA = await createContactRow(t.db, { userId: me.id, name: "Dee", createdAt: created, tier: "distant" });
    const twinB = await createContactRow(t.db, { userId: me.id, name: "Dee", createdAt: created, tier: "distant" });
    await refreshContactSchedule(t.db, { userId: me.id });
    await touch(me.id, [bob.id], new Date("2026-06-10T00:00:00Z"));
    await touch(me.id, [cy.id], new Date("2026-06-01T00:00:00Z"));

    const twins = [twinA.id, twinB.id].sort();
    const dees = twins.map(() => "Dee");
    expect(await names({ userId: me.id, sort: "name" })).toEqual(["Ada", "Bob", "Cy", ...dees]);
    const byName = await listContactsAfter(t.db, { userId: me.id, sort: "name", pageSize: 10 });
    expect(byName.rows.slice(3).map((row) => row.id)).toEqual(twins);

    const byTouch = await listContactsAfter(t.db, { userId: me.id, sort: "last_touch", pageSize: 10 });
    expect(byTouch.rows.map((row) => row.id)).toEqual([bob.id, cy.id, ...[ada.id, ...twins].sort()]);

    // Ada: May 1 + 30; Bob: Jun 10 + 14; Cy: Jun 1 + 30; the twins: May 1 + 90.
    expect(await names({ userId: me.id, sort: "next_due" })).toEqual(["Ada", "Bob", "Cy", ...dees]);
    expect((await rowOf(ada.id))?.nextDueAt).toEqual(new Date(created.getTime() + 30 * DAY));
  });

  it("pages forwards and back by cursor, without overlap, and loads each row's circles", async () => {
    const me = await createUser(t.db);
    const alumni = await createCircle(t.db, { userId: me.id, name: "alumni" });
    const band = await createCircle(t.db, { userId: me.id, name: "Band" });
    const created = [];
    for (const name of ["A1", "A2", "A3", "A4", "A5"]) created.push(await createContactRow(t.db, { userId: me.id, name }));
    const [a1, a2] = created as [(typeof created)[0], (typeof created)[0]];
    await t.db.insert(contactCircles).values([
      { userId: me.id, contactId: a1.id, circleId: band.id },
      { userId: me.id, contactId: a1.id, circleId: alumni.id },
      { userId: me.id, contactId: a2.id, circleId: band.id },
    ]);

    const byName = { userId: me.id, sort: "name", pageSize: 2 } as const;
    const page1 = await listContactsAfter(t.db, byName);
    const page2 = await listContactsAfter(t.db, { ...byName, after: page1.next });
    const page3 = await listContactsAfter(t.db, { ...byName, after: page2.next });
    expect(page1.rows.map((row) => row.name)).toEqual(["A1", "A2"]);
    expect(page2.rows.map((row) => row.name)).toEqual(["A3", "A4"]);
    expect(page3).toMatchObject({ rows: [{ name: "A5" }], next: null });
    expect(page1.prev).toBeNull();
    expect(page1.next && page2.next && page2.prev && page3.prev).toBeTruthy();
    // Back from the last page is the page before it; back from the second, the first.
    const back = (before: ContactSortKey | null) => {
      if (!before) throw new Error("the page has no cursor back");
      return listContactsBefore(t.db, { ...byName, before });
    };
    expect(await back(page3.prev)).toEqual(page2);
    expect(await back(page2.prev)).toEqual(page1);
    expect(page1.rows[0]?.circles).toEqual([
      { id: alumni.id, name: "alumni" },
      { id: band.id, name: "Band" },
    ]);
    expect(page1.rows[1]?.circles).toEqual([{ id: band.id, name: "Band" }]);
    expect(page2.rows[0]?.circles).toEqual([]);
    expect((await listContactsAfter(t.db, { ...byName, after: { sort: "name", name: "zz", id: STRANGER_ID } })).rows).toEqual([]);

    expect(await names({ userId: me.id, circleId: band.id })).toEqual(["A1", "A2"]);
    expect(await names({ userId: me.id, circleId: alumni.id })).toEqual(["A1"]);
  });

  it("searches name, company, role, notes and emails", async () => {
    const me = await createUser(t.db);
    const ada = await createContactRow(t.db, { userId: me.id, name: "Ada Lovelace", company: "Analytical Engines" });
    await createContactRow(t.db, { userId: me.id, name: "Grace Hopper", notes: "Met at the COBOL meetup" });
    const linus = await createContactRow(t.db, { userId: me.id, name: "Linus", role: "Maintainer" });
    await t.db.insert(contactEmails).values({ userId: me.id, contactId: linus.id, email: "Torvalds@Kernel.example" });
    await touch(me.id, [ada.id], new Date("2026-06-01T00:00:00Z"));

    expect(await names({ userId: me.id, q: "lovel" })).toEqual(["Ada Lovelace"]);
    expect(await names({ userId: me.id, q: "ENGINES" })).toEqual(["Ada Lovelace"]);
    expect(await names({ userId: me.id, q: "cobol" })).toEqual(["Grace Hopper"]);
    expect(await names({ userId: me.id, q: "kernel.ex" })).toEqual(["Linus"]);
    expect(await names({ userId: me.id, q: "maint" })).toEqual(["Linus"]);
    expect(await names({ userId: me.id, q: "ace", sort: "last_touch" })).toEqual(["Ada Lovelace", "Grace Hopper"]);
    expect(await names({ userId: me.id, q: "%" })).toEqual([]);
    expect(await names({ userId: me.id, q: "   " })).toEqual(["Ada Lovelace", "Grace Hopper", "Linus"]);
  });

  it("hides archived contacts by default and shows only them on request", async () => {
    const me = await createUser(t.db);
    await createContactRow(t.db, { userId: me.id, name: "Active" });
    await createContactRow(t.db, { userId: me.id, name: "Gone", archivedAt: NOW });
    expect(await names({ userId: me.id })).toEqual(["Active"]);
    expect(await names({ userId: me.id, archived: true })).toEqual(["Gone"]);
    expect(await names({ userId: me.id, archived: true, q: "gone" })).toEqual(["Gone"]);
  });

  it("filters overdue: due before now, not archived, and not snoozed past today in the user's time zone", async () => {
    // At NOW (12:00 UTC) it is already June 16 in Auckland.
    const me = await createUser(t.db, { timeZone: "Pacific/Auckland" });
    const past = new Date(NOW.getTime() - DAY);
    const make = (name: string, values: Partial<typeof contacts.$inferInsert> = {}) =>
      createContactRow(t.db, { userId: me.id, name, nextDueAt: past, ...values });
    await make("Due");
    await make("Future", { nextDueAt: new Date(NOW.getTime() + DAY) });
    await make("Unscheduled", { nextDueAt: null });
    await make("Archived", { archivedAt: NOW });
    await make("SnoozedAhead", { snoozedUntil: "2026-06-17" });
    // A snooze lasts through its last day where the user lives.
    await make("SnoozeEndsToday", { snoozedUntil: "2026-06-16" });
    await make("SnoozeEndedYesterday", { snoozedUntil: "2026-06-15" });
    await make("SnoozeEnded", { snoozedUntil: "2026-06-01" });
    expect(await names({ userId: me.id, overdue: true })).toEqual(["Due", "SnoozeEnded", "SnoozeEndedYesterday"]);
    expect(await names({ userId: me.id, overdue: true, archived: true })).toEqual([]);
  });

  it("never lists another user's contacts, whatever the filters say", async () => {
    const me = await createUser(t.db);
    const other = await createUser(t.db);
    const theirCircle = await createCircle(t.db, { userId: other.id });
    const theirs = await createContactRow(t.db, { userId: other.id, name: "Secret", nextDueAt: new Date(0) });
    await t.db.insert(contactCircles).values({ userId: other.id, contactId: theirs.id, circleId: theirCircle.id });
    await createContactRow(t.db, { userId: me.id, name: "Mine" });
    expect(await names({ userId: me.id })).toEqual(["Mine"]);
    expect(await names({ userId: me.id, q: "secret" })).toEqual([]);
    expect(await names({ userId: me.id, circleId: theirCircle.id })).toEqual([]);
    expect(await names({ userId: me.id, overdue: true })).toEqual([]);
    expect(await names({ userId: me.id, circleId: "not-a-uuid" })).toEqual([]);
    expect(await names({ userId: STRANGER_ID })).toEqual([]);
  });
});

describe("getContact", () => {
  it("returns the facts, circles, how we met and the effective cadence", async () => {
    const me = await createUser(t.db, { defaultCadenceDays: 45 });
    const event = await createEvent(t.db, { userId: me.id, name: "RustConf", occurredOn: "2026-05-02" });
    const circle = await createCircle(t.db, { userId: me.id, name: "Rustaceans" });
    const ada = await createContactRow(t.db, {
      userId: me.id,
      name: "Ada",
      metAtEventId: event.id,
      birthdayMonth: 12,
      birthdayDay: 10,
    });
    await t.db.insert(contactEmails).values([
      { userId: me.id, contactId: ada.id, email: "b@example.com", label: "home" },
      { userId: me.id, contactId: ada.id, email: "a@example.com", label: "work", isPrimary: true },
    ]);
    await t.db.insert(contactCircles).values({ userId: me.id, contactId: ada.id, circleId: circle.id });
    const found = await getContact(t.db, { userId: me.id, contactId: ada.id });
    expect(found).toMatchObject({
      name: "Ada",
      tier: "regular",
      cadenceDays: null,
      effectiveCadenceDays: 45,
      metAtEvent: { id: event.id, name: "RustConf", occurredOn: "2026-05-02" },
      birthdayMonth: 12,
      birthdayDay: 10,
      birthdayYear: null,
      emails: [
        { email: "a@example.com", label: "work" },
        { email: "b@example.com", label: "home" },
      ],
      circles: [{ id: circle.id, name: "Rustaceans" }],
    });

    const inner = await createContactRow(t.db, { userId: me.id, tier: "inner" });
    expect((await getContact(t.db, { userId: me.id, contactId: inner.id }))?.effectiveCadenceDays).toBe(14);
    const own = await createContactRow(t.db, { userId: me.id, tier: "distant", cadenceDays: 7 });
    expect((await getContact(t.db, { userId: me.id, contactId: own.id }))?.effectiveCadenceDays).toBe(7);
  });

  it("finds nothing for another user's contact or a malformed id", async () => {
    const me = await createUser(t.db);
    const other = await createUser(t.db);
    const theirs = await createContactRow(t.db, { userId: other.id });
    expect(await getContact(t.db, { userId: me.id, contactId: theirs.id })).toBeUndefined();
    expect(await getContact(t.db, { userId: me.id, contactId: "42" })).toBeUndefined();
    expect(await getContact(t.db, { userId: other.id, contactId: theirs.id })).toBeDefined();
  });
});

describe("findLikelyDuplicates", () => {
  it("matches an email without case, or the same name at the same company, only among the user's contacts", async () => {
    const me = await createUser(t.db);
    const other = await createUser(t.db);
    const ada = await createContactRow(t.db, { userId: me.id, name: "Ada Lovelace", company: "Engines" });
    const grace = await createContactRow(t.db, { userId: me.id, name: "Grace Hopper" });
    await t.db.insert(contactEmails).values({ userId: me.id, contactId: grace.id, email: "Grace@Navy.example" });
    const theirs = await createContactRow(t.db, { userId: other.id, name: "Alan Turing" });
    await t.db.insert(contactEmails).values({ userId: other.id, contactId: theirs.id, email: "alan@example.com" });

    const find = (name: string, company: string | null, emails: string[] = []) =>
      findLikelyDuplicates(t.db, { userId: me.id, name, company, emails });
    expect(await find("ada lovelace", "ENGINES")).toEqual([
      { id: ada.id, name: "Ada Lovelace", company: "Engines", archivedAt: null, reason: "name" },
    ]);
    expect(await find("Ada Lovelace", "Other Co")).toEqual([]);
    expect(await find("Ada Lovelace", null)).toEqual([]);
    expect(await find("grace hopper", null)).toMatchObject([{ id: grace.id, reason: "name" }]);
    expect(await find("G. Hopper", "Navy", ["grace@navy.EXAMPLE"])).toMatchObject([{ id: grace.id, reason: "email" }]);
    expect(await find("Alan Turing", null, ["alan@example.com"])).toEqual([]);
  });
});
