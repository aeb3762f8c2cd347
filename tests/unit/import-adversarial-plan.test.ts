import { describe, expect, it } from "vitest";
import { MAX_NOTES_LENGTH } from "@/lib/import/merge";
import { type ExistingContact, type PlannedRow, planImport } from "@/lib/import/plan";
import { STORED_LIMITS } from "@/lib/validations/stored-contact";
import { contact } from "../helpers/import";

// Files written to hurt the planner: one person thousands of times, and
// rows that each wait for the next one to say who they are. These check
// what is planned; scripts/bench-import.ts measures how fast.

const ROWS = 15_000;
const NOTE = "Met at a meetup, talked about compilers. ".repeat(5);

function existing(values: Partial<ExistingContact> & Pick<ExistingContact, "id" | "name">): ExistingContact {
  return {
    company: null,
    role: null,
    location: null,
    notes: null,
    birthday: null,
    connectedOn: null,
    emails: [],
    phones: [],
    links: [],
    circles: [],
    extra: {},
    ...values,
  };
}

const ACME_ID = "00000000-0000-4000-8000-000000000001";
const GLOBEX_ID = "00000000-0000-4000-8000-000000000002";
const twoAdas = [
  existing({ id: ACME_ID, name: "Ada Lovelace", company: "Acme" }),
  existing({ id: GLOBEX_ID, name: "Ada Lovelace", company: "Globex" }),
];

function expectEveryRowOnce(plan: PlannedRow[], rows: number) {
  expect(plan.map((row) => row.row)).toEqual(Array.from({ length: rows }, (_, index) => index + 1));
}

describe("planning one person repeated 15,000 times", () => {
  const samePerson = Array.from({ length: ROWS }, (_, index) =>
    contact({
      row: index + 1,
      name: "Ada Lovelace",
      company: "Acme",
      notes: `${NOTE}#${index}`,
      emails: [{ value: `ada.${index}@example.com`, label: null }],
      links: [{ value: `https://www.linkedin.com/in/ada-${index}`, label: "LinkedIn" }],
      labels: [`Group ${index % 7}`],
      extra: { [`Column ${index % 3}`]: `value ${index}` },
    }),
  );

  it("creates them once and folds every later row into the first, notes and emails within what a restore takes", () => {
    const plan = planImport({ source: "csv", contacts: samePerson, existing: [] });
    expectEveryRowOnce(plan, ROWS);
    const [first, ...rest] = plan;
    expect(first?.action).toBe("create");
    expect(rest.every((row) => row.action === "merge" && row.matchRow === 1 && row.matchReason === "name_company")).toBe(true);
    const created = first?.contact;
    const kept = samePerson.slice(0, STORED_LIMITS.rows);
    expect(created?.emails.map((email) => email.value)).toEqual(kept.map((row) => row.emails[0]?.value));
    expect(created?.links).toHaveLength(STORED_LIMITS.rows);
    // Every row whose email, link or note was not added says so.
    expect(rest.slice(STORED_LIMITS.rows - 1).map((row) => "reason" in row && row.reason)).toEqual(
      Array(ROWS - STORED_LIMITS.rows).fill(
        "The notes are full (10,000 characters): this row's note was not added. " +
          "A contact has at most 1,000 emails: 1 from this row was not added. " +
          "A contact has at most 1,000 links: 1 from this row was not added.",
      ),
    );
    const notesAdded = created?.notes?.split("\n\n").length ?? 0;
    expect(rest.filter((row) => "reason" in row && row.reason?.startsWith("The notes are full"))).toHaveLength(ROWS - notesAdded);
    expect(created?.labels).toEqual(Array.from({ length: 7 }, (_, index) => `Group ${index}`));
    expect(created?.extra).toEqual({ "Column 0": "value 0", "Column 1": "value 1", "Column 2": "value 2" });
    expect(created?.notes?.length).toBeLessThanOrEqual(MAX_NOTES_LENGTH);
    expect(created?.notes?.startsWith(`${NOTE}#0\n\n${NOTE}#1`)).toBe(true);
    // The parsed rows are left as they were.
    expect(samePerson[0]?.emails).toHaveLength(1);
  });

  it("merges them into the one contact they match, adding each new email once while there is room, notes within the limit", () => {
    const contacts = samePerson.map((row) => ({ ...row, extra: {} }));
    const plan = planImport({ source: "csv", contacts, existing: twoAdas });
    expectEveryRowOnce(plan, ROWS);
    const merges = plan.filter((row) => row.action === "merge");
    expect(merges).toHaveLength(STORED_LIMITS.rows);
    expect(merges.every((row) => row.matchContactId === ACME_ID)).toBe(true);
    const added = merges.flatMap((row) => (row.changes.emails?.to ?? []) as { value: string }[]).map((email) => email.value);
    expect(added).toEqual(contacts.slice(0, STORED_LIMITS.rows).map((row) => row.emails[0]?.value));
    // The rest bring nothing there is room for, and say what was not added.
    const skips = plan.slice(STORED_LIMITS.rows);
    expect(skips.every((row) => row.action === "skip" && row.matchContactId === ACME_ID)).toBe(true);
    expect(skips[0]?.action === "skip" && skips[0].reason).toBe(
      "Already in Kith as Ada Lovelace (same name and company). " +
        "The notes are full (10,000 characters): this row's note was not added. " +
        "A contact has at most 1,000 emails: 1 from this row was not added. " +
        "A contact has at most 1,000 links: 1 from this row was not added.",
    );
    // What a list gains is stored with each row, never the whole list so far.
    expect(merges.every((row) => row.changes.emails?.from === null)).toBe(true);
    const notes = merges.flatMap((row) => (row.changes.notes ? [row.changes.notes.to as string] : []));
    expect(notes.length).toBeGreaterThan(1);
    expect(notes.length).toBeLessThan(ROWS);
    expect(Math.max(...notes.map((text) => text.length))).toBeLessThanOrEqual(MAX_NOTES_LENGTH);
  });

  it("plans the same file again as nothing new once committed", () => {
    const plan = planImport({ source: "linkedin", contacts: samePerson.map((row) => ({ ...row, notes: null })), existing: [] });
    const created = plan[0]?.contact;
    if (!created) throw new Error("nothing created");
    const saved = existing({
      id: ACME_ID,
      name: created.name,
      company: created.company,
      emails: created.emails.map((email) => email.value),
      links: created.links.map((link) => link.value),
      circles: created.labels.map((label) => label.toLowerCase()),
      extra: created.extra,
    });
    const again = planImport({ source: "linkedin", contacts: samePerson.map((row) => ({ ...row, notes: null })), existing: [saved] });
    expect(again.every((row) => row.action === "skip")).toBe(true);
  });
});

describe("planning rows that wait for one another", () => {
  // Row i of a chain has only its name (two contacts have it) and emails i
  // and i + 1; only the chain's last row names a company. Each row is found
  // by the email the row after it brings: every round of waiting rows plans
  // one more. A contact holds at most STORED_LIMITS.rows emails, so a chain
  // is that long at most: the file holds 15 of them, one for each name.
  const CHAINS = ROWS / STORED_LIMITS.rows;
  const twinsOf = (chain: number) => [
    existing({ id: `00000000-0000-4000-8000-1${String(chain).padStart(11, "0")}`, name: `Ada Lovelace ${chain}`, company: "Acme" }),
    existing({ id: `00000000-0000-4000-8000-2${String(chain).padStart(11, "0")}`, name: `Ada Lovelace ${chain}`, company: "Globex" }),
  ];
  const chains = Array.from({ length: ROWS }, (_, index) => {
    const [chain, link] = [Math.floor(index / STORED_LIMITS.rows), index % STORED_LIMITS.rows];
    return contact({
      row: index + 1,
      name: `Ada Lovelace ${chain}`,
      company: link === STORED_LIMITS.rows - 1 ? "Acme" : null,
      emails: [
        { value: `ada.${chain}.${link}@example.com`, label: null },
        { value: `ada.${chain}.${link + 1}@example.com`, label: null },
      ],
    });
  });

  it("ties every row of 15 chains of 1,000 rows to the contact each chain's last row names", () => {
    const existingTwins = Array.from({ length: CHAINS }, (_, chain) => twinsOf(chain)).flat();
    const plan = planImport({ source: "csv", contacts: chains, existing: existingTwins });
    expectEveryRowOnce(plan, ROWS);
    const acmeOf = (row: PlannedRow) => twinsOf(Math.floor((row.row - 1) / STORED_LIMITS.rows))[0]?.id;
    expect(plan.every((row) => "matchContactId" in row && row.matchContactId === acmeOf(row))).toBe(true);
    const ends = plan.filter((row) => row.row % STORED_LIMITS.rows === 0);
    expect(ends.every((row) => row.action === "merge" && row.matchReason === "name_company")).toBe(true);
    // The first row of a chain brings the 1,001st email: it adds nothing, and says so.
    const starts = plan.filter((row) => row.row % STORED_LIMITS.rows === 1);
    expect(starts.map((row) => row.action === "skip" && row.reason)).toEqual(
      starts.map((row) => `Already in Kith as ${row.contact.name} (same email). A contact has at most 1,000 emails: 1 from this row was not added.`),
    );
    const rest = plan.filter((row) => !ends.includes(row) && !starts.includes(row));
    expect(rest.every((row) => row.action === "merge" && row.matchReason === "email" && !("reason" in row))).toBe(true);
  });

  it("plans a waiting row once a later row ties it to someone, after the rows of that round", () => {
    const rows = [
      contact({ row: 1, name: "Ada Lovelace", notes: "Row 1", emails: [{ value: "ada@home.example", label: null }] }),
      contact({ row: 2, name: "Ada Lovelace", company: "Acme", emails: [{ value: "ada@home.example", label: null }] }),
      contact({ row: 3, name: "Ada Lovelace", notes: "Row 3", emails: [{ value: "ada@home.example", label: null }] }),
      contact({ row: 4, name: "Ada Lovelace" }),
    ];
    const plan = planImport({ source: "csv", contacts: rows, existing: twoAdas });
    expect(plan.map((row) => [row.row, row.action, "matchReason" in row ? row.matchReason : null])).toEqual([
      [1, "merge", "email"],
      [2, "merge", "name_company"],
      [3, "merge", "email"],
      [4, "reject", null],
    ]);
    // Row 3 was planned in the first round, row 1 waited for the next.
    expect(plan[0]?.action === "merge" && plan[0].changes.notes?.to).toBe("Row 3\n\nRow 1");
  });

  it("rejects 15,000 rows that nothing ties to one of two people", () => {
    const rows = Array.from({ length: ROWS }, (_, index) => contact({ row: index + 1, name: "Ada Lovelace" }));
    const plan = planImport({ source: "csv", contacts: rows, existing: twoAdas });
    expectEveryRowOnce(plan, ROWS);
    expect(plan.every((row) => row.action === "reject")).toBe(true);
  });
});
