import { parseGoogleCsv } from "./google";
import { parseLinkedInCsv } from "./linkedin";
import { type ColumnMapping, parseMappedCsv } from "./mapped-csv";
import type { ImportSource, ParseResult } from "./types";
import { parseVCards } from "./vcard";

export const IMPORT_SOURCE_LABELS: Record<ImportSource, string> = {
  linkedin: "LinkedIn connections",
  google: "Google Contacts",
  vcard: "vCard",
  csv: "CSV",
};

// The decoded file, read by the parser for its source. A CSV of no known
// shape needs its column mapping first.
export function parseImportFile(source: ImportSource, text: string, mapping: ColumnMapping | null): ParseResult {
  switch (source) {
    case "linkedin":
      return parseLinkedInCsv(text);
    case "google":
      return parseGoogleCsv(text);
    case "vcard":
      return parseVCards(text);
    case "csv":
      return mapping
        ? parseMappedCsv(text, mapping)
        : { source, rows: 0, contacts: [], rejected: [], errors: ["Choose what each column holds first."] };
  }
}
