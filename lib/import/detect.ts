// Which parser a file is for, from its name and first rows. A guess the
// person can override: anything not recognised is a CSV to map by hand.

import type { ImportSource } from "@/lib/domain/import";
import { headerKey, parseCsvRows } from "./csv";

const LINKEDIN_HEADER_SCAN_ROWS = 20;

export function detectSource(fileName: string, text: string): ImportSource {
  if (/^[\s\uFEFF]*BEGIN:VCARD/i.test(text.slice(0, 1024)) || /\.(?:vcf|vcard)$/i.test(fileName.trim())) return "vcard";

  // Only the first rows are read: a 20 MB file is not parsed twice.
  const rows = parseCsvRows(text, { preview: LINKEDIN_HEADER_SCAN_ROWS }).map((cells) => new Set(cells.map(headerKey)));
  const isLinkedIn = rows.some(
    (keys) => keys.has("first name") && keys.has("last name") && (keys.has("connected on") || keys.has("position")),
  );
  if (isLinkedIn) return "linkedin";

  const header = rows[0] ?? new Set<string>();
  const isGoogle =
    header.has("e-mail 1 - value") || header.has("group membership") || (header.has("labels") && header.has("organization name"));
  return isGoogle ? "google" : "csv";
}
