import { formatDay, isCalendarDate, todayIn } from "@/lib/domain/dates";
import { STONE_STATUSES, type StoneStatus } from "@/lib/domain/enums";
import type { StoneChangeRow } from "@/lib/domain/goals";
import { quarterLabel } from "@/lib/domain/journal-list";

// A stepping stone's history as people read it: "Moved from Q2 2027 to Q4
// 2027 on 3 Mar 2027". Values are decoded as db/schema/career.ts encodes
// them; a value that does not decode makes a plainer sentence, never an error.

export type StoneHistoryLine = { id: string; text: string; at: Date };

type Change = Pick<StoneChangeRow, "change" | "fromValue" | "toValue" | "changedAt">;

// Any day names its quarter: "2027-05-12" → "Q2 2027".
const quarterOf = quarterLabel;

function asDay(value: string | null): string | null {
  return value !== null && isCalendarDate(value) ? value : null;
}

function asStep(value: string | null): number | null {
  return value !== null && /^\d+$/.test(value) ? Number(value) + 1 : null;
}

function asStatus(value: string | null): StoneStatus | null {
  return (STONE_STATUSES as readonly (string | null)[]).includes(value) ? (value as StoneStatus) : null;
}

// Re-dates within a quarter show the days; across quarters, the quarters
// (which is how plans are usually made and changed).
function redated(from: string | null, to: string | null): string {
  if (from && to) {
    const [a, b] = quarterOf(from) === quarterOf(to) ? [formatDay(from), formatDay(to)] : [quarterOf(from), quarterOf(to)];
    return `Moved from ${a} to ${b}`;
  }
  if (to) return `Target set to ${quarterOf(to)}`;
  if (from) return `Target ${quarterOf(from)} removed`;
  return "Target date changed";
}

function statusChanged(from: StoneStatus | null, to: StoneStatus | null): string {
  const wasClosed = from === "done" || from === "dropped";
  switch (to) {
    case "done":
      return "Marked done";
    case "dropped":
      return "Dropped";
    case "in_progress":
      return wasClosed ? "Back in progress" : "Started";
    case "planned":
      return wasClosed ? "Reopened" : "Moved back to planned";
    default:
      return "Status changed";
  }
}

// What happened, and what follows the day ("Added on 3 Mar 2027 (target Q2 2027)").
function what(change: Change): { text: string; after?: string } {
  switch (change.change) {
    case "created": {
      const target = asDay(change.toValue);
      return target ? { text: "Added", after: `(target ${quarterOf(target)})` } : { text: "Added" };
    }
    case "moved": {
      const [from, to] = [asStep(change.fromValue), asStep(change.toValue)];
      return { text: from && to ? `Moved from step ${from} to step ${to}` : "Moved" };
    }
    case "redated":
      return { text: redated(asDay(change.fromValue), asDay(change.toValue)) };
    case "status":
      return { text: statusChanged(asStatus(change.fromValue), asStatus(change.toValue)) };
  }
}

// The day is the one it was where the user lives.
export function describeStoneChange(change: Change, timeZone: string | null): string {
  const { text, after } = what(change);
  const on = `${text} on ${formatDay(todayIn(timeZone, change.changedAt))}`;
  return after ? `${on} ${after}` : on;
}

export function stoneHistoryLines(history: readonly StoneChangeRow[], timeZone: string | null): StoneHistoryLine[] {
  return history.map((change) => ({ id: change.id, text: describeStoneChange(change, timeZone), at: change.changedAt }));
}
