import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { goals, type NewSteppingStone, stonePeople } from "@/db/schema";
import { composeDigests } from "@/lib/digest/compose";
import type { DigestContact } from "@/lib/digest/content";
import { deriveDigestLinkKey } from "@/lib/digest/links";
import { renderDigest } from "@/lib/digest/render";
import type { StonePersonPart } from "@/lib/domain/enums";
import { createContact, createGoal, createStone, createUser } from "../factories";
import { createTestDb, type TestDb } from "../helpers/test-db";

// The weekly digest says why an overdue contact matters: "Matters for: <goal>
// — <part> <note>", from the open steps of the user's active goals.

const NOW = new Date("2026-11-25T10:00:00Z");
const APP = "https://kith.example";
const KEY = deriveDigestLinkKey("a test secret that signs digest links");
const LONG_AGO = new Date("2026-01-01T00:00:00Z");

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => {
  await t?.close();
});

async function link(userId: string, stoneId: string, contactId: string, part: StonePersonPart = "can_help", note: string | null = null) {
  await t.db.insert(stonePeople).values({ userId, stoneId, contactId, part, note });
}

// A user whose contacts are all overdue, the longest first in the order given.
async function overdueNetwork(names: string[]) {
  const me = await createUser(t.db, { timeZone: "UTC", journalPromptEnabled: false });
  const people = [];
  for (const [index, name] of names.entries()) {
    const nextDueAt = new Date(LONG_AGO.getTime() + index * 86_400_000);
    people.push(await createContact(t.db, { userId: me.id, name, createdAt: LONG_AGO, nextDueAt }));
  }
  return { me, people };
}

async function digestsOf(users: { id: string; email: string }[]) {
  const claims = users.map((user) => ({ id: randomUUID(), userId: user.id, email: user.email, name: null, period: "2026-W48", attempts: 0 }));
  return composeDigests(t.db, claims, { now: NOW, appUrl: APP, key: KEY });
}

async function reconnectOf(user: { id: string; email: string }): Promise<DigestContact[]> {
  const [digest] = await digestsOf([user]);
  return digest?.content.reconnect ?? [];
}

describe("the digest's “matters for”", () => {
  it("names the goal and why for an overdue person of an active goal's open step, in the HTML and the text", async () => {
    const { me, people } = await overdueNetwork(["Ada", "Bea"]);
    const [ada, bea] = people;
    if (!ada || !bea) throw new Error("no contacts");
    const goal = await createGoal(t.db, { userId: me.id, title: "Lead a platform group" });
    const stone = await createStone(t.db, { userId: me.id, goalId: goal.id });
    await link(me.id, stone.id, ada.id, "could_introduce", "to people at Watershed");

    const reconnect = await reconnectOf(me);
    expect(reconnect.map((contact) => contact.name)).toEqual(["Ada", "Bea"]);
    expect(reconnect[0]?.mattersFor).toEqual({
      goalTitle: "Lead a platform group",
      why: "could introduce you to people at Watershed",
      more: 0,
    });
    expect(reconnect[1]).not.toHaveProperty("mattersFor");

    const [digest] = await digestsOf([me]);
    if (!digest) throw new Error("no digest");
    const { html, text } = await renderDigest(digest.content);
    const line = "Matters for: Lead a platform group — could introduce you to people at Watershed";
    expect(text).toContain(line);
    expect(html).toContain(`>${line}<`);
    expect(text.match(/Matters for:/g)).toHaveLength(1);
  });

  it("counts only open steps of active goals", async () => {
    const { me, people } = await overdueNetwork(["Closed", "Achieved", "Let go", "Planned", "In progress"]);
    const [closed, achieved, letGo, planned, inProgress] = people;
    if (!closed || !achieved || !letGo || !planned || !inProgress) throw new Error("no contacts");
    const active = await createGoal(t.db, { userId: me.id, title: "Active goal" });
    const stone = (values: Partial<NewSteppingStone> = {}) =>
      createStone(t.db, { userId: me.id, goalId: active.id, ...values });
    await link(me.id, (await stone({ status: "done", completedOn: "2026-10-01" })).id, closed.id);
    await link(me.id, (await stone({ status: "dropped" })).id, closed.id);
    await link(me.id, (await stone({ status: "planned" })).id, planned.id);
    await link(me.id, (await stone({ status: "in_progress" })).id, inProgress.id, "has_done_it");
    for (const [status, person] of [["achieved", achieved], ["let_go", letGo]] as const) {
      const goal = await createGoal(t.db, { userId: me.id, title: `A goal ${status}`, status });
      await link(me.id, (await createStone(t.db, { userId: me.id, goalId: goal.id })).id, person.id);
    }

    const reconnect = await reconnectOf(me);
    expect(reconnect.map((contact) => [contact.name, contact.mattersFor ?? null])).toEqual([
      ["Closed", null],
      ["Achieved", null],
      ["Let go", null],
      ["Planned", { goalTitle: "Active goal", why: "can help you", more: 0 }],
      ["In progress", { goalTitle: "Active goal", why: "has done it", more: 0 }],
    ]);

    // Achieving the goal later takes the line away.
    await t.db.update(goals).set({ status: "achieved" }).where(eq(goals.id, active.id));
    expect((await reconnectOf(me)).some((contact) => contact.mattersFor)).toBe(false);
  });

  it("names the north star's step first, then the earliest step, and how many more", async () => {
    const { me, people } = await overdueNetwork(["Ada"]);
    const [ada] = people;
    if (!ada) throw new Error("no contact");
    const side = await createGoal(t.db, { userId: me.id, title: "Side goal" });
    const north = await createGoal(t.db, { userId: me.id, title: "North star goal" });
    await createStone(t.db, { userId: me.id, goalId: side.id });
    const sideSecond = await createStone(t.db, { userId: me.id, goalId: side.id });
    await createStone(t.db, { userId: me.id, goalId: north.id });
    await createStone(t.db, { userId: me.id, goalId: north.id });
    const northThird = await createStone(t.db, { userId: me.id, goalId: north.id });
    const northFourth = await createStone(t.db, { userId: me.id, goalId: north.id });
    await link(me.id, sideSecond.id, ada.id, "has_done_it");
    await link(me.id, northFourth.id, ada.id, "can_help", "with the budget");
    await link(me.id, northThird.id, ada.id, "could_introduce", "to the CTO");

    // Without a north star, the earliest step in its path comes first.
    expect((await reconnectOf(me))[0]?.mattersFor).toEqual({ goalTitle: "Side goal", why: "has done it", more: 2 });
    await t.db.update(goals).set({ isNorthStar: true }).where(eq(goals.id, north.id));
    expect((await reconnectOf(me))[0]?.mattersFor).toEqual({
      goalTitle: "North star goal",
      why: "could introduce you to the CTO",
      more: 2,
    });
    const [digest] = await digestsOf([me]);
    if (!digest) throw new Error("no digest");
    const { html, text } = await renderDigest(digest.content);
    expect(html).toContain(">Matters for: North star goal — could introduce you to the CTO, and 2 more<");
    expect(text).toContain("Matters for: North star goal — could introduce you to the CTO, and 2 more");
  });

  it("never names another user's goal, even through a link row that points at the user's contact", async () => {
    const mine = await overdueNetwork(["Ada"]);
    const theirs = await overdueNetwork(["Zed"]);
    const [ada] = mine.people;
    const [zed] = theirs.people;
    if (!ada || !zed) throw new Error("no contacts");
    const theirGoal = await createGoal(t.db, { userId: theirs.me.id, title: "Their secret plan", isNorthStar: true });
    const theirStone = await createStone(t.db, { userId: theirs.me.id, goalId: theirGoal.id });
    const theirOtherStone = await createStone(t.db, { userId: theirs.me.id, goalId: theirGoal.id });
    await link(theirs.me.id, theirStone.id, zed.id);
    // Rows no action writes: their link naming my contact, and a link of
    // mine naming their step.
    await link(theirs.me.id, theirStone.id, ada.id);
    await link(mine.me.id, theirOtherStone.id, ada.id, "could_introduce", "to their team");

    const [myDigest, theirDigest] = await digestsOf([mine.me, theirs.me]);
    expect(myDigest?.content.reconnect.map((contact) => contact.name)).toEqual(["Ada"]);
    expect(JSON.stringify(myDigest)).not.toContain("Their secret plan");
    expect(theirDigest?.content.reconnect[0]?.mattersFor?.goalTitle).toBe("Their secret plan");
  });
});
