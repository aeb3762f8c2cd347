import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isCalendarDate } from "@/lib/domain/dates";
import { CONTACT_SORTS, CONTACT_TIERS } from "@/lib/domain/enums";
import { normalizeUrl } from "@/lib/domain/url";
import { HEALTH_BANDS } from "@/lib/health/model";
import { circleNameSchema, renameCircleSchema } from "@/lib/validations/circle";
import {
  contactFormSchema,
  type ContactFormInput,
  contactListQuerySchema,
  createContactSchema,
  daysInMonth,
  snoozeContactSchema,
  updateContactSchema,
} from "@/lib/validations/contact";

const THIS_YEAR = new Date().getUTCFullYear();

// Hand-written arbitraries: the zod-to-fast-check bridge does not support zod 4.
const word = (max = 10) => fc.stringMatching(new RegExp(`^[a-z][a-z0-9]{0,${max - 1}}$`));
const padded = (text: fc.Arbitrary<string>) =>
  fc.tuple(fc.constantFrom("", " ", "  "), text, fc.constantFrom("", " ", "\t")).map(([a, s, b]) => `${a}${s}${b}`);

const name = fc.string({ minLength: 1, maxLength: 200 }).filter((s) => s.trim().length > 0);
const optionalText = fc.option(fc.string({ maxLength: 200 }), { nil: null });
const label = fc.oneof(fc.constant(""), fc.constant(null), word(12));
const email = fc
  .tuple(word(), fc.constantFrom("", ".", "+", "_"), word(), word(8), fc.constantFrom("com", "org", "io", "co.uk"))
  .map(([local, sep, more, domain, tld]) => `${local}${sep ? `${sep}${more}` : ""}@${domain}.${tld}`);
const phone = fc
  .tuple(fc.boolean(), fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 3, maxLength: 15 }), fc.constantFrom("", " ", "-"))
  .map(([plus, digits, sep]) => `${plus ? "+" : ""}${digits.join("")}${sep}${digits.slice(0, 2).join("")}`);
const url = fc
  .tuple(fc.constantFrom("", "https://", "http://"), word(), fc.constantFrom("com", "dev", "org"), fc.option(word(), { nil: "" }))
  .map(([scheme, host, tld, path]) => `${scheme}${host}.${tld}${path ? `/${path}` : ""}`);
const int = (min: number, max: number) =>
  fc.integer({ min, max }).chain((n) => fc.constantFrom<number | string>(n, String(n), ` ${n} `));
const empty = fc.constantFrom<"" | null | undefined>("", null, undefined);
const birthday = fc.oneof(
  fc.constant({ birthdayMonth: "", birthdayDay: "", birthdayYear: "" }),
  fc
    .tuple(fc.integer({ min: 1, max: 12 }), fc.option(fc.integer({ min: 1900, max: THIS_YEAR }), { nil: null }))
    .chain(([month, year]) =>
      fc.integer({ min: 1, max: daysInMonth(month, year) }).map((day) => ({
        birthdayMonth: String(month),
        birthdayDay: day,
        birthdayYear: year ?? "",
      })),
    ),
);
const rows = <T,>(row: fc.Arbitrary<T>) => fc.array(row, { maxLength: 5 });

const validContact: fc.Arbitrary<ContactFormInput> = fc
  .record({
    name: padded(name.map((s) => s.trim())),
    company: optionalText,
    role: optionalText,
    location: optionalText,
    notes: fc.option(fc.string({ maxLength: 500 }), { nil: null }),
    tier: fc.constantFrom(...CONTACT_TIERS),
    cadenceDays: fc.oneof(empty, int(1, 3650)),
    emails: fc.uniqueArray(email, { maxLength: 4 }).chain((list) =>
      fc.tuple(...list.map((value) => fc.record({ email: padded(fc.constant(value)), label }))),
    ),
    phones: rows(fc.record({ phone, label })),
    links: rows(fc.record({ url, label })),
    circleIds: fc.uniqueArray(fc.uuid({ version: 4 }), { maxLength: 5 }),
    newCircleNames: fc.uniqueArray(word(20), { maxLength: 3 }),
    blankEmailRows: fc.nat({ max: 2 }),
    birthday,
  })
  .map(({ birthday: parts, blankEmailRows, emails, ...rest }) => ({
    ...rest,
    ...parts,
    // Blank rows are offered by the form and dropped, never refused.
    emails: [...emails, ...Array.from({ length: blankEmailRows }, () => ({ email: "", label: "" }))],
  }));

describe("contactFormSchema", () => {
  it("accepts every valid contact, trimmed, with blank rows dropped and numbers parsed", () => {
    fc.assert(
      fc.property(validContact, (input) => {
        const result = contactFormSchema.safeParse(input);
        expect(result.error?.issues ?? []).toEqual([]);
        if (!result.success) return;
        const out = result.data;
        expect(out.name).toBe(input.name.trim());
        expect(out.emails.every((row) => row.email !== "" && row.email === row.email.trim())).toBe(true);
        expect(out.emails).toHaveLength(input.emails?.filter((row) => row.email.trim() !== "").length ?? 0);
        expect(out.links.every((row) => /^https?:\/\//.test(row.url))).toBe(true);
        expect(out.cadenceDays === null || Number.isInteger(out.cadenceDays)).toBe(true);
        expect([out.company, out.role, out.location, out.notes].every((value) => value === null || value.length > 0)).toBe(true);
      }),
    );
  });

  it("gives the same result when the server parses what the form parsed", () => {
    fc.assert(
      fc.property(validContact, (input) => {
        const once = contactFormSchema.parse(input);
        expect(contactFormSchema.parse(once)).toEqual(once);
        expect(createContactSchema.parse({ ...once, confirmDuplicate: true })).toEqual({ ...once, confirmDuplicate: true });
      }),
    );
  });

  const FIELDS = [
    "name",
    "company",
    "role",
    "location",
    "notes",
    "tier",
    "cadenceDays",
    "emails",
    "phones",
    "links",
    "birthdayMonth",
    "birthdayDay",
    "birthdayYear",
    "circleIds",
    "newCircleNames",
  ] as const;
  const BIRTHDAY = ["birthdayMonth", "birthdayDay", "birthdayYear"];

  it("never throws, and refuses a bad value at that field (or, for a birthday, at the birthday)", () => {
    fc.assert(
      fc.property(validContact, fc.constantFrom(...FIELDS), fc.anything(), (input, field, value) => {
        const result = contactFormSchema.safeParse({ ...input, [field]: value });
        if (result.success) return;
        const allowed = BIRTHDAY.includes(field) ? BIRTHDAY : [field];
        for (const issue of result.error.issues) expect(allowed).toContain(issue.path[0]);
      }),
    );
  });

  it("refuses a bad row at its own index", () => {
    const badRow = fc.constantFrom(
      { kind: "emails", key: "email", value: "not-an-email" },
      { kind: "emails", key: "email", value: "a@b" },
      { kind: "phones", key: "phone", value: "call me" },
      { kind: "phones", key: "phone", value: "12" },
      { kind: "links", key: "url", value: "javascript:alert(1)" },
      { kind: "links", key: "url", value: "data:text/html,hi" },
      { kind: "links", key: "url", value: "localhost" },
    );
    fc.assert(
      fc.property(validContact, badRow, fc.nat({ max: 3 }), (input, bad, position) => {
        const list = [...((input[bad.kind as "emails"] as unknown[] | undefined) ?? [])];
        const index = Math.min(position, list.length);
        list.splice(index, 0, { [bad.key]: bad.value, label: "" });
        const result = contactFormSchema.safeParse({ ...input, [bad.kind]: list });
        expect(result.success).toBe(false);
        expect(result.error?.issues.map((issue) => issue.path.join("."))).toEqual([`${bad.kind}.${index}.${bad.key}`]);
      }),
    );
  });

  it("refuses a day the month does not have, but allows February 29 without a year", () => {
    fc.assert(
      fc.property(
        validContact,
        fc.integer({ min: 1, max: 12 }),
        fc.option(fc.integer({ min: 1900, max: THIS_YEAR }), { nil: null }),
        fc.integer({ min: 1, max: 31 }),
        (input, month, year, day) => {
          const result = contactFormSchema.safeParse({
            ...input,
            birthdayMonth: month,
            birthdayDay: day,
            birthdayYear: year ?? "",
          });
          const exists = day <= new Date(Date.UTC(year ?? 2000, month, 0)).getUTCDate();
          expect(result.success).toBe(exists);
          if (!exists) expect(result.error?.issues.map((issue) => issue.path[0])).toEqual(["birthdayDay"]);
        },
      ),
    );
    const base = { name: "Ada", tier: "regular", cadenceDays: "", birthdayYear: "" } as const;
    expect(contactFormSchema.safeParse({ ...base, birthdayMonth: 2, birthdayDay: 29 }).success).toBe(true);
    expect(contactFormSchema.safeParse({ ...base, birthdayMonth: 2, birthdayDay: 29, birthdayYear: 2023 }).error?.issues[0])
      .toMatchObject({ path: ["birthdayDay"], message: "February 2023 has 28 days." });
  });

  it.each([
    ["name", { name: "   " }],
    ["name", { name: "x".repeat(201) }],
    ["tier", { tier: "best-friend" }],
    ["cadenceDays", { cadenceDays: 0 }],
    ["cadenceDays", { cadenceDays: "3651" }],
    ["cadenceDays", { cadenceDays: "7.5" }],
    ["cadenceDays", { cadenceDays: "weekly" }],
    ["birthdayDay", { birthdayMonth: 4, birthdayDay: "" }],
    ["birthdayMonth", { birthdayMonth: "", birthdayDay: 4 }],
    ["birthdayMonth", { birthdayYear: 1990 }],
    ["birthdayYear", { birthdayMonth: 1, birthdayDay: 1, birthdayYear: THIS_YEAR + 1 }],
    ["birthdayMonth", { birthdayMonth: 13, birthdayDay: 1 }],
    ["circleIds", { circleIds: ["not-a-uuid"] }],
    ["newCircleNames", { newCircleNames: ["  "] }],
    ["emails", { emails: [{ email: "a@example.com" }, { email: "A@example.com" }] }],
    ["emails", { emails: [{ email: "", label: "work" }] }],
  ])("refuses %s in %j", (field, change) => {
    const result = contactFormSchema.safeParse({
      name: "Ada",
      tier: "regular",
      cadenceDays: "",
      birthdayMonth: "",
      birthdayDay: "",
      birthdayYear: "",
      ...change,
    });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path[0]).toBe(field);
  });

  it("dedupes circles and new circle names without case", () => {
    const id = "7a3c3c1e-1d4b-4c1a-9d7e-2f2b5b1a0c11";
    const out = contactFormSchema.parse({
      name: "Ada",
      tier: "inner",
      cadenceDays: null,
      birthdayMonth: null,
      birthdayDay: null,
      birthdayYear: null,
      circleIds: [id, id],
      newCircleNames: ["Alumni", " alumni ", "Chess"],
    });
    expect(out.circleIds).toEqual([id]);
    expect(out.newCircleNames).toEqual(["Alumni", "Chess"]);
  });

  it("requires a contact id for an update", () => {
    fc.assert(
      fc.property(validContact, fc.oneof(fc.string(), fc.constant(undefined)), (input, id) => {
        const result = updateContactSchema.safeParse({ ...input, id });
        expect(result.success).toBe(false);
        expect(result.error?.issues.map((issue) => issue.path[0])).toEqual(["id"]);
      }),
    );
  });
});

describe("normalizeUrl", () => {
  it("keeps http(s) addresses, adds https:// to bare ones, and refuses every other scheme", () => {
    fc.assert(
      fc.property(url, (value) => {
        expect(normalizeUrl(value)).toMatch(/^https?:\/\/[a-z0-9]+\.[a-z]+\//);
      }),
    );
    fc.assert(
      fc.property(fc.constantFrom("javascript", "data", "vbscript", "file", "ftp"), word(), (scheme, rest) => {
        expect(normalizeUrl(`${scheme}://${rest}.com`)).toBeNull();
      }),
    );
    expect(normalizeUrl("https://user:pw@example.com")).toBeNull();
  });
});

describe("snoozeContactSchema", () => {
  const id = "7a3c3c1e-1d4b-4c1a-9d7e-2f2b5b1a0c11";
  const date = fc.date({ min: new Date("1900-01-01T00:00:00Z"), max: new Date("2100-12-31T00:00:00Z"), noInvalidDate: true });

  it("accepts any real date, and empty or null to clear", () => {
    fc.assert(
      fc.property(date, (value) => {
        const iso = value.toISOString().slice(0, 10);
        expect(snoozeContactSchema.parse({ id, until: iso })).toEqual({ id, until: iso });
      }),
    );
    expect(snoozeContactSchema.parse({ id, until: "" })).toEqual({ id, until: null });
    expect(snoozeContactSchema.parse({ id, until: null })).toEqual({ id, until: null });
  });

  it("never throws, and refuses anything that is not a date at the field", () => {
    fc.assert(
      fc.property(fc.anything(), (until) => {
        const result = snoozeContactSchema.safeParse({ id, until });
        if (!result.success) expect(result.error.issues.map((issue) => issue.path[0])).toEqual(["until"]);
      }),
    );
    for (const until of ["2026-02-30", "2026-13-01", "31/12/2026", "tomorrow"]) {
      expect(snoozeContactSchema.safeParse({ id, until }).error?.issues[0]?.path).toEqual(["until"]);
    }
  });

  it("isCalendarDate agrees with the calendar", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1900, max: 2100 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 31 }), (y, m, d) => {
        const iso = `${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
        const real = new Date(Date.UTC(y, m - 1, d)).toISOString().slice(0, 10) === iso;
        expect(isCalendarDate(iso)).toBe(real);
      }),
    );
  });
});

describe("contactListQuerySchema", () => {
  it("never fails: whatever the URL says, it yields a usable query", () => {
    fc.assert(
      fc.property(fc.dictionary(fc.constantFrom("q", "sort", "circle", "band", "overdue", "archived", "after", "before", "page", "x"), fc.oneof(fc.string(), fc.array(fc.string()))), (params) => {
        const query = contactListQuerySchema.parse(params);
        expect(CONTACT_SORTS).toContain(query.sort);
        expect([undefined, ...HEALTH_BANDS]).toContain(query.band);
        expect(Number.isInteger(query.page) && query.page >= 1).toBe(true);
        expect(query.q.length).toBeLessThanOrEqual(100);
        expect(typeof query.overdue).toBe("boolean");
      }),
    );
  });

  it("carries a page's cursor as the URL has it, and drops one that cannot be a cursor", () => {
    const cursor = "eyJzb3J0IjoibmFtZSJ9";
    const read = (params: Record<string, unknown>) => {
      const { after, before, page } = contactListQuerySchema.parse(params);
      return { after, before, page };
    };
    expect(read({ after: cursor, page: "4" })).toEqual({ after: cursor, before: undefined, page: 4 });
    expect(read({ before: [cursor, "x"] })).toEqual({ after: undefined, before: cursor, page: 1 });
    for (const bad of ["", "a b", "a+b/c=", "é", "A".repeat(2049)]) {
      expect(read({ after: bad, before: bad }), bad.slice(0, 20)).toEqual({ after: undefined, before: undefined, page: 1 });
    }
  });

  it("reads the values the filters write", () => {
    expect(
      contactListQuerySchema.parse({
        q: " ada ",
        sort: "health",
        circle: "7a3c3c1e-1d4b-4c1a-9d7e-2f2b5b1a0c11",
        band: "fading",
        overdue: "1",
        page: "3",
      }),
    ).toEqual({
      q: "ada",
      sort: "health",
      circle: "7a3c3c1e-1d4b-4c1a-9d7e-2f2b5b1a0c11",
      band: "fading",
      overdue: true,
      archived: false,
      page: 3,
    });
  });
});

describe("circle schemas", () => {
  it("accept trimmed names of 1 to 60 characters and refuse the rest at the name", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }), (value) => {
        const result = circleNameSchema.safeParse(value);
        const trimmed = value.trim();
        expect(result.success).toBe(trimmed.length >= 1 && trimmed.length <= 60);
        if (result.success) expect(result.data).toBe(trimmed);
      }),
    );
    fc.assert(
      fc.property(fc.anything(), fc.anything(), (id, newName) => {
        const result = renameCircleSchema.safeParse({ id, name: newName });
        if (!result.success) {
          for (const issue of result.error.issues) expect(["id", "name"]).toContain(issue.path[0]);
        }
      }),
    );
  });
});

// Found by the hostile-input fuzz (tests/helpers/hostile-actions.ts):
// safeParse threw instead of failing, which a server action answers with a 500.
describe("contact schemas given what no form sends", () => {
  const schemas = { contactFormSchema, createContactSchema, updateContactSchema };

  it.each(Object.entries(schemas))("%s fails, never throws, on input that is not an object", (_, schema) => {
    for (const input of [null, undefined, "x", 1, true, [], () => undefined]) {
      expect(schema.safeParse(input).success).toBe(false);
    }
  });

  it.each(Object.entries(schemas))("%s fails, never throws, on a birthday field that is a Promise or an object", (_, schema) => {
    for (const value of [Promise.resolve(1990), { valueOf: () => 3 }, [5], new Date()]) {
      const result = schema.safeParse({ id: "5f0c8c1e-9d6a-4c53-8a43-2f1b9e7d6a10", name: "Ada", tier: "regular", birthdayMonth: 3, birthdayDay: 4, birthdayYear: value });
      expect(result.success).toBe(false);
      expect(result.error?.issues.map((issue) => issue.path.join("."))).toEqual(["birthdayYear"]);
    }
  });
});
