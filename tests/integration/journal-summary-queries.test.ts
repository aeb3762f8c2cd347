import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { journalFilterOptions, journalQuarterCounts, listContactWins } from "@/db/queries/journal";
import { skills } from "@/db/schema";
import { createContact, createRole, createUser, createWin } from "../factories";
import { createTestDb, type TestDb } from "../helpers/test-db";

// The journal's summaries: wins per quarter, the filters' choices and a
// contact's wins. Listing, paging, filters and search are in journal-queries.test.ts.

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => {
  await t?.close();
});

describe("journalQuarterCounts", () => {
  it("counts the last eight quarters with wins, or those in the range, under the filters", async () => {
    const me = await createUser(t.db);
    // Q1 2024 … Q4 2026 with a gap in 2025 Q2; two wins in 2026 Q1.
    const days = [
      "2024-02-01",
      "2024-05-01",
      "2024-08-01",
      "2024-11-30",
      "2025-01-01",
      "2025-09-30",
      "2025-12-31",
      "2026-01-01",
      "2026-03-31",
      "2026-06-15",
      "2026-10-01",
    ];
    for (const day of days) await createWin(t.db, { userId: me.id, occurredOn: day, kind: day < "2025" ? "led" : "delivered" });

    expect(await journalQuarterCounts(t.db, { userId: me.id, filters: {} })).toEqual([
      { quarter: "2024-07-01", count: 1 },
      { quarter: "2024-10-01", count: 1 },
      { quarter: "2025-01-01", count: 1 },
      { quarter: "2025-07-01", count: 1 },
      { quarter: "2025-10-01", count: 1 },
      { quarter: "2026-01-01", count: 2 },
      { quarter: "2026-04-01", count: 1 },
      { quarter: "2026-10-01", count: 1 },
    ]);
    expect(await journalQuarterCounts(t.db, { userId: me.id, filters: { from: "2024-01-01", to: "2025-03-31" } })).toEqual([
      { quarter: "2024-01-01", count: 1 },
      { quarter: "2024-04-01", count: 1 },
      { quarter: "2024-07-01", count: 1 },
      { quarter: "2024-10-01", count: 1 },
      { quarter: "2025-01-01", count: 1 },
    ]);
    expect(await journalQuarterCounts(t.db, { userId: me.id, filters: { kind: "led" } })).toHaveLength(4);
    expect(await journalQuarterCounts(t.db, { userId: (await createUser(t.db)).id, filters: {} })).toEqual([]);
  });

  it("counts a journal kept up every quarter up to today, the older quarters left out", async () => {
    const me = await createUser(t.db);
    const now = new Date();
    const thisQuarter = Date.UTC(now.getUTCFullYear(), Math.floor(now.getUTCMonth() / 3) * 3, 1);
    const quarterStart = (back: number) => {
      const at = new Date(thisQuarter);
      at.setUTCMonth(at.getUTCMonth() - 3 * back);
      return at.toISOString().slice(0, 10);
    };
    for (let back = 0; back < 10; back++) {
      for (let i = 0; i <= back % 3; i++) await createWin(t.db, { userId: me.id, occurredOn: quarterStart(back) });
    }
    const expected = Array.from({ length: 8 }, (_, i) => 7 - i).map((back) => ({
      quarter: quarterStart(back),
      count: (back % 3) + 1,
    }));
    expect(await journalQuarterCounts(t.db, { userId: me.id, filters: {} })).toEqual(expected);
  });
});

describe("journalFilterOptions", () => {
  it("offers every role, the skills that tag a win and the people in wins", async () => {
    const me = await createUser(t.db);
    const current = await createRole(t.db, { userId: me.id, company: "Hooli", title: "Lead", startedOn: "2025-01-01" });
    const past = await createRole(t.db, {
      userId: me.id,
      company: "Initech",
      title: "Engineer",
      startedOn: "2020-01-01",
      endedOn: "2024-12-31",
    });
    const ada = await createContact(t.db, { userId: me.id, name: "ada" });
    const zed = await createContact(t.db, { userId: me.id, name: "Zed" });
    await createContact(t.db, { userId: me.id, name: "Never in a win" });
    await t.db.insert(skills).values({ userId: me.id, name: "Unused" });
    await createWin(t.db, {
      userId: me.id,
      skills: ["rust", "Go"],
      people: [
        { contactId: zed.id, part: "helped_me" },
        { contactId: ada.id, part: "can_vouch" },
      ],
    });

    const options = await journalFilterOptions(t.db, { userId: me.id });
    expect(options.roles.map((role) => role.id)).toEqual([current.id, past.id]);
    expect(options.skills.map((skill) => skill.name)).toEqual(["Go", "rust"]);
    expect(options.people).toEqual([
      { id: ada.id, name: "ada" },
      { id: zed.id, name: "Zed" },
    ]);
    // A contact in no win is not offered, even when chosen.
    const never = await createContact(t.db, { userId: me.id, name: "Chosen but absent" });
    expect((await journalFilterOptions(t.db, { userId: me.id, includeContactId: never.id })).people).toHaveLength(2);
  });
});

describe("listContactWins", () => {
  it("lists the contact's wins newest first with every part they played", async () => {
    const me = await createUser(t.db);
    const ada = await createContact(t.db, { userId: me.id, name: "Ada" });
    const grace = await createContact(t.db, { userId: me.id, name: "Grace" });
    await createWin(t.db, {
      userId: me.id,
      title: "Old",
      occurredOn: "2024-01-01",
      people: [{ contactId: ada.id, part: "worked_with" }],
    });
    const both = await createWin(t.db, {
      userId: me.id,
      title: "Both parts",
      occurredOn: "2026-01-01",
      result: "Shipped",
      metricValue: 3,
      metricUnit: "teams",
      people: [
        { contactId: ada.id, part: "can_vouch" },
        { contactId: ada.id, part: "helped_me" },
        { contactId: grace.id, part: "worked_with" },
      ],
    });
    await createWin(t.db, { userId: me.id, title: "Grace only", people: [{ contactId: grace.id, part: "helped_me" }] });

    expect(await listContactWins(t.db, { userId: me.id, contactId: ada.id, limit: 10 })).toEqual({
      wins: [
        {
          id: both.id,
          occurredOn: "2026-01-01",
          kind: "delivered",
          title: "Both parts",
          result: "Shipped",
          metricValue: 3,
          metricUnit: "teams",
          parts: ["helped_me", "can_vouch"],
        },
        expect.objectContaining({ title: "Old", parts: ["worked_with"] }),
      ],
      total: 2,
    });
    const first = await listContactWins(t.db, { userId: me.id, contactId: ada.id, limit: 1 });
    expect(first.wins.map((win) => win.title)).toEqual(["Both parts"]);
    expect(first.total).toBe(2);
    const nobody = await createContact(t.db, { userId: me.id, name: "Nobody" });
    expect(await listContactWins(t.db, { userId: me.id, contactId: nobody.id, limit: 5 })).toEqual({ wins: [], total: 0 });
  });
});
