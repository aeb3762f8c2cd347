import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { contacts, jobRoles, skills, users, winPeople, wins, winSkills } from "@/db/schema";
import { defineAuthedAction } from "@/lib/actions/define-action";
import { restoreExport } from "@/lib/export/restore-export";
import { restoreExportInputSchema } from "@/lib/validations/account";
import type { KithExport } from "@/lib/validations/kith-export";
import { createContact, createRole, createUser, createWin } from "../factories";
import { exportText, seedRichUser } from "../helpers/export-seed";
import { exportRole, exportSkill, exportWin } from "../helpers/export-records";
import { createTestDb, type TestDb } from "../helpers/test-db";

// The job journal in a restore; the round trip itself is in export-roundtrip.test.ts.

let t: TestDb;
const NOW = new Date("2026-11-20T10:00:00Z");
let good: KithExport;

beforeAll(async () => {
  t = await createTestDb();
  const { user } = await seedRichUser(t.db, NOW);
  good = JSON.parse(await exportText(t.db, { userId: user.id, format: "kith.json", now: NOW })) as KithExport;
});
afterAll(async () => {
  await t?.close();
});

function restoreAs(userId: string) {
  const authed = defineAuthedAction({ getUserId: async () => userId, getDb: async () => t.db });
  const action = authed(restoreExportInputSchema, restoreExport);
  return (doc: unknown) => action({ file: new File([JSON.stringify(doc)], "kith-export.json", { type: "application/json" }) });
}

const JOURNAL = { roles: jobRoles, skills, wins, winPeople, winSkills, contacts };

async function journalOf(userId: string) {
  const entries = await Promise.all(
    Object.entries(JOURNAL).map(async ([name, table]) => [name, await t.db.$count(table, eq(table.userId, userId))] as const),
  );
  return Object.fromEntries(entries);
}

const promptOf = async (userId: string) =>
  (await t.db.select({ on: users.journalPromptEnabled }).from(users).where(eq(users.id, userId)))[0]?.on;

describe("restoring the journal", () => {
  it("takes a version 1 export (from before the journal): no journal, and the weekly email asks", async () => {
    const { roles, skills: _skills, wins: _wins, settings, ...rest } = good;
    const { journalPromptEnabled, ...oldSettings } = settings;
    expect(journalPromptEnabled).toBe(false);
    void [roles, _skills, _wins];
    const target = await createUser(t.db, { journalPromptEnabled: false });

    const result = await restoreAs(target.id)({ ...rest, version: 1, settings: oldSettings });
    expect(result).toMatchObject({ ok: true, data: { contacts: 5, roles: 0, skills: 0, wins: 0 } });
    expect(await journalOf(target.id)).toMatchObject({ contacts: 5, roles: 0, skills: 0, wins: 0 });
    expect(await promptOf(target.id)).toBe(true);
  });

  it("refuses a file whose journal names what it does not hold, or breaks the forms' rules, and stores nothing", async () => {
    const target = await createUser(t.db, { name: "Keep me" });
    // Another account's real contact: an id that is not in the file is refused like any other.
    const stranger = await createContact(t.db, { userId: (await createUser(t.db)).id });
    const [first, ...others] = good.wins;
    if (!first) throw new Error("no win seeded");
    const withWin = (win: Partial<KithExport["wins"][number]>) => ({ ...good, wins: [{ ...first, ...win }, ...others] });
    const cases: [unknown, string][] = [
      [withWin({ people: [{ contactId: stranger.id, part: "can_vouch" }] }), "wins[0].people[0].contactId: Names a contact that is not in the file"],
      [withWin({ roleId: crypto.randomUUID() }), "wins[0].roleId: Names a role that is not in the file"],
      [withWin({ skillIds: ["x"] }), "wins[0].skillIds[0]: Names a skill that is not in the file"],
      [withWin({ metricValue: null, metricUnit: "users" }), "wins[0].metricValue: A metric's unit needs its number"],
      [withWin({ title: "Shipped\u0000" }), "wins[0].title: Remove the null character"],
      [{ ...good, roles: [exportRole({ startedOn: "2024-05-01", endedOn: "2024-04-30" })] }, "roles[0].endedOn: A role ends on or after the day it started"],
      [{ ...good, skills: [...good.skills, exportSkill({ id: "big", name: "x".repeat(61) })] }, "skills[3].name: Keep each skill under 60 characters"],
    ];
    for (const [doc, where] of cases) {
      const result = await restoreAs(target.id)(doc);
      expect(result.ok ? "restored" : result.fieldErrors?.file?.[0]).toContain(`This export cannot be restored: ${where}`);
    }
    expect(await journalOf(target.id)).toEqual({ roles: 0, skills: 0, wins: 0, winPeople: 0, winSkills: 0, contacts: 0 });
    expect((await t.db.select({ name: users.name }).from(users).where(eq(users.id, target.id)))[0]?.name).toBe("Keep me");
  });

  it("makes skills the database counts as one name into one, and uses the account's own skill and role", async () => {
    const target = await createUser(t.db);
    // Set up before restoring: the current role, and a skill spelled otherwise.
    const [current] = good.roles.filter((role) => role.endedOn === null);
    if (!current) throw new Error("no current role seeded");
    const own = await createRole(t.db, { userId: target.id, company: current.company, title: current.title, startedOn: current.startedOn });
    await createWin(t.db, { userId: target.id, roleId: own.id, title: "Before the restore", skills: ["typescript"] });
    // JavaScript lowers "İ" to "i̇" (two characters), PostgreSQL to "i": the database's rule decides.
    const doc = {
      ...good,
      roles: [...good.roles, exportRole({ id: "side", company: "Side project", startedOn: "2025-01-01" })],
      skills: [...good.skills, exportSkill({ id: "p1", name: "İstanbul tours" }), exportSkill({ id: "p2", name: "istanbul TOURS" })],
      wins: [...good.wins, exportWin({ id: "both", roleId: "side", title: "Guided a tour", skillIds: ["p1", "p2"] })],
    };

    const result = await restoreAs(target.id)(doc);
    expect(result).toMatchObject({ ok: true, data: { roles: 3, skills: 5, wins: 4 } });
    const names = await t.db.select({ name: skills.name }).from(skills).where(eq(skills.userId, target.id));
    expect(names.map((row) => row.name).sort()).toEqual(["Mentoring", "Rust", "typescript", "İstanbul tours"]);
    const roles = await t.db.select({ id: jobRoles.id, company: jobRoles.company }).from(jobRoles).where(eq(jobRoles.userId, target.id));
    expect(roles.map((role) => role.company).sort()).toEqual(["Analytical Engines, Ltd.", "Difference Engines", "Side project"]);
    // The restored win of the current role is in the role the account already had.
    const [launch] = await t.db
      .select({ roleId: wins.roleId })
      .from(wins)
      .where(and(eq(wins.userId, target.id), eq(wins.title, "Shipped the new billing flow")));
    expect(launch?.roleId).toBe(own.id);
    const [tour] = await t.db.select({ id: wins.id }).from(wins).where(and(eq(wins.userId, target.id), eq(wins.title, "Guided a tour")));
    expect(await t.db.$count(winSkills, eq(winSkills.winId, tour?.id ?? ""))).toBe(1);
    expect(await journalOf(target.id)).toMatchObject({ wins: 5, winPeople: 4, winSkills: 5 });
  });
});
