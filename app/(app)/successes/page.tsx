import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ChevronLeftIcon, ChevronRightIcon, PartyPopperIcon } from "lucide-react";

import { PageHeader } from "@/components/shell/page-header";
import { WaitingSuccessesList } from "@/components/successes/waiting-successes-list";
import { buttonVariants } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { getDb } from "@/db/client";
import { countWaitingSuccesses, listWaitingSuccesses } from "@/db/queries/successes";
import { currentUserId } from "@/lib/auth";
import { pageNumber } from "@/lib/validations/paging";

export const metadata: Metadata = { title: "Successes" };

const PAGE_SIZE = 20;

function pageHref(page: number) {
  return page <= 1 ? "/successes" : `/successes?page=${page}`;
}

export default async function SuccessesPage({ searchParams }: { searchParams: Promise<{ page?: string | string[] }> }) {
  const userId = await currentUserId();
  if (!userId) notFound();
  const { page: pageParam } = await searchParams;
  const page = pageNumber(pageParam);
  const db = await getDb();
  const [waiting, total] = await Promise.all([
    listWaitingSuccesses(db, { userId, limit: PAGE_SIZE, page }),
    countWaitingSuccesses(db, { userId }),
  ]);

  return (
    <>
      <PageHeader
        title="Successes"
        description={
          total === 0
            ? "Your contacts' good news, waiting for your congratulation."
            : `${total} ${total === 1 ? "success is" : "successes are"} waiting for your congratulation.`
        }
      />
      {waiting.items.length === 0 && page === 1 ? (
        <EmptyState
          icon={<PartyPopperIcon />}
          title="Everyone has been congratulated"
          description="When a contact lands a new job, a promotion or a launch, record it on their page: it waits here until you congratulate them."
          action={
            <Link href="/contacts" className={buttonVariants({ variant: "outline" })}>
              Go to contacts
            </Link>
          }
        />
      ) : waiting.items.length === 0 ? (
        <p className="text-sm text-muted-foreground">
          Nothing on this page.{" "}
          <Link href={pageHref(1)} className="font-medium text-primary underline-offset-4 hover:underline">
            Back to the newest
          </Link>
        </p>
      ) : (
        <WaitingSuccessesList successes={waiting.items} />
      )}
      {page > 1 || waiting.hasMore ? (
        <nav aria-label="Pages" className="mt-4 flex items-center justify-between gap-2">
          {page > 1 ? (
            <Link href={pageHref(page - 1)} className={buttonVariants({ variant: "outline", size: "sm" })}>
              <ChevronLeftIcon aria-hidden="true" />
              Newer
            </Link>
          ) : (
            <span />
          )}
          {waiting.hasMore ? (
            <Link href={pageHref(page + 1)} className={buttonVariants({ variant: "outline", size: "sm" })}>
              Older
              <ChevronRightIcon aria-hidden="true" />
            </Link>
          ) : null}
        </nav>
      ) : null}
    </>
  );
}
