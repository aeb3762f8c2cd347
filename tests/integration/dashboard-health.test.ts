import { describe, expect, it } from "vitest";
import { listContactsAfter } from "@/db/queries/contacts";
import {
  getCirclesTouched,
  getNetworkHealth,
  listReconnectNow,
} from "@/db/queries/dashboard";
import { contactHealthById, refreshStoredHealth } from "@/db/queries/health";
import { refreshContactSchedule } from "@/db/queries/schedule";
import { insertTouch, type NewTouch } from "@/db/queries/touches-write";
import { contactCircles } from "@/db/schema";
import type { ValueDirection } from "@/lib/domain/enums";
import { contactHealth } from "@/lib/health/model";
import { occurredAtFromDate } from "@/lib/domain/touch-dates";
import {
  createCircle,
  createContact,
  createUser,
} from "../factories";
import { type BusyUser, expectNoneOf, setUpTestDbWithBusyUser } from "../helpers/busy-user-db";
import type { TestDb } from "../helpers/test-db";

// A Wednesday afternoon; in Auckland (UTC+13) it is already Thursday 26 November.
const NOW = new Date("2026-11-25T15:00:00Z");
const CREATED = new Date("2026-01-01T00:00:00Z");

let t: TestDb;
// Another user with overdue contacts, value touches, circles, events and
// successes is in the database for every test; none of it may show.
let busy: BusyUser;
setUpTestDbWithBusyUser(NOW, (setup) => {
  ({ t, busy } = setup);
});

async function touch(
  userId: string,
  contactId: string,
  day: string,
  values: Partial<NewTouch> = {},
) {
  const occurredAt = occurredAtFromDate(day);
  const row = await t.db.transaction((tx) =>
    insertTouch(tx, {
      userId,
      touch: {
        occurredAt,
        channel: "call",
        contactIds: [contactId],
        ...values,
      },
    }),
  );
  if (!row) throw new Error(`touch on ${day} not written`);
}

function expectNoneOfTheirs(shown: unknown) {
  expectNoneOf(busy, shown);
}

describe("getNetworkHealth", () => {
  it("counts the unarchived contacts in each band and averages their scores", async () => {
    const me = await createUser(t.db, { defaultCadenceDays: 30 });
    // One contact per band, on a 30-day cadence (see lib/health/model.ts).
    const plan: Record<string, [string, ValueDirection | null][]> = {
      // Touched in each of the last four windows, value given and received twice: 100.
      thriving: [
        ["2026-11-24", "given"],
        ["2026-10-20", "given"],
        ["2026-09-20", "received"],
        ["2026-08-22", "received"],
      ],
      // Recent, two windows of four: 0.5 + 0.3 × 0.5 = 65.
      steady: [
        ["2026-11-20", null],
        ["2026-10-20", null],
      ],
      // Sixty days ago, one cadence late: 0.5 × ~0.5 + 0.3 × 0.25 = 32.
      fading: [["2026-09-26", null]],
      dormant: [],
    };
    const expected = [];
    for (const [band, touches] of Object.entries(plan)) {
      const contact = await createContact(t.db, {
        userId: me.id,
        createdAt: CREATED,
      });
      for (const [day, direction] of touches) {
        await touch(
          me.id,
          contact.id,
          day,
          direction ? { valueKind: "advice", valueDirection: direction } : {},
        );
      }
      const health = contactHealth({
        cadenceDays: 30,
        createdAt: CREATED,
        touches: touches.map(([day, valueDirection]) => ({
          occurredAt: occurredAtFromDate(day),
          valueDirection,
        })),
        now: NOW,
      });
      expect(health.band, band).toBe(band);
      expected.push(health.score);
    }
    // Archived, it would be thriving: it counts nowhere.
    const archived = await createContact(t.db, {
      userId: me.id,
      createdAt: CREATED,
      archivedAt: NOW,
    });
    await touch(me.id, archived.id, "2026-11-24", {
      valueKind: "advice",
      valueDirection: "given",
    });

    // Touches store health as of the real clock: store it as of NOW.
    await refreshStoredHealth(t.db, { userId: me.id, now: NOW });
    const result = await getNetworkHealth(t.db, { userId: me.id });
    expect(result).toEqual({
      contacts: 4,
      score: Math.round(expected.reduce((sum, score) => sum + score, 0) / 4),
      bands: { thriving: 1, steady: 1, fading: 1, dormant: 1 },
    });
    expect(result.score).toBe(49);
  });

  it("gives a user with no unarchived contacts no score and empty bands, while the other user has theirs", async () => {
    const me = await createUser(t.db);
    const empty = {
      contacts: 0,
      score: null,
      bands: { thriving: 0, steady: 0, fading: 0, dormant: 0 },
    };
    expect(await getNetworkHealth(t.db, { userId: me.id })).toEqual(empty);
    await createContact(t.db, {
      userId: me.id,
      createdAt: CREATED,
      archivedAt: NOW,
    });
    await refreshStoredHealth(t.db, { userId: me.id, now: NOW });
    expect(await getNetworkHealth(t.db, { userId: me.id })).toEqual(empty);
    await refreshStoredHealth(t.db, { userId: busy.user.id, now: NOW });
    expect(
      (await getNetworkHealth(t.db, { userId: busy.user.id })).contacts,
    ).toBe(6);
  });
});

describe("listReconnectNow", () => {
  // Overdue contacts of a user in Auckland, where today is 26 November.
  async function overdueFixture() {
    const me = await createUser(t.db, {
      defaultCadenceDays: 30,
      timeZone: "Pacific/Auckland",
    });
    const make = (
      name: string,
      snoozedUntil: string | null = null,
      createdAt = CREATED,
    ) => createContact(t.db, { userId: me.id, name, createdAt, snoozedUntil });
    const oldest = await make("Oldest");
    await touch(me.id, oldest.id, "2026-07-01", { summary: "First coffee" });
    await touch(me.id, oldest.id, "2026-08-02", { summary: "Latest coffee" }); // due 1 September
    const snoozeEnded = await make("Snooze ended", "2026-11-25"); // yesterday in Auckland
    await touch(me.id, snoozeEnded.id, "2026-08-20", { summary: "Call" }); // due 19 September
    const middle = await make("Middle");
    await touch(me.id, middle.id, "2026-09-01", { summary: "Lunch" });
    await touch(me.id, middle.id, "2026-09-15"); // due 15 October, the latest touch has no summary
    const never = await make(
      "Never touched",
      null,
      new Date("2026-10-01T00:00:00Z"),
    ); // due 31 October 00:00
    // Today in Auckland but still tomorrow in UTC: a snooze lasts through its
    // last day where the user lives, so hidden, as by the contacts list's overdue filter.
    const snoozeEndsToday = await make("Snooze ends today", "2026-11-26");
    await touch(me.id, snoozeEndsToday.id, "2026-10-01"); // due 31 October 12:00
    const snoozed = await make("Snoozed", "2026-11-27");
    await touch(me.id, snoozed.id, "2026-06-01");
    const notDue = await make("Not due");
    await touch(me.id, notDue.id, "2026-11-20");
    const archived = await createContact(t.db, {
      userId: me.id,
      createdAt: CREATED,
      archivedAt: NOW,
    });
    await touch(me.id, archived.id, "2026-05-01");
    await refreshContactSchedule(t.db, { userId: me.id });
    return { me, oldest, snoozeEnded, middle, never, snoozeEndsToday };
  }

  it("lists the overdue, unsnoozed, unarchived contacts, most overdue first, with health and last touch", async () => {
    const { me, oldest, snoozeEnded, middle, never, snoozeEndsToday } =
      await overdueFixture();
    const result = await listReconnectNow(t.db, {
      userId: me.id,
      now: NOW,
      limit: 10,
    });
    expect(result.contacts.map((row) => row.id)).not.toContain(
      snoozeEndsToday.id,
    );
    expect(result.contacts.map((row) => row.name)).toEqual([
      "Oldest",
      "Snooze ended",
      "Middle",
      "Never touched",
    ]);
    expect(result.contacts.map((row) => row.id)).toEqual([
      oldest.id,
      snoozeEnded.id,
      middle.id,
      never.id,
    ]);
    expect(result.total).toBe(4);
    const { rows: listed } = await listContactsAfter(t.db, {
      userId: me.id,
      sort: "next_due",
      overdue: true,
      pageSize: 50,
      now: NOW,
    });
    expect(listed.map((row) => row.id)).toEqual(
      result.contacts.map((row) => row.id),
    );

    const [first, , third, fourth] = result.contacts;
    expect(first).toMatchObject({
      nextDueAt: new Date("2026-09-01T12:00:00Z"),
      lastTouchedAt: occurredAtFromDate("2026-08-02"),
      lastTouchSummary: "Latest coffee",
    });
    expect(third).toMatchObject({
      lastTouchedAt: occurredAtFromDate("2026-09-15"),
      lastTouchSummary: null,
    });
    expect(fourth).toMatchObject({
      nextDueAt: new Date("2026-10-31T00:00:00Z"),
      lastTouchedAt: null,
      lastTouchSummary: null,
    });
    const health = await contactHealthById(t.db, { userId: me.id, now: NOW });
    for (const row of result.contacts)
      expect(row.health, row.name).toEqual(health.get(row.id));
    expect(first?.health.band).toBe("dormant");
    expectNoneOfTheirs(result);
  });

  it("returns at most `limit` contacts and counts them all", async () => {
    const { me, oldest, snoozeEnded } = await overdueFixture();
    const result = await listReconnectNow(t.db, {
      userId: me.id,
      now: NOW,
      limit: 2,
    });
    expect(result.contacts.map((row) => row.id)).toEqual([
      oldest.id,
      snoozeEnded.id,
    ]);
    expect(result.total).toBe(4);
    expectNoneOfTheirs(result);
  });

  it("is empty for a user with nothing overdue, while the other user has overdue contacts", async () => {
    const me = await createUser(t.db);
    await createContact(t.db, {
      userId: me.id,
      createdAt: new Date("2026-11-20T00:00:00Z"),
    });
    await refreshContactSchedule(t.db, { userId: me.id });
    expect(
      await listReconnectNow(t.db, { userId: me.id, now: NOW, limit: 5 }),
    ).toEqual({ contacts: [], total: 0 });
    expect(
      (
        await listReconnectNow(t.db, {
          userId: busy.user.id,
          now: NOW,
          limit: 5,
        })
      ).total,
    ).toBe(2);
  });
});

describe("getCirclesTouched", () => {
  it("counts circles whose unarchived members were touched in the window; the quiet ones longest-quiet first", async () => {
    const me = await createUser(t.db);
    const person = async (
      lastTouch: string | null,
      archivedAt: Date | null = null,
    ) => {
      const contact = await createContact(t.db, {
        userId: me.id,
        createdAt: CREATED,
        archivedAt,
      });
      if (lastTouch) await touch(me.id, contact.id, lastTouch);
      return contact;
    };
    const circle = async (name: string, members: { id: string }[]) => {
      const row = await createCircle(t.db, { userId: me.id, name });
      if (members.length) {
        await t.db
          .insert(contactCircles)
          .values(
            members.map((member) => ({
              userId: me.id,
              contactId: member.id,
              circleId: row.id,
            })),
          );
      }
      return row;
    };
    // 90 days before NOW is 27 August, 15:00 UTC.
    const recent = await person("2026-11-20");
    const older = await person("2026-03-01");
    const untouched = await person(null);
    const active = await circle("Active", [recent, older]);
    const edgeIn = await circle("Edge in", [await person("2026-08-28")]);
    const edgeOut = await circle("Edge out", [await person("2026-08-27")]);
    const old = await circle("Old", [await person("2026-06-01")]);
    const oldest = await circle("Older", [older]);
    const zebras = await circle("Zebras", [untouched]);
    const alumni = await circle("alumni", []);
    // Its only touched member is archived: as quiet as never touched.
    const bookClub = await circle("Book club", [
      untouched,
      await person("2026-11-20", NOW),
    ]);

    const result = await getCirclesTouched(t.db, {
      userId: me.id,
      now: NOW,
      days: 90,
    });
    expect(result.total).toBe(8);
    expect(result.touched).toBe(2);
    expect(result.quiet).toEqual([
      { id: alumni.id, name: "alumni", lastTouchedAt: null },
      { id: bookClub.id, name: "Book club", lastTouchedAt: null },
      { id: zebras.id, name: "Zebras", lastTouchedAt: null },
      {
        id: oldest.id,
        name: "Older",
        lastTouchedAt: occurredAtFromDate("2026-03-01"),
      },
      {
        id: old.id,
        name: "Old",
        lastTouchedAt: occurredAtFromDate("2026-06-01"),
      },
      {
        id: edgeOut.id,
        name: "Edge out",
        lastTouchedAt: occurredAtFromDate("2026-08-27"),
      },
    ]);
    expect(result.quiet.map((row) => row.id)).not.toContain(active.id);
    expect(result.quiet.map((row) => row.id)).not.toContain(edgeIn.id);
    expectNoneOfTheirs(result);
  });

  it("is all zeros for a user without circles, while the other user has theirs", async () => {
    const me = await createUser(t.db);
    await createContact(t.db, { userId: me.id, createdAt: CREATED });
    expect(
      await getCirclesTouched(t.db, { userId: me.id, now: NOW, days: 90 }),
    ).toEqual({
      total: 0,
      touched: 0,
      quiet: [],
    });
    expect(
      (
        await getCirclesTouched(t.db, {
          userId: busy.user.id,
          now: NOW,
          days: 90,
        })
      ).total,
    ).toBe(2);
  });
});
