import { formatDay } from "@/lib/domain/dates";
import { type RoleOption, roleLabel } from "@/lib/domain/journal";
import { DEFAULT_REVIEW_RANGE, type ReviewRangeKind } from "@/lib/domain/review-pack";
import type { ReviewPackQuery } from "@/lib/validations/review-pack";

// The range a review pack covers, as resolved from the page's URL.
export type ReviewRange = {
  kind: ReviewRangeKind;
  /** First and last day, both included. */
  from: string;
  to: string;
  /** Set for the "role" range: only that role's wins. */
  roleId?: string;
  /** What the pack's title says it covers. */
  label: string;
};

// A role's pack holds every win filed under it, whatever its date: the
// journal lets a win name any of the user's roles, and none may go missing.
const ALL_DAYS = { from: "1900-01-01", to: "2100-12-31" };

// The same day `months` earlier, or the month's last day when it has no such
// day (31 August − 6 months = 28 or 29 February). Calendar arithmetic in UTC,
// so the server's time zone cannot move a day.
export function monthsBefore(day: string, months: number): string {
  const [year, month, date] = day.split("-").map(Number) as [number, number, number];
  const target = new Date(Date.UTC(year, month - 1 - months, 1));
  const lastDate = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(date, lastDate));
  return target.toISOString().slice(0, 10);
}

function span(from: string, to: string): string {
  return `${formatDay(from)} – ${formatDay(to)}`;
}

function lastMonths(kind: "6m" | "12m", today: string): ReviewRange {
  const from = monthsBefore(today, kind === "6m" ? 6 : 12);
  return { kind, from, to: today, label: span(from, today) };
}

// What the query asks for, given the user's roles and today in their time
// zone. Anything that does not make a range (a role that is not theirs, a
// custom range missing a day) is the default range instead; custom days
// given the wrong way round are swapped.
export function resolveReviewRange(
  query: ReviewPackQuery,
  context: { today: string; roles: readonly RoleOption[] },
): ReviewRange {
  const { today, roles } = context;
  switch (query.range) {
    case "6m":
    case "12m":
      return lastMonths(query.range, today);
    case "year": {
      const from = `${today.slice(0, 4)}-01-01`;
      return { kind: "year", from, to: today, label: span(from, today) };
    }
    case "role": {
      const role = roles.find((candidate) => candidate.id === query.role);
      if (!role) break;
      const dates = `${formatDay(role.startedOn)} – ${role.endedOn ? formatDay(role.endedOn) : "today"}`;
      return { kind: "role", ...ALL_DAYS, roleId: role.id, label: `${roleLabel(role)} (${dates})` };
    }
    case "custom": {
      if (!query.from || !query.to) break;
      const [from, to] = query.from <= query.to ? [query.from, query.to] : [query.to, query.from];
      return { kind: "custom", from, to, label: span(from, to) };
    }
  }
  return lastMonths(DEFAULT_REVIEW_RANGE, today);
}

// The URL query that gives this range back (the page's links, the download).
export function reviewRangeSearch(range: ReviewRange): string {
  const params = new URLSearchParams();
  if (range.kind !== DEFAULT_REVIEW_RANGE) params.set("range", range.kind);
  if (range.kind === "role" && range.roleId) params.set("role", range.roleId);
  if (range.kind === "custom") {
    params.set("from", range.from);
    params.set("to", range.to);
  }
  return params.toString();
}
