// What every import parser (LinkedIn, Google Contacts, vCard, any CSV with
// a column mapping) turns a file into. Parsers are pure functions: they
// never throw on bad input; a row they cannot use becomes a rejection with
// its row number and a reason a person can act on.

export type ImportSource = "linkedin" | "google" | "vcard" | "csv";

export type ImportedValue = { value: string; label: string | null };

export type ImportedContact = {
  /** 1-based: the CSV data row (header excluded) or the vCard's position in the file. */
  row: number;
  name: string;
  company: string | null;
  role: string | null;
  location: string | null;
  notes: string | null;
  /** Lower-cased and trimmed; the first one is the primary. */
  emails: ImportedValue[];
  phones: ImportedValue[];
  /** Profile and web links; a LinkedIn profile URL normalised by normalizeLinkedInUrl. */
  links: ImportedValue[];
  linkedinUrl: string | null;
  /** Year null when the file gives only month and day (vCard BDAY:--MMDD). */
  birthday: { year: number | null; month: number; day: number } | null;
  /** yyyy-mm-dd: when the user connected with them (LinkedIn "Connected On"). */
  connectedOn: string | null;
  /** Group names from the file (Google "Labels" / "Group Membership", vCard CATEGORIES). */
  labels: string[];
  /**
   * Everything the file held that Kith has no column for, kept verbatim so an
   * export can give it back: CSV columns by header, vCard properties as their
   * unfolded lines (photos included).
   */
  extra: Record<string, string | string[]>;
};

export type ImportRejection = { row: number; reason: string };

export type ParseResult = {
  source: ImportSource;
  /** Data rows (or cards) in the file: contacts.length + rejected.length. */
  rows: number;
  contacts: ImportedContact[];
  rejected: ImportRejection[];
  /** Problems with the file as a whole ("no header row found"); rows is then 0. */
  errors: string[];
};
