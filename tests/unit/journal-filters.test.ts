import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isCalendarDate } from "@/lib/domain/dates";
import { WIN_KINDS } from "@/lib/domain/enums";
import { hasJournalFilters, journalHref } from "@/lib/domain/journal-list";
import { journalQuerySchema, MAX_JOURNAL_SEARCH_LENGTH, MAX_JOURNAL_SEARCH_WORDS, parseJournalQuery } from "@/lib/validations/journal-filters";

const ID = "0b5e4f7a-3c1d-4e2f-8a9b-1c2d3e4f5a6b";
const OTHER_ID = "7f3a2b1c-0d9e-4f8a-9b7c-6d5e4f3a2b1c";
const KEYS = ["role", "kind", "skill", "person", "from", "to", "q", "cursor", "page", "__proto__", "constructor"];
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

// What a hostile or careless URL (or caller) can hand the page.
const nasty = fc.constantFrom(
  "",
  " ",
  "\u0000",
  "%",
  "_",
  "\\",
  "2026-02-30",
  "0000-01-01",
  "99999-01-01",
  `${ID}x`,
  ID.toUpperCase(),
  `2026-03-02_${ID}`,
  `2026-13-02_${ID}`,
  "🎉".repeat(80),
  "a\uD800b",
  "delivered",
  "DELIVERED",
);
const value: fc.Arbitrary<unknown> = fc.oneof(
  fc.string(),
  fc.string({ unit: "grapheme" }),
  nasty,
  fc.array(fc.oneof(fc.string(), nasty), { maxLength: 3 }),
  fc.constantFrom(undefined, null, 0, 1e30, true, {}, [], Number.NaN),
);
const params = fc.dictionary(fc.constantFrom(...KEYS), value);
const anything = fc.oneof(params, fc.anything(), fc.constantFrom(null, undefined, "role=x", 42, [params]));

describe("journalQuerySchema", () => {
  it("never throws: any input gives filters a query can read, or none", () => {
    fc.assert(
      fc.property(anything, (input) => {
        const { filters, cursor } = parseJournalQuery(input);
        expect(journalQuerySchema.safeParse(input).success).toBe(true);
        for (const id of [filters.roleId, filters.skillId, filters.contactId, cursor?.id]) {
          if (id !== undefined) expect(id).toMatch(UUID);
        }
        for (const day of [filters.from, filters.to, cursor?.occurredOn]) {
          if (day !== undefined) expect(isCalendarDate(day)).toBe(true);
        }
        if (filters.from && filters.to) expect(filters.from <= filters.to).toBe(true);
        if (filters.kind !== undefined) expect(WIN_KINDS).toContain(filters.kind);
        if (filters.q !== undefined) {
          expect(filters.q).not.toBe("");
          expect(filters.q).not.toMatch(/[\u0000-\u001f\u007f]/);
          expect(Array.from(filters.q).length).toBeLessThanOrEqual(MAX_JOURNAL_SEARCH_LENGTH);
          expect(filters.q.split(" ").length).toBeLessThanOrEqual(MAX_JOURNAL_SEARCH_WORDS);
        }
        expect(Object.values(filters)).not.toContain(undefined);
      }),
      { numRuns: 2000 },
    );
  });

  it("reads back every address journalHref writes", () => {
    const filters = fc.record(
      {
        roleId: fc.constantFrom(ID, OTHER_ID),
        kind: fc.constantFrom(...WIN_KINDS),
        skillId: fc.constantFrom(ID, OTHER_ID),
        contactId: fc.constantFrom(ID, OTHER_ID),
        from: fc.constantFrom("2020-01-01", "2024-02-29"),
        to: fc.constantFrom("2024-12-31", "2026-06-30"),
        q: fc.stringMatching(/^[a-z%_\\€]{1,10}( [a-z0-9%_]{1,10}){0,3}$/),
      },
      { requiredKeys: [] },
    );
    const cursor = fc.option(fc.record({ occurredOn: fc.constantFrom("2026-03-02", "2019-12-31"), id: fc.constant(OTHER_ID) }), {
      nil: null,
    });
    fc.assert(
      fc.property(filters, cursor, (given, after) => {
        const href = journalHref(given, after);
        const search = Object.fromEntries(new URL(href, "http://localhost").searchParams);
        expect(parseJournalQuery(search)).toEqual({ filters: given, cursor: after });
      }),
    );
  });

  it("drops what does not parse and keeps the rest", () => {
    expect(
      parseJournalQuery({
        role: "not-an-id",
        kind: "bragging",
        skill: ID.toUpperCase(),
        person: [OTHER_ID, ID],
        from: "2026-02-30",
        to: " 2026-03-31 ",
        q: "  billing \u0000 flow  ",
        cursor: "2026-03-02_nope",
      }),
    ).toEqual({ filters: { skillId: ID, contactId: OTHER_ID, to: "2026-03-31", q: "billing flow" }, cursor: null });
    expect(parseJournalQuery({ from: "2026-06-30", to: "2026-01-01", cursor: `2026-03-02_${ID}` })).toEqual({
      filters: { from: "2026-01-01", to: "2026-06-30" },
      cursor: { occurredOn: "2026-03-02", id: ID },
    });
    expect(parseJournalQuery({ q: "   " })).toEqual({ filters: {}, cursor: null });
    expect(parseJournalQuery({ q: "one two three four five six seven eight nine ten" }).filters.q).toBe(
      "one two three four five six seven eight",
    );
  });

  it("says whether any filter is on, and links to the unfiltered journal without one", () => {
    expect(hasJournalFilters({})).toBe(false);
    expect(hasJournalFilters({ kind: "led" })).toBe(true);
    expect(journalHref({})).toBe("/journal");
    expect(journalHref({ skillId: ID })).toBe(`/journal?skill=${ID}`);
  });
});
