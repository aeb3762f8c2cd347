import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Logger } from "drizzle-orm";
import { loadReviewWins } from "@/db/queries/review-pack";
import { loadReviewPack, reviewMarkdownDownload } from "@/lib/journal/load-review-pack";
import { createContact, createRole, createUser, createWin } from "../factories";
import { createTestDb, type TestDb } from "../helpers/test-db";

let t: TestDb;
// Today, for the user (UTC): the last 6 months are 1 Sep 2025 – 1 Mar 2026.
const NOW = new Date("2026-03-01T12:00:00Z");

let me: { id: string };
let other: { id: string };
const ids: Record<string, string> = {};

beforeAll(async () => {
  t = await createTestDb();
  me = await createUser(t.db, { timeZone: "UTC" });
  other = await createUser(t.db, { timeZone: "UTC" });
  const acme = await createRole(t.db, { userId: me.id, company: "Acme", title: "Engineer", startedOn: "2024-01-01", endedOn: "2025-06-30" });
  const hooli = await createRole(t.db, { userId: me.id, company: "Hooli", title: "Staff Engineer", startedOn: "2025-07-01" });
  const theirs = await createRole(t.db, { userId: other.id, company: "Globex", title: "Director", startedOn: "2020-01-01" });
  const ada = await createContact(t.db, { userId: me.id, name: "Ada Lovelace" });
  const bob = await createContact(t.db, { userId: me.id, name: "Bob Ross" });
  const theirContact = await createContact(t.db, { userId: other.id, name: "Their Secret Contact" });
  Object.assign(ids, { acme: acme.id, hooli: hooli.id, theirs: theirs.id, ada: ada.id, bob: bob.id, theirContact: theirContact.id });

  const win = async (key: string, values: Parameters<typeof createWin>[1]) => {
    ids[key] = (await createWin(t.db, values)).id;
  };
  await win("before", { userId: me.id, occurredOn: "2023-12-31", title: "Before everything" });
  await win("atAcme", {
    userId: me.id,
    roleId: acme.id,
    occurredOn: "2025-03-01",
    kind: "improved",
    title: "Faster CI",
    what: "Rebuilt the CI cache",
    result: "Builds take 12 minutes",
    metricValue: 40,
    metricUnit: "% build time",
    people: [
      { contactId: ada.id, part: "can_vouch" },
      { contactId: ada.id, part: "helped_me" },
    ],
    skills: ["CI"],
  });
  await win("firstAtHooli", {
    userId: me.id,
    roleId: hooli.id,
    occurredOn: "2025-09-01",
    kind: "led",
    title: "Led the billing migration",
    situation: "Two billing systems",
    people: [{ contactId: bob.id, part: "helped_me" }],
    skills: ["Hiring", "CI"],
  });
  await win("lastAtHooli", { userId: me.id, roleId: hooli.id, occurredOn: "2026-03-01", kind: "delivered", title: "Shipped search" });
  // A row naming someone else's role and contact, as no form of Kith writes: still nothing of theirs shows.
  await win("corrupt", {
    userId: me.id,
    roleId: theirs.id,
    occurredOn: "2026-01-15",
    title: "Odd row",
    people: [{ contactId: theirContact.id, part: "can_vouch" }],
  });
  await win("theirs", {
    userId: other.id,
    roleId: theirs.id,
    occurredOn: "2025-10-01",
    title: "Their secret win",
    people: [{ contactId: theirContact.id, part: "helped_me" }],
    skills: ["CI", "Their secret skill"],
  });
});

afterAll(async () => {
  await t?.close();
});

const titles = (wins: { title: string }[]) => wins.map((win) => win.title);

describe("loadReviewWins", () => {
  it("reads the wins in the range, both days included, oldest first, with role, people and skills", async () => {
    const wins = await loadReviewWins(t.db, { userId: me.id, from: "2025-03-01", to: "2025-09-01" });
    expect(titles(wins)).toEqual(["Faster CI", "Led the billing migration"]);
    expect(wins[0]).toEqual({
      id: ids.atAcme,
      occurredOn: "2025-03-01",
      kind: "improved",
      title: "Faster CI",
      what: "Rebuilt the CI cache",
      result: "Builds take 12 minutes",
      metricValue: 40,
      metricUnit: "% build time",
      url: null,
      situation: null,
      task: null,
      roleLabel: "Engineer at Acme",
      // A person's parts in the order WIN_PERSON_PARTS lists them.
      people: [
        { contactId: ids.ada, name: "Ada Lovelace", part: "helped_me" },
        { contactId: ids.ada, name: "Ada Lovelace", part: "can_vouch" },
      ],
      skills: ["CI"],
    });
    expect(wins[1]).toMatchObject({ roleLabel: "Staff Engineer at Hooli", skills: ["CI", "Hiring"], situation: "Two billing systems" });
    expect(titles(await loadReviewWins(t.db, { userId: me.id, from: "2025-03-02", to: "2025-08-31" }))).toEqual([]);
  });

  it("reads only the role's wins when given one", async () => {
    const all = { userId: me.id, from: "1900-01-01", to: "2100-12-31" };
    expect(titles(await loadReviewWins(t.db, { ...all, roleId: ids.hooli }))).toEqual(["Led the billing migration", "Shipped search"]);
    expect(titles(await loadReviewWins(t.db, { ...all, roleId: ids.hooli, from: "2026-01-01" }))).toEqual(["Shipped search"]);
    expect(titles(await loadReviewWins(t.db, { ...all, roleId: ids.acme }))).toEqual(["Faster CI"]);
  });

  it("reads nothing for another user's role, even on the user's own win", async () => {
    const all = { userId: me.id, from: "1900-01-01", to: "2100-12-31" };
    expect(await loadReviewWins(t.db, { ...all, roleId: ids.theirs })).toEqual([]);
    expect(await loadReviewWins(t.db, { ...all, roleId: "00000000-0000-4000-8000-000000000000" })).toEqual([]);
    expect(await loadReviewWins(t.db, { userId: other.id, from: "1900-01-01", to: "2100-12-31", roleId: ids.hooli })).toEqual([]);
  });

  it("never includes another user's wins, roles, people or skills", async () => {
    const wins = await loadReviewWins(t.db, { userId: me.id, from: "1900-01-01", to: "2100-12-31" });
    expect(titles(wins)).toEqual(["Before everything", "Faster CI", "Led the billing migration", "Odd row", "Shipped search"]);
    const text = JSON.stringify(wins);
    for (const secret of [ids.theirs, ids.theirContact, ids.theirs, "Their secret", "Globex", "Director"]) {
      expect(text).not.toContain(secret);
    }
    expect(wins.find((win) => win.title === "Odd row")).toMatchObject({ roleLabel: null, people: [] });
    expect(titles(await loadReviewWins(t.db, { userId: other.id, from: "1900-01-01", to: "2100-12-31" }))).toEqual(["Their secret win"]);
  });

  it("asks the database three times however many wins the range holds", async () => {
    const many = await createUser(t.db);
    const contact = await createContact(t.db, { userId: many.id });
    for (let i = 0; i < 40; i++) {
      await createWin(t.db, {
        userId: many.id,
        occurredOn: `2025-0${1 + (i % 9)}-1${i % 10}`,
        people: [{ contactId: contact.id, part: "worked_with" }],
        skills: [`Skill ${i % 5}`],
      });
    }
    // Drizzle sends each statement through its session's logger.
    const session = (t.db as unknown as { session: { logger: Logger } }).session;
    const original = session.logger;
    const statements: string[] = [];
    session.logger = { logQuery: (query) => statements.push(query) };
    try {
      const wins = await loadReviewWins(t.db, { userId: many.id, from: "2025-01-01", to: "2025-12-31" });
      expect(wins).toHaveLength(40);
      expect(wins.every((win) => win.people.length === 1 && win.skills.length === 1)).toBe(true);
    } finally {
      session.logger = original;
    }
    expect(statements).toHaveLength(3);
  });
});

describe("loadReviewPack", () => {
  it("resolves the page's query with the user's roles and today", async () => {
    const pack = async (searchParams: unknown) => loadReviewPack(t.db, { userId: me.id, searchParams, now: NOW });
    expect(titles((await pack({}))?.pack.wins ?? [])).toEqual(["Led the billing migration", "Odd row", "Shipped search"]);
    expect((await pack({}))?.pack.title).toBe("Review pack — 1 Sep 2025 – 1 Mar 2026");
    expect(titles((await pack({ range: "role", role: ids.acme }))?.pack.wins ?? [])).toEqual(["Faster CI"]);
    expect((await pack({ range: "role", role: ids.acme }))?.pack.title).toBe("Review pack — Engineer at Acme (1 Jan 2024 – 30 Jun 2025)");
    expect(titles((await pack({ range: "custom", from: "2025-12-31", to: "2023-01-01" }))?.pack.wins ?? [])).toEqual([
      "Before everything",
      "Faster CI",
      "Led the billing migration",
    ]);
  });

  it("treats another user's role or a broken query as the default range", async () => {
    const fallback = await loadReviewPack(t.db, { userId: me.id, searchParams: {}, now: NOW });
    for (const searchParams of [{ range: "role", role: ids.theirs }, { range: "custom", from: "2025-13-01", to: "x" }, { range: ["role"] }, null]) {
      const loaded = await loadReviewPack(t.db, { userId: me.id, searchParams, now: NOW });
      expect(loaded?.range).toEqual(fallback?.range);
      expect(JSON.stringify(loaded)).not.toContain("Globex");
    }
  });

  it("is nothing for a user that does not exist", async () => {
    expect(await loadReviewPack(t.db, { userId: "00000000-0000-4000-8000-000000000000", searchParams: {}, now: NOW })).toBeUndefined();
  });
});

describe("the Markdown download", () => {
  const download = (userId: string | null, query = "") =>
    reviewMarkdownDownload(async () => t.db, { userId, searchParams: new URLSearchParams(query), now: NOW });

  it("refuses a signed-out caller", async () => {
    const response = await download(null);
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({ error: "Sign in to download your review pack." });
    expect((await download("00000000-0000-4000-8000-000000000000")).status).toBe(401);
  });

  it("answers the pack as a Markdown attachment", async () => {
    const response = await download(me.id, "range=custom&from=2025-01-01&to=2025-12-31");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/markdown; charset=utf-8");
    expect(response.headers.get("content-disposition")).toBe('attachment; filename="review-pack-2025-01-01-to-2025-12-31.md"');
    expect(response.headers.get("cache-control")).toBe("private, no-store");
    const text = await response.text();
    expect(text).toMatch(/^# Review pack — 1 Jan 2025 – 31 Dec 2025\n/);
    expect(text).toContain("- **Faster CI** — 1 Mar 2025 · Engineer at Acme\n");
    expect(text).toContain("  - **Metric:** 40 % build time\n");
    expect(text).toContain("## People to ask for feedback\n\n- **Ada Lovelace** can vouch for: Faster CI\n");
    expect(text).toContain("- **Bob Ross** helped with: Led the billing migration\n");
    expect(text).toContain("- Rebuilt the CI cache — Builds take 12 minutes (40 % build time)\n");
    expect(text).toContain("### Led the billing migration — 1 Sep 2025\n\n- **Situation:** Two billing systems\n");
    expect(text).not.toContain("Their secret");
  });

  it("names a role's pack by the day, and shows nothing of another user's role", async () => {
    const role = await download(me.id, `range=role&role=${ids.hooli}`);
    expect(role.headers.get("content-disposition")).toBe('attachment; filename="review-pack-role-2026-03-01.md"');
    expect(await role.text()).toMatch(/^# Review pack — Staff Engineer at Hooli \(1 Jul 2025 – today\)\n/);
    const theirs = await (await download(me.id, `range=role&role=${ids.theirs}`)).text();
    expect(theirs).toMatch(/^# Review pack — 1 Sep 2025 – 1 Mar 2026\n/);
    expect(theirs).not.toMatch(/Globex|Director|Their secret/);
  });
});
