// Turns a pasted list of people into quick-add rows. Pure and total: any
// string gives rows and problems, never an exception, and every non-blank
// line becomes exactly one row or one problem, so nothing pasted is lost
// without being reported.
//
// Accepted per line:
// - fields separated by commas, or by tabs when the line has a tab (a
//   spreadsheet paste); "double quotes" keep a comma inside a field, and ""
//   inside quotes is a quote;
// - the email anywhere on the line: `Grace Hopper <grace@navy.mil>`, a bare
//   `ada@example.com` field, or an email after the name in the same field;
// - the other fields are name, company and role, in that order; an empty
//   field keeps its place (`Ada, , Engineer` has no company);
// - a line with an email but no name is named from the email's local part
//   (`ada.lovelace@…` → "Ada Lovelace"), for the person to check in review;
// - a first line made only of column titles (Name, Company, Email…) is
//   reported as a header rather than turned into a person.
// A quoted cell holding a line break (possible in a spreadsheet) arrives as
// two lines: each is then a row or a problem of its own.

export type ParsedRow = {
  /** 1-based line number in the pasted text. */
  line: number;
  name: string;
  company: string;
  role: string;
  email: string;
};

export type PasteProblem = { line: number; text: string; reason: string };

export type PasteResult = { rows: ParsedRow[]; problems: PasteProblem[] };

const ANGLE_EMAIL = /<\s*(?:mailto:)?([^<>\s]*@[^<>\s]*)\s*>/gi;
// Starts only where a word starts (the lookbehind): tried at every position,
// a long run of letters would cost quadratic time and freeze the page.
const BARE_EMAIL = /(?<![^\s<>,;"()[\]])(?:mailto:)?([^\s@<>,;"()[\]]+@[^\s@<>,;"()[\]]+\.[^\s@<>,;"()[\]]+)/gi;
const HEADER_WORDS = new Set([
  "name",
  "full name",
  "first name",
  "last name",
  "company",
  "organisation",
  "organization",
  "employer",
  "role",
  "title",
  "job title",
  "position",
  "email",
  "e-mail",
  "email address",
]);
const MAX_FIELDS = 3;

export function parsePastedPeople(text: string): PasteResult {
  const rows: ParsedRow[] = [];
  const problems: PasteProblem[] = [];
  let isFirstContentLine = true;
  String(text)
    .split(/\r\n|\r|\n/)
    .forEach((raw, index) => {
      const line = index + 1;
      const trimmed = raw.trim();
      if (trimmed === "") return;
      const parsed = parseLine(trimmed, isFirstContentLine);
      isFirstContentLine = false;
      if ("reason" in parsed) problems.push({ line, text: trimmed, reason: parsed.reason });
      else rows.push({ line, ...parsed });
    });
  return { rows, problems };
}

type LineResult = Omit<ParsedRow, "line"> | { reason: string };

function parseLine(text: string, mayBeHeader: boolean): LineResult {
  const delimiter = text.includes("\t") ? "\t" : ",";
  const emails: string[] = [];
  const fields: string[] = [];
  for (const field of splitFields(text, delimiter)) {
    const { rest, found } = extractEmails(field);
    emails.push(...found);
    // A field that was only an email does not take a name/company/role slot.
    if (found.length === 0 || rest !== "") fields.push(rest);
  }
  while (fields.length > 0 && fields[fields.length - 1] === "") fields.pop();

  const email = emails[0] ?? "";
  if (mayBeHeader && email === "" && fields.length > 0 && fields.every((f) => HEADER_WORDS.has(f.toLowerCase()))) {
    return { reason: "Looks like column titles, so it was skipped." };
  }
  if (new Set(emails.map((e) => e.toLowerCase())).size > 1) {
    return { reason: "More than one email on this line: put each person on a line of their own." };
  }
  if (fields.length > MAX_FIELDS) {
    return { reason: "Too many fields: expected a name, then company, role and email." };
  }
  const [name = "", company = "", role = ""] = fields;
  if (name !== "") return { name, company, role, email };
  if (email !== "") return { name: nameFromEmail(email), company, role, email };
  return { reason: "No name on this line." };
}

// Splits one line on the delimiter, honouring double-quoted fields. Lenient:
// an unclosed quote runs to the end of the line.
function splitFields(line: string, delimiter: string): string[] {
  const fields: string[] = [];
  let current = "";
  let inQuotes = false;
  let atFieldStart = true;
  for (let i = 0; i < line.length; i++) {
    const char = line.charAt(i);
    if (inQuotes) {
      if (char === '"' && line.charAt(i + 1) === '"') {
        current += '"';
        i++;
      } else if (char === '"') {
        inQuotes = false;
      } else {
        current += char;
      }
    } else if (char === delimiter) {
      fields.push(current.trim());
      current = "";
      atFieldStart = true;
    } else if (char === '"' && atFieldStart && current.trim() === "") {
      current = "";
      inQuotes = true;
      atFieldStart = false;
    } else {
      current += char;
      if (!/\s/.test(char)) atFieldStart = false;
    }
  }
  fields.push(current.trim());
  return fields;
}

function extractEmails(field: string): { rest: string; found: string[] } {
  const found: string[] = [];
  const withoutAngles = field.replace(ANGLE_EMAIL, (_match, email: string) => {
    found.push(email);
    return " ";
  });
  const withoutBare = withoutAngles.replace(BARE_EMAIL, (_match, email: string) => {
    found.push(email);
    return " ";
  });
  // Only where an email was cut out: elsewhere the person's spacing is kept.
  return { rest: found.length > 0 ? withoutBare.replace(/\s+/g, " ").trim() : field, found };
}

function nameFromEmail(email: string): string {
  const local = email.slice(0, email.indexOf("@")).split("+")[0] ?? "";
  const words = local.split(/[._\-\s]+/).filter((word) => word !== "");
  const name = words.map((word) => word.charAt(0).toUpperCase() + word.slice(1)).join(" ");
  return name === "" ? email : name;
}
