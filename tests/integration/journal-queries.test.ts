import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { journalFilterOptions, journalQuarterCounts, listContactWins, listJournal } from "@/db/queries/journal";
import { skills } from "@/db/schema";
import type { JournalCursor, JournalFilters } from "@/lib/domain/journal-list";
import { createContact, createRole, createUser, createWin } from "../factories";
import { createTestDb, type TestDb } from "../helpers/test-db";

// Listing, paging, filters and search, and another user's ids. Quarter counts,
// filter options and a contact's wins are in journal-summary-queries.test.ts.

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => {
  await t?.close();
});

// Newest first, and by id (descending) within a day: the order the journal promises.
function byJournalOrder(a: { occurredOn: string; id: string }, b: { occurredOn: string; id: string }) {
  if (a.occurredOn !== b.occurredOn) return a.occurredOn < b.occurredOn ? 1 : -1;
  return a.id < b.id ? 1 : -1;
}

async function titles(userId: string, filters: JournalFilters, limit = 50) {
  const page = await listJournal(t.db, { userId, filters, limit });
  return page.wins.map((win) => win.title);
}

// Every page from the first, following nextCursor.
async function allPages(userId: string, filters: JournalFilters, limit: number) {
  const seen: { id: string; occurredOn: string }[] = [];
  let cursor: JournalCursor | null = null;
  let pages = 0;
  do {
    const page = await listJournal(t.db, { userId, filters, cursor, limit });
    expect(page.wins.length).toBeLessThanOrEqual(limit);
    seen.push(...page.wins.map(({ id, occurredOn }) => ({ id, occurredOn })));
    cursor = page.nextCursor;
    pages += 1;
  } while (cursor && pages < 100);
  return { seen, pages };
}

// Another user with a role, a skill, a contact and wins that match every
// filter and search the tests use: none of it may ever show.
async function stranger() {
  const other = await createUser(t.db);
  const role = await createRole(t.db, { userId: other.id, company: "Globex", title: "Spy" });
  const contact = await createContact(t.db, { userId: other.id, name: "Eve Stranger" });
  const win = await createWin(t.db, {
    userId: other.id,
    roleId: role.id,
    title: "Stranger billing win 100% snake_case",
    what: "billing",
    occurredOn: "2026-03-01",
    skills: ["Billing", "TypeScript"],
    people: [{ contactId: contact.id, part: "can_vouch" }],
  });
  const [skill] = await t.db
    .select({ id: skills.id })
    .from(skills)
    .where(and(eq(skills.userId, other.id), eq(skills.name, "TypeScript")));
  if (!skill) throw new Error("the stranger has no TypeScript skill");
  return { other, role, contact, win, skillId: skill.id };
}

describe("listJournal", () => {
  it("lists the user's wins newest first with role, people and skills", async () => {
    const me = await createUser(t.db);
    const role = await createRole(t.db, { userId: me.id, company: "Initech", title: "Staff Engineer" });
    const ada = await createContact(t.db, { userId: me.id, name: "Ada Lovelace" });
    const grace = await createContact(t.db, { userId: me.id, name: "Grace Hopper" });
    await createWin(t.db, { userId: me.id, title: "Older", occurredOn: "2025-01-10" });
    const win = await createWin(t.db, {
      userId: me.id,
      roleId: role.id,
      title: "Shipped billing",
      kind: "led",
      what: "Rebuilt the flow",
      result: "Churn fell",
      metricValue: 40,
      metricUnit: "% churn",
      url: "https://example.com/billing",
      occurredOn: "2026-03-02",
      skills: ["TypeScript", "billing"],
      people: [
        { contactId: grace.id, part: "can_vouch" },
        { contactId: ada.id, part: "helped_me" },
        { contactId: grace.id, part: "helped_me" },
      ],
    });
    await stranger();

    const page = await listJournal(t.db, { userId: me.id, filters: {}, limit: 10 });
    expect(page.nextCursor).toBeNull();
    expect(page.wins.map((w) => w.title)).toEqual(["Shipped billing", "Older"]);
    expect(page.wins[0]).toEqual({
      id: win.id,
      occurredOn: "2026-03-02",
      kind: "led",
      title: "Shipped billing",
      what: "Rebuilt the flow",
      result: "Churn fell",
      metricValue: 40,
      metricUnit: "% churn",
      url: "https://example.com/billing",
      role: { id: role.id, label: "Staff Engineer at Initech" },
      people: [
        { contactId: ada.id, name: "Ada Lovelace", part: "helped_me" },
        { contactId: grace.id, name: "Grace Hopper", part: "helped_me" },
        { contactId: grace.id, name: "Grace Hopper", part: "can_vouch" },
      ],
      skills: [
        { id: expect.any(String), name: "billing" },
        { id: expect.any(String), name: "TypeScript" },
      ],
    });
    expect(page.wins[1]).toMatchObject({ role: null, people: [], skills: [], what: null, metricValue: null });
  });

  it("pages by keyset without gaps or repeats, same-day wins included", async () => {
    const me = await createUser(t.db);
    const days = ["2026-05-01", "2026-05-01", "2026-05-01", "2026-04-30", "2026-04-30", "2026-04-01"];
    // Nine wins on one day, six on the next, three, and one more apart: page
    // boundaries fall inside a day at one page size or another.
    for (const day of days) {
      for (let i = 0; i < 3; i++) await createWin(t.db, { userId: me.id, occurredOn: day });
    }
    await createWin(t.db, { userId: me.id, occurredOn: "2020-02-29" });
    const everything = (await listJournal(t.db, { userId: me.id, filters: {}, limit: 100 })).wins;
    expect(everything).toHaveLength(19);
    expect(everything.map(({ id, occurredOn }) => ({ id, occurredOn }))).toEqual(
      everything.map(({ id, occurredOn }) => ({ id, occurredOn })).sort(byJournalOrder),
    );

    for (const limit of [1, 2, 4, 5, 7, 19, 25]) {
      const { seen, pages } = await allPages(me.id, {}, limit);
      expect(seen.map((win) => win.id)).toEqual(everything.map((win) => win.id));
      expect(pages).toBe(Math.max(1, Math.ceil(19 / limit)));
    }
    // Paging under a filter follows the same order.
    const { seen } = await allPages(me.id, { from: "2026-04-30" }, 4);
    expect(seen.map((win) => win.id)).toEqual(everything.filter((w) => w.occurredOn >= "2026-04-30").map((w) => w.id));
  });

  it("filters by role, kind, skill, person and date range, each day of the range included", async () => {
    const me = await createUser(t.db);
    const initech = await createRole(t.db, { userId: me.id, company: "Initech", title: "Engineer" });
    const hooli = await createRole(t.db, { userId: me.id, company: "Hooli", title: "Lead" });
    const ada = await createContact(t.db, { userId: me.id, name: "Ada" });
    const grace = await createContact(t.db, { userId: me.id, name: "Grace" });
    await createWin(t.db, {
      userId: me.id,
      title: "A",
      roleId: initech.id,
      kind: "delivered",
      occurredOn: "2026-01-01",
      skills: ["Go"],
      people: [{ contactId: ada.id, part: "helped_me" }],
    });
    await createWin(t.db, {
      userId: me.id,
      title: "B",
      roleId: hooli.id,
      kind: "led",
      occurredOn: "2026-02-15",
      skills: ["Go", "Rust"],
      people: [{ contactId: grace.id, part: "worked_with" }],
    });
    await createWin(t.db, {
      userId: me.id,
      title: "C",
      roleId: hooli.id,
      kind: "learned",
      occurredOn: "2026-03-31",
      people: [
        { contactId: ada.id, part: "can_vouch" },
        { contactId: grace.id, part: "i_helped" },
      ],
    });
    const options = await journalFilterOptions(t.db, { userId: me.id });
    const skillId = (name: string) => options.skills.find((skill) => skill.name === name)?.id;

    expect(await titles(me.id, { roleId: initech.id })).toEqual(["A"]);
    expect(await titles(me.id, { roleId: hooli.id })).toEqual(["C", "B"]);
    expect(await titles(me.id, { kind: "led" })).toEqual(["B"]);
    expect(await titles(me.id, { skillId: skillId("Go") })).toEqual(["B", "A"]);
    expect(await titles(me.id, { skillId: skillId("Rust") })).toEqual(["B"]);
    expect(await titles(me.id, { contactId: ada.id })).toEqual(["C", "A"]);
    expect(await titles(me.id, { contactId: grace.id })).toEqual(["C", "B"]);
    expect(await titles(me.id, { from: "2026-02-15" })).toEqual(["C", "B"]);
    expect(await titles(me.id, { to: "2026-02-15" })).toEqual(["B", "A"]);
    expect(await titles(me.id, { from: "2026-01-02", to: "2026-03-30" })).toEqual(["B"]);
    expect(await titles(me.id, { roleId: hooli.id, contactId: ada.id, kind: "learned" })).toEqual(["C"]);
    expect(await titles(me.id, { roleId: initech.id, kind: "led" })).toEqual([]);
  });

  it("searches every word in the text or the win's skill names; % and _ are literal", async () => {
    const me = await createUser(t.db);
    await createWin(t.db, { userId: me.id, title: "Shipped the Billing flow", occurredOn: "2026-01-05", skills: ["TypeScript"] });
    await createWin(t.db, { userId: me.id, title: "Mentored Ada", what: "weekly pairing", occurredOn: "2026-01-04" });
    await createWin(t.db, {
      userId: me.id,
      title: "Cut costs",
      result: "Saved a lot",
      metricValue: 40,
      metricUnit: "k€ cloud bill",
      occurredOn: "2026-01-03",
      skills: ["Cost reduction"],
    });
    await createWin(t.db, { userId: me.id, title: "Reached 100% coverage", occurredOn: "2026-01-02" });
    await createWin(t.db, { userId: me.id, title: "Renamed to snake_case", occurredOn: "2026-01-01" });
    await createWin(t.db, {
      userId: me.id,
      title: "A STAR story",
      situation: "The warehouse was on fire",
      task: "Keep it up",
      occurredOn: "2025-12-31",
    });
    await createWin(t.db, { userId: me.id, title: "Back\\slash", occurredOn: "2025-12-30" });
    // "e c" is what an unescaped "e_c" would match.
    await createWin(t.db, { userId: me.id, title: "Gave one call", occurredOn: "2025-12-29" });
    await stranger();

    expect(await titles(me.id, { q: "billing" })).toEqual(["Shipped the Billing flow"]);
    expect(await titles(me.id, { q: "PAIRING" })).toEqual(["Mentored Ada"]);
    expect(await titles(me.id, { q: "saved" })).toEqual(["Cut costs"]);
    expect(await titles(me.id, { q: "cloud" })).toEqual(["Cut costs"]);
    expect(await titles(me.id, { q: "warehouse" })).toEqual(["A STAR story"]);
    // A skill's name, whole or in part, in any case.
    expect(await titles(me.id, { q: "typescript" })).toEqual(["Shipped the Billing flow"]);
    expect(await titles(me.id, { q: "reduct" })).toEqual(["Cut costs"]);
    // Every word must match, each in the text or a skill.
    expect(await titles(me.id, { q: "shipped script" })).toEqual(["Shipped the Billing flow"]);
    expect(await titles(me.id, { q: "shipped cost" })).toEqual([]);
    expect(await titles(me.id, { q: "cut  reduction 40" })).toEqual([]);
    expect(await titles(me.id, { q: "cut  reduction" })).toEqual(["Cut costs"]);
    // Wildcards are characters like any other.
    expect(await titles(me.id, { q: "%" })).toEqual(["Reached 100% coverage"]);
    expect(await titles(me.id, { q: "0%" })).toEqual(["Reached 100% coverage"]);
    expect(await titles(me.id, { q: "_" })).toEqual(["Renamed to snake_case"]);
    expect(await titles(me.id, { q: "e_c" })).toEqual(["Renamed to snake_case"]);
    expect(await titles(me.id, { q: "\\" })).toEqual(["Back\\slash"]);
    expect(await titles(me.id, { q: "zebra" })).toEqual([]);
    // NUL, which PostgreSQL refuses in text, parts words like a space.
    expect(await titles(me.id, { q: "ship\u0000billing" })).toEqual(["Shipped the Billing flow"]);
    // Short words (no trigram) still match.
    expect(await titles(me.id, { q: "ad" })).toEqual(["Mentored Ada"]);
    // A search combines with the other filters.
    expect(await titles(me.id, { q: "e", to: "2026-01-01" })).toEqual([
      "Renamed to snake_case",
      "A STAR story",
      "Gave one call",
    ]);
  });
});

describe("another user's ids", () => {
  it("match none of the user's wins and never show the other user's", async () => {
    const me = await createUser(t.db);
    const mine = await createContact(t.db, { userId: me.id, name: "Mine" });
    await createWin(t.db, {
      userId: me.id,
      title: "My billing win",
      occurredOn: "2026-02-01",
      skills: ["Billing"],
      people: [{ contactId: mine.id, part: "helped_me" }],
    });
    const them = await stranger();

    for (const filters of [
      { roleId: them.role.id },
      { skillId: them.skillId },
      { contactId: them.contact.id },
    ] satisfies JournalFilters[]) {
      expect(await listJournal(t.db, { userId: me.id, filters, limit: 10 })).toEqual({ wins: [], nextCursor: null });
      expect(await journalQuarterCounts(t.db, { userId: me.id, filters })).toEqual([]);
    }
    // Their skill "TypeScript" is no skill of mine: the word matches nothing.
    expect(await titles(me.id, { q: "typescript" })).toEqual([]);
    expect(await titles(me.id, { q: "stranger" })).toEqual([]);
    expect(await titles(me.id, {})).toEqual(["My billing win"]);
    // A cursor made from their win pages my wins, never theirs.
    const after = await listJournal(t.db, {
      userId: me.id,
      filters: {},
      cursor: { occurredOn: them.win.occurredOn, id: them.win.id },
      limit: 10,
    });
    expect(after.wins.map((w) => w.title)).toEqual(["My billing win"]);

    expect(await listContactWins(t.db, { userId: me.id, contactId: them.contact.id, limit: 10 })).toEqual({
      wins: [],
      total: 0,
    });
    const options = await journalFilterOptions(t.db, { userId: me.id, includeContactId: them.contact.id });
    expect(options.roles).toEqual([]);
    expect(options.skills.map((s) => s.name)).toEqual(["Billing"]);
    expect(options.people).toEqual([{ id: mine.id, name: "Mine" }]);
  });

  it("values no query can read match nothing, without an error", async () => {
    const me = await createUser(t.db);
    await createWin(t.db, { userId: me.id });
    for (const filters of [
      { roleId: "nope" },
      { skillId: "1; drop table wins" },
      { contactId: "x".repeat(36) },
      { from: "2026-02-30" },
      { to: "0000-01-01" },
    ] satisfies JournalFilters[]) {
      expect((await listJournal(t.db, { userId: me.id, filters, limit: 10 })).wins).toEqual([]);
      expect(await journalQuarterCounts(t.db, { userId: me.id, filters })).toEqual([]);
    }
    const badCursor = { occurredOn: "yesterday", id: "x" };
    expect((await listJournal(t.db, { userId: me.id, filters: {}, cursor: badCursor, limit: 10 })).wins).toEqual([]);
    expect(await listContactWins(t.db, { userId: me.id, contactId: "nope", limit: 10 })).toEqual({ wins: [], total: 0 });
  });
});
