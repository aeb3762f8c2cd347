import type { ImportRowView } from "@/db/queries/imports";
import { CSV_BOM, toCsv } from "./csv";
import { type Change, MATCH_REASON_LABELS, type MatchReason } from "./plan";
import type { ImportedValue } from "@/lib/domain/import";

// How the preview and the downloadable report put a row's fate into words.

export const ACTION_LABELS = {
  create: { planned: "Create", done: "Created" },
  merge: { planned: "Merge", done: "Merged" },
  skip: { planned: "Skip", done: "Skipped" },
  reject: { planned: "Reject", done: "Rejected" },
} as const;

const FIELD_LABELS: Record<string, string> = {
  company: "Company",
  role: "Role",
  location: "Location",
  notes: "Notes",
  birthday: "Birthday",
  connectedOn: "Connected on",
  emails: "Email",
  phones: "Phone",
  links: "Link",
  circles: "Circle",
  extra: "Other fields",
};

function show(value: unknown): string {
  if (value === null || value === undefined || value === "") return "—";
  if (typeof value === "object" && value !== null && "month" in value && "day" in value) {
    const { year, month, day } = value as { year: number | null; month: number; day: number };
    const md = `${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
    return year ? `${year}-${md}` : `--${md}`;
  }
  return String(value);
}

/** One line per change: "Company: Stripe → Adyen", "Adds email ada@x.com". */
export function describeChanges(changes: Record<string, Change> | null): string[] {
  if (!changes) return [];
  const lines: string[] = [];
  for (const [field, change] of Object.entries(changes)) {
    if (field === "newRole") continue;
    const label = FIELD_LABELS[field] ?? field;
    if (["emails", "phones", "links"].includes(field)) {
      for (const value of change.to as ImportedValue[]) lines.push(`Adds ${label.toLowerCase()} ${value.value}`);
    } else if (field === "circles") {
      for (const name of change.to as string[]) lines.push(`Adds to circle ${name}`);
    } else if (field === "extra") {
      lines.push(`Keeps ${Object.keys(change.to as object).join(", ")}`);
    } else if (change.from === null) {
      lines.push(`${label}: adds ${show(change.to)}`);
    } else {
      lines.push(`${label}: ${show(change.from)} → ${show(change.to)}`);
    }
  }
  return lines;
}

/** Why the row ends as it does, in a sentence. */
export function describeRow(row: ImportRowView): string {
  const how = row.matchReason ? (MATCH_REASON_LABELS[row.matchReason as MatchReason] ?? row.matchReason) : "";
  switch (row.action) {
    case "create":
      return "New contact";
    case "merge": {
      const merged =
        row.matchRow !== null
          ? `Same person as row ${row.matchRow} of this file (${how}): their details are combined`
          : `Into ${row.matchName ?? "a contact since deleted"} (${how})`;
      // What the contact had no room for (a note, emails past the most it holds).
      return row.reason ? `${merged}. ${row.reason}` : merged;
    }
    case "skip":
    case "reject":
      return row.reason ?? "";
  }
}

export function importReportCsv(rows: ImportRowView[], isDone: boolean): string {
  const header = ["Row", "Outcome", "Name", "Company", "Email", "Detail", "Changes", "New role"];
  const lines = rows.map((row) => [
    String(row.row),
    ACTION_LABELS[row.action][isDone ? "done" : "planned"],
    row.contact?.name ?? "",
    row.contact?.company ?? "",
    row.contact?.emails[0]?.value ?? "",
    describeRow(row),
    describeChanges(row.changes).join("; "),
    row.changes?.newRole ? `${show(row.changes.newRole.from)} → ${show(row.changes.newRole.to)}` : "",
  ]);
  return CSV_BOM + toCsv(header, lines);
}
