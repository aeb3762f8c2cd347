import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import {
  getCirclesTouched,
  getNetworkHealth,
  getValueStreak,
  hasAnyTouch,
  listRecentEvents,
  listReconnectNow,
  listValueByWeek,
  weekOf,
} from "@/db/queries/dashboard";
import { contactHealthById } from "@/db/queries/health";
import { refreshContactSchedule } from "@/db/queries/schedule";
import { insertSuccess } from "@/db/queries/successes";
import { insertTouch, type NewTouch } from "@/db/queries/touches-write";
import { contactCircles } from "@/db/schema";
import { DASHBOARD, loadDashboard } from "@/lib/dashboard/load";
import { occurredAtFromDate } from "@/lib/domain/touch-dates";
import { createCircle, createContact, createEvent, createUser } from "../factories";
import { type BusyUser, expectNoneOf, setUpTestDbWithBusyUser } from "../helpers/busy-user-db";
import type { TestDb } from "../helpers/test-db";

// A Wednesday afternoon: this week began on Monday 23 November.
const NOW = new Date("2026-11-25T15:00:00Z");
// Sunday noon in UTC, already Monday 30 November on Kiritimati (UTC+14).
const SUNDAY_NOON = new Date("2026-11-29T12:00:00Z");
const CREATED = new Date("2026-01-01T00:00:00Z");

let t: TestDb;
// Another user with value touches every week (some this week), overdue
// contacts, circles, events and successes is in the database for every test.
let busy: BusyUser;
setUpTestDbWithBusyUser(NOW, (setup) => {
  ({ t, busy } = setup);
});

const given = { valueKind: "advice", valueDirection: "given" } as const;
const received = { valueKind: "introduction", valueDirection: "received" } as const;

async function touch(userId: string, contactIds: string[], day: string, values: Partial<NewTouch> = {}) {
  const occurredAt = occurredAtFromDate(day);
  const row = await t.db.transaction((tx) =>
    insertTouch(tx, { userId, touch: { occurredAt, channel: "message", contactIds, ...values } }),
  );
  if (!row) throw new Error(`touch on ${day} not written`);
}

// A user with one contact, touched on the given days.
async function userWithTouches(touches: [string, Partial<NewTouch>?][], timeZone: string | null = null) {
  const me = await createUser(t.db, { timeZone });
  const contact = await createContact(t.db, { userId: me.id, createdAt: CREATED });
  for (const [day, values] of touches) await touch(me.id, [contact.id], day, values);
  return me;
}

function expectNoneOfTheirs(shown: unknown) {
  expectNoneOf(busy, shown);
}

describe("weekOf", () => {
  it("names the Monday of the ISO week, as the database's date_trunc('week') does, across year ends", async () => {
    const rows = await t.db
      .select({ day: sql<string>`to_char(d, 'YYYY-MM-DD')`, week: sql<string>`to_char(date_trunc('week', d::date), 'YYYY-MM-DD')` })
      .from(sql`generate_series('2025-12-01'::timestamp, '2027-01-31'::timestamp, interval '1 day') as d`);
    expect(rows).toHaveLength(427);
    for (const { day, week } of rows) expect(weekOf(day), day).toBe(week);
    expect(weekOf("2026-11-29")).toBe("2026-11-23");
    expect(weekOf("2026-11-30")).toBe("2026-11-30");
    expect(weekOf("2027-01-01")).toBe("2026-12-28");
    expect(await hasAnyTouch(t.db, { userId: busy.user.id })).toBe(true);
  });
});

describe("listValueByWeek", () => {
  it("counts value given and received per week, oldest first, ending with this week", async () => {
    const me = await createUser(t.db);
    const [ada, bob] = [
      await createContact(t.db, { userId: me.id, createdAt: CREATED }),
      await createContact(t.db, { userId: me.id, createdAt: CREATED }),
    ];
    const plan: [string, Partial<NewTouch>][] = [
      ["2026-05-31", given], // the Sunday before the 26 weeks
      ["2026-06-01", received], // the first of the 26 weeks
      ["2026-11-01", given], // the Sunday before the 4 weeks
      ["2026-11-02", received],
      ["2026-11-09", {}], // no value: not counted
      ["2026-11-16", given],
      ["2026-11-22", received], // Sunday: still the week of 16 November
      ["2026-11-23", given],
      ["2026-11-25", given],
      ["2026-11-25", received],
      ["2026-11-30", given], // next week: after the window
    ];
    for (const [day, values] of plan) await touch(me.id, [ada.id], day, values);
    // One touch with two people is one value-added touch.
    await touch(me.id, [ada.id, bob.id], "2026-11-24", given);

    const four = await listValueByWeek(t.db, { userId: me.id, now: NOW, timeZone: null, weeks: 4 });
    expect(four).toEqual([
      { week: "2026-11-02", given: 0, received: 1 },
      { week: "2026-11-09", given: 0, received: 0 },
      { week: "2026-11-16", given: 1, received: 1 },
      { week: "2026-11-23", given: 3, received: 1 },
    ]);
    const all = await listValueByWeek(t.db, { userId: me.id, now: NOW, timeZone: null, weeks: 26 });
    expect(all).toHaveLength(26);
    expect(all[0]).toEqual({ week: "2026-06-01", given: 0, received: 1 });
    expect(all.at(-1)?.week).toBe("2026-11-23");
    expect(all.find((row) => row.week === "2026-10-26")).toEqual({ week: "2026-10-26", given: 1, received: 0 });
    expect(all.map((row) => row.week)).toEqual(all.map((row) => weekOf(row.week)));
    expect(all.reduce((sum, row) => sum + row.given, 0)).toBe(5);
    expect(all.reduce((sum, row) => sum + row.received, 0)).toBe(4);
    expectNoneOfTheirs(all);
  });

  it("is all zeros for a user without value touches, while the other user has some every week", async () => {
    const me = await userWithTouches([["2026-11-24"]]);
    const weeks = await listValueByWeek(t.db, { userId: me.id, now: NOW, timeZone: null, weeks: 3 });
    expect(weeks).toEqual([
      { week: "2026-11-09", given: 0, received: 0 },
      { week: "2026-11-16", given: 0, received: 0 },
      { week: "2026-11-23", given: 0, received: 0 },
    ]);
    const theirs = await listValueByWeek(t.db, { userId: busy.user.id, now: NOW, timeZone: null, weeks: 3 });
    expect(theirs.every((week) => week.given + week.received > 0)).toBe(true);
  });

  it("starts this week where the user lives: already Monday on Kiritimati while UTC is still on Sunday", async () => {
    const me = await userWithTouches([["2026-11-29", given], ["2026-11-30", given]], "Pacific/Kiritimati");
    const params = { userId: me.id, now: SUNDAY_NOON, weeks: 2 };
    expect(await listValueByWeek(t.db, { ...params, timeZone: "Pacific/Kiritimati" })).toEqual([
      { week: "2026-11-23", given: 1, received: 0 },
      { week: "2026-11-30", given: 1, received: 0 },
    ]);
    expect(await listValueByWeek(t.db, { ...params, timeZone: null })).toEqual([
      { week: "2026-11-16", given: 0, received: 0 },
      { week: "2026-11-23", given: 1, received: 0 },
    ]);
    expect(await listValueByWeek(t.db, { ...params, timeZone: "America/Los_Angeles" })).toEqual([
      { week: "2026-11-16", given: 0, received: 0 },
      { week: "2026-11-23", given: 1, received: 0 },
    ]);
  });
});

describe("getValueStreak", () => {
  const streak = (userId: string, now = NOW, timeZone: string | null = null) =>
    getValueStreak(t.db, { userId, now, timeZone });

  it("counts consecutive weeks with value given, up to this week", async () => {
    const me = await userWithTouches([
      ["2026-10-27", given], // before the gap
      ["2026-11-10", given],
      ["2026-11-10", given], // twice in a week counts once
      ["2026-11-17", received],
      ["2026-11-20", given],
      ["2026-11-25", given],
      ["2026-11-30", given], // next week does not count yet
    ]);
    expect(await streak(me.id)).toEqual({ weeks: 3, includesThisWeek: true });
  });

  it("keeps the streak alive through a week still in progress with nothing given yet", async () => {
    // This week has only value received and a plain touch.
    const me = await userWithTouches([["2026-11-09", given], ["2026-11-16", given], ["2026-11-24", received], ["2026-11-25"]]);
    expect(await streak(me.id)).toEqual({ weeks: 2, includesThisWeek: false });
  });

  it("is broken by a week without value given, and received-only weeks do not count", async () => {
    const gap = await userWithTouches([["2026-11-02", given], ["2026-11-09", given]]);
    expect(await streak(gap.id)).toEqual({ weeks: 0, includesThisWeek: false });
    const receivedOnly = await userWithTouches([["2026-11-09", given], ["2026-11-17", received], ["2026-11-24", received]]);
    expect(await streak(receivedOnly.id)).toEqual({ weeks: 0, includesThisWeek: false });
    const none = await createUser(t.db);
    expect(await streak(none.id)).toEqual({ weeks: 0, includesThisWeek: false });
    expect((await streak(busy.user.id)).weeks).toBeGreaterThan(0);
  });

  it("counts weeks in the user's time zone", async () => {
    const me = await userWithTouches([["2026-11-17", given], ["2026-11-24", given]], "Pacific/Kiritimati");
    // On Kiritimati a new week has begun with nothing given yet; in UTC this week has one.
    expect(await streak(me.id, SUNDAY_NOON, "Pacific/Kiritimati")).toEqual({ weeks: 2, includesThisWeek: false });
    expect(await streak(me.id, SUNDAY_NOON, null)).toEqual({ weeks: 2, includesThisWeek: true });
  });
});

describe("listRecentEvents", () => {
  it("lists the latest events first with the people met there, a few per event", async () => {
    const me = await createUser(t.db);
    const event = (name: string, occurredOn: string) => createEvent(t.db, { userId: me.id, name, occurredOn });
    const rust = await event("Rust meetup", "2026-11-20");
    const conf = await event("Conf", "2026-10-05");
    const quiet = await event("Quiet", "2026-09-01");
    await event("Long ago", "2026-06-01");
    const met = (name: string, metAtEventId: string) =>
      createContact(t.db, { userId: me.id, name, createdAt: CREATED, metAtEventId });
    await met("Zed", rust.id);
    const ada = await met("ada", rust.id);
    const bob = await met("Bob", rust.id);
    const dee = await met("Dee", conf.id);
    // Touched at the meetup but met elsewhere: counted with its people, not named as met there.
    const cy = await createContact(t.db, { userId: me.id, name: "Cy", createdAt: CREATED });
    await touch(me.id, [cy.id], "2026-11-20", { eventId: rust.id, channel: "event" });

    const recent = await listRecentEvents(t.db, { userId: me.id, limit: 3, peoplePerEvent: 2 });
    expect(recent).toEqual([
      {
        id: rust.id,
        name: "Rust meetup",
        occurredOn: "2026-11-20",
        peopleCount: 4,
        people: [
          { id: ada.id, name: "ada" },
          { id: bob.id, name: "Bob" },
        ],
      },
      { id: conf.id, name: "Conf", occurredOn: "2026-10-05", peopleCount: 1, people: [{ id: dee.id, name: "Dee" }] },
      { id: quiet.id, name: "Quiet", occurredOn: "2026-09-01", peopleCount: 0, people: [] },
    ]);
    expectNoneOfTheirs(recent);
    const one = await listRecentEvents(t.db, { userId: me.id, limit: 1, peoplePerEvent: 5 });
    expect(one.map((row) => row.id)).toEqual([rust.id]);
    expect(one[0]?.people.map((person) => person.name)).toEqual(["ada", "Bob", "Zed"]);
  });

  it("is empty for a user without events, while the other user has theirs", async () => {
    const me = await createUser(t.db);
    expect(await listRecentEvents(t.db, { userId: me.id, limit: 3, peoplePerEvent: 4 })).toEqual([]);
    expect(await listRecentEvents(t.db, { userId: busy.user.id, limit: 3, peoplePerEvent: 4 })).toHaveLength(2);
  });
});

describe("loadDashboard", () => {
  it("brings every section for one user together", async () => {
    const me = await createUser(t.db, { timeZone: "Europe/Paris" });
    const meetup = await createEvent(t.db, { userId: me.id, name: "Meetup", occurredOn: "2026-11-12" });
    const ada = await createContact(t.db, { userId: me.id, name: "Ada", createdAt: CREATED });
    const bob = await createContact(t.db, { userId: me.id, name: "Bob", createdAt: CREATED, metAtEventId: meetup.id });
    const gone = await createContact(t.db, { userId: me.id, name: "Gone", createdAt: CREATED, archivedAt: NOW });
    await refreshContactSchedule(t.db, { userId: me.id }); // Bob is due since 31 January
    await touch(me.id, [ada.id], "2026-11-24", { ...given, summary: "Introduced her to Bob" });
    const friends = await createCircle(t.db, { userId: me.id, name: "Friends" });
    await t.db.insert(contactCircles).values({ userId: me.id, contactId: ada.id, circleId: friends.id });
    const news = (contactId: string, occurredOn: string) =>
      t.db.transaction((tx) =>
        insertSuccess(tx, { userId: me.id, contactId, success: { kind: "promotion", title: "News", occurredOn, url: null } }),
      );
    const adaNews = await news(ada.id, "2026-11-20");
    const bobNews = await news(bob.id, "2026-11-10");
    await news(gone.id, "2026-11-22");

    const params = { userId: me.id, now: NOW, timeZone: "Europe/Paris" };
    const data = await loadDashboard(t.db, params);
    expect(data.health).toEqual(await getNetworkHealth(t.db, params));
    expect(data.health.contacts).toBe(2);
    // Stored as of NOW by the day's first load, not as of the touch (written with the real clock).
    const health = await contactHealthById(t.db, { userId: me.id, now: NOW });
    const scores = [ada.id, bob.id].map((id) => health.get(id)?.score ?? Number.NaN);
    expect(data.health.score).toBe(Math.round(scores.reduce((sum, score) => sum + score, 0) / 2));
    expect(data.reconnect).toEqual(await listReconnectNow(t.db, { ...params, limit: DASHBOARD.reconnectLimit }));
    expect(data.reconnect.contacts.map((row) => row.id)).toEqual([bob.id]);
    expect(data.reconnect.total).toBe(1);
    expect(data.waiting.items.map((item) => item.id)).toEqual([adaNews?.id, bobNews?.id]);
    expect(data.waiting.total).toBe(2);
    expect(data.valueWeeks).toHaveLength(DASHBOARD.valueWeeks);
    expect(data.valueWeeks.at(-1)).toEqual({ week: "2026-11-23", given: 1, received: 0 });
    expect(data.valueWeeks.slice(0, -1).every((week) => week.given === 0 && week.received === 0)).toBe(true);
    expect(data.streak).toEqual({ weeks: 1, includesThisWeek: true });
    expect(data.circles).toEqual(await getCirclesTouched(t.db, { ...params, days: DASHBOARD.circleDays }));
    expect(data.circles).toEqual({ total: 1, touched: 1, quiet: [] });
    expect(data.recentEvents).toEqual([
      { id: meetup.id, name: "Meetup", occurredOn: "2026-11-12", peopleCount: 1, people: [{ id: bob.id, name: "Bob" }] },
    ]);
    expect(data.hasTouches).toBe(true);
    expectNoneOfTheirs(data);
  });

  it("is empty for a new user, whatever the other user has", async () => {
    const me = await createUser(t.db);
    const data = await loadDashboard(t.db, { userId: me.id, now: NOW, timeZone: null });
    expect(data).toMatchObject({
      health: { contacts: 0, score: null, bands: { thriving: 0, steady: 0, fading: 0, dormant: 0 } },
      reconnect: { contacts: [], total: 0 },
      waiting: { items: [], total: 0 },
      streak: { weeks: 0, includesThisWeek: false },
      circles: { total: 0, touched: 0, quiet: [] },
      recentEvents: [],
      hasTouches: false,
    });
    expect(data.valueWeeks.every((week) => week.given === 0 && week.received === 0)).toBe(true);
    expect(await hasAnyTouch(t.db, { userId: busy.user.id })).toBe(true);
  });
});
