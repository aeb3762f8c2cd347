"use client";

import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";

type Progress = { status: string; totalRows: number | null; processedRows: number };

// Polls the import while it is read or applied, then reloads the page to
// show the preview (or the result).
export function ImportProgress({ importId, initial }: { importId: string; initial: Progress }) {
  const router = useRouter();
  const [progress, setProgress] = useState(initial);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let isActive = true;
    const timer = setInterval(async () => {
      try {
        const response = await fetch(`/api/imports/${importId}`, { cache: "no-store" });
        if (!response.ok) throw new Error(`HTTP ${response.status}`);
        const next = (await response.json()) as Progress;
        if (!isActive) return;
        setError(null);
        setProgress(next);
        if (next.status !== initial.status) {
          clearInterval(timer);
          router.refresh();
        }
      } catch {
        if (isActive) setError("Lost contact with Kith; still trying…");
      }
    }, 500);
    return () => {
      isActive = false;
      clearInterval(timer);
    };
  }, [importId, initial.status, router]);

  const total = progress.totalRows;
  const percent = total ? Math.min(100, Math.round((100 * progress.processedRows) / total)) : null;
  const label = initial.status === "committing" ? "Importing contacts" : "Reading the file and matching contacts";
  return (
    <div className="flex flex-col gap-2" aria-live="polite">
      <p className="font-medium">
        {label}
        {total ? ` · ${progress.processedRows.toLocaleString("en-GB")} of ${total.toLocaleString("en-GB")} rows` : "…"}
      </p>
      <div
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent ?? undefined}
        className="h-2 overflow-hidden rounded-full bg-muted"
      >
        <div
          className={`h-full bg-primary transition-all ${percent === null ? "w-1/3 animate-pulse" : ""}`}
          style={percent === null ? undefined : { width: `${percent}%` }}
        />
      </div>
      {error ? <p className="text-sm text-muted-foreground">{error}</p> : null}
    </div>
  );
}
