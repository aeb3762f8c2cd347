import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CHANNELS, SUCCESS_KINDS, VALUE_DIRECTIONS, VALUE_KINDS } from "@/lib/domain/enums";
import { formatDay } from "@/lib/domain/dates";
import { MAX_SUMMARY_LENGTH } from "@/lib/domain/limits";
import { normalizeUrl } from "@/lib/domain/url";
import { dateFromOccurredAt, latestAllowedDate, occurredAtFromDate } from "@/lib/domain/touch-dates";
import { successInputSchema, successUpdateSchema } from "@/lib/validations/success";
import { MAX_TOUCH_CONTACTS, touchInputSchema, touchUpdateSchema } from "@/lib/validations/touch";

const hex = (length: number) =>
  fc.string({ unit: fc.constantFrom(..."0123456789abcdef"), minLength: length, maxLength: length });

// A random RFC 4122 version-4 id, as gen_random_uuid() makes.
const uuid = fc
  .tuple(hex(8), hex(4), hex(3), fc.constantFrom("8", "9", "a", "b"), hex(3), hex(12))
  .map(([a, b, c, variant, d, e]) => `${a}-${b}-4${c}-${variant}${d}-${e}`);

// Days from 1900 up to today (UTC), as a date input sends them.
const pastDay = fc
  .date({ min: new Date("1900-01-01T00:00:00Z"), max: new Date(), noInvalidDate: true })
  .map((date) => date.toISOString().slice(0, 10));

const none = fc.constantFrom("", null, undefined);

const valuePair = fc.oneof(
  fc.record({ valueKind: none, valueDirection: none }),
  fc.record({ valueKind: fc.constantFrom(...VALUE_KINDS), valueDirection: fc.constantFrom(...VALUE_DIRECTIONS) }),
);

const validTouch = fc
  .record({
    occurredOn: pastDay,
    channel: fc.constantFrom(...CHANNELS),
    contactIds: fc.array(uuid, { minLength: 1, maxLength: MAX_TOUCH_CONTACTS }),
    summary: fc.oneof(none, fc.string({ maxLength: MAX_SUMMARY_LENGTH })),
  })
  .chain((touch) => valuePair.map((pair) => ({ ...touch, ...pair })));

const webUrl = fc
  .tuple(fc.constantFrom("http", "https"), fc.domain(), fc.webPath())
  .map(([scheme, domain, path]) => `${scheme}://${domain}${path}`)
  .filter((url) => url.length <= 2000);

const validSuccess = fc.record({
  contactId: uuid,
  kind: fc.constantFrom(...SUCCESS_KINDS),
  title: fc.string({ minLength: 1, maxLength: 200 }).filter((title) => title.trim().length > 0),
  occurredOn: pastDay,
  url: fc.oneof(none, webUrl),
});

const junk = fc.oneof(fc.string(), fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.array(fc.string()));

describe("touchInputSchema", () => {
  it("accepts every valid touch, and its output parses again to itself", () => {
    fc.assert(
      fc.property(validTouch, (touch) => {
        const first = touchInputSchema.safeParse(touch);
        expect(first.success).toBe(true);
        if (!first.success) return;
        expect(first.data.contactIds).toEqual([...new Set(touch.contactIds)]);
        expect(first.data.summary).toBe(touch.summary?.trim() || null);
        expect(first.data.valueKind).toBe(touch.valueKind || null);
        expect(first.data.valueDirection).toBe(touch.valueDirection || null);
        expect(touchInputSchema.parse(first.data)).toEqual(first.data);
      }),
    );
  });

  it("refuses a value kind without a direction, or a direction without a kind, at the missing field", () => {
    fc.assert(
      fc.property(validTouch, fc.boolean(), fc.constantFrom(...VALUE_KINDS), fc.constantFrom(...VALUE_DIRECTIONS), none, (touch, kindOnly, kind, direction, empty) => {
        const input = kindOnly
          ? { ...touch, valueKind: kind, valueDirection: empty }
          : { ...touch, valueKind: empty, valueDirection: direction };
        const result = touchInputSchema.safeParse(input);
        expect(result.success).toBe(false);
        expect(result.error?.issues.map((issue) => issue.path.join("."))).toEqual([kindOnly ? "valueDirection" : "valueKind"]);
      }),
    );
  });

  it("never throws, and reports a bad field at that field only", () => {
    fc.assert(
      fc.property(
        validTouch,
        fc.constantFrom("occurredOn", "channel", "contactIds", "summary", "successId"),
        junk,
        (touch, field, value) => {
          const result = touchInputSchema.safeParse({ ...touch, [field]: value });
          if (!result.success) {
            expect(result.error.issues.every((issue) => issue.path[0] === field)).toBe(true);
          }
        },
      ),
    );
  });

  it("refuses days after the earliest zone's today and impossible days", () => {
    fc.assert(
      fc.property(validTouch, fc.integer({ min: 2, max: 3650 }), (touch, daysAhead) => {
        const future = new Date(Date.now() + daysAhead * 86_400_000).toISOString().slice(0, 10);
        expect(touchInputSchema.safeParse({ ...touch, occurredOn: future }).success).toBe(false);
      }),
    );
    for (const day of ["2026-02-30", "2025-02-29", "2026-13-01", "1899-12-31", "14/03/2026", ""]) {
      const result = touchInputSchema.safeParse({ occurredOn: day, channel: "call", contactIds: [crypto.randomUUID()] });
      expect(new Set(result.error?.issues.map((issue) => issue.path[0]))).toEqual(new Set(["occurredOn"]));
    }
    expect(touchInputSchema.safeParse({ occurredOn: latestAllowedDate(), channel: "call", contactIds: [crypto.randomUUID()] }).success).toBe(true);
  });

  it("ties a success only to a congratulation given", () => {
    fc.assert(
      fc.property(validTouch, uuid, (touch, successId) => {
        const result = touchInputSchema.safeParse({ ...touch, successId });
        const isCongratulation = touch.valueKind === "congratulation" && touch.valueDirection === "given";
        expect(result.success).toBe(isCongratulation);
        if (result.success) expect(result.data.successId).toBe(successId);
      }),
    );
  });

  it("edits need a touch id and keep the same rules", () => {
    fc.assert(
      fc.property(validTouch, uuid, (touch, id) => {
        expect(touchUpdateSchema.safeParse({ ...touch, id }).success).toBe(true);
        expect(touchUpdateSchema.safeParse(touch).error?.issues.map((issue) => issue.path[0])).toEqual(["id"]);
      }),
    );
  });
});

describe("successInputSchema", () => {
  it("accepts every valid success, and its output parses again to itself", () => {
    fc.assert(
      fc.property(validSuccess, (success) => {
        const first = successInputSchema.safeParse(success);
        expect(first.success).toBe(true);
        if (!first.success) return;
        expect(first.data.title).toBe(success.title.trim());
        expect(first.data.url === null).toBe(!success.url);
        expect(successInputSchema.parse(first.data)).toEqual(first.data);
      }),
    );
  });

  it("never throws, and reports a bad field at that field only", () => {
    fc.assert(
      fc.property(validSuccess, fc.constantFrom("contactId", "kind", "title", "occurredOn", "url"), junk, (success, field, value) => {
        const result = successInputSchema.safeParse({ ...success, [field]: value });
        if (!result.success) {
          expect(result.error.issues.every((issue) => issue.path[0] === field)).toBe(true);
        }
      }),
    );
  });

  it("stores only web links, and assumes https when the scheme is missing", () => {
    fc.assert(
      fc.property(fc.domain(), fc.webPath(), (domain, path) => {
        expect(normalizeUrl(`${domain}${path}`)).toBe(new URL(`https://${domain}${path}`).toString());
      }),
    );
    for (const url of ["javascript:alert(1)", "ftp://example.com", "mailto:ada@example.com", "https://", "not a link"]) {
      expect(successInputSchema.safeParse({ contactId: crypto.randomUUID(), kind: "award", title: "x", occurredOn: "2026-01-01", url }).error?.issues[0]?.path).toEqual(["url"]);
    }
  });

  it("edits need a success id", () => {
    fc.assert(
      fc.property(validSuccess, uuid, (success, id) => {
        expect(successUpdateSchema.safeParse({ ...success, id }).success).toBe(true);
        expect(successUpdateSchema.safeParse(success).error?.issues.map((issue) => issue.path[0])).toEqual(["id"]);
      }),
    );
  });
});

describe("touch days", () => {
  it("store at noon UTC and read back as the same day", () => {
    fc.assert(
      fc.property(pastDay, (day) => {
        const at = occurredAtFromDate(day);
        expect(at.getUTCHours()).toBe(12);
        expect(dateFromOccurredAt(at)).toBe(day);
        expect(formatDay(day)).toBe(formatDay(at));
      }),
    );
  });
});
