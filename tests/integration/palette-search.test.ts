import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { paletteContacts } from "@/db/queries/contact-search";
import { contactEmails } from "@/db/schema";
import { defineAuthedAction } from "@/lib/actions/define-action";
import { PALETTE_CONTACTS_LIMIT, searchPaletteContacts } from "@/lib/contacts/palette-contacts";
import { contactSearchSchema } from "@/lib/validations/touch";
import { createContact, createUser } from "../factories";
import { createTestDb, type TestDb } from "../helpers/test-db";

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => {
  await t?.close();
});

const at = (day: string) => new Date(`${day}T12:00:00Z`);

// The production action is this composition with the session's user id.
function searchAs(userId: string | null) {
  return defineAuthedAction({ getUserId: async () => userId, getDb: async () => t.db })(contactSearchSchema, searchPaletteContacts);
}

// A user whose contacts cover every order the palette distinguishes, and a
// stranger whose contacts are touched later and match the same words, so a
// missing `user_id` would put theirs first.
async function setup() {
  const me = await createUser(t.db);
  const stranger = await createUser(t.db);
  const ada = await createContact(t.db, {
    userId: me.id,
    name: "Ada Lovelace",
    company: "Analytical Engines",
    lastTouchedAt: at("2026-03-01"),
    createdAt: at("2025-01-01"),
    healthScore: 62,
    healthBand: "steady",
  });
  const grace = await createContact(t.db, {
    userId: me.id,
    name: "Grace Hopper",
    company: "Navy",
    lastTouchedAt: at("2026-03-05"),
    createdAt: at("2025-01-01"),
  });
  const newer = await createContact(t.db, { userId: me.id, name: "Alan Turing", createdAt: at("2026-02-01") });
  const older = await createContact(t.db, { userId: me.id, name: "Adele Goldberg", createdAt: at("2025-06-01") });
  await t.db.insert(contactEmails).values({ userId: me.id, contactId: older.id, email: "adele@smalltalk.example" });
  await createContact(t.db, { userId: me.id, name: "Ada Archived", lastTouchedAt: at("2026-04-01"), archivedAt: at("2026-04-02") });
  for (const name of ["Ada Stranger", "Grace Stranger", "Adele Stranger"]) {
    const theirs = await createContact(t.db, { userId: stranger.id, name, company: "Analytical Engines", lastTouchedAt: at("2026-05-01") });
    await t.db.insert(contactEmails).values({ userId: stranger.id, contactId: theirs.id, email: `${name.split(" ")[0]}@smalltalk.example` });
  }
  return { me, stranger, ada, grace, newer, older };
}

const names = async (userId: string, q: string, limit = 10) =>
  (await paletteContacts(t.db, { userId, q, limit })).map((contact) => contact.name);

describe("paletteContacts", () => {
  it("lists the recent contacts for an empty query: last touched first, then the never touched, newest first", async () => {
    const { me } = await setup();
    expect(await names(me.id, "")).toEqual(["Grace Hopper", "Ada Lovelace", "Alan Turing", "Adele Goldberg"]);
    expect(await names(me.id, "   ")).toEqual(["Grace Hopper", "Ada Lovelace", "Alan Turing", "Adele Goldberg"]);
    expect(await names(me.id, "", 2)).toEqual(["Grace Hopper", "Ada Lovelace"]);
  });

  it("finds by name, company and email, in the same order, with one or two letters as with more", async () => {
    const { me } = await setup();
    expect(await names(me.id, "ad")).toEqual(["Ada Lovelace", "Adele Goldberg"]);
    expect(await names(me.id, "ADA")).toEqual(["Ada Lovelace"]);
    expect(await names(me.id, "analytical")).toEqual(["Ada Lovelace"]);
    expect(await names(me.id, "smalltalk.ex")).toEqual(["Adele Goldberg"]);
    expect(await names(me.id, "a")).toEqual(["Grace Hopper", "Ada Lovelace", "Alan Turing", "Adele Goldberg"]);
    expect(await names(me.id, "%")).toEqual([]);
    expect(await names(me.id, "nobody")).toEqual([]);
  });

  it("never lists another user's contacts, nor archived ones", async () => {
    const { me, stranger } = await setup();
    for (const q of ["", "a", "ada", "stranger", "analytical", "smalltalk"]) {
      const mine = await paletteContacts(t.db, { userId: me.id, q, limit: 10 });
      expect(mine.map((contact) => contact.name).filter((name) => /Stranger|Archived/.test(name))).toEqual([]);
    }
    expect((await names(stranger.id, "")).sort()).toEqual(["Ada Stranger", "Adele Stranger", "Grace Stranger"]);
  });

  it("returns name, company and the stored health, nothing more", async () => {
    const { me, ada, grace } = await setup();
    expect(await paletteContacts(t.db, { userId: me.id, q: "analytical", limit: 10 })).toEqual([
      { id: ada.id, name: "Ada Lovelace", company: "Analytical Engines", score: 62, band: "steady" },
    ]);
    expect(await paletteContacts(t.db, { userId: me.id, q: "navy", limit: 10 })).toEqual([
      { id: grace.id, name: "Grace Hopper", company: "Navy", score: null, band: null },
    ]);
  });
});

describe("searchPaletteContacts (the action)", () => {
  it("answers with the session user's contacts, at most a palette's worth", async () => {
    const { me, stranger } = await setup();
    for (let i = 0; i < PALETTE_CONTACTS_LIMIT + 2; i++) await createContact(t.db, { userId: me.id, name: `Zed ${i}` });
    const recent = await searchAs(me.id)({ q: "" });
    expect(recent.ok && recent.data).toHaveLength(PALETTE_CONTACTS_LIMIT);
    expect(recent.ok && recent.data.slice(0, 2).map((contact) => contact.name)).toEqual(["Grace Hopper", "Ada Lovelace"]);
    const zeds = await searchAs(me.id)({ q: "  zed " });
    expect(zeds.ok && zeds.data).toHaveLength(PALETTE_CONTACTS_LIMIT);
    const theirs = await searchAs(stranger.id)({ q: "ada" });
    expect(theirs.ok && theirs.data.map((contact) => contact.name)).toEqual(["Ada Stranger"]);
  });

  it("refuses without a session and validates the query", async () => {
    await setup();
    expect(await searchAs(null)({ q: "ada" })).toEqual({
      ok: false,
      formError: "Your session has ended. Sign in again to continue.",
    });
    const me = await createUser(t.db);
    expect(await searchAs(me.id)({ q: "x".repeat(101) })).toMatchObject({ ok: false, fieldErrors: { q: [expect.any(String)] } });
    expect(await searchAs(me.id)({ q: 42 } as never)).toMatchObject({ ok: false, fieldErrors: { q: [expect.any(String)] } });
  });
});
