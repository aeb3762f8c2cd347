import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rowsOf } from "@/db/queries/rows";
import { seedCareer } from "@/db/seed/career";
import { seedJournal } from "@/db/seed/journal";
import { loadCareerOverview } from "@/lib/career/overview";
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

async function one<T>(query: ReturnType<typeof sql>): Promise<T> {
  const [row] = rowsOf<T>(await t.db.execute(query));
  if (!row) throw new Error("no row");
  return row;
}

describe("seedCareer", () => {
  it("writes goals with consistent paths, skills with years of levels and a learning log, all the user's own", async () => {
    const user = await createUser(t.db);
    const other = await createUser(t.db);
    for (let index = 0; index < 30; index++) await createContact(t.db, { userId: user.id });
    await createContact(t.db, { userId: other.id });
    await seedJournal(t.db, { userId: user.id, wins: 200, now: NOW });
    const result = await seedCareer(t.db, { userId: user.id, skills: 120, learningItems: 300, now: NOW });
    expect(result).toMatchObject({ goals: 20, stones: 200, skills: 120, learningItems: 300 });
    expect(result.levels).toBe(120 * 40);
    expect(result.stonePeople).toBeGreaterThan(200);
    expect(result.stoneWins).toBeGreaterThan(100);

    const paths = await one<{ gaps: number; badDone: number; northStars: number; activeNorthStar: boolean }>(sql`
      select
        (select count(*) from (
          select goal_id from stepping_stones where user_id = ${user.id}
          group by goal_id having min(position) <> 0 or max(position) <> count(*) - 1) g)::int as gaps,
        (select count(*) from stepping_stones where user_id = ${user.id}
          and (status = 'done') <> (completed_on is not null))::int as "badDone",
        (select count(*) from goals where user_id = ${user.id} and is_north_star)::int as "northStars",
        (select bool_and(status = 'active') from goals where user_id = ${user.id} and is_north_star) as "activeNorthStar"`);
    expect(paths).toEqual({ gaps: 0, badDone: 0, northStars: 1, activeNorthStar: true });

    const levels = await one<{ first: string; last: string; low: number; high: number }>(sql`
      select min(assessed_on)::text as first, max(assessed_on)::text as last, min(level)::int as low, max(level)::int as high
      from skill_levels where user_id = ${user.id}`);
    expect(levels.first >= "2021-11-15" && levels.last <= "2026-11-16").toBe(true);
    expect([levels.low, levels.high]).toEqual([1, 5]);

    const foreign = await one<{ n: number }>(sql`
      select (
        (select count(*) from stone_people p join contacts c on c.id = p.contact_id where p.user_id = ${user.id} and c.user_id <> ${user.id})
        + (select count(*) from stone_wins s join wins w on w.id = s.win_id where s.user_id = ${user.id} and w.user_id <> ${user.id})
        + (select count(*) from learning_items i join contacts c on c.id = i.mentor_id where i.user_id = ${user.id} and c.user_id <> ${user.id})
        + (select count(*) from goals where user_id = ${other.id})
      )::int as n`);
    expect(foreign.n).toBe(0);

    const overview = await loadCareerOverview(t.db, { userId: user.id, now: NOW, timeZone: "UTC" });
    expect(overview.activeGoals).toHaveLength(12);
    expect(overview.closedGoals).toHaveLength(8);
    expect(overview.activeGoals.every((goal) => goal.next !== undefined)).toBe(true);
    expect(overview.skills).toHaveLength(5);
    expect(overview.learning.items).toBeGreaterThan(0);
  });
});
