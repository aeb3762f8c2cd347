"use client";

import { Label } from "@/components/ui/label";
import { SelectNative } from "@/components/ui/select-native";
import { useFilterForm } from "@/components/ui/use-filter-form";
import { type GoalChoice, goalChoiceLabel } from "@/lib/domain/goal-network";

// "Reconnect now" for everyone, or for the people who matter for one goal: a
// GET form on /dashboard (?goal=) that follows the select as it changes.
export function ReconnectGoalFilter({ goals, goalId }: { goals: GoalChoice[]; goalId: string | undefined }) {
  const { formRef, isPending, apply, onSubmit } = useFilterForm({ goal: goalId ?? "" }, (form) => {
    const goal = new FormData(form).get("goal");
    return typeof goal === "string" && goal ? `/dashboard?goal=${encodeURIComponent(goal)}` : "/dashboard";
  });
  return (
    <form
      ref={formRef}
      method="get"
      action="/dashboard"
      onSubmit={onSubmit}
      aria-label="Reconnect now by goal"
      className="flex items-center gap-2"
    >
      <Label htmlFor="reconnect-goal">Goal</Label>
      <SelectNative
        id="reconnect-goal"
        name="goal"
        defaultValue={goalId ?? ""}
        onChange={apply}
        aria-busy={isPending}
        wrapperClassName="w-56 max-w-full"
      >
        <option value="">All goals</option>
        {goals.map((goal) => (
          <option key={goal.id} value={goal.id}>
            {goalChoiceLabel(goal)}
          </option>
        ))}
      </SelectNative>
    </form>
  );
}
