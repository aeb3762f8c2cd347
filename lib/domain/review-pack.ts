import type { WinKind, WinPersonPart } from "@/lib/domain/enums";

// The review pack's shapes, shared by its query, its builders and its page.

export type ReviewWinPerson = { contactId: string; name: string; part: WinPersonPart };

// A win as the review pack reads it: the user's own words, its role's label,
// the people in it and the names of its skills.
export type ReviewWin = {
  id: string;
  occurredOn: string;
  kind: WinKind;
  title: string;
  what: string | null;
  result: string | null;
  metricValue: number | null;
  metricUnit: string | null;
  url: string | null;
  situation: string | null;
  task: string | null;
  roleLabel: string | null;
  people: ReviewWinPerson[];
  skills: string[];
};

// The ranges the review page offers; "role" is every win of one of My roles.
export const REVIEW_RANGES = ["6m", "12m", "year", "role", "custom"] as const;
export type ReviewRangeKind = (typeof REVIEW_RANGES)[number];
export const DEFAULT_REVIEW_RANGE = "6m" satisfies ReviewRangeKind;
export const REVIEW_RANGE_LABELS: Record<ReviewRangeKind, string> = {
  "6m": "Last 6 months",
  "12m": "Last 12 months",
  year: "This year",
  role: "One of my roles",
  custom: "Custom dates",
};
