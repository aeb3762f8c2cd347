import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { EVENT_KINDS } from "@/lib/domain/enums";
import { isCalendarDate } from "@/lib/domain/dates";
import { eventInputSchema, updateEventInputSchema } from "@/lib/validations/event";
import {
  QUICK_ADD_MAX_ROWS,
  quickAddInputSchema,
  quickAddPreviewInputSchema,
  quickAddRowSchema,
  splitCircleNames,
} from "@/lib/validations/quick-add";

const EVENT_ID = "6f1c1c5e-3b0a-4b7e-9d1e-2a1b3c4d5e6f";
const pad = (n: number, width = 2) => String(n).padStart(width, "0");

const calendarDate = fc
  .date({ min: new Date("1900-01-01T00:00:00Z"), max: new Date("2100-12-31T00:00:00Z"), noInvalidDate: true })
  .map((d) => `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`);

const text = (max: number) => fc.string({ maxLength: max }).filter((s) => s.trim().length <= max);
const requiredText = (max: number) => text(max).filter((s) => s.trim() !== "");

const validEvent = fc.record({
  name: requiredText(200),
  occurredOn: calendarDate,
  place: fc.oneof(fc.constant(undefined), fc.constant(null), text(200)),
  kind: fc.constantFrom(...EVENT_KINDS),
  notes: fc.oneof(fc.constant(undefined), text(5000)),
});

const emailArb = fc
  .tuple(
    fc.string({ unit: fc.constantFrom(..."abcdefghijklmnopqrstuvwxyz0123456789"), minLength: 1, maxLength: 10 }),
    fc.string({ unit: fc.constantFrom(..."abcdefghijklmnopqrstuvwxyz"), minLength: 1, maxLength: 10 }),
  )
  .map(([local, domain]) => `${local}@${domain}.com`);

const validRow = fc.record({
  name: requiredText(200),
  company: fc.oneof(fc.constant(""), text(200)),
  role: fc.oneof(fc.constant(undefined), text(200)),
  email: fc.oneof(fc.constant(""), emailArb),
  circles: fc.oneof(fc.constant(""), fc.array(fc.constantFrom("Volunteering", "alumni", "Ex-colleagues", " "), { maxLength: 4 }).map((a) => a.join(","))),
  note: fc.oneof(fc.constant(""), text(5000)),
  followUpDays: fc.oneof(fc.constant(""), fc.constant(null), fc.integer({ min: 1, max: 365 }), fc.integer({ min: 1, max: 365 }).map(String)),
});

// Rows with distinct emails: the schema refuses one email on two rows.
const validRows = fc.uniqueArray(validRow, {
  minLength: 1,
  maxLength: 8,
  selector: (row) => (row.email === "" ? Symbol("no email") : row.email.toLowerCase()),
});

const anyValue = fc.oneof(fc.anything(), fc.string(), fc.integer(), fc.double(), fc.constant(null), fc.constant(undefined));

describe("isCalendarDate", () => {
  it("accepts exactly the days that exist between 1900 and 2100", () => {
    fc.assert(
      fc.property(calendarDate, (date) => {
        expect(isCalendarDate(date)).toBe(true);
      }),
    );
    for (const bad of ["2026-02-29", "2026-13-01", "2026-00-10", "2026-04-31", "1899-12-31", "2101-01-01", "2026-1-1", "12 Nov", ""]) {
      expect(isCalendarDate(bad)).toBe(false);
    }
    expect(isCalendarDate("2028-02-29")).toBe(true);
  });
});

describe("eventInputSchema", () => {
  it("accepts every valid event, trimmed, with empty text stored as null", () => {
    fc.assert(
      fc.property(validEvent, (event) => {
        const result = eventInputSchema.safeParse(event);
        expect(result.success).toBe(true);
        expect(result.data?.name).toBe(event.name.trim());
        expect(result.data?.place).toBe(event.place?.trim() ? event.place.trim() : null);
        expect(result.data?.notes).toBe(event.notes?.trim() ? event.notes.trim() : null);
      }),
    );
  });

  it("never throws, and refuses a bad field at that field only", () => {
    fc.assert(
      fc.property(validEvent, fc.constantFrom("name", "occurredOn", "place", "kind", "notes"), anyValue, (event, field, value) => {
        const result = eventInputSchema.safeParse({ ...event, [field]: value });
        if (!result.success) expect(result.error.issues.every((issue) => issue.path[0] === field)).toBe(true);
      }),
    );
    fc.assert(
      fc.property(anyValue, (value) => {
        eventInputSchema.safeParse(value);
      }),
    );
  });

  it.each([
    ["name", "   "],
    ["name", "x".repeat(201)],
    ["occurredOn", "12 Nov"],
    ["occurredOn", "2026-02-30"],
    ["kind", "party"],
    ["place", "x".repeat(201)],
    ["notes", 42],
  ])("refuses %s = %j with a message at the field", (field, value) => {
    const result = eventInputSchema.safeParse({ name: "Women in Tech", occurredOn: "2026-11-12", kind: "volunteering", [field]: value });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.path.join("."))).toEqual([field]);
    expect(result.error?.issues[0]?.message).not.toBe("");
  });

  it("needs a uuid to update", () => {
    const event = { name: "Meetup", occurredOn: "2026-11-12", kind: "meetup" };
    expect(updateEventInputSchema.safeParse({ ...event, eventId: EVENT_ID }).success).toBe(true);
    for (const eventId of ["1", "'; drop table events; --", "", undefined]) {
      const result = updateEventInputSchema.safeParse({ ...event, eventId });
      expect(result.error?.issues.map((issue) => issue.path.join("."))).toEqual(["eventId"]);
    }
  });
});

describe("quick-add schemas", () => {
  it("accepts every set of valid rows and normalises them", () => {
    fc.assert(
      fc.property(validRows, (rows) => {
        const result = quickAddInputSchema.safeParse({ eventId: EVENT_ID, rows });
        expect(result.success).toBe(true);
        result.data?.rows.forEach((row, index) => {
          const input = rows[index];
          expect(row.name).toBe(input?.name.trim());
          expect(row.email).toBe(input?.email ? input.email : null);
          expect(row.followUpDays).toBe(input?.followUpDays === "" || input?.followUpDays === null ? null : Number(input?.followUpDays));
          expect(new Set(row.circles.map((c) => c.toLowerCase())).size).toBe(row.circles.length);
        });
      }),
    );
  });

  it("keys each bad field by its row, whatever else the rows hold", () => {
    const badValues = {
      name: fc.constantFrom("", "   ", "x".repeat(201), null),
      email: fc.constantFrom("ada", "ada@", "@example.com", "ada lovelace@example.com", 7),
      followUpDays: fc.constantFrom(0, 366, -1, 2.5, "ten", "1e9", Number.NaN),
      circles: fc.constantFrom("x".repeat(61), Array.from({ length: 21 }, (_, i) => `c${i}`).join(",")),
      note: fc.constantFrom("x".repeat(5001), 12),
    };
    fc.assert(
      fc.property(
        validRows,
        fc.nat(),
        fc.constantFrom(...(Object.keys(badValues) as (keyof typeof badValues)[])).chain((field) =>
          badValues[field].map((value) => ({ field, value })),
        ),
        (rows, at, { field, value }) => {
          const index = at % rows.length;
          const broken = rows.map((row, i) => (i === index ? { ...row, [field]: value } : row));
          const result = quickAddInputSchema.safeParse({ eventId: EVENT_ID, rows: broken });
          expect(result.success).toBe(false);
          expect(result.error?.issues.map((issue) => issue.path.join("."))).toEqual([`rows.${index}.${field}`]);
        },
      ),
    );
  });

  it("flags an email repeated on a later row, even alongside other errors", () => {
    const result = quickAddInputSchema.safeParse({
      eventId: EVENT_ID,
      rows: [
        { name: "Ada", email: "ada@example.com" },
        { name: "", email: "grace@navy.mil" },
        { name: "Ada again", email: " ADA@example.com " },
      ],
    });
    expect(result.error?.issues.map((issue) => [issue.path.join("."), issue.message])).toEqual([
      ["rows.1.name", "Enter a name."],
      ["rows.2.email", "Same email as row 1."],
    ]);
  });

  it("refuses no rows, too many rows, and a missing event", () => {
    const paths = (input: unknown) => quickAddInputSchema.safeParse(input).error?.issues.map((issue) => issue.path.join("."));
    expect(paths({ eventId: EVENT_ID, rows: [] })).toEqual(["rows"]);
    expect(paths({ eventId: EVENT_ID, rows: Array.from({ length: QUICK_ADD_MAX_ROWS + 1 }, (_, i) => ({ name: `P${i}` })) })).toEqual(["rows"]);
    expect(paths({ eventId: "nope", rows: [{ name: "Ada" }] })).toEqual(["eventId"]);
  });

  it("never throws on any input", () => {
    const shaped = fc.record({ eventId: fc.oneof(fc.uuid(), anyValue), rows: fc.oneof(fc.array(fc.oneof(anyValue, validRow), { maxLength: 5 }), anyValue) });
    fc.assert(
      fc.property(fc.oneof(anyValue, shaped), (input) => {
        quickAddInputSchema.safeParse(input);
        quickAddRowSchema.safeParse(input);
        quickAddPreviewInputSchema.safeParse(input);
      }),
    );
  });

  it("splits circle names once each, whatever their case or spacing", () => {
    expect(splitCircleNames(" Volunteering, alumni ,volunteering,, Ex  colleagues ")).toEqual(["Volunteering", "alumni", "Ex colleagues"]);
    fc.assert(
      fc.property(fc.string(), (value) => {
        const names = splitCircleNames(value);
        expect(new Set(names.map((n) => n.toLowerCase())).size).toBe(names.length);
        for (const name of names) expect(name).toBe(name.trim());
        for (const name of names) expect(name).not.toContain(",");
      }),
    );
  });
});
