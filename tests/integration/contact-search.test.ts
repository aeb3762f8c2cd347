import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { searchContacts } from "@/db/queries/contact-search";
import { contactEmails } from "@/db/schema";
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
