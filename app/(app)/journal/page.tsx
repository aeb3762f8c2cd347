import { BriefcaseIcon, ChevronRightIcon, FileTextIcon, NotebookPenIcon, SearchXIcon } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";

import { JournalFilterBar } from "@/components/journal/journal-filters";
import { QuarterCounts } from "@/components/journal/quarter-counts";
import { RecordWinButton } from "@/components/journal/record-win-button";
import { WinCard } from "@/components/journal/win-card";
import { PageHeader } from "@/components/shell/page-header";
import { RemovableItem } from "@/components/touches/removable-item";
import { Button, buttonVariants } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { getDb } from "@/db/client";
import { journalFilterOptions, journalQuarterCounts, listJournal } from "@/db/queries/journal";
import { currentUserId } from "@/lib/auth";
import { groupByMonth, hasJournalFilters, monthLabel, journalHref } from "@/lib/domain/journal-list";
import { parseJournalQuery } from "@/lib/validations/journal-filters";

export const metadata: Metadata = { title: "Journal" };

const PAGE_SIZE = 25;

export default async function JournalPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const userId = await currentUserId();
  if (!userId) notFound();
  const { filters, cursor } = parseJournalQuery(await searchParams);
  const db = await getDb();
  const [page, quarters, options] = await Promise.all([
    listJournal(db, { userId, filters, cursor, limit: PAGE_SIZE }),
    journalQuarterCounts(db, { userId, filters }),
    journalFilterOptions(db, { userId, includeContactId: filters.contactId }),
  ]);
  const isFiltered = hasJournalFilters(filters);
  const hasNoWins = page.wins.length === 0 && !isFiltered && !cursor;
  const status =
    page.wins.length === 0
      ? "No wins to show."
      : `${page.wins.length} ${page.wins.length === 1 ? "win" : "wins"}${page.nextCursor ? ", older ones on the next page" : ""}.`;

  return (
    <>
      <PageHeader
        title="Journal"
        description="What you achieved, as it happened, and who was part of it."
        actions={
          <div className="flex flex-wrap gap-2">
            <Link href="/journal/roles" className={buttonVariants({ variant: "outline" })}>
              <BriefcaseIcon aria-hidden="true" />
              My roles
            </Link>
            <Link href="/journal/review" className={buttonVariants({ variant: "outline" })}>
              <FileTextIcon aria-hidden="true" />
              Review pack
            </Link>
            <RecordWinButton variant="default" />
          </div>
        }
      />
      {hasNoWins ? (
        <EmptyState
          icon={<NotebookPenIcon />}
          title="Your journal is empty"
          description={
            <>
              Note each achievement when it happens: what you did, the result, the skills it took and the people who
              helped, worked with you or can vouch for it. At review time it becomes your review pack, resume bullets
              and stories. Press <kbd className="rounded border px-1 font-mono">J</kbd> anywhere to record a win.
            </>
          }
          action={
            <>
              <RecordWinButton variant="default" />
              <Link href="/journal/roles" className={buttonVariants({ variant: "outline" })}>
                Add your roles
              </Link>
            </>
          }
        />
      ) : (
        <>
          <JournalFilterBar filters={filters} options={options} />
          <QuarterCounts quarters={quarters} filters={filters} />
          <p id="journal-status" role="status" className="sr-only">
            {status}
          </p>
          {page.wins.length === 0 ? (
            <EmptyState
              icon={<SearchXIcon />}
              title={isFiltered ? "No wins match" : "No older wins"}
              description={
                isFiltered ? "Try other words, another skill or person, or a wider date range." : "This is past your first win."
              }
              action={
                <Button asChild variant="outline">
                  <Link href={isFiltered ? "/journal" : journalHref(filters)}>
                    {isFiltered ? "Clear filters" : "Back to the newest"}
                  </Link>
                </Button>
              }
            />
          ) : (
            <div className="space-y-8">
              {groupByMonth(page.wins).map((group) => (
                <section key={group.month} aria-labelledby={`month-${group.month}`} className="space-y-3">
                  <h2 id={`month-${group.month}`} className="text-lg font-semibold">
                    {monthLabel(group.month)}
                  </h2>
                  <ul tabIndex={-1} className="grid gap-3 outline-none">
                    {group.wins.map((win) => (
                      <RemovableItem key={win.id}>
                        <WinCard win={win} />
                      </RemovableItem>
                    ))}
                  </ul>
                </section>
              ))}
            </div>
          )}
          {cursor || page.nextCursor ? (
            <nav aria-label="Pages" className="mt-6 flex items-center justify-between gap-2">
              {cursor ? (
                <Link href={journalHref(filters)} className={buttonVariants({ variant: "outline", size: "sm" })}>
                  Newest wins
                </Link>
              ) : (
                <span />
              )}
              {page.nextCursor ? (
                <Link
                  href={journalHref(filters, page.nextCursor)}
                  rel="next"
                  className={buttonVariants({ variant: "outline", size: "sm" })}
                >
                  Older wins
                  <ChevronRightIcon aria-hidden="true" />
                </Link>
              ) : null}
            </nav>
          ) : null}
        </>
      )}
    </>
  );
}
