import Link from "next/link";

import { Button, buttonVariants } from "@/components/ui/button";
import { Label } from "@/components/ui/label";
import { SelectNative } from "@/components/ui/select-native";
import { LEARNING_KIND_LABELS, LEARNING_KINDS, LEARNING_STATUS_LABELS, LEARNING_STATUSES } from "@/lib/domain/enums";
import type { LearningFilters as Filters } from "@/lib/domain/learning";

// A plain GET form: it works without JavaScript and the URL keeps the view.
// Its labels ("Progress", "Type") differ from the add form's fields, so each
// label names one control on the page.
export function LearningFilters({ filters }: { filters: Filters }) {
  const isFiltered = Boolean(filters.status || filters.kind);
  return (
    <form
      method="get"
      action="/career/learning"
      role="search"
      aria-label="Filter the learning log"
      className="mb-4 flex flex-col gap-3 sm:flex-row sm:items-end"
    >
      <div className="grid gap-2 sm:w-44">
        <Label htmlFor="learning-filter-status">Progress</Label>
        <SelectNative id="learning-filter-status" name="status" defaultValue={filters.status ?? ""}>
          <option value="">Any</option>
          {LEARNING_STATUSES.map((status) => (
            <option key={status} value={status}>
              {LEARNING_STATUS_LABELS[status]}
            </option>
          ))}
        </SelectNative>
      </div>
      <div className="grid gap-2 sm:w-52">
        <Label htmlFor="learning-filter-kind">Type</Label>
        <SelectNative id="learning-filter-kind" name="kind" defaultValue={filters.kind ?? ""}>
          <option value="">Any</option>
          {LEARNING_KINDS.map((kind) => (
            <option key={kind} value={kind}>
              {LEARNING_KIND_LABELS[kind]}
            </option>
          ))}
        </SelectNative>
      </div>
      <div className="flex gap-2">
        <Button type="submit" variant="outline">
          Show
        </Button>
        {isFiltered ? (
          <Link href="/career/learning" className={buttonVariants({ variant: "ghost" })}>
            Clear
          </Link>
        ) : null}
      </div>
    </form>
  );
}
