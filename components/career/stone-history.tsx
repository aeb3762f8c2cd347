import { HistoryIcon } from "lucide-react";

import type { StoneHistoryLine } from "@/lib/domain/stone-history";

// How the step's plan changed, newest first, behind a disclosure.
export function StoneHistory({ lines }: { lines: StoneHistoryLine[] }) {
  if (lines.length === 0) return null;
  return (
    <details className="group text-sm">
      <summary className="inline-flex cursor-pointer items-center gap-1.5 rounded-sm font-medium text-muted-foreground hover:text-foreground">
        <HistoryIcon aria-hidden="true" className="size-4" />
        History <span className="tabular-nums">({lines.length})</span>
      </summary>
      <ol className="mt-2 grid gap-1 border-l pl-4 text-muted-foreground">
        {[...lines].reverse().map((line) => (
          <li key={line.id}>{line.text}</li>
        ))}
      </ol>
    </details>
  );
}
