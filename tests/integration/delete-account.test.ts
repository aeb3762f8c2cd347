import { randomUUID } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { accounts, apiTokens, digestDeliveries, outboxMessages, sessions, users, verificationTokens } from "@/db/schema";
import { deleteAccount, WRONG_EMAIL } from "@/lib/account/delete-account";
import { defineAuthedAction } from "@/lib/actions/define-action";
import { deleteAccountInputSchema } from "@/lib/validations/account";
import { createBusyUser } from "../factories";
import { seedRichUser } from "../helpers/export-seed";
import { createTestDb, type TestDb } from "../helpers/test-db";

let t: TestDb;
const NOW = new Date("2026-11-20T10:00:00Z");

beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => {
  await t?.close();
});

// The production action is this composition with the session's user id.
function deleteAs(userId: string | null) {
  const authed = defineAuthedAction({ getUserId: async () => userId, getDb: async () => t.db });
  return authed(deleteAccountInputSchema, deleteAccount);
}

const rowsOf = (result: unknown): Record<string, unknown>[] =>
  Array.isArray(result) ? result : ((result as { rows: Record<string, unknown>[] }).rows ?? []);

// Every table with a user_id column, from the database itself, so a table
// added later is counted without anyone remembering to add it here.
async function userIdTables(): Promise<string[]> {
  const result = await t.db.execute(sql`
    select table_name from information_schema.columns
    where table_schema = 'public' and column_name = 'user_id'
    order by table_name`);
  return rowsOf(result).map((row) => String(row.table_name));
}

async function rowCounts(userId: string): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of await userIdTables()) {
    const result = await t.db.execute(sql`select count(*)::int as n from ${sql.identifier(table)} where user_id = ${userId}`);
    counts[table] = Number(rowsOf(result)[0]?.n);
  }
  const [user] = await t.db.select({ n: sql<number>`count(*)::int` }).from(users).where(eq(users.id, userId));
  counts.users = Number(user?.n);
  return counts;
}

// A user with everything the app stores: the rich seed (career plan
// included), plus a session, a
// linked account, a digest delivery, an API token, a pending sign-in link and mail in the outbox.
async function seedEverything() {
  const { user } = await seedRichUser(t.db, NOW);
  const sessionToken = randomUUID();
  await t.db.insert(sessions).values({ sessionToken, userId: user.id, expires: new Date(Date.now() + 86_400_000) });
  await t.db.insert(accounts).values({ userId: user.id, type: "email", provider: "email", providerAccountId: user.email });
  await t.db.insert(digestDeliveries).values({ userId: user.id, period: "2026-W47", status: "sent" });
  await t.db.insert(apiTokens).values({ userId: user.id, name: "Script", tokenHash: randomUUID(), prefix: "kith_AbC1", scopes: ["read"] });
  await t.db.insert(verificationTokens).values({ identifier: user.email, token: randomUUID(), expires: new Date(Date.now() + 3_600_000) });
  await t.db.insert(outboxMessages).values({ to: user.email, from: "kith@example.com", subject: "Your week", html: "<p>Ada</p>", text: "Ada" });
  return { user, sessionToken };
}

// The tables seedEverything fills for its user (others, like imports, may be empty).
const SEEDED = [
  "users",
  "accounts",
  "sessions",
  "contacts",
  "contact_emails",
  "contact_phones",
  "contact_links",
  "circles",
  "contact_circles",
  "events",
  "interactions",
  "interaction_contacts",
  "successes",
  "digest_deliveries",
  "api_tokens",
  "job_roles",
  "skills",
  "wins",
  "win_people",
  "win_skills",
  "goals",
  "stepping_stones",
  "stepping_stone_changes",
  "stone_skills",
  "stone_people",
  "stone_wins",
  "stone_events",
  "skill_levels",
  "skill_teachers",
  "learning_items",
  "learning_skills",
];

function expectSeeded(counts: Record<string, number>) {
  expect(SEEDED.filter((table) => !(Number(counts[table]) > 0))).toEqual([]);
}

// Tables with no user_id and no parent that has one: what they hold is not
// one user's (rate_limits counts requests by key) or is addressed by email,
// and deleteUserAccount deletes that by email.
const NOT_OWNED_BY_ID = ["outbox_messages", "rate_limits", "verification_tokens"];

describe("every table is tied to its user by a cascading foreign key", () => {
  it("so deleting the user row deletes everything with their user_id", async () => {
    const result = await t.db.execute(sql`
      select c.table_name,
        exists (
          select 1
          from information_schema.key_column_usage k
          join information_schema.referential_constraints r
            on r.constraint_name = k.constraint_name and r.constraint_schema = k.constraint_schema
          join information_schema.constraint_column_usage u
            on u.constraint_name = r.unique_constraint_name and u.constraint_schema = r.unique_constraint_schema
          where k.table_schema = c.table_schema and k.table_name = c.table_name and k.column_name = 'user_id'
            and u.table_name = 'users' and u.column_name = 'id' and r.delete_rule = 'CASCADE'
        ) as cascades
      from information_schema.columns c
      where c.table_schema = 'public' and c.column_name = 'user_id'
      order by c.table_name`);
    const tables = rowsOf(result);
    expect(tables.length).toBeGreaterThanOrEqual(13);
    expect(tables.filter((row) => !row.cascades).map((row) => row.table_name)).toEqual([]);
  });

  it("and a table without user_id hangs off one that has it, deleted with its parent", async () => {
    // Tables with no user_id column, and whether a cascading foreign key
    // ties them to a table that has one (import_rows → imports, say).
    const result = await t.db.execute(sql`
      select t.table_name,
        exists (
          select 1
          from information_schema.referential_constraints r
          join information_schema.key_column_usage k
            on k.constraint_name = r.constraint_name and k.constraint_schema = r.constraint_schema
          join information_schema.constraint_column_usage u
            on u.constraint_name = r.unique_constraint_name and u.constraint_schema = r.unique_constraint_schema
          join information_schema.columns parent
            on parent.table_schema = u.table_schema and parent.table_name = u.table_name and parent.column_name = 'user_id'
          where k.table_schema = t.table_schema and k.table_name = t.table_name and r.delete_rule = 'CASCADE'
        ) as has_owning_parent
      from information_schema.tables t
      where t.table_schema = 'public' and t.table_type = 'BASE TABLE' and t.table_name <> 'users'
        and not exists (
          select 1 from information_schema.columns c
          where c.table_schema = t.table_schema and c.table_name = t.table_name and c.column_name = 'user_id'
        )
      order by t.table_name`);
    const orphans = rowsOf(result)
      .filter((row) => !row.has_owning_parent)
      .map((row) => String(row.table_name));
    expect(orphans).toEqual(NOT_OWNED_BY_ID);
  });
});

describe("deleting my account", () => {
  it("with a wrong email deletes nothing and says which field is wrong", async () => {
    const { user } = await seedEverything();
    const before = await rowCounts(user.id);
    for (const email of ["someone-else@example.com", `${user.email}x`, ` ${user.email.replace("@", "")} `]) {
      expect(await deleteAs(user.id)({ email })).toEqual({
        ok: false,
        formError: "Nothing was deleted.",
        fieldErrors: { email: [WRONG_EMAIL] },
      });
    }
    expect(await deleteAs(user.id)({ email: "  " })).toMatchObject({ ok: false, fieldErrors: { email: ["Type your email address to confirm."] } });
    expect(await deleteAs(null)({ email: user.email })).toEqual({ ok: false, formError: "Your session has ended. Sign in again to continue." });
    expect(await rowCounts(user.id)).toEqual(before);
    expectSeeded(before);
  });

  it("leaves no row anywhere that is theirs, ends their sessions, and touches no one else", async () => {
    const { user, sessionToken } = await seedEverything();
    const bystander = await seedEverything();
    const busy = await createBusyUser(t.db, NOW);
    const [bystanderBefore, busyBefore] = [await rowCounts(bystander.user.id), await rowCounts(busy.user.id)];
    expectSeeded(await rowCounts(user.id));

    // Typed as it comes to mind: other case, stray spaces.
    expect(await deleteAs(user.id)({ email: `  ${user.email.toUpperCase()} ` })).toEqual({ ok: true, data: { deleted: true } });

    const after = await rowCounts(user.id);
    expect(Object.keys(after).length).toBeGreaterThanOrEqual(14);
    expect(Object.entries(after).filter(([, count]) => count !== 0)).toEqual([]);
    expect(await t.db.select().from(sessions).where(eq(sessions.sessionToken, sessionToken))).toEqual([]);
    // Rows that know them by email only: a pending sign-in link and their mail.
    expect(await t.db.select().from(verificationTokens).where(eq(verificationTokens.identifier, user.email))).toEqual([]);
    expect(await t.db.select().from(outboxMessages).where(eq(outboxMessages.to, user.email))).toEqual([]);

    expect(await rowCounts(bystander.user.id)).toEqual(bystanderBefore);
    expect(await rowCounts(busy.user.id)).toEqual(busyBefore);
    expect(await t.db.select().from(sessions).where(eq(sessions.sessionToken, bystander.sessionToken))).toHaveLength(1);
    expect(await t.db.select().from(outboxMessages).where(eq(outboxMessages.to, bystander.user.email))).toHaveLength(1);

    // Asked again (a second tab), there is nothing left to delete.
    expect(await deleteAs(user.id)({ email: user.email })).toEqual({ ok: false, formError: "Your account was not found. Sign in again." });
  });
});
