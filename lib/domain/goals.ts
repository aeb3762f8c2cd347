import type { GoalStatus, StoneChange, StoneKind, StoneStatus } from "@/lib/domain/enums";

// A career goal's own fields, as its page and its form show them.
export type GoalDetails = {
  id: string;
  title: string;
  why: string | null;
  horizonOn: string | null;
  status: GoalStatus;
  isNorthStar: boolean;
};

// One row of a stepping stone's history (encoding: db/schema/career.ts).
export type StoneChangeRow = {
  id: string;
  change: StoneChange;
  fromValue: string | null;
  toValue: string | null;
  changedAt: Date;
};

export type GoalStone = {
  id: string;
  position: number;
  kind: StoneKind;
  title: string;
  notes: string | null;
  targetOn: string | null;
  status: StoneStatus;
  completedOn: string | null;
  // The role from My roles that reached this step.
  role: { id: string; company: string; title: string } | null;
  // Oldest first.
  history: StoneChangeRow[];
};

// A goal with its stepping stones in the path's order.
export type GoalPath = { goal: GoalDetails; stones: GoalStone[] };
