import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { insertSuccess } from "@/db/queries/successes";
import { goals, stonePeople, winPeople, wins, winSkills } from "@/db/schema";
import { createGoal, listGoals } from "@/lib/api/v1/goals";
import { listWins, recordWin } from "@/lib/api/v1/journal";
import { encodeCursor } from "@/lib/api/v1/keyset-cursor";
import { getWeeklySummary } from "@/lib/api/v1/summary";
import { createContact, createGoal as seedGoal, createRole, createStone, createUser, createWin } from "../factories";
import { answerOf, callOperation, issueToken, jsonOf, userWithToken, withoutTokenUse } from "../helpers/api";
import { releaseAppDb, useAsAppDb } from "../helpers/app-db";
import { databaseFingerprint, userFingerprint } from "../helpers/db-fingerprint";
import { createTestDb, type TestDb } from "../helpers/test-db";

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
  useAsAppDb(t);
});
afterAll(async () => {
  releaseAppDb();
  await t?.close();
});

type Problem = { status: number; detail: string; errors?: Record<string, string[]> };
type WinAnswer = { id: string; occurredOn: string; title: string; role: { id: string; label: string } | null };

const DAY_MS = 86_400_000;
const daysAgo = (days: number) => new Date(Date.now() - days * DAY_MS).toISOString().slice(0, 10);

describe("GET /wins", () => {
  it("walks every win once, newest first, ties on a day by id, with role, people and skills", async () => {
    const { user, token } = await userWithToken(t.db, "read");
    const role = await createRole(t.db, { userId: user.id, title: "Staff Engineer", company: "Acme" });
    const helper = await createContact(t.db, { userId: user.id, name: "Ada" });
    const made = [];
    for (let i = 0; i < 5; i++) made.push(await createWin(t.db, { userId: user.id, occurredOn: "2026-11-02" }));
    for (const occurredOn of ["2026-10-01", "2026-11-20", "2025-01-01"]) made.push(await createWin(t.db, { userId: user.id, occurredOn }));
    const tagged = await createWin(t.db, {
      userId: user.id,
      occurredOn: "2026-06-06",
      roleId: role.id,
      kind: "led",
      people: [{ contactId: helper.id, part: "helped_me" }],
      skills: ["Go"],
    });
    made.push(tagged);
    const other = await createUser(t.db);
    const theirs = await createWin(t.db, { userId: other.id, occurredOn: "2026-11-02" });

    const seen: (WinAnswer & Record<string, unknown>)[] = [];
    let cursor: string | null = null;
    do {
      const query: Record<string, string> = { limit: "2", ...(cursor ? { cursor } : {}) };
      const page: { data: (WinAnswer & Record<string, unknown>)[]; nextCursor: string | null } = await answerOf(listWins, { token, query });
      seen.push(...page.data);
      cursor = page.nextCursor;
    } while (cursor);
    const expected = [...made].sort((a, b) => (a.occurredOn === b.occurredOn ? a.id < b.id : a.occurredOn < b.occurredOn) ? 1 : -1);
    expect(seen.map((win) => win.id)).toEqual(expected.map((win) => win.id));
    expect(seen.map((win) => win.id)).not.toContain(theirs.id);
    expect(seen.find((win) => win.id === tagged.id)).toMatchObject({
      kind: "led",
      role: { id: role.id, label: "Staff Engineer at Acme" },
      people: [{ contactId: helper.id, name: "Ada", part: "helped_me" }],
      skills: [{ id: expect.any(String), name: "Go" }],
    });

    const byRole = await answerOf<{ data: WinAnswer[] }>(listWins, { token, query: { role: role.id } });
    expect(byRole.data.map((win) => win.id)).toEqual([tagged.id]);
    const inRange = await answerOf<{ data: WinAnswer[] }>(listWins, { token, query: { from: "2026-11-01", to: "2026-11-30" } });
    expect(inRange.data).toHaveLength(6);
  });

  it("names the query field to fix", async () => {
    const { token } = await userWithToken(t.db, "read");
    const cases: [Record<string, string>, string][] = [
      [{ cursor: encodeCursor({ occurredOn: "2026-13-01", id: randomUUID() }) }, "cursor"],
      [{ cursor: "%%%" }, "cursor"],
      [{ kind: "bragged" }, "kind"],
      [{ role: "mine" }, "role"],
      [{ from: "yesterday" }, "from"],
      [{ to: "0000-01-01" }, "to"],
      [{ cursor: encodeCursor({ occurredOn: "0000-01-01", id: randomUUID() }) }, "cursor"],
      [{ limit: "1000" }, "limit"],
    ];
    for (const [query, field] of cases) {
      const problem = await jsonOf<Problem>(await callOperation(listWins, { token, query }), 400);
      expect(Object.keys(problem.errors ?? {})).toEqual([field]);
    }
  });
});

describe("POST /wins", () => {
  it("records the win with its role, people and skills, as the form does", async () => {
    const { user, token } = await userWithToken(t.db);
    const role = await createRole(t.db, { userId: user.id, title: "Lead", company: "Initech" });
    const peer = await createContact(t.db, { userId: user.id, name: "Grace" });
    const body = {
      occurredOn: daysAgo(2),
      roleId: role.id,
      kind: "delivered",
      title: "Shipped billing",
      result: "Churn down",
      metricValue: "1,5",
      metricUnit: "% churn",
      people: [{ contactId: peer.id, part: "worked_with" }],
      skills: ["Stripe", "stripe", "Go"],
    };
    const win = await answerOf<WinAnswer & Record<string, unknown>>(recordWin, { token, body });
    expect(win).toMatchObject({
      title: "Shipped billing",
      occurredOn: daysAgo(2),
      metricValue: 1.5,
      role: { id: role.id, label: "Lead at Initech" },
      people: [{ contactId: peer.id, name: "Grace", part: "worked_with" }],
    });
    expect((win.skills as { name: string }[]).map((skill) => skill.name).sort()).toEqual(["Go", "Stripe"]);
    const [row] = await t.db.select().from(wins).where(eq(wins.id, win.id));
    expect(row).toMatchObject({ userId: user.id, roleId: role.id, title: "Shipped billing", result: "Churn down" });
    expect(await t.db.select().from(winPeople).where(eq(winPeople.winId, win.id))).toHaveLength(1);
    expect(await t.db.select().from(winSkills).where(eq(winSkills.winId, win.id))).toHaveLength(2);
  });

  it("saves once when the same idempotencyKey is sent twice", async () => {
    const { user, token } = await userWithToken(t.db);
    const body = { occurredOn: daysAgo(1), kind: "learned", title: "Learned Rust", idempotencyKey: randomUUID() };
    const first = await answerOf(recordWin, { token, body });
    expect(await answerOf(recordWin, { token, body })).toEqual(first);
    expect(await t.db.select().from(wins).where(eq(wins.userId, user.id))).toHaveLength(1);
  });

  it("answers 404 for another user's role or contact, and nothing of either user changes", async () => {
    const { user, token } = await userWithToken(t.db);
    const other = await createUser(t.db);
    const theirRole = await createRole(t.db, { userId: other.id });
    const theirContact = await createContact(t.db, { userId: other.id, name: "Not yours" });
    const [mine, their] = [await userFingerprint(t.db, user.id), await userFingerprint(t.db, other.id)];
    const base = { occurredOn: daysAgo(1), kind: "led", title: "Ran the offsite" };
    const withRole = await jsonOf<Problem>(await callOperation(recordWin, { token, body: { ...base, roleId: theirRole.id } }), 404);
    expect(Object.keys(withRole.errors ?? {})).toEqual(["roleId"]);
    const withPerson = await jsonOf<Problem>(
      await callOperation(recordWin, { token, body: { ...base, people: [{ contactId: theirContact.id, part: "helped_me" }] } }),
      404,
    );
    expect(Object.keys(withPerson.errors ?? {})).toEqual(["people"]);
    expect(JSON.stringify(withPerson)).not.toContain("Not yours");
    expect(withoutTokenUse(await userFingerprint(t.db, user.id))).toEqual(withoutTokenUse(mine));
    expect(await userFingerprint(t.db, other.id)).toEqual(their);
  });

  it("names the fields to fix, refuses a read-only token, and writes nothing", async () => {
    const { user, token } = await userWithToken(t.db);
    const before = await databaseFingerprint(t.db);
    const body = { occurredOn: "2999-01-01", kind: "led", title: " ", metricUnit: "%" };
    const problem = await jsonOf<Problem>(await callOperation(recordWin, { token, body }), 400);
    expect(Object.keys(problem.errors ?? {}).sort()).toEqual(["metricValue", "occurredOn", "title"]);
    const readOnly = await issueToken(t.db, user.id, "read");
    const refused = await callOperation(recordWin, { token: readOnly, body: { occurredOn: daysAgo(1), kind: "led", title: "Fine" } });
    expect(refused.status).toBe(403);
    expect(withoutTokenUse(await databaseFingerprint(t.db))).toEqual(withoutTokenUse(before));
  });
});

describe("GET /goals and POST /goals", () => {
  it("lists the goals with their stepping stones and each step's people, and none of another user's", async () => {
    const { user, token } = await userWithToken(t.db, "read");
    const goal = await seedGoal(t.db, { userId: user.id, title: "Lead a platform group", isNorthStar: true });
    const first = await createStone(t.db, { userId: user.id, goalId: goal.id, title: "Tech lead", targetOn: "2027-06-30" });
    const second = await createStone(t.db, { userId: user.id, goalId: goal.id, title: "Manage a team", kind: "role" });
    const mentor = await createContact(t.db, { userId: user.id, name: "Mentor" });
    await t.db.insert(stonePeople).values({ userId: user.id, stoneId: first.id, contactId: mentor.id, part: "has_done_it" });
    const achieved = await seedGoal(t.db, { userId: user.id, status: "achieved" });
    const other = await createUser(t.db);
    const theirs = await seedGoal(t.db, { userId: other.id });

    const answer = await answerOf<{ data: { id: string; stones: unknown[] }[] }>(listGoals, { token });
    expect(answer.data.map((item) => item.id)).toEqual([goal.id, achieved.id]);
    expect(JSON.stringify(answer)).not.toContain(theirs.id);
    expect(answer.data[0]).toEqual({
      id: goal.id,
      title: "Lead a platform group",
      why: null,
      horizonOn: null,
      status: "active",
      isNorthStar: true,
      stones: [
        {
          id: first.id,
          title: "Tech lead",
          kind: "project",
          status: "planned",
          targetOn: "2027-06-30",
          position: 0,
          evidence: 0,
          people: [{ id: mentor.id, name: "Mentor", part: "has_done_it" }],
        },
        { id: second.id, title: "Manage a team", kind: "role", status: "planned", targetOn: null, position: 1, evidence: 0, people: [] },
      ],
    });
  });

  it("creates a goal as the New goal form does; a new north star takes over", async () => {
    const { user, token } = await userWithToken(t.db);
    const previous = await seedGoal(t.db, { userId: user.id, isNorthStar: true });
    const body = { title: "  Speak at a conference ", why: "", horizonOn: "2027-12-31", isNorthStar: true };
    const goal = await answerOf<{ id: string }>(createGoal, { token, body });
    expect(goal).toEqual({
      id: expect.any(String),
      title: "Speak at a conference",
      why: null,
      horizonOn: "2027-12-31",
      status: "active",
      isNorthStar: true,
      stones: [],
    });
    const rows = await t.db.select().from(goals).where(eq(goals.userId, user.id));
    expect(rows.find((row) => row.id === goal.id)).toMatchObject({ isNorthStar: true, horizonOn: "2027-12-31" });
    expect(rows.find((row) => row.id === previous.id)?.isNorthStar).toBe(false);
  });

  it("names the fields to fix, refuses a read-only token, and writes nothing", async () => {
    const { user, token } = await userWithToken(t.db);
    const before = await databaseFingerprint(t.db);
    const body = { title: "", status: "someday", horizonOn: "soon" };
    const problem = await jsonOf<Problem>(await callOperation(createGoal, { token, body }), 400);
    expect(Object.keys(problem.errors ?? {}).sort()).toEqual(["horizonOn", "status", "title"]);
    const readOnly = await issueToken(t.db, user.id, "read");
    expect((await callOperation(createGoal, { token: readOnly, body: { title: "Fine" } })).status).toBe(403);
    expect(withoutTokenUse(await databaseFingerprint(t.db))).toEqual(withoutTokenUse(before));
  });
});

describe("GET /summary/weekly", () => {
  it("says what this week's email would, without its signed links, sending and writing nothing", async () => {
    const { user, token } = await userWithToken(t.db, "read", { timeZone: "UTC" });
    const overdue = await createContact(t.db, {
      userId: user.id,
      name: "Overdue Olga",
      nextDueAt: new Date(Date.now() - 10 * DAY_MS),
      createdAt: new Date(Date.now() - 60 * DAY_MS),
    });
    const proud = await createContact(t.db, { userId: user.id, name: "Proud Pat" });
    const success = await t.db.transaction((tx) =>
      insertSuccess(tx, {
        userId: user.id,
        contactId: proud.id,
        success: { kind: "promotion", title: "Made VP", occurredOn: daysAgo(3), url: null },
      }),
    );
    // A day of the previous ISO week (Monday first), in UTC.
    const lastWeek = daysAgo(((new Date().getUTCDay() + 6) % 7) + 3);
    const win = await createWin(t.db, { userId: user.id, occurredOn: lastWeek, title: "Closed the deal" });
    const other = await createUser(t.db);
    const theirs = await createContact(t.db, { userId: other.id, nextDueAt: new Date(Date.now() - 30 * DAY_MS) });
    const before = withoutTokenUse(await databaseFingerprint(t.db));

    const summary = await answerOf(getWeeklySummary, { token });
    expect(summary).toMatchObject({
      period: expect.stringMatching(/^\d{4}-W\d{2}$/),
      wouldSend: true,
      isEmailOn: true,
      subject: "1 person to reconnect with, 1 to congratulate",
      reconnect: [
        {
          contact: { id: overdue.id, name: "Overdue Olga", company: null },
          overdueDays: 10,
          lastTouch: null,
          health: {
            reasons: ["No touch in the 60 days since you added them; you aimed for every 30 days", expect.any(String), expect.any(String)],
          },
          mattersFor: null,
        },
      ],
      reconnectTotal: 1,
      congratulate: [{ id: success?.id, contact: { id: proud.id, name: "Proud Pat" }, kind: "promotion", title: "Made VP", isNew: true }],
      streak: { weeks: 0, includesThisWeek: false },
      lastWeek: { touches: 0, given: 0, received: 0 },
      journal: {
        prompt: "What went well this week?",
        lastWeekWins: [{ id: win.id, title: "Closed the deal", occurredOn: lastWeek }],
        lastWeekWinsTotal: 1,
      },
    });
    expect(JSON.stringify(summary)).not.toContain("http");
    expect(JSON.stringify(summary)).not.toContain(theirs.id);
    expect(withoutTokenUse(await databaseFingerprint(t.db))).toEqual(before);
  });

  it("says the email would not go when there is nothing to say", async () => {
    const { token } = await userWithToken(t.db, "read", { journalPromptEnabled: false, digestEnabled: false });
    const summary = await answerOf(getWeeklySummary, { token });
    expect(summary).toMatchObject({ wouldSend: false, isEmailOn: false, subject: null, reconnect: [], congratulate: [], journal: null });
  });
});
