import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { countRoles, countWinsForRole, getRole, importRoles, listRoleRows, listRoles } from "@/db/queries/roles";
import { jobRoles, wins } from "@/db/schema";
import { defineAuthedAction } from "@/lib/actions/define-action";
import { MAX_POSITIONS_TEXT_LENGTH } from "@/lib/domain/limits";
import { importPositions } from "@/lib/journal/import-positions";
import { addRole, deleteRole, updateRole } from "@/lib/journal/manage-roles";
import { type RoleInput, roleIdSchema, roleInputSchema, roleUpdateSchema } from "@/lib/validations/journal";
import { positionsImportSchema } from "@/lib/validations/role-import";
import { createRole, createUser, createWin } from "../factories";
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
    add: define(roleInputSchema, addRole),
    update: define(roleUpdateSchema, updateRole),
    remove: define(roleIdSchema, deleteRole),
    importFile: define(positionsImportSchema, importPositions),
  };
}

async function setup() {
  const user = await createUser(t.db);
  return { user, act: actionsAs(user.id) };
}

function roleInput(values: Partial<RoleInput> = {}): RoleInput {
  return {
    company: "Analytical Engines",
    title: "Staff Engineer",
    location: "London",
    description: "Billing and payments.",
    startedOn: "2021-03-01",
    endedOn: "",
    ...values,
  };
}

async function added(act: ReturnType<typeof actionsAs>, input: RoleInput): Promise<string> {
  const result = await act.add(input);
  if (!result.ok) throw new Error(`setup failed: ${result.formError}`);
  return result.data.id;
}

// Every role and win in the database, to show that a refused call changed nothing.
async function snapshot() {
  return {
    roles: await t.db.select().from(jobRoles).orderBy(jobRoles.id),
    wins: await t.db.select().from(wins).orderBy(wins.id),
  };
}

const POSITIONS = [
  "\uFEFFCompany Name,Title,Description,Location,Started On,Finished On",
  `Analytical Engines,Staff Engineer,"Led the billing rewrite.\nCut build time by 40 %.","London, UK",Mar 2021,`,
  "Babbage & Co,Engineer,,Cambridge,2015,Feb 2021",
  ",Intern,,,2012,2012",
  "Difference Works,Intern,,,sometime,",
].join("\r\n");

describe("addRole, updateRole, deleteRole", () => {
  it("adds a role, empty end meaning the current one, and lists it first", async () => {
    const { user, act } = await setup();
    const old = await added(act, roleInput({ company: "Babbage & Co", title: "Engineer", startedOn: "2015-01-01", endedOn: "2021-02-28" }));
    const current = await added(act, roleInput({ company: "  Analytical Engines ", location: "", description: null }));
    const [row] = await t.db.select().from(jobRoles).where(eq(jobRoles.id, current));
    expect(row).toMatchObject({
      userId: user.id,
      company: "Analytical Engines",
      title: "Staff Engineer",
      location: null,
      description: null,
      startedOn: "2021-03-01",
      endedOn: null,
    });
    expect((await listRoles(t.db, { userId: user.id })).map((role) => role.id)).toEqual([current, old]);
    expect(await countRoles(t.db, { userId: user.id })).toBe(2);
  });

  it("refuses bad input at the fields, and stores nothing", async () => {
    const { act } = await setup();
    const before = await snapshot();
    const result = await act.add(roleInput({ company: " ", title: "", startedOn: "2021-02-30", endedOn: "someday" }));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(Object.keys(result.fieldErrors ?? {}).sort()).toEqual(["company", "endedOn", "startedOn", "title"]);
    expect(await snapshot()).toEqual(before);
  });

  it("refuses an end before the start as an error on the end, and stores nothing", async () => {
    const { act } = await setup();
    const id = await added(act, roleInput());
    const before = await snapshot();
    const expected = { ok: false, fieldErrors: { endedOn: ["A role ends on or after the day it started."] } };
    expect(await act.add(roleInput({ startedOn: "2021-03-01", endedOn: "2021-02-28" }))).toMatchObject(expected);
    expect(await act.update({ id, ...roleInput({ endedOn: "2020-01-01" }) })).toMatchObject(expected);
    expect(await snapshot()).toEqual(before);
  });

  it("edits a role and shows it to its form", async () => {
    const { user, act } = await setup();
    const id = await added(act, roleInput());
    const edited = await act.update({ id, ...roleInput({ title: "Principal Engineer", endedOn: "2024-06-30", location: null }) });
    expect(edited).toEqual({ ok: true, data: { id } });
    expect(await getRole(t.db, { userId: user.id, roleId: id })).toEqual({
      id,
      company: "Analytical Engines",
      title: "Principal Engineer",
      location: null,
      description: "Billing and payments.",
      startedOn: "2021-03-01",
      endedOn: "2024-06-30",
    });
  });

  it("deletes a role and keeps its wins, without a role", async () => {
    const { user, act } = await setup();
    const id = await added(act, roleInput());
    const keep = await added(act, roleInput({ company: "Babbage & Co" }));
    const first = await createWin(t.db, { userId: user.id, roleId: id });
    const second = await createWin(t.db, { userId: user.id, roleId: id });
    const elsewhere = await createWin(t.db, { userId: user.id, roleId: keep });
    expect(await countWinsForRole(t.db, { userId: user.id, roleId: id })).toBe(2);
    const page = await listRoleRows(t.db, { userId: user.id, limit: 10 });
    expect(page.items.map((role) => [role.id, role.winCount])).toEqual(
      expect.arrayContaining([
        [id, 2],
        [keep, 1],
      ]),
    );

    expect(await act.remove({ id })).toEqual({ ok: true, data: { id, winsKept: 2 } });
    expect(await getRole(t.db, { userId: user.id, roleId: id })).toBeUndefined();
    const rows = await t.db.select({ id: wins.id, roleId: wins.roleId }).from(wins).where(eq(wins.userId, user.id));
    expect(rows).toEqual(
      expect.arrayContaining([
        { id: first.id, roleId: null },
        { id: second.id, roleId: null },
        { id: elsewhere.id, roleId: keep },
      ]),
    );
    expect(rows).toHaveLength(3);
  });

  it("answers 'not found' for another user's role, and nothing changes", async () => {
    const mine = await setup();
    const theirs = await setup();
    const theirRole = await added(theirs.act, roleInput());
    await createWin(t.db, { userId: theirs.user.id, roleId: theirRole });
    const before = await snapshot();
    expect(await mine.act.update({ id: theirRole, ...roleInput({ title: "Mine now" }) })).toEqual({
      ok: false,
      formError: "Role not found.",
    });
    expect(await mine.act.remove({ id: theirRole })).toEqual({ ok: false, formError: "Role not found." });
    expect(await mine.act.remove({ id: randomUUID() })).toEqual({ ok: false, formError: "Role not found." });
    expect(await getRole(t.db, { userId: mine.user.id, roleId: theirRole })).toBeUndefined();
    expect(await countWinsForRole(t.db, { userId: mine.user.id, roleId: theirRole })).toBe(0);
    expect((await listRoleRows(t.db, { userId: mine.user.id, limit: 10 })).items).toEqual([]);
    expect(await snapshot()).toEqual(before);
  });

  it("refuses a signed-out caller, and stores nothing", async () => {
    const before = await snapshot();
    expect(await actionsAs(null).add(roleInput())).toEqual({
      ok: false,
      formError: "Your session has ended. Sign in again to continue.",
    });
    expect(await snapshot()).toEqual(before);
  });
});

describe("listRoleRows", () => {
  it("pages the user's roles in listRoles' order", async () => {
    const { user } = await setup();
    for (let year = 2010; year < 2015; year++) await createRole(t.db, { userId: user.id, startedOn: `${year}-01-01`, endedOn: `${year}-12-31` });
    const current = await createRole(t.db, { userId: user.id, startedOn: "2001-01-01" });
    const first = await listRoleRows(t.db, { userId: user.id, limit: 4 });
    const second = await listRoleRows(t.db, { userId: user.id, limit: 4, page: 2 });
    expect(first.hasMore).toBe(true);
    expect(second.hasMore).toBe(false);
    expect([...first.items, ...second.items].map((role) => role.startedOn)).toEqual([
      "2001-01-01",
      "2014-01-01",
      "2013-01-01",
      "2012-01-01",
      "2011-01-01",
      "2010-01-01",
    ]);
    expect(first.items[0]).toEqual({
      id: current.id,
      company: current.company,
      title: "Engineer",
      location: null,
      startedOn: "2001-01-01",
      endedOn: null,
      winCount: 0,
    });
  });
});

describe("importPositions", () => {
  it("adds the file's roles and reports the rows it skipped", async () => {
    const { user, act } = await setup();
    const result = await act.importFile({ text: POSITIONS });
    expect(result).toEqual({
      ok: true,
      data: {
        added: 2,
        alreadyThere: 0,
        skippedCount: 2,
        skipped: [
          { row: 3, reason: "no company" },
          { row: 4, reason: "Started On “sometime” is not a date like “Mar 2021” or “2015”" },
        ],
      },
    });
    const roles = await t.db
      .select({
        company: jobRoles.company,
        title: jobRoles.title,
        location: jobRoles.location,
        description: jobRoles.description,
        startedOn: jobRoles.startedOn,
        endedOn: jobRoles.endedOn,
      })
      .from(jobRoles)
      .where(eq(jobRoles.userId, user.id))
      .orderBy(jobRoles.startedOn);
    expect(roles).toEqual([
      { company: "Babbage & Co", title: "Engineer", location: "Cambridge", description: null, startedOn: "2015-01-01", endedOn: "2021-02-28" },
      {
        company: "Analytical Engines",
        title: "Staff Engineer",
        location: "London, UK",
        description: "Led the billing rewrite.\nCut build time by 40 %.",
        startedOn: "2021-03-01",
        endedOn: null,
      },
    ]);
  });

  it("changes nothing when the same file is imported again", async () => {
    const { act } = await setup();
    await act.importFile({ text: POSITIONS });
    const before = await snapshot();
    const again = await act.importFile({ text: POSITIONS });
    expect(again).toMatchObject({ ok: true, data: { added: 0, alreadyThere: 2, skippedCount: 2 } });
    expect(await snapshot()).toEqual(before);
  });

  it("counts a role already there by company and title in any case and start day, and a repeat within the file once", async () => {
    const { user, act } = await setup();
    await added(act, roleInput({ company: "ANALYTICAL ENGINES", title: "staff engineer", startedOn: "2021-03-01" }));
    const text = [
      "Company Name,Title,Started On,Finished On",
      "Analytical Engines,Staff Engineer,Mar 2021,",
      "Analytical Engines,Staff Engineer,Apr 2021,",
      "Babbage,Engineer,2015,2016",
      "babbage,ENGINEER,2015,2017",
    ].join("\n");
    expect(await act.importFile({ text })).toMatchObject({ ok: true, data: { added: 2, alreadyThere: 2, skippedCount: 0 } });
    const roles = await t.db.select({ company: jobRoles.company, endedOn: jobRoles.endedOn }).from(jobRoles).where(eq(jobRoles.userId, user.id));
    expect(roles).toHaveLength(3);
    // The first of the repeated rows is the one kept.
    expect(roles).toContainEqual({ company: "Babbage", endedOn: "2016-12-31" });
  });

  it("adds nothing twice when the same roles are imported twice at once", async () => {
    const { user } = await setup();
    const roles = [roleInputSchema.parse(roleInput()), roleInputSchema.parse(roleInput({ company: "Babbage & Co" }))];
    // The first import holds its transaction open after inserting; the second
    // must wait for it, or it would not see the first's uncommitted roles.
    let inserted = () => {};
    const hasInserted = new Promise<void>((resolve) => (inserted = resolve));
    const first = t.db.transaction(async (tx) => {
      const result = await importRoles(tx, { userId: user.id, roles });
      inserted();
      await new Promise((resolve) => setTimeout(resolve, 300));
      return result;
    });
    await hasInserted;
    const second = t.db.transaction((tx) => importRoles(tx, { userId: user.id, roles }));
    expect(await Promise.all([first, second])).toEqual([{ added: 2 }, { added: 0 }]);
    expect(await countRoles(t.db, { userId: user.id })).toBe(2);
  });

  it("refuses a file that is not a Positions.csv or is too large, at the field, and stores nothing", async () => {
    const { act } = await setup();
    const before = await snapshot();
    const notPositions = await act.importFile({ text: "First Name,Last Name\nAda,Lovelace" });
    expect(notPositions).toMatchObject({ ok: false, fieldErrors: { text: [expect.stringContaining("Positions.csv")] } });
    const tooLarge = await act.importFile({ text: "x".repeat(MAX_POSITIONS_TEXT_LENGTH + 1) });
    expect(tooLarge).toMatchObject({ ok: false, fieldErrors: { text: [expect.stringContaining("KB")] } });
    expect(await snapshot()).toEqual(before);
  });

  it("imports into the signed-in user's roles only: another user's same roles neither block nor change", async () => {
    const mine = await setup();
    const theirs = await setup();
    await theirs.act.importFile({ text: POSITIONS });
    const theirRows = await t.db.select().from(jobRoles).where(eq(jobRoles.userId, theirs.user.id)).orderBy(jobRoles.id);
    expect(await mine.act.importFile({ text: POSITIONS })).toMatchObject({ ok: true, data: { added: 2, alreadyThere: 0 } });
    expect(await t.db.select().from(jobRoles).where(eq(jobRoles.userId, theirs.user.id)).orderBy(jobRoles.id)).toEqual(theirRows);
    expect(await importRoles(t.db, { userId: mine.user.id, roles: [] })).toEqual({ added: 0 });
  });
});
