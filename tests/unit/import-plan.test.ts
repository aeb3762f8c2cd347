import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type ExistingContact, type PlannedRow, planImport } from "@/lib/import/plan";
import type { ImportedContact, ImportSource } from "@/lib/domain/import";
import { STORED_LIMITS } from "@/lib/validations/stored-contact";
import { contact as imported } from "../helpers/import";

// Files as people have them: a few people (two of them with the same name
// at different companies), each appearing in one or more rows with some of
// their details. Rows naming different people with one email or profile
// are conflicts no rule resolves; they are resolved first row first, and
// not generated here.
const PEOPLE = [
  { name: "Ada Lovelace", company: "Acme", email: "ada@acme.com", linkedin: "ada", phone: "+49 170 1234567" },
  { name: "Ada Lovelace", company: "Globex", email: "ada@globex.com", linkedin: "ada-2", phone: "+44 7700 900123" },
  { name: "Zoë Müller", company: null, email: "zoe@example.de", linkedin: "zoe", phone: null },
  { name: "José García", company: "Telefónica", email: "jose@example.es", linkedin: null, phone: null },
  { name: "山田 太郎", company: null, email: null, linkedin: null, phone: "+81 90 1234 5678" },
];
const rowArb = fc.record({
  person: fc.nat({ max: PEOPLE.length - 1 }),
  has: fc.record({ email: fc.boolean(), linkedin: fc.boolean(), phone: fc.boolean(), company: fc.boolean() }),
  role: fc.constantFrom(null, "CTO", "Engineer"),
  location: fc.constantFrom(null, "Berlin"),
  // Two long notes are more than the notes hold: the second is left out, and says so.
  notes: fc.constantFrom(null, "Met at PyCon", "Likes chess", "Long talk. ".repeat(600), "Another long talk. ".repeat(400)),
  birthday: fc.constantFrom(null, { year: null, month: 4, day: 17 }),
  connectedOn: fc.constantFrom(null, "2025-12-22"),
  labels: fc.uniqueArray(fc.constantFrom("Friends", "Work"), { maxLength: 2 }),
  extra: fc.constantFrom<Record<string, string>>({}, { "X-Custom": "kept" }),
});
type RowSpec = typeof rowArb extends fc.Arbitrary<infer T> ? T : never;
const fileOf = (rowsArb: fc.Arbitrary<RowSpec[]>) =>
  rowsArb.map((rows) =>
  rows.map(({ person, has, ...row }, index): ImportedContact => {
    const p = PEOPLE[person] ?? PEOPLE[0];
    const linkedinUrl = has.linkedin && p?.linkedin ? `https://www.linkedin.com/in/${p.linkedin}` : null;
    const email = has.email && p?.email ? [{ value: p.email, label: null }] : [];
    const phone = has.phone && p?.phone ? [{ value: p.phone, label: "mobile" }] : [];
    return {
      ...row,
      row: index + 1,
      name: p?.name ?? "",
      company: has.company ? (p?.company ?? null) : null,
      emails: email,
      phones: phone,
      // As every parser does, a LinkedIn profile is also among the links.
      links: linkedinUrl ? [{ value: linkedinUrl, label: "LinkedIn" }] : [],
      linkedinUrl,
    };
  }),
  );
// A LinkedIn export lists each connection once; other files may repeat people.
const fileArb = fc.array(rowArb, { maxLength: 12 });
const sourceAndFileArb = fc.constantFrom<ImportSource>("linkedin", "google", "vcard", "csv").chain((source) =>
  fc.tuple(
    fc.constant(source),
    fileOf(source === "linkedin" ? fc.uniqueArray(rowArb, { maxLength: PEOPLE.length, selector: (row) => row.person }) : fileArb),
  ),
);

// What committing the created rows leaves in the database, as the planner sees it.
function committed(plan: PlannedRow[]): ExistingContact[] {
  return plan.flatMap((row, index) => {
    if (row.action !== "create") return [];
    const c = row.contact;
    return [
      {
        id: `00000000-0000-4000-8000-${String(index).padStart(12, "0")}`,
        name: c.name,
        company: c.company,
        role: c.role,
        location: c.location,
        notes: c.notes,
        birthday: c.birthday,
        connectedOn: c.connectedOn,
        emails: c.emails.map((e) => e.value),
        phones: c.phones.map((p) => p.value),
        links: c.links.map((l) => l.value),
        circles: c.labels.map((label) => label.toLowerCase()),
        extra: c.extra,
      },
    ];
  });
}

describe("planning an import", () => {
  it("accounts for every row, once, in file order", () => {
    fc.assert(
      fc.property(sourceAndFileArb, ([source, contacts]) => {
        const plan = planImport({ source, contacts, existing: [] });
        expect(plan.map((row) => row.row)).toEqual(contacts.map((c) => c.row));
        for (const row of plan) {
          if (row.action === "merge") expect(row.matchRow).not.toBe(row.row);
          else if (row.action === "reject") expect(row.reason).toMatch(/^More than one contact is called/);
          else expect(row.action).toBe("create");
        }
      }),
    );
  });

  it("changes nothing when the same file comes again", () => {
    fc.assert(
      fc.property(sourceAndFileArb, ([source, contacts]) => {
        const first = planImport({ source, contacts, existing: [] });
        const again = planImport({ source, contacts, existing: committed(first) });
        expect(again.filter((row) => row.action === "create" || row.action === "merge")).toEqual([]);
      }),
      { numRuns: 2_000 },
    );
  });

  it("never overwrites a field from a non-LinkedIn file, and only LinkedIn records a new role", () => {
    const existing: ExistingContact = {
      id: "00000000-0000-4000-8000-000000000001",
      name: "Ada Lovelace",
      company: "Acme",
      role: "Engineer",
      location: null,
      notes: "Met at PyCon",
      birthday: null,
      connectedOn: null,
      emails: ["ada@example.com"],
      phones: [],
      links: ["https://www.linkedin.com/in/ada"],
      circles: [],
      extra: {},
    };
    const row: ImportedContact = {
      row: 1,
      name: "Ada Lovelace",
      company: "Globex",
      role: "CTO",
      location: "London",
      notes: null,
      emails: [{ value: "ada@example.com", label: null }],
      phones: [],
      links: [],
      linkedinUrl: "https://www.linkedin.com/in/ada",
      birthday: null,
      connectedOn: null,
      labels: [],
      extra: {},
    };
    const [fromVcard] = planImport({ source: "vcard", contacts: [row], existing: [existing] });
    expect(fromVcard).toMatchObject({ action: "merge", changes: { location: { from: null, to: "London" } } });
    expect(fromVcard?.action === "merge" && Object.keys(fromVcard.changes)).toEqual(["location"]);
    const [fromLinkedIn] = planImport({ source: "linkedin", contacts: [row], existing: [existing] });
    expect(fromLinkedIn).toMatchObject({
      action: "merge",
      matchReason: "email",
      changes: {
        company: { from: "Acme", to: "Globex" },
        role: { from: "Engineer", to: "CTO" },
        newRole: { from: "Engineer at Acme", to: "CTO at Globex" },
      },
    });
  });
});

describe("what a contact has no room for", () => {
  const ADA_ID = "00000000-0000-4000-8000-000000000001";
  const ada = (values: Partial<ExistingContact> = {}): ExistingContact => ({
    id: ADA_ID,
    name: "Ada Lovelace",
    company: null,
    role: null,
    location: null,
    notes: null,
    birthday: null,
    connectedOn: null,
    emails: ["ada@example.com"],
    phones: [],
    links: [],
    circles: [],
    extra: {},
    ...values,
  });
  const row = (values: Partial<ImportedContact> = {}): ImportedContact =>
    imported({ row: 1, name: "Ada Lovelace", emails: [{ value: "ada@example.com", label: null }], ...values });
  const NOTES_FULL = "The notes are full (10,000 characters): this row's note was not added.";

  it("skips a row whose note does not fit, saying so, and adds nothing", () => {
    const [planned] = planImport({ source: "csv", contacts: [row({ notes: "Met at PyCon" })], existing: [ada({ notes: "x".repeat(9_990) })] });
    expect(planned).toMatchObject({
      action: "skip",
      reason: `Already in Kith as Ada Lovelace (same email). ${NOTES_FULL}`,
    });
  });

  it("merges what fits and says what did not", () => {
    const existing = ada({ notes: "x".repeat(9_990), phones: Array.from({ length: 999 }, (_, i) => `+1 555 ${String(i).padStart(7, "0")}`) });
    const incoming = row({ notes: "Met at PyCon", location: "London", phones: ["+44 20 7946 0001", "+44 20 7946 0002", "+44 20 7946 0003"].map((value) => ({ value, label: null })) });
    const [planned] = planImport({ source: "csv", contacts: [incoming], existing: [existing] });
    expect(planned).toMatchObject({
      action: "merge",
      changes: { location: { from: null, to: "London" }, phones: { from: null, to: [{ value: "+44 20 7946 0001", label: null }] } },
      reason: `${NOTES_FULL} A contact has at most 1,000 phone numbers: 2 from this row were not added.`,
    });
    expect(planned?.action === "merge" && Object.keys(planned.changes)).toEqual(["location", "phones"]);
  });

  it("says nothing of a note that is already there, or values the contact has", () => {
    const existing = ada({ notes: `${"x".repeat(9_990)} PyCon`, emails: Array.from({ length: 1_000 }, (_, i) => `ada${i}@example.com`) });
    const [planned] = planImport({
      source: "csv",
      contacts: [row({ notes: "PyCon", emails: [{ value: "ada7@example.com", label: null }] })],
      existing: [existing],
    });
    expect(planned).toMatchObject({ action: "skip", reason: "Already in Kith as Ada Lovelace (same email), nothing new" });
  });

  it("stops a contact at STORED_LIMITS.rows circles and emails across the rows of a file", () => {
    const rows = Array.from({ length: 3 }, (_, r) =>
      row({
        row: r + 1,
        emails: Array.from({ length: 600 }, (_, i) => ({ value: `ada${r}.${i}@example.com`, label: null })),
        labels: Array.from({ length: 600 }, (_, i) => `Circle ${r}.${i}`),
      }),
    );
    const plan = planImport({ source: "csv", contacts: rows, existing: [] });
    const [created, second, third] = plan;
    expect(created?.action).toBe("create");
    expect(created?.contact.emails).toHaveLength(STORED_LIMITS.rows);
    expect(created?.contact.labels).toHaveLength(STORED_LIMITS.rows);
    expect(second).toMatchObject({
      action: "merge",
      matchRow: 1,
      reason: "A contact has at most 1,000 emails: 200 from this row were not added. A contact has at most 1,000 circles: 200 from this row were not added.",
    });
    // The third row is found by none of its emails: only its name ties it to the first.
    expect(third).toMatchObject({ action: "merge", matchRow: 1, matchReason: "name_company" });
    expect(third?.action === "merge" && third.reason).toMatch(/600 from this row were not added/);
  });
});
