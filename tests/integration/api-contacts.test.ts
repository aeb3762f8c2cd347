import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { encodeCursor } from "@/lib/api/v1/keyset-cursor";
import {
  archiveContact,
  createContact,
  getContact,
  listContacts,
  unarchiveContact,
  updateContact,
} from "@/lib/api/v1/contacts";
import { contactListSchema, contactSchema } from "@/lib/api/v1/contact-schemas";
import { listContactsAfter } from "@/db/queries/contacts";
import { contactCircles, contactEmails, contacts } from "@/db/schema";
import { CONTACT_SORTS } from "@/lib/domain/enums";
import { createCircle, createContact as seedContact, createUser } from "../factories";
import { callOperation, issueToken, jsonOf } from "../helpers/api";
import { releaseAppDb, useAsAppDb } from "../helpers/app-db";
import { userFingerprint } from "../helpers/db-fingerprint";
import { createTestDb, type TestDb } from "../helpers/test-db";

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
  useAsAppDb(t);
});
afterAll(async () => {
  releaseAppDb();
  await t?.close();
});

type Problem = { status: number; detail: string; errors?: Record<string, string[]> };

async function person() {
  const user = await createUser(t.db, { timeZone: "Europe/London" });
  return { user, token: await issueToken(t.db, user.id), readToken: await issueToken(t.db, user.id, "read") };
}

// A user's rows but their tokens' own bookkeeping (last used, rate-limit
// windows), which every request moves.
const TOKEN_BOOKKEEPING = new Set(["api_tokens", "rate_limits"]);
async function dataOf(userId: string) {
  return Object.entries(await userFingerprint(t.db, userId)).filter(([table]) => !TOKEN_BOOKKEEPING.has(table));
}

const contactsOf = (userId: string) => t.db.select().from(contacts).where(eq(contacts.userId, userId));

describe("GET /contacts", () => {
  it("walks every contact once with the cursor, in the sort asked for, each as its summary", async () => {
    const { user, readToken } = await person();
    const circle = await createCircle(t.db, { userId: user.id, name: "Climbing" });
    const names = ["Grace", "ada", "Ada", "Linus", "Barbara", "Edsger", "Ken"];
    for (const name of names) {
      const contact = await seedContact(t.db, { userId: user.id, name, company: "Acme" });
      if (name === "Grace") await t.db.insert(contactCircles).values({ userId: user.id, contactId: contact.id, circleId: circle.id });
    }
    await seedContact(t.db, { userId: (await createUser(t.db)).id, name: "Aaron (someone else's)" });

    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const query: Record<string, string> = { limit: "3", ...(cursor ? { cursor } : {}) };
      const page = contactListSchema.parse(await jsonOf(await callOperation(listContacts, { token: readToken, query }), 200));
      seen.push(...page.data.map((row) => row.name));
      const grace = page.data.find((row) => row.name === "Grace");
      if (grace) expect(grace.circles).toEqual([{ id: circle.id, name: "Climbing" }]);
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen.map((name) => name.toLowerCase())).toEqual([...names].map((name) => name.toLowerCase()).sort());
  });

  it("walks every sort through its cursor to the list the Contacts page shows", async () => {
    const { user, readToken } = await person();
    const touched = new Date("2026-11-01T10:00:00.123Z");
    for (let index = 0; index < 8; index++) {
      await seedContact(t.db, {
        userId: user.id,
        name: index % 2 ? "Sam" : "sam",
        lastTouchedAt: index % 3 ? touched : null,
        nextDueAt: index % 4 ? new Date(touched.getTime() + (index % 2) * 86_400_000) : null,
      });
    }
    for (const sort of CONTACT_SORTS) {
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const query: Record<string, string> = { sort, limit: "3", ...(cursor ? { cursor } : {}) };
        const page = contactListSchema.parse(await jsonOf(await callOperation(listContacts, { token: readToken, query }), 200));
        seen.push(...page.data.map((row) => row.id));
        cursor = page.nextCursor;
      } while (cursor);
      const shown = await listContactsAfter(t.db, { userId: user.id, sort, pageSize: 100 });
      expect(seen, sort).toEqual(shown.rows.map((row) => row.id));
    }
  });

  it("filters as the Contacts page does: search, archived, overdue", async () => {
    const { user, readToken } = await person();
    await seedContact(t.db, { userId: user.id, name: "Margaret Hamilton", nextDueAt: new Date("2020-01-01T00:00:00Z") });
    await seedContact(t.db, { userId: user.id, name: "Katherine Johnson", archivedAt: new Date() });
    const names = async (query: Record<string, string>) => {
      const page = contactListSchema.parse(await jsonOf(await callOperation(listContacts, { token: readToken, query }), 200));
      return page.data.map((row) => row.name);
    };
    expect(await names({ q: "hamil" })).toEqual(["Margaret Hamilton"]);
    expect(await names({ archived: "true" })).toEqual(["Katherine Johnson"]);
    expect(await names({ overdue: "true", sort: "next_due" })).toEqual(["Margaret Hamilton"]);
  });

  it("refuses a cursor that does not parse, or was made for another sort, at cursor", async () => {
    const { user, readToken } = await person();
    for (const name of ["A", "B", "C"]) await seedContact(t.db, { userId: user.id, name });
    const first = contactListSchema.parse(
      await jsonOf(await callOperation(listContacts, { token: readToken, query: { limit: "1" } }), 200),
    );
    expect(first.nextCursor).not.toBeNull();
    const refused = async (query: Record<string, string>) =>
      (await jsonOf<Problem>(await callOperation(listContacts, { token: readToken, query }), 400)).errors;
    expect(Object.keys((await refused({ sort: "next_due", cursor: first.nextCursor ?? "" })) ?? {})).toEqual(["cursor"]);
    expect(Object.keys((await refused({ cursor: "not a cursor!" })) ?? {})).toEqual(["cursor"]);
    expect(Object.keys((await refused({ cursor: encodeCursor({ sort: "name", name: "a" }) })) ?? {})).toEqual(["cursor"]);
    const impossibleDay = encodeCursor({ sort: "last_touch", at: "2026-02-30T10:00:00.000000Z", id: randomUUID() });
    expect(Object.keys((await refused({ sort: "last_touch", cursor: impossibleDay })) ?? {})).toEqual(["cursor"]);
    expect(Object.keys((await refused({ limit: "0", sort: "bogus" })) ?? {}).sort()).toEqual(["limit", "sort"]);
  });
});

describe("GET /contacts/{id}", () => {
  it("answers the contact with its rows, circles, schedule and health with its reasons", async () => {
    const { user, readToken } = await person();
    const contact = await seedContact(t.db, { userId: user.id, name: "Ada Lovelace", company: "Analytical Engines" });
    await t.db.insert(contactEmails).values({ userId: user.id, contactId: contact.id, email: "ada@example.com", isPrimary: true });
    const body = contactSchema.parse(await jsonOf(await callOperation(getContact, { token: readToken, params: { id: contact.id } }), 200));
    expect(body).toMatchObject({ id: contact.id, name: "Ada Lovelace", emails: [{ email: "ada@example.com", label: null }] });
    expect(body.health?.explanation).toMatch(/since you added them|Added today/);
    expect(body.health?.score).toEqual(expect.any(Number));
  });

  it("answers 404 for another user's contact, and for an id that is none", async () => {
    const { readToken } = await person();
    const theirs = await seedContact(t.db, { userId: (await createUser(t.db)).id });
    expect((await callOperation(getContact, { token: readToken, params: { id: theirs.id } })).status).toBe(404);
    expect((await callOperation(getContact, { token: readToken, params: { id: "nope" } })).status).toBe(404);
  });
});

describe("POST /contacts", () => {
  const newContact = { name: "Grace Hopper", company: "US Navy", tier: "inner", emails: [{ email: "grace@example.com" }] };

  it("creates the contact as the New contact form does and answers it, 201", async () => {
    const { user, token } = await person();
    const circle = await createCircle(t.db, { userId: user.id, name: "Mentors" });
    const response = await callOperation(createContact, { token, body: { ...newContact, circleIds: [circle.id], newCircleNames: ["Navy"] } });
    const body = contactSchema.parse(await jsonOf(response, 201));
    expect(body).toMatchObject({ name: "Grace Hopper", tier: "inner", emails: [{ email: "grace@example.com", label: null }] });
    expect(body.circles.map((c) => c.name).sort()).toEqual(["Mentors", "Navy"]);
    expect(body.nextDueAt).not.toBeNull();
    const [row] = await contactsOf(user.id);
    expect(row).toMatchObject({ id: body.id, name: "Grace Hopper", company: "US Navy" });
  });

  it("answers 409 with the likely duplicates and saves nothing, until confirmDuplicate is true", async () => {
    const { user, token } = await person();
    const sameName = { ...newContact, emails: [] };
    const first = contactSchema.parse(await jsonOf(await callOperation(createContact, { token, body: sameName }), 201));
    const conflict = await jsonOf<Problem>(await callOperation(createContact, { token, body: sameName }), 409);
    expect(conflict.detail).toContain("confirmDuplicate: true");
    expect(conflict.errors?.confirmDuplicate?.[0]).toContain(first.id);
    expect(await contactsOf(user.id)).toHaveLength(1);
    await jsonOf(await callOperation(createContact, { token, body: { ...sameName, confirmDuplicate: true } }), 201);
    expect(await contactsOf(user.id)).toHaveLength(2);
  });

  it("answers 409 at the email's row, naming who has it, for an email another contact has, confirmDuplicate or not", async () => {
    const { user, token } = await person();
    const first = contactSchema.parse(await jsonOf(await callOperation(createContact, { token, body: newContact }), 201));
    const again = { ...newContact, name: "Amazing Grace", emails: [{ email: "GRACE@example.com" }] };
    for (const body of [again, { ...again, confirmDuplicate: true }]) {
      const conflict = await jsonOf<Problem>(await callOperation(createContact, { token, body }), 409);
      expect(conflict.errors?.["emails.0.email"]).toEqual(["Grace Hopper already has this email."]);
    }
    const other = contactSchema.parse(
      await jsonOf(await callOperation(createContact, { token, body: { ...newContact, name: "Ada Lovelace", emails: [{ email: "ada@example.com" }] } }), 201),
    );
    const patched = await callOperation(updateContact, {
      token,
      params: { id: other.id },
      body: { emails: [{ email: "ada@example.com" }, { email: "grace@EXAMPLE.com" }] },
    });
    const refused = await jsonOf<Problem>(patched, 409);
    expect(refused.errors?.["emails.1.email"]).toEqual(["Grace Hopper already has this email."]);
    expect((await contactsOf(user.id)).map((row) => row.id).sort()).toEqual([first.id, other.id].sort());
  });

  it("saves once for an idempotencyKey sent twice, answering the same contact", async () => {
    const { user, token } = await person();
    const body = { ...newContact, idempotencyKey: randomUUID() };
    const first = contactSchema.parse(await jsonOf(await callOperation(createContact, { token, body }), 201));
    const replay = contactSchema.parse(await jsonOf(await callOperation(createContact, { token, body }), 201));
    expect(replay.id).toBe(first.id);
    expect(await contactsOf(user.id)).toHaveLength(1);
  });

  it("refuses a bad body with the fields named, and a read-only token, saving nothing", async () => {
    const { user, token, readToken } = await person();
    const bad = await jsonOf<Problem>(
      await callOperation(createContact, { token, body: { name: " ", tier: "best", emails: [{ email: "nope" }] } }),
      400,
    );
    expect(Object.keys(bad.errors ?? {}).sort()).toEqual(["emails.0.email", "name", "tier"]);
    expect((await callOperation(createContact, { token: readToken, body: newContact })).status).toBe(403);
    expect(await contactsOf(user.id)).toHaveLength(0);
  });
});

describe("PATCH /contacts/{id}", () => {
  async function seeded() {
    const who = await person();
    const contact = await seedContact(t.db, { userId: who.user.id, name: "Alan Turing", company: "Bletchley", role: "Codebreaker" });
    await t.db.insert(contactEmails).values({ userId: who.user.id, contactId: contact.id, email: "alan@example.com", isPrimary: true });
    return { ...who, contact };
  }

  it("changes the fields sent and keeps the others; a list sent replaces the stored one", async () => {
    const { token, contact } = await seeded();
    const patched = contactSchema.parse(
      await jsonOf(await callOperation(updateContact, { token, params: { id: contact.id }, body: { role: null, cadenceDays: 20 } }), 200),
    );
    expect(patched).toMatchObject({ name: "Alan Turing", company: "Bletchley", role: null, cadenceDays: 20, effectiveCadenceDays: 20 });
    expect(patched.emails).toEqual([{ email: "alan@example.com", label: null }]);
    await jsonOf(
      await callOperation(updateContact, { token, params: { id: contact.id }, body: { emails: [{ email: "turing@example.com", label: "Work" }] } }),
      200,
    );
    const emails = await t.db.select({ email: contactEmails.email }).from(contactEmails).where(eq(contactEmails.contactId, contact.id));
    expect(emails).toEqual([{ email: "turing@example.com" }]);
    const [row] = await t.db.select().from(contacts).where(eq(contacts.id, contact.id));
    expect(row).toMatchObject({ role: null, cadenceDays: 20, company: "Bletchley" });
  });

  it("checks the merged contact whole: a field error names the field, and nothing changes", async () => {
    const { user, token, contact } = await seeded();
    const before = await dataOf(user.id);
    const refused = await jsonOf<Problem>(
      await callOperation(updateContact, { token, params: { id: contact.id }, body: { birthdayMonth: 2, birthdayDay: 30 } }),
      400,
    );
    expect(Object.keys(refused.errors ?? {})).toEqual(["birthdayDay"]);
    const blank = await jsonOf<Problem>(await callOperation(updateContact, { token, params: { id: contact.id }, body: { name: "" } }), 400);
    expect(Object.keys(blank.errors ?? {})).toEqual(["name"]);
    const twice = [{ email: "a@example.com" }, { email: "A@example.com" }];
    const repeated = await jsonOf<Problem>(await callOperation(updateContact, { token, params: { id: contact.id }, body: { emails: twice } }), 400);
    expect(repeated.errors).toEqual({ "emails.1.email": ["This email is already listed."] });
    expect(await dataOf(user.id)).toEqual(before);
    const [row] = await t.db.select().from(contacts).where(eq(contacts.id, contact.id));
    expect(row).toMatchObject({ name: "Alan Turing", birthdayMonth: null });
  });

  it("answers 404 for another user's contact and changes nothing of theirs; 403 for a read-only token", async () => {
    const { contact, user: owner, readToken } = await seeded();
    const intruder = await person();
    const before = await dataOf(owner.id);
    const response = await callOperation(updateContact, { token: intruder.token, params: { id: contact.id }, body: { name: "Mallory" } });
    expect(response.status).toBe(404);
    expect((await callOperation(updateContact, { token: readToken, params: { id: contact.id }, body: { name: "Mallory" } })).status).toBe(403);
    const [row] = await t.db.select({ name: contacts.name }).from(contacts).where(eq(contacts.id, contact.id));
    expect(row?.name).toBe("Alan Turing");
    expect(await dataOf(owner.id)).toEqual(before);
  });
});

describe("POST /contacts/{id}/archive and /unarchive", () => {
  it("archives and unarchives as the contact page's buttons do", async () => {
    const { user, token } = await person();
    const contact = await seedContact(t.db, { userId: user.id, name: "Hedy Lamarr" });
    const archived = contactSchema.parse(await jsonOf(await callOperation(archiveContact, { token, params: { id: contact.id } }), 200));
    expect(archived.archivedAt).not.toBeNull();
    expect(archived.health).toBeNull();
    const [row] = await t.db.select({ archivedAt: contacts.archivedAt }).from(contacts).where(eq(contacts.id, contact.id));
    expect(row?.archivedAt).toBeInstanceOf(Date);
    const back = contactSchema.parse(await jsonOf(await callOperation(unarchiveContact, { token, params: { id: contact.id } }), 200));
    expect(back.archivedAt).toBeNull();
    const [again] = await t.db.select({ archivedAt: contacts.archivedAt }).from(contacts).where(eq(contacts.id, contact.id));
    expect(again?.archivedAt).toBeNull();
  });

  it("answers 404 for another user's contact, 403 for a read-only token, and changes nothing", async () => {
    const owner = await person();
    const contact = await seedContact(t.db, { userId: owner.user.id, name: "Radia Perlman" });
    const intruder = await person();
    const before = await dataOf(owner.user.id);
    expect((await callOperation(archiveContact, { token: intruder.token, params: { id: contact.id } })).status).toBe(404);
    expect((await callOperation(unarchiveContact, { token: intruder.token, params: { id: contact.id } })).status).toBe(404);
    expect((await callOperation(archiveContact, { token: owner.readToken, params: { id: contact.id } })).status).toBe(403);
    expect(await dataOf(owner.user.id)).toEqual(before);
    const rows = await t.db
      .select()
      .from(contacts)
      .where(and(eq(contacts.id, contact.id), eq(contacts.userId, owner.user.id)));
    expect(rows[0]?.archivedAt).toBeNull();
  });
});
