import { CheckIcon, FlameIcon, NotebookPenIcon } from "lucide-react";
import Link from "next/link";
import { buttonVariants } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { formatDay } from "@/lib/domain/dates";
import type { JournalHelper, JournalSummary, WinStreak } from "@/lib/domain/journal-summary";
import { ThankHelperButton } from "./thank-helper-button";

const wins = (count: number) => (count === 1 ? "1 win" : `${count} wins`);

function streakNote(streak: WinStreak): string {
  if (streak.weeks === 0) return "Record a win this week to start a streak.";
  return streak.includesThisWeek
    ? "This week counts already."
    : "No win yet this week: record one before Sunday to keep the streak.";
}

function Stat({ value, label }: { value: string; label: string }) {
  return (
    <div className="grid gap-0.5">
      <dt className="text-muted-foreground order-last text-sm">{label}</dt>
      <dd className="text-3xl font-semibold tabular-nums">{value}</dd>
    </div>
  );
}

function Helper({ helper }: { helper: JournalHelper }) {
  return (
    <li className="flex flex-wrap items-center justify-between gap-x-4 gap-y-2 py-3 first:pt-0 last:pb-0">
      <div className="min-w-0">
        <Link href={`/contacts/${helper.id}`} className="font-medium underline-offset-4 hover:underline">
          {helper.name}
        </Link>
        <p className="text-muted-foreground text-sm break-words">
          {`Helped with ${wins(helper.wins)} · latest: ${helper.latestWin.title}, ${formatDay(helper.latestWin.occurredOn)}`}
        </p>
      </div>
      {helper.isThanked ? (
        <span className="text-muted-foreground inline-flex items-center gap-1 text-sm">
          <CheckIcon aria-hidden="true" className="size-4" />
          Thanked
        </span>
      ) : (
        <ThankHelperButton helper={helper} />
      )}
    </li>
  );
}

// The dashboard's Journal card: how often wins get recorded, and who helped
// with them and may still be waiting for a thank-you.
export function JournalCard({ journal }: { journal: JournalSummary }) {
  if (!journal.hasWins) {
    return (
      <EmptyState
        icon={<NotebookPenIcon />}
        titleAs="h3"
        title="No wins recorded yet"
        description={
          <>
            Note an achievement as it happens: what you did, the result, and who helped. Press{" "}
            <kbd className="rounded border px-1 font-mono text-xs">J</kbd> anywhere to record one.
          </>
        }
        action={
          <Link href="/journal/new" className={buttonVariants()}>
            Record your first win
          </Link>
        }
      />
    );
  }
  const { streak } = journal;
  return (
    <div className="grid gap-6 md:grid-cols-[minmax(0,1fr)_minmax(0,2fr)]">
      <div className="grid content-start gap-4">
        <dl className="grid grid-cols-2 gap-4">
          <Stat value={String(journal.thisMonth)} label={journal.thisMonth === 1 ? "win this month" : "wins this month"} />
          <Stat value={String(journal.thisQuarter)} label={journal.thisQuarter === 1 ? "win this quarter" : "wins this quarter"} />
        </dl>
        <p className="flex items-center gap-3">
          <FlameIcon aria-hidden="true" className={streak.weeks > 0 ? "size-7 text-amber-500" : "text-muted-foreground size-7"} />
          <span>
            <span className="block font-semibold tabular-nums">
              {streak.weeks === 1 ? "1 week in a row with a win" : `${streak.weeks} weeks in a row with a win`}
            </span>
            <span className="text-muted-foreground text-sm">{streakNote(streak)}</span>
          </span>
        </p>
      </div>
      <div className="grid content-start gap-2">
        <h3 className="text-sm font-medium">People who helped you most this year — have you thanked them?</h3>
        {journal.helpers.length > 0 ? (
          <ol className="divide-y" aria-label="Most wins helped with first">
            {journal.helpers.map((helper) => (
              <Helper key={helper.id} helper={helper} />
            ))}
          </ol>
        ) : (
          <p className="text-muted-foreground text-sm">
            When you record a win, add who helped you: they show here, so a thank-you is one click away.
          </p>
        )}
      </div>
    </div>
  );
}
