import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type ExportContact, type KithExport, parseKithExport } from "@/lib/validations/kith-export";
import { MAX_CELL_LENGTH } from "@/lib/import/csv";
import { MAX_NOTES_LENGTH } from "@/lib/import/merge";
import { contactFormSchema, EMPTY_CONTACT_FORM } from "@/lib/validations/contact";
import { STORED_LIMITS, STORED_SUCCESS_TITLE_MAX } from "@/lib/validations/stored-contact";
import { exportContact } from "../helpers/export-records";

// What Kith itself can store, from the import and quick add above all, the
// forms' bounds aside: its own export of it must restore.

const AT = "2026-11-12T09:30:00.000Z";
const CELL = "x".repeat(MAX_CELL_LENGTH);

function contact(values: Partial<ExportContact> = {}): ExportContact {
  return exportContact({ nextDueAt: AT, ...values });
}

function doc(values: Partial<ExportContact> = {}, more: Partial<KithExport> = {}): KithExport {
  return {
    format: "kith-export",
    version: 4,
    exportedAt: AT,
    settings: {
      name: null,
      timeZone: null,
      digestWeekday: 1,
      digestHour: 8,
      digestEnabled: true,
      journalPromptEnabled: true,
      defaultCadenceDays: 30,
    },
    circles: [],
    events: [],
    contacts: [contact(values)],
    touches: [],
    successes: [],
    roles: [],
    skills: [],
    wins: [],
    career: { goals: [], skills: [], learning: [] },
    ...more,
  };
}

function restored(d: KithExport): ExportContact {
  const parsed = parseKithExport(JSON.parse(JSON.stringify(d)));
  if (!parsed.ok) throw new Error(parsed.message);
  const [first] = parsed.data.contacts;
  if (!first) throw new Error("no contact");
  return first;
}

function refusal(d: KithExport): string {
  const parsed = parseKithExport(JSON.parse(JSON.stringify(d)));
  if (parsed.ok) throw new Error("restored");
  return parsed.message;
}

describe("the bounds cover every writer", () => {
  it("holds what the import writes from its cells, with margin", () => {
    // Google: given, middle and family name; vCard N: five parts.
    expect(STORED_LIMITS.name).toBeGreaterThanOrEqual(5 * MAX_CELL_LENGTH + 4);
    expect(STORED_LIMITS.text).toBeGreaterThan(MAX_CELL_LENGTH);
    // City, region and country.
    expect(STORED_LIMITS.location).toBeGreaterThanOrEqual(3 * MAX_CELL_LENGTH + 4);
    expect(STORED_LIMITS.notes).toBeGreaterThan(MAX_NOTES_LENGTH);
    // A cell of three-byte characters, each percent-encoded: 9 characters.
    expect(STORED_LIMITS.link).toBeGreaterThanOrEqual(9 * MAX_CELL_LENGTH);
    expect(STORED_SUCCESS_TITLE_MAX).toBeGreaterThanOrEqual("Now  at  (was  at )".length + 4 * MAX_CELL_LENGTH);
  });
});

describe("parseKithExport takes what Kith stores beyond the forms' bounds", () => {
  it("a name of three cells, a cell-long company, role, label and circle, and a location of three cells", () => {
    const name = [CELL, CELL, CELL].join(" ");
    const location = [CELL, CELL, CELL].join(", ");
    const d = doc(
      {
        name,
        company: CELL,
        role: CELL,
        location,
        emails: [{ email: "ada@example.com", label: CELL, isPrimary: true }],
        circles: [{ id: "k1", name: CELL }],
      },
      { circles: [{ id: "k1", name: CELL, createdAt: AT }] },
    );
    expect(restored(d)).toMatchObject({ name, company: CELL, role: CELL, location, circles: [{ id: "k1", name: CELL }] });
  });

  it("phones as an import keeps them, notes joined from several columns, a birthday in 1850 or year 1", () => {
    const phones = ["ext. 12", "+1 (555) 010-9999 x3", "call me maybe", CELL].map((phone) => ({ phone, label: null }));
    const notes = `${CELL}\n\n${CELL}`;
    expect(restored(doc({ phones, notes }))).toMatchObject({ phones, notes });
    expect(restored(doc({ birthday: { month: 2, day: 29, year: 1852 } })).birthday).toEqual({ month: 2, day: 29, year: 1852 });
    expect(restored(doc({ birthday: { month: 3, day: 1, year: 1 } })).birthday).toEqual({ month: 3, day: 1, year: 1 });
    expect(refusal(doc({ birthday: { month: 2, day: 29, year: 1900 } }))).toMatch(/contacts\[0\]\.birthday\.day: February 1900 has 28 days/);
  });

  it("a thousand emails, phones and links: what merges add up to", () => {
    const emails = Array.from({ length: STORED_LIMITS.rows }, (_, i) => ({ email: `ada${i}@example.com`, label: null, isPrimary: i === 0 }));
    expect(restored(doc({ emails })).emails).toHaveLength(STORED_LIMITS.rows);
    const tooMany = [...emails, { email: "more@example.com", label: null, isPrimary: false }];
    expect(refusal(doc({ emails: tooMany }))).toBe("This export cannot be restored: contacts[0].emails: A contact has at most 1,000 emails.");
  });

  it("an email quick add took (up to 320 characters)", () => {
    const email = `${"a".repeat(300)}@example.com`;
    expect(restored(doc({ emails: [{ email, label: null, isPrimary: true }] })).emails[0]?.email).toBe(email);
  });

  it("a link the form stored: 2,000 characters typed, longer once percent-encoded", () => {
    const typed = `example.com/${"語".repeat(1_980)}`;
    const form = contactFormSchema.safeParse({ ...EMPTY_CONTACT_FORM, name: "Ada", links: [{ url: typed, label: "" }] });
    if (!form.success) throw new Error(form.error.message);
    const url = form.data.links[0]?.url ?? "";
    expect(url.length).toBeGreaterThan(2_000);
    expect(restored(doc({ links: [{ url, label: null }] })).links).toEqual([{ url, label: null }]);
  });

  it("the success a LinkedIn import writes when a cell-long role changes", () => {
    const title = `Now ${CELL} at ${CELL} (was ${CELL} at ${CELL})`;
    const success = { id: "s1", contactId: "c1", kind: "new_job" as const, title, occurredOn: "2026-10-01", url: null, congratulatedByTouchId: null, createdAt: AT };
    const parsed = parseKithExport(JSON.parse(JSON.stringify(doc({}, { successes: [success] }))));
    expect(parsed.ok && parsed.data.successes[0]?.title).toBe(title);
  });

  it("what an import kept verbatim: a vCard photo of a megabyte, columns by header", () => {
    const extra = { vcard: [`PHOTO;ENCODING=b;TYPE=JPEG:${"A".repeat(1_000_000)}`, "X-ANNIVERSARY:2001-01-01"], "Column 7": "kept" };
    expect(restored(doc({ extra })).extra).toEqual(extra);
  });
});

describe("parseKithExport still refuses what is unsafe or unbounded", () => {
  it("one-line fields lose line breaks and control characters before they are checked", () => {
    const contactIn = restored(
      doc({ name: "Ada\r\nLovelace\u0007", phones: [{ phone: "+44 20\t7946 0958\u0000", label: "work\nhome" }] }),
    );
    expect(contactIn.name).toBe("Ada Lovelace");
    expect(contactIn.phones).toEqual([{ phone: "+44 20 7946 0958", label: "work home" }]);
    expect(refusal(doc({ name: "\r\n\u0007 " }))).toBe("This export cannot be restored: contacts[0].name: Enter a name.");
  });

  it("values past the bounds, and null characters PostgreSQL cannot store", () => {
    expect(refusal(doc({ name: "x".repeat(STORED_LIMITS.name + 1) }))).toMatch(/contacts\[0\]\.name: Keep the name under 50,010 characters/);
    expect(refusal(doc({ phones: [{ phone: "1".repeat(STORED_LIMITS.text + 1), label: null }] }))).toMatch(/contacts\[0\]\.phones\[0\]\.phone: /);
    expect(refusal(doc({ links: [{ url: `https://a.example/${"x".repeat(STORED_LIMITS.link)}`, label: null }] }))).toMatch(
      /contacts\[0\]\.links\[0\]\.url: /,
    );
    expect(refusal(doc({ extra: { vcard: ["A".repeat(STORED_LIMITS.extra)] } }))).toMatch(/contacts\[0\]\.extra: Keep the other fields under/);
    expect(refusal(doc({ extra: { "\u0000": "x" } }))).toMatch(/contacts\[0\]\.extra\..*: A kept field holds a null character/);
    expect(refusal(doc({ extra: { photo: { nested: true } as unknown as string } }))).toMatch(/contacts\[0\]\.extra\.photo: Expected text/);
  });

  it("a birthday on no calendar, a year past 9999, a fraction", () => {
    expect(refusal(doc({ birthday: { month: 13, day: 1, year: null } }))).toMatch(/contacts\[0\]\.birthday\.month: Choose a month/);
    expect(refusal(doc({ birthday: { month: 4, day: 31, year: 1990 } }))).toMatch(/April 1990 has 30 days/);
    expect(refusal(doc({ birthday: { month: 4, day: 1, year: 10_000 } }))).toMatch(/birthday\.year: /);
    expect(refusal(doc({ birthday: { month: 4, day: 1.5, year: null } }))).toMatch(/birthday\.day: /);
  });
});

describe("parseKithExport on any JSON in a contact", () => {
  const FIELDS = Object.keys(contact()) as (keyof ExportContact)[];
  const ROW_FIELDS = { emails: ["email", "label", "isPrimary"], phones: ["phone", "label"], links: ["url", "label"] } as const;

  it("never throws, and answers with a message a person can read", () => {
    fc.assert(
      fc.property(fc.constantFrom(...FIELDS), fc.jsonValue(), (field, value) => {
        const parsed = parseKithExport(doc({ [field]: value } as Partial<ExportContact>));
        if (!parsed.ok) expect(parsed.message).toMatch(/^This export cannot be restored: contacts\[0\]/);
      }),
      { numRuns: 500 },
    );
  });

  it("never throws on any JSON in an email, phone or link row", () => {
    const rowField = fc.constantFrom(...(Object.keys(ROW_FIELDS) as (keyof typeof ROW_FIELDS)[])).chain((kind) =>
      fc.tuple(fc.constant(kind), fc.constantFrom(...ROW_FIELDS[kind])),
    );
    fc.assert(
      fc.property(rowField, fc.jsonValue(), ([kind, key], value) => {
        const row = { email: "ada@example.com", phone: "12", url: "https://ada.example/", label: null, isPrimary: true, [key]: value };
        const parsed = parseKithExport(JSON.parse(JSON.stringify(doc({ [kind]: [row] }))));
        if (parsed.ok) expect(parsed.data.contacts[0]?.[kind]).toHaveLength(1);
      }),
      { numRuns: 500 },
    );
  });
});
