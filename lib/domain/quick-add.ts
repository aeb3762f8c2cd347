import type { QuickAddRowInput } from "@/lib/validations/quick-add";

// A blank row of the quick-add form, apart from its schema so the form and the
// capture prefill start rows without loading zod.
export function emptyQuickAddRow(): QuickAddRowInput {
  return { name: "", company: "", role: "", email: "", circles: "", note: "", followUpDays: "" };
}
