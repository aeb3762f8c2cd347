import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rowsOf } from "@/db/queries/rows";
import { seedJournal } from "@/db/seed/journal";
import { createContact, createUser } from "../factories";
import { createTestDb, type TestDb } from "../helpers/test-db";

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => {
  await t?.close();
});

const NOW = new Date("2026-11-16T00:00:00Z");

async function userWithContacts(n: number) {
  const user = await createUser(t.db);
  for (let index = 0; index < n; index++) await createContact(t.db, { userId: user.id });
  return user;
}

async function one<T>(query: ReturnType<typeof sql>): Promise<T> {
  const [row] = rowsOf<T>(await t.db.execute(query));
  if (!row) throw new Error("no row");
  return row;
}

describe("seedJournal", () => {
  it("writes wins over the years, each in the role of its day, with 1–3 skills and 0–4 people", async () => {
    const user = await userWithContacts(40);
    const result = await seedJournal(t.db, { userId: user.id, wins: 500, years: 10, now: NOW });
    expect(result).toMatchObject({ roles: 5, wins: 500 });

    const span = await one<{ first: string; last: string; roleless: number }>(sql`
      select min(occurred_on)::text as first, max(occurred_on)::text as last,
        count(*) filter (where role_id is null)::int as roleless
      from wins where user_id = ${user.id}`);
    expect(span.first >= "2016-11-16" && span.first < "2016-12-16").toBe(true);
    expect(span).toMatchObject({ last: "2026-11-16", roleless: 0 });

    const outsideRole = await one<{ n: number }>(sql`
      select count(*)::int as n from wins w join job_roles r on r.id = w.role_id
      where w.user_id = ${user.id} and (w.occurred_on < r.started_on or w.occurred_on > coalesce(r.ended_on, w.occurred_on))`);
    expect(outsideRole.n).toBe(0);

    const perWin = await one<{ minSkills: number; maxSkills: number; minPeople: number; maxPeople: number }>(sql`
      select min(s)::int as "minSkills", max(s)::int as "maxSkills", min(p)::int as "minPeople", max(p)::int as "maxPeople"
      from (select w.id,
              (select count(*) from win_skills x where x.win_id = w.id) as s,
              (select count(*) from win_people x where x.win_id = w.id) as p
            from wins w where w.user_id = ${user.id}) counts`);
    expect(perWin).toEqual({ minSkills: 1, maxSkills: 3, minPeople: 0, maxPeople: 4 });

    const copiedDates = await one<{ n: number }>(sql`
      select count(*)::int as n from win_people p join wins w on w.id = p.win_id
      where p.user_id = ${user.id} and p.occurred_on <> w.occurred_on`);
    expect(copiedDates.n).toBe(0);
  });

  it("gives the same journal for the same options", async () => {
    const signature = async (userId: string) =>
      one<{ titles: string; people: number; tags: number }>(sql`
        select string_agg(title || occurred_on::text, '|' order by occurred_on, title) as titles,
          (select count(*) from win_people where user_id = ${userId})::int as people,
          (select count(*) from win_skills where user_id = ${userId})::int as tags
        from wins where user_id = ${userId}`);
    const a = await userWithContacts(10);
    const b = await userWithContacts(10);
    await seedJournal(t.db, { userId: a.id, wins: 60, now: NOW });
    await seedJournal(t.db, { userId: b.id, wins: 60, now: NOW });
    expect(await signature(a.id)).toEqual(await signature(b.id));
  });
});
