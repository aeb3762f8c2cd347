"use client";

import { SearchIcon } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { SelectNative } from "@/components/ui/select-native";
import { useFilterForm } from "@/components/ui/use-filter-form";
import type { CircleRow } from "@/lib/domain/circles";
import { type GoalChoice, goalChoiceLabel } from "@/lib/domain/goal-network";
import { cn } from "@/lib/utils";
import { BAND_LABELS, HEALTH_BANDS, type HealthBand } from "@/lib/health/model";
import { CONTACT_SORT_LABELS, CONTACT_SORTS, type ContactSort } from "@/lib/domain/enums";

type ContactFiltersProps = {
  q: string;
  sort: ContactSort;
  circleId: string | undefined;
  /** Keeps the people who matter for one of the user's goals; the select shows only when there are goals. */
  goalId: string | undefined;
  band: HealthBand | undefined;
  overdue: boolean;
  archived: boolean;
  circles: CircleRow[];
  goals: GoalChoice[];
};

// A GET form, so it works without JavaScript; with it, the list follows the
// search box as you type and the other controls as they change. The page
// re-renders around this component, so the search box keeps its focus.
export function ContactFilters({ q, sort, circleId, goalId, band, overdue, archived, circles, goals }: ContactFiltersProps) {
  const hasGoals = goals.length > 0;
  const { formRef, isPending, apply, applySoon, onSubmit } = useFilterForm(
    { q, sort, circle: circleId ?? "", goal: goalId ?? "", band: band ?? "", overdue, archived },
    (form) => {
      const params = new URLSearchParams();
      for (const [key, value] of new FormData(form)) {
        if (typeof value === "string" && value.trim() !== "" && !(key === "sort" && value === "name")) {
          params.set(key, value.trim());
        }
      }
      const query = params.toString();
      return query ? `/contacts?${query}` : "/contacts";
    },
  );

  return (
    <form
      ref={formRef}
      role="search"
      aria-label="Contacts"
      method="get"
      action="/contacts"
      onSubmit={onSubmit}
      className={cn(
        "mb-6 grid gap-4 rounded-xl border bg-card p-4 sm:grid-cols-3",
        hasGoals
          ? "lg:grid-cols-[minmax(0,2fr)_repeat(4,minmax(0,1fr))]"
          : "lg:grid-cols-[minmax(0,2fr)_minmax(0,1fr)_minmax(0,1fr)_minmax(0,1fr)]",
      )}
    >
      <div className="grid gap-2 sm:col-span-3 lg:col-span-1">
        <Label htmlFor="contacts-q">Search</Label>
        <div className="flex gap-2">
          <Input
            id="contacts-q"
            name="q"
            type="search"
            defaultValue={q}
            placeholder="Name, company, email or notes"
            autoComplete="off"
            aria-describedby="contacts-status"
            onChange={applySoon}
          />
          <Button type="submit" variant="outline" size="icon" aria-label="Search">
            <SearchIcon aria-hidden="true" />
          </Button>
        </div>
      </div>
      <div className="grid gap-2">
        <Label htmlFor="contacts-sort">Sort by</Label>
        <SelectNative id="contacts-sort" name="sort" defaultValue={sort} onChange={apply}>
          {CONTACT_SORTS.map((value) => (
            <option key={value} value={value}>
              {CONTACT_SORT_LABELS[value]}
            </option>
          ))}
        </SelectNative>
      </div>
      <div className="grid gap-2">
        <Label htmlFor="contacts-circle">Circle</Label>
        <SelectNative id="contacts-circle" name="circle" defaultValue={circleId ?? ""} onChange={apply}>
          <option value="">All circles</option>
          {circles.map((circle) => (
            <option key={circle.id} value={circle.id}>
              {circle.name}
            </option>
          ))}
        </SelectNative>
      </div>
      {hasGoals ? (
        <div className="grid gap-2">
          <Label htmlFor="contacts-goal">Goal</Label>
          <SelectNative id="contacts-goal" name="goal" defaultValue={goalId ?? ""} onChange={apply}>
            <option value="">All goals</option>
            {goals.map((goal) => (
              <option key={goal.id} value={goal.id}>
                {goalChoiceLabel(goal)}
              </option>
            ))}
          </SelectNative>
        </div>
      ) : null}
      <div className="grid gap-2">
        <Label htmlFor="contacts-band">Health</Label>
        <SelectNative id="contacts-band" name="band" defaultValue={band ?? ""} onChange={apply}>
          <option value="">All bands</option>
          {HEALTH_BANDS.map((value) => (
            <option key={value} value={value}>
              {BAND_LABELS[value]}
            </option>
          ))}
        </SelectNative>
      </div>
      <div
        className={cn(
          "flex flex-wrap items-center gap-x-6 gap-y-3 sm:col-span-3",
          hasGoals ? "lg:col-span-5" : "lg:col-span-4",
        )}
      >
        <label className="flex items-center gap-2 text-sm font-medium">
          <input type="checkbox" name="overdue" value="1" defaultChecked={overdue} onChange={apply} className="size-4 accent-primary" />
          Overdue only
        </label>
        <label className="flex items-center gap-2 text-sm font-medium">
          <input type="checkbox" name="archived" value="1" defaultChecked={archived} onChange={apply} className="size-4 accent-primary" />
          Show archived instead
        </label>
        <span aria-hidden="true" className="text-sm text-muted-foreground">
          {isPending ? "Updating…" : null}
        </span>
      </div>
    </form>
  );
}
