import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { searchContacts } from "@/db/queries/contact-search";
import { replaceContactDetails } from "@/db/queries/contacts-write";
import { contactEmails, contacts } from "@/db/schema";
import { createContact, createUser } from "../factories";
import { createTestDb, type TestDb } from "../helpers/test-db";

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => {
  await t?.close();
});

describe("searchContacts", () => {
  it("finds by name, company, notes and email, only among the user's active contacts", async () => {
    const me = await createUser(t.db);
    const other = await createUser(t.db);
    const ada = await createContact(t.db, { userId: me.id, name: "Ada Lovelace", company: "Analytical Engines" });
    const grace = await createContact(t.db, { userId: me.id, name: "Grace Hopper", notes: "Met at the COBOL meetup" });
    const linus = await createContact(t.db, { userId: me.id, name: "Linus" });
    await t.db.insert(contactEmails).values({ userId: me.id, contactId: linus.id, email: "torvalds@kernel.example" });
    await createContact(t.db, { userId: me.id, name: "Ada Archived", archivedAt: new Date() });
    await createContact(t.db, { userId: other.id, name: "Ada Stranger" });

    const names = async (q: string) => (await searchContacts(t.db, { userId: me.id, q, limit: 10 })).map((c) => c.name);
    expect(await names("ada")).toEqual(["Ada Lovelace"]);
    expect(await names("ENGINES")).toEqual(["Ada Lovelace"]);
    expect(await names("cobol")).toEqual(["Grace Hopper"]);
    expect(await names("kernel.ex")).toEqual(["Linus"]);
    expect(await names("%")).toEqual([]);
    expect(await names("  ")).toEqual([]);
    expect(ada.id && grace.id).toBeTruthy();
  });
});

describe("the search document", () => {
  async function emailText(contactId: string): Promise<string | undefined> {
    const [row] = await t.db.select({ text: contacts.emailText }).from(contacts).where(eq(contacts.id, contactId));
    return row?.text;
  }

  it("follows every write to a contact's emails, whoever makes it", async () => {
    const me = await createUser(t.db);
    const ada = await createContact(t.db, { userId: me.id, name: "Ada Lovelace" });
    const names = async (q: string) => (await searchContacts(t.db, { userId: me.id, q, limit: 10 })).map((c) => c.name);

    await t.db.insert(contactEmails).values([
      { userId: me.id, contactId: ada.id, email: "Ada@Engines.example", isPrimary: true },
      { userId: me.id, contactId: ada.id, email: "countess@home.example" },
    ]);
    expect(await emailText(ada.id)).toBe("ada@engines.example countess@home.example");
    expect(await names("engines.ex")).toEqual(["Ada Lovelace"]);

    await t.db
      .update(contactEmails)
      .set({ email: "ada@babbage.example" })
      .where(eq(contactEmails.email, "Ada@Engines.example"));
    expect(await names("engines.ex")).toEqual([]);
    expect(await names("babbage")).toEqual(["Ada Lovelace"]);

    await replaceContactDetails(t.db, {
      userId: me.id,
      contactId: ada.id,
      details: { emails: [{ email: "lovelace@new.example", label: null }], phones: [], links: [] },
    });
    expect(await emailText(ada.id)).toBe("lovelace@new.example");
    expect(await names("countess")).toEqual([]);

    await t.db.delete(contactEmails).where(eq(contactEmails.contactId, ada.id));
    expect(await emailText(ada.id)).toBe("");
    expect(await names("lovelace@")).toEqual([]);
    expect(await names("lovelace")).toEqual(["Ada Lovelace"]);
  });

  it("answers one and two characters, and many matches, in the list's name order", async () => {
    const me = await createUser(t.db);
    for (const name of ["bea Quinn", "Ana Quinn", "Cai Quinn", "abe quinn"]) await createContact(t.db, { userId: me.id, name });
    await createContact(t.db, { userId: me.id, name: "Dev Other" });
    const names = async (q: string, limit = 10) =>
      (await searchContacts(t.db, { userId: me.id, q, limit })).map((c) => c.name);
    expect(await names("q")).toEqual(["abe quinn", "Ana Quinn", "bea Quinn", "Cai Quinn"]);
    expect(await names("QU", 2)).toEqual(["abe quinn", "Ana Quinn"]);
    expect(await names("quinn", 3)).toEqual(["abe quinn", "Ana Quinn", "bea Quinn"]);
  });
});
