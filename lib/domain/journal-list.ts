import { tz } from "@date-fns/tz";
import { format } from "date-fns";
import type { WinKind, WinPersonPart } from "@/lib/domain/enums";
import type { RoleOption } from "@/lib/domain/journal";

// The journal page's and a contact's wins, as their queries return them and
// their components show them.

export type JournalWinPerson = { contactId: string; name: string; part: WinPersonPart };

export type JournalWinSkill = { id: string; name: string };

export type JournalWin = {
  id: string;
  occurredOn: string;
  kind: WinKind;
  title: string;
  what: string | null;
  result: string | null;
  metricValue: number | null;
  metricUnit: string | null;
  url: string | null;
  /** Null: between roles, or the role was deleted. */
  role: { id: string; label: string } | null;
  /** By part (helped me first), then by name. */
  people: JournalWinPerson[];
  /** By name. */
  skills: JournalWinSkill[];
};

// The journal's filters. Ids are the user's own; another user's id matches nothing.
export type JournalFilters = {
  roleId?: string;
  kind?: WinKind;
  skillId?: string;
  contactId?: string;
  /** Calendar days, both included. */
  from?: string;
  to?: string;
  /** Words; each must appear in the win's text or in one of its skills' names. */
  q?: string;
};

/** Where a page ended: the next page starts after this win (newest first). */
export type JournalCursor = { occurredOn: string; id: string };

export type JournalPage = { wins: JournalWin[]; nextCursor: JournalCursor | null };

/** A quarter's first day ("2026-04-01") and how many wins it holds. */
export type QuarterCount = { quarter: string; count: number };

export type JournalFilterOptions = {
  roles: RoleOption[];
  skills: JournalWinSkill[];
  people: { id: string; name: string }[];
};

// A win as a contact's page lists it, with every part this contact played.
export type ContactWin = {
  id: string;
  occurredOn: string;
  kind: WinKind;
  title: string;
  result: string | null;
  metricValue: number | null;
  metricUnit: string | null;
  parts: WinPersonPart[];
};

export function hasJournalFilters(filters: JournalFilters): boolean {
  return Object.values(filters).some((value) => value !== undefined && value !== "");
}

const metricNumber = new Intl.NumberFormat("en", { maximumFractionDigits: 2 });

// "40 % build time", "120 k€ pipeline", "3": the number as the user typed it
// (grouped, at most two decimals), then their unit.
export function formatMetric(value: number, unit: string | null): string {
  const number = metricNumber.format(value);
  return unit ? `${number} ${unit}` : number;
}

// "Q2 2026" for the quarter that starts on 2026-04-01.
export function quarterLabel(quarterStart: string): string {
  const month = Number(quarterStart.slice(5, 7));
  return `Q${Math.floor((month - 1) / 3) + 1} ${quarterStart.slice(0, 4)}`;
}

// A quarter's last day, for a link that narrows the journal to it.
export function quarterEnd(quarterStart: string): string {
  const year = Number(quarterStart.slice(0, 4));
  const month = Number(quarterStart.slice(5, 7));
  const last = new Date(Date.UTC(year, month + 2, 0));
  return last.toISOString().slice(0, 10);
}

// "March 2026" for any day of that month (a calendar day, never moved by a time zone).
export function monthLabel(day: string): string {
  return format(new Date(`${day.slice(0, 7)}-01T12:00:00.000Z`), "MMMM yyyy", { in: tz("UTC") });
}

// Consecutive wins of the same month, in the order given (newest first).
export function groupByMonth<T extends { occurredOn: string }>(wins: readonly T[]): { month: string; wins: T[] }[] {
  const groups: { month: string; wins: T[] }[] = [];
  for (const win of wins) {
    const month = win.occurredOn.slice(0, 7);
    const last = groups.at(-1);
    if (last?.month === month) last.wins.push(win);
    else groups.push({ month, wins: [win] });
  }
  return groups;
}

// The journal's address for these filters (and page), in the URL's names that
// parseJournalQuery (lib/validations/journal-filters.ts) reads, so every link
// and the filter form agree with the parser.
export function journalHref(filters: JournalFilters, cursor?: JournalCursor | null): string {
  const params = new URLSearchParams();
  if (filters.roleId) params.set("role", filters.roleId);
  if (filters.kind) params.set("kind", filters.kind);
  if (filters.skillId) params.set("skill", filters.skillId);
  if (filters.contactId) params.set("person", filters.contactId);
  if (filters.from) params.set("from", filters.from);
  if (filters.to) params.set("to", filters.to);
  if (filters.q) params.set("q", filters.q);
  if (cursor) params.set("cursor", `${cursor.occurredOn}_${cursor.id}`);
  const search = params.toString();
  return search ? `/journal?${search}` : "/journal";
}
