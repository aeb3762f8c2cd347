import type { StoneStatus } from "@/lib/domain/enums";
import { goalProgress } from "@/lib/domain/career";
import { progressText } from "@/lib/domain/career-overview";

// "1 of 3 steps done", and a bar that shows the same (dropped steps left the plan).
export function GoalProgress({ stones }: { stones: readonly { position: number; status: StoneStatus }[] }) {
  const { done, total } = goalProgress(stones);
  const percent = total === 0 ? 0 : Math.round((done / total) * 100);
  return (
    <div className="grid gap-1.5">
      <p className="text-sm font-medium tabular-nums">
        {progressText({ done, total })}
      </p>
      <div aria-hidden="true" className="h-2 w-full overflow-hidden rounded-full bg-muted">
        <div className="h-full rounded-full bg-primary transition-[width]" style={{ width: `${percent}%` }} />
      </div>
    </div>
  );
}
