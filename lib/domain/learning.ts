import { formatDay } from "@/lib/domain/dates";
import type { LearningKind, LearningStatus } from "@/lib/domain/enums";
import { quarterEnd, quarterLabel } from "@/lib/domain/journal-list";

// The learning log's shapes (queries fill them, pages show them) and its
// pure rules: which quarter a day is in, and how hours read.

export type LearningItemView = {
  id: string;
  title: string;
  kind: LearningKind;
  status: LearningStatus;
  startedOn: string | null;
  finishedOn: string | null;
  hours: number | null;
  url: string | null;
  notes: string | null;
  mentor: { id: string; name: string } | null;
  skills: { id: string; name: string }[];
};

export type LearningFilters = { status?: LearningStatus; kind?: LearningKind };

// Learning in the quarter that holds the user's today: items finished in it,
// and items in progress that had started by its end.
export type LearningQuarterSummary = {
  // The quarter's first and last days ("2026-04-01", "2026-06-30").
  quarterStart: string;
  quarterEnd: string;
  items: number;
  hours: number;
};

// Hours of learning logged for one of the user's skills, over all items that build it.
export type LearningSkillHours = { skillId: string; name: string; hours: number; items: number };

// The quarter a calendar day is in, as its first and last days.
export function quarterOf(day: string): { start: string; end: string } {
  const month = Number(day.slice(5, 7));
  const firstMonth = Math.floor((month - 1) / 3) * 3 + 1;
  const start = `${day.slice(0, 4)}-${String(firstMonth).padStart(2, "0")}-01`;
  return { start, end: quarterEnd(start) };
}

export function learningQuarterLabel(summary: Pick<LearningQuarterSummary, "quarterStart">): string {
  return quarterLabel(summary.quarterStart);
}

const hoursNumber = new Intl.NumberFormat("en", { maximumFractionDigits: 2 });

// "1 hour", "6 hours", "1.5 hours".
export function formatHours(hours: number): string {
  return `${hoursNumber.format(hours)} ${hours === 1 ? "hour" : "hours"}`;
}

// "1 item, 6 hours".
export function itemsAndHours(summary: Pick<LearningQuarterSummary, "items" | "hours">): string {
  const items = summary.items === 1 ? "1 item" : `${summary.items.toLocaleString("en")} items`;
  return `${items}, ${formatHours(summary.hours)}`;
}

// "3 Jan 2026 – 5 Feb 2026", "Started 3 Jan 2026", "Finished 5 Feb 2026", or null.
export function learningSpan(item: Pick<LearningItemView, "startedOn" | "finishedOn">): string | null {
  const { startedOn, finishedOn } = item;
  if (startedOn && finishedOn) return startedOn === finishedOn ? formatDay(finishedOn) : `${formatDay(startedOn)} – ${formatDay(finishedOn)}`;
  if (startedOn) return `Started ${formatDay(startedOn)}`;
  if (finishedOn) return `Finished ${formatDay(finishedOn)}`;
  return null;
}
