import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getJournalSummary } from "@/db/queries/journal-summary";
import { insertTouch } from "@/db/queries/touches-write";
import { loadDashboard } from "@/lib/dashboard/load";
import type { ValueDirection, ValueKind, WinPersonPart } from "@/lib/domain/enums";
import { occurredAtFromDate } from "@/lib/domain/touch-dates";
import { createContact, createRole, createUser, createWin } from "../factories";
import { createTestDb, type TestDb } from "../helpers/test-db";

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => {
  await t?.close();
});

const HELPERS = 5;

function summary(userId: string, now: Date, timeZone: string | null) {
  return getJournalSummary(t.db, { userId, now, timeZone, helperLimit: HELPERS });
}

async function winsOn(userId: string, days: string[], values: { people?: { contactId: string; part: WinPersonPart }[] } = {}) {
  for (const occurredOn of days) await createWin(t.db, { userId, occurredOn, ...values });
}

async function touch(userId: string, contactId: string, day: string, valueKind: ValueKind | null, valueDirection: ValueDirection | null) {
  const written = await t.db.transaction((tx) =>
    insertTouch(tx, {
      userId,
      touch: { occurredAt: occurredAtFromDate(day), channel: "message", contactIds: [contactId], valueKind, valueDirection },
    }),
  );
  if (!written) throw new Error("touch not written");
}

describe("the Journal card's counts", () => {
  // 30 September 2026, 20:00 UTC: still September in UTC, already
  // Thursday 1 October (a new month and quarter) in Auckland (UTC+13).
  const NOW = new Date("2026-09-30T20:00:00Z");
  const DAYS = ["2026-06-30", "2026-07-01", "2026-08-15", "2026-09-30", "2026-10-01", "2026-10-01"];

  it("counts wins in the calendar month and quarter of the user's own today", async () => {
    const auckland = await createUser(t.db, { timeZone: "Pacific/Auckland" });
    const utc = await createUser(t.db, { timeZone: "UTC" });
    const role = await createRole(t.db, { userId: auckland.id });
    await winsOn(auckland.id, DAYS);
    await createWin(t.db, { userId: auckland.id, roleId: role.id, occurredOn: "2026-10-01" });
    await winsOn(utc.id, DAYS);

    expect(await summary(auckland.id, NOW, "Pacific/Auckland")).toMatchObject({ hasWins: true, thisMonth: 3, thisQuarter: 3 });
    // September and the third quarter: 1 July counts, 30 June does not, 1 October is not yet.
    expect(await summary(utc.id, NOW, "UTC")).toMatchObject({ hasWins: true, thisMonth: 1, thisQuarter: 3 });
    // No zone chosen reads as UTC.
    expect(await summary(utc.id, NOW, null)).toMatchObject({ thisMonth: 1, thisQuarter: 3 });
  });

  it("is empty for a user without wins, and for an id that is not a user", async () => {
    const fresh = await createUser(t.db, { timeZone: "Europe/Berlin" });
    const empty = { hasWins: false, thisMonth: 0, thisQuarter: 0, streak: { weeks: 0, includesThisWeek: false }, helpers: [] };
    expect(await summary(fresh.id, NOW, "Europe/Berlin")).toEqual(empty);
    expect(await summary(randomUUID(), NOW, null)).toEqual(empty);
  });
});

describe("the Journal card's streak of weeks", () => {
  // Wednesday 25 November 2026: ISO week 48 began on Monday the 23rd.
  const NOW = new Date("2026-11-25T10:00:00Z");

  it("counts consecutive weeks back to a gap, and a week still empty does not break it", async () => {
    const user = await createUser(t.db, { timeZone: "UTC" });
    // Weeks 47, 46, 45 (its Monday), none in 44, then 43.
    await winsOn(user.id, ["2026-11-22", "2026-11-10", "2026-11-10", "2026-11-02", "2026-10-20"]);
    expect((await summary(user.id, NOW, "UTC")).streak).toEqual({ weeks: 3, includesThisWeek: false });

    await winsOn(user.id, ["2026-11-23"]);
    expect((await summary(user.id, NOW, "UTC")).streak).toEqual({ weeks: 4, includesThisWeek: true });

    // Two weeks without a win end it.
    const lapsed = await createUser(t.db, { timeZone: "UTC" });
    await winsOn(lapsed.id, ["2026-11-10", "2026-11-03"]);
    expect((await summary(lapsed.id, NOW, "UTC")).streak).toEqual({ weeks: 0, includesThisWeek: false });
  });

  it("takes this week from the user's time zone", async () => {
    // Sunday 22 November, 20:00 UTC: Monday the 23rd (week 48) in Auckland.
    const sunday = new Date("2026-11-22T20:00:00Z");
    const user = await createUser(t.db, { timeZone: "Pacific/Auckland" });
    await winsOn(user.id, ["2026-11-16", "2026-11-22"]);
    expect((await summary(user.id, sunday, "UTC")).streak).toEqual({ weeks: 1, includesThisWeek: true });
    expect((await summary(user.id, sunday, "Pacific/Auckland")).streak).toEqual({ weeks: 1, includesThisWeek: false });
  });
});

describe("people who helped most this year", () => {
  const NOW = new Date("2026-11-25T10:00:00Z");

  async function network() {
    const user = await createUser(t.db, { timeZone: "UTC" });
    const person = (name: string, values: { archivedAt?: Date } = {}) =>
      createContact(t.db, { userId: user.id, name: `${name} ${randomUUID().slice(0, 4)}`, ...values });
    const [ada, bea, cy, dee, eve, fay, gus] = await Promise.all(
      ["Ada", "Bea", "Cy", "Dee", "Eve", "Fay", "Gus"].map((name) => person(name)),
    );
    const archived = await person("Hal", { archivedAt: new Date("2026-10-01T00:00:00Z") });
    if (!ada || !bea || !cy || !dee || !eve || !fay || !gus) throw new Error("no contacts");
    const helped = (contactId: string) => ({ people: [{ contactId, part: "helped_me" as const }] });
    await winsOn(user.id, ["2026-03-01", "2026-06-01", "2026-11-02"], helped(ada.id));
    await createWin(t.db, { userId: user.id, occurredOn: "2026-11-02", title: "Same-day, recorded later", ...helped(ada.id) });
    await winsOn(user.id, ["2026-09-01", "2026-11-10"], helped(bea.id));
    await winsOn(user.id, ["2026-04-01", "2026-10-05"], helped(cy.id));
    await winsOn(user.id, ["2026-11-20"], helped(dee.id));
    await winsOn(user.id, ["2026-11-19"], helped(eve.id));
    await winsOn(user.id, ["2026-05-01"], helped(fay.id));
    // Help more than 12 months ago, other parts and archived contacts do not count.
    await winsOn(user.id, ["2025-11-25", "2025-06-01", "2025-05-01"], helped(gus.id));
    await winsOn(user.id, ["2026-11-01", "2026-11-02", "2026-11-03"], { people: [{ contactId: gus.id, part: "worked_with" }] });
    await winsOn(user.id, ["2026-11-01", "2026-11-02", "2026-11-03"], helped(archived.id));
    return { user, ada, bea, cy, dee, eve, fay, gus };
  }

  it("ranks the top five by wins in the last 12 months, with their latest win and whether they were thanked since", async () => {
    const { user, ada, bea, cy, dee, eve } = await network();
    // Ada: thanked after her latest win. Bea: thanked, but before her latest.
    // Cy: congratulated on the very day. Dee: her thanks came to the user.
    // Eve: given advice, not thanks.
    await touch(user.id, ada.id, "2026-11-05", "thanks", "given");
    await touch(user.id, bea.id, "2026-09-02", "thanks", "given");
    await touch(user.id, cy.id, "2026-10-05", "congratulation", "given");
    await touch(user.id, dee.id, "2026-11-21", "thanks", "received");
    await touch(user.id, eve.id, "2026-11-20", "advice", "given");
    await touch(user.id, eve.id, "2026-11-21", null, null);

    const { helpers } = await summary(user.id, NOW, "UTC");
    expect(helpers.map(({ id, wins, isThanked }) => ({ id, wins, isThanked }))).toEqual([
      { id: ada.id, wins: 4, isThanked: true },
      { id: bea.id, wins: 2, isThanked: false },
      { id: cy.id, wins: 2, isThanked: true },
      { id: dee.id, wins: 1, isThanked: false },
      { id: eve.id, wins: 1, isThanked: false },
    ]);
    expect(helpers[0]).toMatchObject({ name: ada.name, latestWin: { title: "Same-day, recorded later", occurredOn: "2026-11-02" } });
    expect(helpers[1]?.latestWin.occurredOn).toBe("2026-11-10");

    // A thanks for Bea now, and a new win Ada helped with after her thanks.
    await touch(user.id, bea.id, "2026-11-24", "thanks", "given");
    const newest = await createWin(t.db, {
      userId: user.id,
      occurredOn: "2026-11-24",
      title: "Shipped the beta",
      people: [{ contactId: ada.id, part: "helped_me" }],
    });
    const after = await summary(user.id, NOW, "UTC");
    expect(after.helpers.slice(0, 2).map(({ id, isThanked }) => ({ id, isThanked }))).toEqual([
      { id: ada.id, isThanked: false },
      { id: bea.id, isThanked: true },
    ]);
    expect(after.helpers[0]?.latestWin).toEqual({ id: newest.id, title: "Shipped the beta", occurredOn: "2026-11-24" });
  });

  it("never counts another user's wins, even one naming the user's contact", async () => {
    const mine = await network();
    const other = await createUser(t.db, { timeZone: "UTC" });
    const before = await summary(mine.user.id, NOW, "UTC");
    await winsOn(other.id, ["2026-11-23", "2026-11-16", "2026-11-02", "2026-11-24"], {
      people: [{ contactId: mine.fay.id, part: "helped_me" }],
    });
    const otherContact = await createContact(t.db, { userId: other.id });
    await winsOn(other.id, ["2026-11-23", "2026-11-23"], { people: [{ contactId: otherContact.id, part: "helped_me" }] });

    expect(await summary(mine.user.id, NOW, "UTC")).toEqual(before);
    expect(before).toMatchObject({ thisMonth: 11, streak: { weeks: 4, includesThisWeek: false } });
    expect(before.helpers.map((helper) => helper.id)).not.toContain(mine.fay.id);
    const theirs = await summary(other.id, NOW, "UTC");
    expect(theirs.helpers.map((helper) => helper.id)).toEqual([otherContact.id]);
    expect(theirs.thisMonth).toBe(6);
  });

  it("reaches the dashboard through loadDashboard", async () => {
    const { user, ada } = await network();
    const data = await loadDashboard(t.db, { userId: user.id, now: NOW, timeZone: "UTC" });
    expect(data.journal.helpers[0]?.id).toBe(ada.id);
    expect(data.journal.thisQuarter).toBeGreaterThan(0);
  });
});
