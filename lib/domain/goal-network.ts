import {
  GOAL_STATUS_LABELS,
  STONE_PERSON_PART_PHRASES,
  type GoalStatus,
  type StoneKind,
  type StonePersonPart,
  type StoneStatus,
} from "@/lib/domain/enums";

// The network working toward the goals: the people who matter for a goal, as
// the dashboard, the contacts list and the weekly email show them.

/** A goal a list can be filtered by (?goal=). */
export type GoalChoice = { id: string; title: string; status: GoalStatus; isNorthStar: boolean };

// A goal as a filter's option names it; one no longer active says so.
export function goalChoiceLabel(goal: GoalChoice): string {
  return goal.status === "active" ? goal.title : `${goal.title} (${GOAL_STATUS_LABELS[goal.status].toLowerCase()})`;
}

export type NextStepPerson = { contactId: string; name: string; part: StonePersonPart; note: string | null };

/** The dashboard's "Next step": one goal's first open stepping stone and who to talk to about it. */
export type NextStep = {
  goal: { id: string; title: string; isNorthStar: boolean };
  progress: { done: number; total: number };
  /** Absent when every step of the goal is done or dropped. */
  stone?: {
    id: string;
    title: string;
    kind: StoneKind;
    status: StoneStatus;
    targetOn: string | null;
    people: NextStepPerson[];
  };
};

// "could introduce you" + "to people at Watershed": the part, completed by
// the note when there is one.
export function whyTheyMatter(part: StonePersonPart, note: string | null): string {
  const rest = note?.trim();
  return rest ? `${STONE_PERSON_PART_PHRASES[part]} ${rest}` : STONE_PERSON_PART_PHRASES[part];
}
