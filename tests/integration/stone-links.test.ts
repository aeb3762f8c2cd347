import { randomUUID } from "node:crypto";
import { asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listContactGoals, listStoneLinks } from "@/db/queries/stone-links";
import { skills, stoneEvents, stonePeople, stoneSkills, stoneWins } from "@/db/schema";
import { defineAuthedAction } from "@/lib/actions/define-action";
import {
  addStoneEvent,
  addStonePeople,
  addStoneSkill,
  addStoneWin,
  removeStoneEvent,
  removeStonePerson,
  removeStoneSkill,
  removeStoneWin,
  searchEventLinkOptions,
  searchWinLinkOptions,
  updateStonePersonPart,
} from "@/lib/career/stone-links";
import { MAX_STONE_NOTE_LENGTH } from "@/lib/domain/limits";
import { linkSearchSchema, stoneEventRefSchema, stonePeopleInputSchema, stonePersonRefSchema, stonePersonUpdateSchema, stoneSkillInputSchema, stoneSkillRefSchema, stoneWinRefSchema } from "@/lib/validations/stone-links";
import { createContact, createEvent, createGoal, createSkill, createStone, createUser, createWin } from "../factories";
import { createTestDb, type TestDb } from "../helpers/test-db";

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => {
  await t?.close();
});

// The production actions are these compositions with the session's user id.
function actionsAs(userId: string | null) {
  const define = defineAuthedAction({ getUserId: async () => userId, getDb: async () => t.db });
  return {
    addPeople: define(stonePeopleInputSchema, addStonePeople),
    updatePerson: define(stonePersonUpdateSchema, updateStonePersonPart),
    removePerson: define(stonePersonRefSchema, removeStonePerson),
    addSkill: define(stoneSkillInputSchema, addStoneSkill),
    removeSkill: define(stoneSkillRefSchema, removeStoneSkill),
    addWin: define(stoneWinRefSchema, addStoneWin),
    removeWin: define(stoneWinRefSchema, removeStoneWin),
    addEvent: define(stoneEventRefSchema, addStoneEvent),
    removeEvent: define(stoneEventRefSchema, removeStoneEvent),
    searchWins: define(linkSearchSchema, searchWinLinkOptions),
    searchEvents: define(linkSearchSchema, searchEventLinkOptions),
  };
}

// A user with a goal of two steps, and a contact, a win, an event and a skill.
async function setup() {
  const user = await createUser(t.db);
  const userId = user.id;
  const goal = await createGoal(t.db, { userId, title: "Lead a platform group" });
  const stone = await createStone(t.db, { userId, goalId: goal.id, title: "Get to know climate tech" });
  const other = await createStone(t.db, { userId, goalId: goal.id, title: "Pass the Kubernetes exam" });
  const contact = await createContact(t.db, { userId, name: "Ada Quinn" });
  const win = await createWin(t.db, { userId, title: "Launched the data platform", occurredOn: "2026-10-01" });
  const event = await createEvent(t.db, { userId, name: "Climate tech meetup", occurredOn: "2026-09-12" });
  const skill = await createSkill(t.db, { userId, name: "Kubernetes" });
  return { user, goal, stone, other, contact, win, event, skill, act: actionsAs(userId) };
}

// Every link and skill in the database, to show that a refused call changed nothing.
async function snapshot() {
  return {
    skills: await t.db.select().from(skills).orderBy(asc(skills.id)),
    stoneSkills: await t.db.select().from(stoneSkills).orderBy(asc(stoneSkills.stoneId), asc(stoneSkills.skillId)),
    stonePeople: await t.db.select().from(stonePeople).orderBy(asc(stonePeople.stoneId), asc(stonePeople.contactId)),
    stoneWins: await t.db.select().from(stoneWins).orderBy(asc(stoneWins.stoneId), asc(stoneWins.winId)),
    stoneEvents: await t.db.select().from(stoneEvents).orderBy(asc(stoneEvents.stoneId), asc(stoneEvents.eventId)),
  };
}

describe("linking a stepping stone", () => {
  it("adds each kind of link, lists them per stone, and removes them", async () => {
    const { user, goal, stone, other, contact, win, event, skill, act } = await setup();
    const bo = await createContact(t.db, { userId: user.id, name: "Bo Sato" });
    const older = await createWin(t.db, { userId: user.id, title: "Wrote the runbook", occurredOn: "2026-03-01" });

    expect(await act.addPeople({ stoneId: stone.id, contactIds: [contact.id], part: "could_introduce", note: " to people at Watershed " })).toEqual({
      ok: true,
      data: { stoneId: stone.id },
    });
    expect((await act.addPeople({ stoneId: stone.id, contactIds: [bo.id], part: "has_done_it", note: "" })).ok).toBe(true);
    // The user's skill of that name in another case is reused.
    expect(await act.addSkill({ stoneId: other.id, name: "  kubernetes " })).toEqual({ ok: true, data: { skillId: skill.id } });
    const created = await act.addSkill({ stoneId: other.id, name: "Go" });
    if (!created.ok) throw new Error(created.formError);
    expect((await act.addWin({ stoneId: stone.id, winId: older.id })).ok).toBe(true);
    expect((await act.addWin({ stoneId: stone.id, winId: win.id })).ok).toBe(true);
    expect((await act.addEvent({ stoneId: stone.id, eventId: event.id })).ok).toBe(true);

    const links = await listStoneLinks(t.db, { userId: user.id, goalId: goal.id });
    expect(links.get(stone.id)).toEqual({
      skills: [],
      people: [
        { contactId: contact.id, name: "Ada Quinn", part: "could_introduce", note: "to people at Watershed" },
        { contactId: bo.id, name: "Bo Sato", part: "has_done_it", note: null },
      ],
      wins: [
        { id: win.id, title: "Launched the data platform", occurredOn: "2026-10-01" },
        { id: older.id, title: "Wrote the runbook", occurredOn: "2026-03-01" },
      ],
      events: [{ id: event.id, name: "Climate tech meetup", occurredOn: "2026-09-12" }],
    });
    expect(links.get(other.id)).toEqual({
      skills: [
        { id: created.data.skillId, name: "Go" },
        { id: skill.id, name: "Kubernetes" },
      ],
      people: [],
      wins: [],
      events: [],
    });
    expect([...links.keys()].sort()).toEqual([stone.id, other.id].sort());

    expect(await act.removePerson({ stoneId: stone.id, contactId: contact.id })).toEqual({ ok: true, data: { contactId: contact.id } });
    expect(await act.removeSkill({ stoneId: other.id, skillId: skill.id })).toEqual({ ok: true, data: { skillId: skill.id } });
    expect(await act.removeWin({ stoneId: stone.id, winId: win.id })).toEqual({ ok: true, data: { winId: win.id } });
    expect(await act.removeEvent({ stoneId: stone.id, eventId: event.id })).toEqual({ ok: true, data: { eventId: event.id } });
    const after = await listStoneLinks(t.db, { userId: user.id, goalId: goal.id });
    expect(after.get(stone.id)).toMatchObject({ people: [{ contactId: bo.id }], wins: [{ id: older.id }], events: [] });
    expect(after.get(other.id)?.skills).toEqual([{ id: created.data.skillId, name: "Go" }]);
    // Unlinking keeps the skill itself.
    expect(await t.db.select({ id: skills.id }).from(skills).where(eq(skills.id, skill.id))).toHaveLength(1);
    // Removing again finds nothing.
    expect(await act.removeWin({ stoneId: stone.id, winId: win.id })).toMatchObject({ ok: false });
  });

  it("links several people at once, and re-adding changes nothing but the part and note", async () => {
    const { user, goal, stone, contact, win, event, act } = await setup();
    const bo = await createContact(t.db, { userId: user.id, name: "Bo Sato" });
    expect((await act.addPeople({ stoneId: stone.id, contactIds: [contact.id, bo.id, contact.id], part: "can_help" })).ok).toBe(true);
    expect((await act.addPeople({ stoneId: stone.id, contactIds: [bo.id], part: "could_introduce", note: "to Patch" })).ok).toBe(true);
    expect((await act.addWin({ stoneId: stone.id, winId: win.id })).ok).toBe(true);
    expect((await act.addWin({ stoneId: stone.id, winId: win.id })).ok).toBe(true);
    expect((await act.addEvent({ stoneId: stone.id, eventId: event.id })).ok).toBe(true);
    expect((await act.addEvent({ stoneId: stone.id, eventId: event.id })).ok).toBe(true);
    expect((await act.addSkill({ stoneId: stone.id, name: "Kubernetes" })).ok).toBe(true);
    expect((await act.addSkill({ stoneId: stone.id, name: "KUBERNETES" })).ok).toBe(true);
    const links = (await listStoneLinks(t.db, { userId: user.id, goalId: goal.id })).get(stone.id);
    expect(links?.people).toEqual([
      { contactId: contact.id, name: "Ada Quinn", part: "can_help", note: null },
      { contactId: bo.id, name: "Bo Sato", part: "could_introduce", note: "to Patch" },
    ]);
    expect(links?.wins).toHaveLength(1);
    expect(links?.events).toHaveLength(1);
    expect(links?.skills).toHaveLength(1);
    expect(await t.db.select().from(skills).where(eq(skills.userId, user.id))).toHaveLength(1);
  });

  it("changes why a linked person matters", async () => {
    const { user, goal, stone, contact, act } = await setup();
    await act.addPeople({ stoneId: stone.id, contactIds: [contact.id], part: "can_help", note: "with the CV" });
    expect(await act.updatePerson({ stoneId: stone.id, contactId: contact.id, part: "could_introduce", note: "to Watershed" })).toEqual({
      ok: true,
      data: { contactId: contact.id },
    });
    expect((await listStoneLinks(t.db, { userId: user.id, goalId: goal.id })).get(stone.id)?.people).toEqual([
      { contactId: contact.id, name: "Ada Quinn", part: "could_introduce", note: "to Watershed" },
    ]);
    const bo = await createContact(t.db, { userId: user.id });
    expect(await act.updatePerson({ stoneId: stone.id, contactId: bo.id, part: "can_help" })).toMatchObject({ ok: false });
  });

  it("refuses bad input at the fields, and stores nothing", async () => {
    const { stone, contact, act } = await setup();
    const before = await snapshot();
    const long = "x".repeat(MAX_STONE_NOTE_LENGTH + 1);
    const person = await act.addPeople({ stoneId: stone.id, contactIds: [], part: "nope" as "can_help", note: long });
    expect(person.ok).toBe(false);
    if (person.ok) return;
    expect(Object.keys(person.fieldErrors ?? {}).sort()).toEqual(["contactIds", "note", "part"]);
    expect(await act.addPeople({ stoneId: stone.id, contactIds: [contact.id], part: "can_help", note: "x".repeat(MAX_STONE_NOTE_LENGTH) })).toMatchObject({
      ok: true,
    });
    await t.db.delete(stonePeople).where(eq(stonePeople.stoneId, stone.id));
    expect(await act.addSkill({ stoneId: stone.id, name: "   " })).toMatchObject({ ok: false, fieldErrors: { name: ["A skill needs a name."] } });
    expect(await act.addWin({ stoneId: stone.id, winId: "" })).toMatchObject({ ok: false, fieldErrors: { winId: ["Choose a win from your journal."] } });
    expect(await act.addEvent({ stoneId: "not-a-step", eventId: randomUUID() })).toMatchObject({ ok: false, fieldErrors: { stoneId: ["That step was not found."] } });
    expect(await snapshot()).toEqual(before);
  });

  it("answers 'not found' for another user's stone, contact, win, event or skill, and nothing changes", async () => {
    const mine = await setup();
    const theirs = await setup();
    const { act, stone } = mine;
    // Their links, which must stay as they are.
    await theirs.act.addPeople({ stoneId: theirs.stone.id, contactIds: [theirs.contact.id], part: "can_help" });
    await theirs.act.addSkill({ stoneId: theirs.stone.id, name: "Kubernetes" });
    await theirs.act.addWin({ stoneId: theirs.stone.id, winId: theirs.win.id });
    await theirs.act.addEvent({ stoneId: theirs.stone.id, eventId: theirs.event.id });
    await act.addPeople({ stoneId: stone.id, contactIds: [mine.contact.id], part: "can_help" });
    await act.addSkill({ stoneId: stone.id, name: "Kubernetes" });
    await act.addWin({ stoneId: stone.id, winId: mine.win.id });
    await act.addEvent({ stoneId: stone.id, eventId: mine.event.id });
    const before = await snapshot();

    const stepNotFound = { ok: false, formError: "Step not found." };
    // My things onto their stone.
    expect(await act.addPeople({ stoneId: theirs.stone.id, contactIds: [mine.contact.id], part: "can_help" })).toEqual(stepNotFound);
    expect(await act.addSkill({ stoneId: theirs.stone.id, name: "A brand new skill" })).toEqual(stepNotFound);
    expect(await act.addWin({ stoneId: theirs.stone.id, winId: mine.win.id })).toEqual(stepNotFound);
    expect(await act.addEvent({ stoneId: theirs.stone.id, eventId: mine.event.id })).toEqual(stepNotFound);
    // Their things onto my stone; one of theirs among my people links nobody.
    expect(await act.addPeople({ stoneId: stone.id, contactIds: [theirs.contact.id], part: "can_help" })).toMatchObject({
      ok: false,
      fieldErrors: { contactIds: ["Choose people from your contacts."] },
    });
    const bo = await createContact(t.db, { userId: mine.user.id });
    expect(await act.addPeople({ stoneId: stone.id, contactIds: [bo.id, theirs.contact.id], part: "can_help" })).toMatchObject({ ok: false });
    expect(await act.addWin({ stoneId: stone.id, winId: theirs.win.id })).toMatchObject({ ok: false, fieldErrors: { winId: expect.any(Array) } });
    expect(await act.addEvent({ stoneId: stone.id, eventId: theirs.event.id })).toMatchObject({ ok: false, fieldErrors: { eventId: expect.any(Array) } });
    // Their links, by their ids or mine.
    expect(await act.updatePerson({ stoneId: theirs.stone.id, contactId: theirs.contact.id, part: "has_done_it" })).toMatchObject({ ok: false });
    expect(await act.removePerson({ stoneId: theirs.stone.id, contactId: theirs.contact.id })).toMatchObject({ ok: false });
    expect(await act.removeSkill({ stoneId: theirs.stone.id, skillId: theirs.skill.id })).toMatchObject({ ok: false });
    expect(await act.removeSkill({ stoneId: stone.id, skillId: theirs.skill.id })).toMatchObject({ ok: false });
    expect(await act.removeWin({ stoneId: theirs.stone.id, winId: theirs.win.id })).toMatchObject({ ok: false });
    expect(await act.removeEvent({ stoneId: theirs.stone.id, eventId: theirs.event.id })).toMatchObject({ ok: false });
    // Nor can my ids remove theirs' rows through my stone.
    expect(await act.removeEvent({ stoneId: stone.id, eventId: theirs.event.id })).toMatchObject({ ok: false });
    expect(await snapshot()).toEqual(before);

    // Their goal reads as empty to me; mine shows none of theirs.
    expect((await listStoneLinks(t.db, { userId: mine.user.id, goalId: theirs.goal.id })).size).toBe(0);
    const myLinks = await listStoneLinks(t.db, { userId: mine.user.id, goalId: mine.goal.id });
    expect([...myLinks.keys()]).toEqual([stone.id]);
    expect(myLinks.get(stone.id)?.skills.map((skill) => skill.id)).toEqual([mine.skill.id]);
  });

  it("refuses a signed-out caller, and stores nothing", async () => {
    const { stone, contact } = await setup();
    const before = await snapshot();
    const act = actionsAs(null);
    expect(await act.addPeople({ stoneId: stone.id, contactIds: [contact.id], part: "can_help" })).toMatchObject({ ok: false });
    expect(await act.addSkill({ stoneId: stone.id, name: "Go" })).toMatchObject({ ok: false });
    expect(await snapshot()).toEqual(before);
  });
});

describe("the pickers' searches", () => {
  it("offer the user's own wins and events, newest first, matching what is typed", async () => {
    const mine = await setup();
    const theirs = await setup();
    await createWin(t.db, { userId: mine.user.id, title: "Launched the billing flow", occurredOn: "2026-11-01" });
    await createEvent(t.db, { userId: mine.user.id, name: "100% climate day", occurredOn: "2026-11-01" });
    const wins = await mine.act.searchWins({ q: "launched" });
    expect(wins.ok && wins.data.map((win) => win.title)).toEqual(["Launched the billing flow", "Launched the data platform"]);
    const latest = await mine.act.searchWins({ q: "" });
    expect(latest.ok && latest.data.every((win) => win.id !== theirs.win.id)).toBe(true);
    const events = await mine.act.searchEvents({ q: "CLIMATE" });
    expect(events.ok && events.data.map((event) => event.name)).toEqual(["100% climate day", "Climate tech meetup"]);
    const literal = await mine.act.searchEvents({ q: "0%" });
    expect(literal.ok && literal.data.map((event) => event.name)).toEqual(["100% climate day"]);
    const none = await mine.act.searchEvents({ q: "_" });
    expect(none.ok && none.data).toEqual([]);
  });
});

describe("listContactGoals", () => {
  it("shows the user's active goals and the steps a contact matters for, never another user's", async () => {
    const { user, goal, stone, other, contact, act } = await setup();
    const userId = user.id;
    const north = await createGoal(t.db, { userId, title: "Found a climate startup", isNorthStar: true });
    const northStone = await createStone(t.db, { userId, goalId: north.id, title: "Find a co-founder" });
    const letGo = await createGoal(t.db, { userId, status: "let_go" });
    const letGoStone = await createStone(t.db, { userId, goalId: letGo.id });
    const dropped = await createStone(t.db, { userId, goalId: goal.id, status: "dropped" });
    for (const stoneId of [stone.id, other.id, northStone.id, letGoStone.id, dropped.id]) {
      await act.addPeople({ stoneId, contactIds: [contact.id], part: "can_help", note: stoneId === stone.id ? "with intros" : null });
    }
    expect(await listContactGoals(t.db, { userId, contactId: contact.id })).toEqual([
      {
        id: north.id,
        title: "Found a climate startup",
        isNorthStar: true,
        stones: [{ id: northStone.id, title: "Find a co-founder", status: "planned", part: "can_help", note: null }],
      },
      {
        id: goal.id,
        title: "Lead a platform group",
        isNorthStar: false,
        stones: [
          { id: stone.id, title: "Get to know climate tech", status: "planned", part: "can_help", note: "with intros" },
          { id: other.id, title: "Pass the Kubernetes exam", status: "planned", part: "can_help", note: null },
        ],
      },
    ]);
    const stranger = await setup();
    expect(await listContactGoals(t.db, { userId: stranger.user.id, contactId: contact.id })).toEqual([]);
    expect(await listContactGoals(t.db, { userId, contactId: stranger.contact.id })).toEqual([]);
  });
});
