import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getContactRef } from "@/db/queries/contacts";
import { searchSkills } from "@/db/queries/wins-write";
import { skills, winPeople, winSkills, wins } from "@/db/schema";
import { defineAuthedAction } from "@/lib/actions/define-action";
import { deleteWin } from "@/lib/journal/delete-win";
import { recordWin } from "@/lib/journal/record-win";
import { updateWin } from "@/lib/journal/update-win";
import { listRoleOptions, loadWinForEdit, searchSkillOptions } from "@/lib/journal/win-form-options";
import { type WinInput, winIdSchema, winInputSchema, winUpdateSchema } from "@/lib/validations/journal";
import { roleOptionsSchema, skillSearchSchema } from "@/lib/validations/win-form-lookups";
import { createContact, createRole, createUser } from "../factories";
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
    record: define(winInputSchema, recordWin),
    update: define(winUpdateSchema, updateWin),
    remove: define(winIdSchema, deleteWin),
    load: define(winIdSchema, loadWinForEdit),
    skills: define(skillSearchSchema, searchSkillOptions),
    roles: define(roleOptionsSchema, listRoleOptions),
  };
}

async function setup() {
  const user = await createUser(t.db);
  const ada = await createContact(t.db, { userId: user.id, name: "Ada Lovelace" });
  const grace = await createContact(t.db, { userId: user.id, name: "Grace Hopper" });
  const role = await createRole(t.db, { userId: user.id, company: "Analytical Engines", title: "Engineer" });
  return { user, ada, grace, role, act: actionsAs(user.id) };
}

function win(values: Partial<WinInput> = {}): WinInput {
  return {
    occurredOn: "2026-03-02",
    roleId: null,
    kind: "delivered",
    title: "Shipped the new billing flow",
    what: "Rewrote the invoice pipeline",
    result: "Invoices go out the same day",
    metricValue: "40",
    metricUnit: "% faster",
    url: "",
    situation: "",
    task: "",
    skills: [],
    people: [],
    ...values,
  };
}

async function recorded(act: ReturnType<typeof actionsAs>, input: WinInput): Promise<string> {
  const result = await act.record(input);
  if (!result.ok) throw new Error(`setup failed: ${result.formError} ${JSON.stringify(result.fieldErrors)}`);
  return result.data.id;
}

// Every journal row of every user, to prove a refused call changed nothing.
async function snapshot() {
  return {
    wins: await t.db.select().from(wins).orderBy(wins.id),
    people: await t.db.select().from(winPeople).orderBy(winPeople.winId, winPeople.contactId, winPeople.part),
    skills: await t.db.select().from(skills).orderBy(skills.id),
    winSkills: await t.db.select().from(winSkills).orderBy(winSkills.winId, winSkills.skillId),
  };
}

async function skillNamesOf(winId: string): Promise<string[]> {
  const rows = await t.db
    .select({ name: skills.name, occurredOn: winSkills.occurredOn })
    .from(winSkills)
    .innerJoin(skills, eq(skills.id, winSkills.skillId))
    .where(eq(winSkills.winId, winId));
  return rows.map((row) => `${row.name}@${row.occurredOn}`).sort();
}

describe("recordWin", () => {
  it("records a win with two people (one can vouch), its skills and its role", async () => {
    const { user, ada, grace, role, act } = await setup();
    const id = await recorded(
      act,
      win({
        roleId: role.id,
        title: "  Shipped billing ",
        metricValue: "1,5",
        metricUnit: "days saved",
        url: "example.com/launch",
        situation: "Invoices were late",
        skills: ["TypeScript", " Postgres  tuning "],
        people: [
          { contactId: ada.id, part: "helped_me" },
          { contactId: grace.id, part: "can_vouch" },
        ],
      }),
    );
    const [row] = await t.db.select().from(wins).where(eq(wins.id, id));
    expect(row).toMatchObject({
      userId: user.id,
      roleId: role.id,
      occurredOn: "2026-03-02",
      kind: "delivered",
      title: "Shipped billing",
      metricValue: 1.5,
      metricUnit: "days saved",
      url: "https://example.com/launch",
      situation: "Invoices were late",
      task: null,
    });
    const people = await t.db.select().from(winPeople).where(eq(winPeople.winId, id));
    expect(people.map((p) => `${p.contactId}:${p.part}:${p.occurredOn}:${p.userId}`).sort()).toEqual(
      [`${ada.id}:helped_me:2026-03-02:${user.id}`, `${grace.id}:can_vouch:2026-03-02:${user.id}`].sort(),
    );
    expect(await skillNamesOf(id)).toEqual(["Postgres tuning@2026-03-02", "TypeScript@2026-03-02"]);
  });

  it("keeps no role when none is sent, and one person may play two parts", async () => {
    const { ada, act } = await setup();
    const id = await recorded(
      act,
      win({ people: [{ contactId: ada.id, part: "worked_with" }, { contactId: ada.id, part: "can_vouch" }] }),
    );
    const [row] = await t.db.select({ roleId: wins.roleId }).from(wins).where(eq(wins.id, id));
    expect(row?.roleId).toBeNull();
    expect(await t.db.select().from(winPeople).where(eq(winPeople.winId, id))).toHaveLength(2);
  });

  it("keeps one skill per name in any case, across wins", async () => {
    const { user, act } = await setup();
    const first = await recorded(act, win({ skills: ["TypeScript", "typescript", "Leadership"] }));
    const second = await recorded(act, win({ occurredOn: "2026-03-05", skills: ["TYPESCRIPT", "Mentoring"] }));
    const mine = await t.db.select({ name: skills.name }).from(skills).where(eq(skills.userId, user.id));
    expect(mine.map((s) => s.name).sort()).toEqual(["Leadership", "Mentoring", "TypeScript"]);
    expect(await skillNamesOf(first)).toEqual(["Leadership@2026-03-02", "TypeScript@2026-03-02"]);
    expect(await skillNamesOf(second)).toEqual(["Mentoring@2026-03-05", "TypeScript@2026-03-05"]);
  });

  it("refuses bad input at the fields, and writes nothing", async () => {
    const { act } = await setup();
    const before = await snapshot();
    const result = await act.record(
      win({ title: " ", occurredOn: "2999-01-01", metricValue: "", metricUnit: "%", url: "javascript:alert(1)", kind: "won" as "led" }),
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(Object.keys(result.fieldErrors ?? {}).sort()).toEqual(["kind", "metricValue", "occurredOn", "title", "url"]);
    expect(await snapshot()).toEqual(before);
  });

  it("refuses another user's contact or role, naming the field, and writes nothing", async () => {
    const mine = await setup();
    const theirs = await setup();
    const before = await snapshot();
    const withTheirContact = await mine.act.record(
      win({
        skills: ["Brand new skill"],
        people: [
          { contactId: mine.ada.id, part: "helped_me" },
          { contactId: theirs.grace.id, part: "can_vouch" },
        ],
      }),
    );
    expect(withTheirContact).toMatchObject({ ok: false, formError: "Contact not found.", fieldErrors: { people: [expect.any(String)] } });
    const withTheirRole = await mine.act.record(win({ roleId: theirs.role.id, skills: ["Brand new skill"] }));
    expect(withTheirRole).toMatchObject({ ok: false, fieldErrors: { roleId: [expect.any(String)] } });
    expect(await snapshot()).toEqual(before);
  });

  it("asks for a session when there is none, and writes nothing", async () => {
    const before = await snapshot();
    expect(await actionsAs(null).record(win())).toEqual({ ok: false, formError: expect.stringMatching(/sign in/i) });
    expect(await snapshot()).toEqual(before);
  });
});

describe("updateWin and getWinForEdit", () => {
  it("loads a win as the form edits it, with names", async () => {
    const { ada, grace, role, act } = await setup();
    const id = await recorded(
      act,
      win({
        roleId: role.id,
        skills: ["Rust", "go"],
        people: [
          { contactId: grace.id, part: "can_vouch" },
          { contactId: ada.id, part: "helped_me" },
        ],
      }),
    );
    expect(await act.load({ id })).toEqual({
      ok: true,
      data: {
        id,
        occurredOn: "2026-03-02",
        roleId: role.id,
        kind: "delivered",
        title: "Shipped the new billing flow",
        what: "Rewrote the invoice pipeline",
        result: "Invoices go out the same day",
        metricValue: 40,
        metricUnit: "% faster",
        url: null,
        situation: null,
        task: null,
        skills: ["go", "Rust"],
        people: [
          { contactId: ada.id, name: "Ada Lovelace", part: "helped_me" },
          { contactId: grace.id, name: "Grace Hopper", part: "can_vouch" },
        ],
      },
    });
  });

  it("replaces the fields, people and skills, moving their dates and updated_at", async () => {
    const { ada, grace, role, act } = await setup();
    const id = await recorded(
      act,
      win({ roleId: role.id, skills: ["Rust", "Go"], people: [{ contactId: ada.id, part: "helped_me" }] }),
    );
    const [before] = await t.db.select({ updatedAt: wins.updatedAt }).from(wins).where(eq(wins.id, id));
    const loaded = await act.load({ id });
    if (!loaded.ok) throw new Error("load failed");
    // What the form sends back: the loaded values, edited.
    const result = await act.update({
      ...loaded.data,
      occurredOn: "2026-02-20",
      roleId: null,
      kind: "led",
      metricValue: null,
      metricUnit: null,
      skills: ["rust", "Hiring"],
      people: [{ contactId: grace.id, part: "i_helped" }],
    });
    expect(result).toEqual({ ok: true, data: { id } });
    const [row] = await t.db.select().from(wins).where(eq(wins.id, id));
    expect(row).toMatchObject({ occurredOn: "2026-02-20", roleId: null, kind: "led", metricValue: null, metricUnit: null });
    expect(row?.updatedAt.getTime()).toBeGreaterThanOrEqual(before?.updatedAt.getTime() ?? Infinity);
    const people = await t.db.select().from(winPeople).where(eq(winPeople.winId, id));
    expect(people.map((p) => [p.contactId, p.part, p.occurredOn])).toEqual([[grace.id, "i_helped", "2026-02-20"]]);
    // "rust" is the skill the user already has as "Rust".
    expect(await skillNamesOf(id)).toEqual(["Hiring@2026-02-20", "Rust@2026-02-20"]);
  });

  it("answers 'not found' for another user's win, contact or role, and nothing changes", async () => {
    const mine = await setup();
    const theirs = await setup();
    const theirWin = await recorded(theirs.act, win({ skills: ["Secret skill"], people: [{ contactId: theirs.ada.id, part: "can_vouch" }] }));
    const myWin = await recorded(mine.act, win({ people: [{ contactId: mine.ada.id, part: "helped_me" }] }));
    const before = await snapshot();

    expect(await mine.act.load({ id: theirWin })).toEqual({ ok: false, formError: "Win not found." });
    expect(await mine.act.update({ id: theirWin, ...win({ skills: ["Mine now"] }) })).toEqual({
      ok: false,
      formError: "Win not found.",
    });
    expect(await mine.act.remove({ id: theirWin })).toEqual({ ok: false, formError: "Win not found." });
    expect(
      await mine.act.update({ id: myWin, ...win({ skills: ["New"], people: [{ contactId: theirs.ada.id, part: "helped_me" }] }) }),
    ).toMatchObject({ ok: false, fieldErrors: { people: [expect.any(String)] } });
    expect(await mine.act.update({ id: myWin, ...win({ roleId: theirs.role.id }) })).toMatchObject({
      ok: false,
      fieldErrors: { roleId: [expect.any(String)] },
    });
    expect(await snapshot()).toEqual(before);
  });

  it("refuses bad input on edit at the fields, and changes nothing", async () => {
    const { act } = await setup();
    const id = await recorded(act, win());
    const before = await snapshot();
    const result = await act.update({ id, ...win({ metricValue: "lots", title: "" }) });
    expect(result).toMatchObject({ ok: false, fieldErrors: { metricValue: [expect.any(String)], title: [expect.any(String)] } });
    expect(await snapshot()).toEqual(before);
  });
});

describe("deleteWin", () => {
  it("deletes the win with its people and skill links; the skills stay the user's", async () => {
    const { user, ada, act } = await setup();
    const id = await recorded(act, win({ skills: ["Negotiation"], people: [{ contactId: ada.id, part: "helped_me" }] }));
    expect(await act.remove({ id })).toEqual({ ok: true, data: { id } });
    expect(await t.db.select().from(wins).where(eq(wins.id, id))).toEqual([]);
    expect(await t.db.select().from(winPeople).where(eq(winPeople.winId, id))).toEqual([]);
    expect(await t.db.select().from(winSkills).where(eq(winSkills.winId, id))).toEqual([]);
    const kept = await t.db.select({ name: skills.name }).from(skills).where(eq(skills.userId, user.id));
    expect(kept).toEqual([{ name: "Negotiation" }]);
    expect(await act.remove({ id })).toEqual({ ok: false, formError: "Win not found." });
  });
});

describe("searchSkills and the role list", () => {
  it("offers only the user's own skills: prefix first, then the most used", async () => {
    const { user, act } = await setup();
    const theirs = await setup();
    await recorded(theirs.act, win({ skills: ["Typesetting", "Types of mine"] }));
    await recorded(act, win({ skills: ["Prototyping", "TypeScript"] }));
    await recorded(act, win({ skills: ["Prototyping", "Type theory"] }));
    await recorded(act, win({ skills: ["Prototyping", "100% coverage"] }));

    const found = await searchSkills(t.db, { userId: user.id, q: "TYP", limit: 10 });
    expect(found.map((s) => [s.name, s.uses])).toEqual([
      ["Type theory", 1],
      ["TypeScript", 1],
      ["Prototyping", 3],
    ]);
    expect((await searchSkills(t.db, { userId: user.id, q: "", limit: 1 })).map((s) => s.name)).toEqual(["Prototyping"]);
    // LIKE's wildcards are matched as themselves.
    expect((await searchSkills(t.db, { userId: user.id, q: "%", limit: 10 })).map((s) => s.name)).toEqual(["100% coverage"]);
    expect(await act.skills({ q: "set" })).toEqual({ ok: true, data: [] });
  });

  it("lists only the user's roles", async () => {
    const { role, act } = await setup();
    await setup();
    expect(await act.roles({})).toEqual({
      ok: true,
      data: [{ id: role.id, company: role.company, title: role.title, startedOn: role.startedOn, endedOn: null }],
    });
  });
});

describe("getContactRef (the new-win page's ?contact=)", () => {
  it("names the user's own contact, and nothing else", async () => {
    const { user, ada } = await setup();
    const theirs = await setup();
    expect(await getContactRef(t.db, { userId: user.id, contactId: ada.id })).toEqual({ id: ada.id, name: "Ada Lovelace" });
    expect(await getContactRef(t.db, { userId: user.id, contactId: theirs.ada.id })).toBeUndefined();
    expect(await getContactRef(t.db, { userId: user.id, contactId: "not-a-uuid" })).toBeUndefined();
  });
});
