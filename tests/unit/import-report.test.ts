import { describe, expect, it } from "vitest";
import type { ImportRowView } from "@/db/queries/imports";
import { describeRow, importReportCsv } from "@/lib/import/report";

const LEFT_OUT = "The notes are full (10,000 characters): this row's note was not added.";

function view(values: Partial<ImportRowView> & Pick<ImportRowView, "row" | "action">): ImportRowView {
  return {
    contact: null,
    matchContactId: null,
    matchName: null,
    matchRow: null,
    matchReason: null,
    changes: null,
    reason: null,
    ...values,
  };
}

describe("what the preview and the report say of a row", () => {
  it("says what a merge left out, into a contact or an earlier row", () => {
    const into = view({ row: 2, action: "merge", matchName: "Ada Lovelace", matchReason: "email", reason: LEFT_OUT });
    expect(describeRow(into)).toBe(`Into Ada Lovelace (same email). ${LEFT_OUT}`);
    const folded = view({ row: 3, action: "merge", matchRow: 1, matchReason: "phone", reason: LEFT_OUT });
    expect(describeRow(folded)).toBe(`Same person as row 1 of this file (same phone number): their details are combined. ${LEFT_OUT}`);
    expect(describeRow({ ...into, reason: null })).toBe("Into Ada Lovelace (same email)");
  });

  it("puts it in the report's Detail column", () => {
    const csv = importReportCsv([view({ row: 2, action: "merge", matchName: "Ada Lovelace", matchReason: "email", reason: LEFT_OUT })], false);
    // "10,000" holds a comma: the cell is quoted.
    expect(csv).toContain(`2,Merge,,,,"Into Ada Lovelace (same email). ${LEFT_OUT}",,`);
  });
});
