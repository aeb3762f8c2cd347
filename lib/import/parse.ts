import { googleCsvSteps } from "./google";
import { linkedInCsvSteps } from "./linkedin";
import { type ColumnMapping, mappedCsvSteps } from "./mapped-csv";
import { runSteps, type Steps } from "./steps";
import type { ImportSource, ParseResult } from "@/lib/domain/import";
import { vCardSteps } from "./vcard";

export const IMPORT_SOURCE_LABELS: Record<ImportSource, string> = {
  linkedin: "LinkedIn connections",
  google: "Google Contacts",
  vcard: "vCard",
  csv: "CSV",
};

// The decoded file, read by the parser for its source. A CSV of no known
// shape needs its column mapping first.
export function parseImportFile(source: ImportSource, text: string, mapping: ColumnMapping | null): ParseResult {
  return runSteps(parseImportSteps(source, text, mapping));
}

export function* parseImportSteps(source: ImportSource, text: string, mapping: ColumnMapping | null): Steps<ParseResult> {
  switch (source) {
    case "linkedin":
      return yield* linkedInCsvSteps(text);
    case "google":
      return yield* googleCsvSteps(text);
    case "vcard":
      return yield* vCardSteps(text);
    case "csv":
      return mapping
        ? yield* mappedCsvSteps(text, mapping)
        : { source, rows: 0, contacts: [], rejected: [], errors: ["Choose what each column holds first."] };
  }
}
