import { asc, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { contactEmails, contacts } from "@/db/schema";
import { applyMigrations, applyMigrationsBefore } from "../helpers/migration-steps";
import { createTestDb, type TestDb } from "../helpers/test-db";

// Migration 0016 makes an email one contact's per user. Applied by hand here
// (the schema up to 0015, the rows 0016 must cope with, then 0016) on both
// engines, so it is shown to run on the data users already have.
const UNIQUE_EMAILS = "0016_contact_email_unique_search";

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb({ migrate: false });
});
afterAll(async () => {
  await t?.close();
});

describe(`migration ${UNIQUE_EMAILS}`, () => {
  it("keeps each email a user holds twice on the oldest contact, and lists the others' copies in their extra fields", async () => {
    await applyMigrationsBefore(t.db, UNIQUE_EMAILS);

    const [me, other] = ["me", "other"].map(() => crypto.randomUUID());
    await t.db.execute(sql`insert into users (id, email) values (${me}, 'me@kith.example'), (${other}, 'other@kith.example')`);
    const contact = async (userId: string | undefined, name: string, createdAt: string, extra = "{}") => {
      const id = crypto.randomUUID();
      await t.db.execute(sql`insert into contacts (id, user_id, name, created_at, extra)
        values (${id}, ${userId}, ${name}, ${createdAt}::timestamptz, ${extra}::jsonb)`);
      return id;
    };
    const oldest = await contact(me, "Ada", "2020-01-01T00:00:00Z");
    const newer = await contact(me, "Ada again", "2021-01-01T00:00:00Z", '{"Emails also on another contact": "earlier@x.example"}');
    const newest = await contact(me, "Ada thrice", "2022-01-01T00:00:00Z");
    const theirs = await contact(other, "Their Ada", "2019-01-01T00:00:00Z");
    const email = (userId: string | undefined, contactId: string, address: string, isPrimary = false) =>
      t.db.execute(sql`insert into contact_emails (user_id, contact_id, email, is_primary) values (${userId}, ${contactId}, ${address}, ${isPrimary})`);
    await email(me, newest, "ADA@x.example", true);
    await email(me, newer, "ada@X.example", true);
    await email(me, newer, "second@x.example");
    await email(me, oldest, "ada@x.example", true);
    await email(me, oldest, "Ada@x.example");
    await email(other, theirs, "ada@x.example", true);

    await applyMigrations(t.db, [UNIQUE_EMAILS]);

    const rows = await t.db
      .select({ contactId: contactEmails.contactId, email: contactEmails.email })
      .from(contactEmails)
      .orderBy(asc(contactEmails.email));
    expect(rows.filter((row) => row.contactId !== theirs)).toEqual(
      expect.arrayContaining([
        { contactId: oldest, email: "ada@x.example" },
        { contactId: newer, email: "second@x.example" },
      ]),
    );
    expect(rows).toHaveLength(3);
    const extraOf = async (id: string) =>
      (await t.db.select({ extra: contacts.extra }).from(contacts).where(eq(contacts.id, id)))[0]?.extra;
    expect(await extraOf(oldest)).toEqual({});
    expect(await extraOf(newer)).toEqual({ "Emails also on another contact": ["earlier@x.example", "ada@X.example"] });
    expect(await extraOf(newest)).toEqual({ "Emails also on another contact": ["ADA@x.example"] });
    expect(await extraOf(theirs)).toEqual({});

    // The search document holds each contact's emails from then on.
    const [found] = await t.db.select({ emailText: contacts.emailText, searchText: contacts.searchText }).from(contacts).where(eq(contacts.id, newer));
    expect(found?.emailText).toBe("second@x.example");
    expect(found?.searchText).toContain("second@x.example");
    await expect(email(me, newest, "ADA@X.EXAMPLE")).rejects.toThrow();
  });
});
