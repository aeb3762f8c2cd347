import { z } from "zod";
import { isCalendarDate } from "@/lib/domain/dates";
import { WIN_KINDS } from "@/lib/domain/enums";
import type { JournalCursor, JournalFilters } from "@/lib/domain/journal-list";

export const MAX_JOURNAL_SEARCH_LENGTH = 100;
// Each word is one more condition on every win scanned.
export const MAX_JOURNAL_SEARCH_WORDS = 8;

const first = (value: unknown) => (Array.isArray(value) ? value[0] : value);

// Any field that does not parse is left out: a hand-edited, stale or hostile
// URL shows the journal with fewer filters, never an error page.
function dropped<T extends z.ZodType>(schema: T) {
  return z.preprocess(first, schema.optional()).catch(undefined);
}

const id = dropped(
  z
    .string()
    .trim()
    .pipe(z.uuid())
    .transform((value) => value.toLowerCase()),
);

const day = dropped(z.string().trim().refine(isCalendarDate));

// "2026-03-02_<win id>": the day and id of the last win on the previous page.
const CURSOR = /^(\d{4}-\d{2}-\d{2})_([0-9a-f-]{36})$/i;

function parseCursor(raw: string): JournalCursor | undefined {
  const match = CURSOR.exec(raw.trim());
  if (!match?.[1] || !match[2] || !isCalendarDate(match[1]) || !z.uuid().safeParse(match[2]).success) return undefined;
  return { occurredOn: match[1], id: match[2].toLowerCase() };
}

// Control characters (NUL above all, which PostgreSQL refuses in text) become
// spaces; the length counts characters, so no emoji is cut in half.
function cleanSearch(raw: string): string {
  const words = raw
    .replace(/[\u0000-\u001f\u007f]/g, " ")
    .trim()
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, MAX_JOURNAL_SEARCH_WORDS);
  return Array.from(words.join(" ")).slice(0, MAX_JOURNAL_SEARCH_LENGTH).join("").trim();
}

const fieldsSchema = z.object({
  role: id,
  kind: dropped(z.enum(WIN_KINDS)),
  skill: id,
  person: id,
  from: day,
  to: day,
  q: dropped(z.string().transform(cleanSearch)),
  cursor: dropped(z.string().transform(parseCursor)),
});

export type JournalQuery = { filters: JournalFilters; cursor: JournalCursor | null };

// The journal's URL (?role=&kind=&skill=&person=&from=&to=&q=&cursor=) as the
// page's filters and where the page starts. A range given backwards is read
// forwards.
export const journalQuerySchema = z
  .preprocess((value) => (typeof value === "object" && value !== null && !Array.isArray(value) ? value : {}), fieldsSchema)
  .transform(({ role, kind, skill, person, from, to, q, cursor }): JournalQuery => {
    const [start, end] = from && to && from > to ? [to, from] : [from, to];
    const filters: JournalFilters = {};
    if (role) filters.roleId = role;
    if (kind) filters.kind = kind;
    if (skill) filters.skillId = skill;
    if (person) filters.contactId = person;
    if (start) filters.from = start;
    if (end) filters.to = end;
    if (q) filters.q = q;
    return { filters, cursor: cursor ?? null };
  });

export function parseJournalQuery(searchParams: unknown): JournalQuery {
  const parsed = journalQuerySchema.safeParse(searchParams);
  return parsed.success ? parsed.data : { filters: {}, cursor: null };
}
