import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { encodeCursor } from "@/lib/api/v1/keyset-cursor";
import { readContactsPage } from "@/lib/contacts/list-page";
import { contactListQuerySchema } from "@/lib/validations/contact";
import { contacts } from "@/db/schema";
import { createUser } from "../factories";
import { createTestDb, type TestDb } from "../helpers/test-db";

let t: TestDb;
let me: string;
let theirs: string;
const NOW = new Date("2026-06-15T12:00:00Z");
const PAGE_SIZE = 3;
// Ten of mine (Person 00 … Person 09), so pages of 3 are 3, 3, 3 and 1.
const MINE = Array.from({ length: 10 }, (_, index) => `Person ${String(index).padStart(2, "0")}`);

beforeAll(async () => {
  t = await createTestDb();
  me = (await createUser(t.db)).id;
  theirs = (await createUser(t.db)).id;
  await t.db.insert(contacts).values(MINE.map((name) => ({ userId: me, name })));
  await t.db.insert(contacts).values(["Aaron Theirs", "Zed Theirs"].map((name) => ({ userId: theirs, name })));
});
afterAll(async () => {
  await t?.close();
});

// The Contacts page's reading of its URL: the query schema, then the use case.
function open(search: Record<string, string>, userId = me) {
  return readContactsPage(t.db, { userId, query: contactListQuerySchema.parse(search), pageSize: PAGE_SIZE, now: NOW });
}

const names = (page: Awaited<ReturnType<typeof open>>) => page.rows.map((row) => row.name);

describe("the Contacts page's pages (readContactsPage)", () => {
  it("goes forwards by Next and back by Previous, numbering the pages it shows", async () => {
    const first = await open({});
    expect(first).toMatchObject({ page: 1, before: null });
    expect(names(first)).toEqual(MINE.slice(0, 3));
    const second = await open({ after: first.after ?? "", page: "2" });
    const third = await open({ after: second.after ?? "", page: "3" });
    const last = await open({ after: third.after ?? "", page: "4" });
    expect([second, third, last].map((page) => page.page)).toEqual([2, 3, 4]);
    expect(names(last)).toEqual(MINE.slice(9));
    expect(last.after).toBeNull();

    const backToThird = await open({ before: last.before ?? "", page: "3" });
    expect(names(backToThird)).toEqual(names(third));
    const backToSecond = await open({ before: backToThird.before ?? "", page: "2" });
    expect(names(backToSecond)).toEqual(names(second));
    const backToFirst = await open({ before: backToSecond.before ?? "", page: "1" });
    expect(backToFirst).toEqual(first);
  });

  it("takes the page number as a label only: a stale or hand-edited one moves no row", async () => {
    const first = await open({});
    // An old bookmark from when pages were counted by offset: the first page.
    expect(await open({ page: "7" })).toEqual(first);
    const second = await open({ after: first.after ?? "" });
    // Not the first page, whatever the label says.
    expect((await open({ after: first.after ?? "", page: "1" })).page).toBe(2);
    expect(names(await open({ after: first.after ?? "", page: "40" }))).toEqual(names(second));
    // Back to the start is page 1, whatever the label says.
    expect(await open({ before: second.before ?? "", page: "9" })).toEqual(first);
  });

  it("shows the first page for a cursor it did not give out, never an error", async () => {
    const first = await open({});
    const byName = await open({});
    const otherOrder = await open({ sort: "last_touch" });
    const id = "6f1c1d36-8a3e-4a43-9c1a-0c1f5b7b8e11";
    const refused = [
      "!!!",
      "A".repeat(5000),
      `${first.after ?? ""}x`.slice(1),
      encodeCursor({ sort: "name", name: 42, id }),
      encodeCursor({ sort: "name", name: "Person 03", id: "not-a-uuid" }),
      encodeCursor({ sort: "next_due", at: "2026-02-30T00:00:00.000000Z", id }),
      encodeCursor({ sort: "health", score: 500, name: "x", id }),
      Buffer.from("not json").toString("base64url"),
      // Made for the last-touch order, opened in the name order.
      otherOrder.after ?? "",
    ];
    for (const cursor of refused) {
      for (const direction of ["after", "before"]) {
        const page = await open({ [direction]: cursor, page: "5" });
        expect(page, `${direction}=${cursor.slice(0, 40)}`).toEqual(byName);
      }
    }
    // Well formed, past the end: nothing after it, so the first page; the
    // page before it is the last one.
    const pastEnd = encodeCursor({ sort: "name", name: "zzz", id });
    expect(await open({ after: pastEnd, page: "5" })).toEqual(byName);
    expect(names(await open({ before: pastEnd }))).toEqual(MINE.slice(7));
    await fc.assert(
      fc.asyncProperty(fc.string({ maxLength: 80 }), fc.constantFrom("after", "before"), async (cursor, direction) => {
        const page = await open({ [direction]: cursor });
        expect(page.rows.length).toBeGreaterThan(0);
      }),
      { numRuns: 30 },
    );
  });

  it("reads only the user's own contacts, whoever made the cursor", async () => {
    const theirFirst = await open({}, theirs);
    expect(names(theirFirst)).toEqual(["Aaron Theirs", "Zed Theirs"]);
    // Their cursor in my list: a position among my contacts, never theirs.
    const cursor = encodeCursor({ sort: "name", name: "aaron theirs", id: theirFirst.rows[0]?.id ?? "" });
    const mine = await open({ after: cursor });
    expect(names(mine)).toEqual(MINE.slice(0, 3));
    expect(names(await open({ before: cursor }))).toEqual(MINE.slice(0, 3));
  });

  it("keeps the filters on every page, both ways", async () => {
    const user = (await createUser(t.db)).id;
    const acme = ["Ann", "Ben", "Cat", "Dan", "Eve"];
    await t.db.insert(contacts).values([
      ...acme.map((name) => ({ userId: user, name, company: "Acme" })),
      ...["Abe", "Bo", "Cy"].map((name) => ({ userId: user, name, company: "Other" })),
    ]);
    const first = await open({ q: "acme" }, user);
    const second = await open({ q: "acme", after: first.after ?? "", page: "2" }, user);
    expect([names(first), names(second)]).toEqual([acme.slice(0, 3), acme.slice(3)]);
    expect(second.after).toBeNull();
    expect(await open({ q: "acme", before: second.before ?? "" }, user)).toEqual(first);
    expect(await open({ archived: "1" }, user)).toMatchObject({ rows: [], page: 1, before: null, after: null });
  });
});
