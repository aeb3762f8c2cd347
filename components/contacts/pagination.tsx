import { ChevronLeftIcon, ChevronRightIcon, ChevronsLeftIcon } from "lucide-react";
import Link from "next/link";
import { cn } from "@/lib/utils";

type PaginationProps = {
  page: number;
  /** The addresses of the first, previous and next pages, keeping the filters; null where there is none. */
  firstHref: string | null;
  prevHref: string | null;
  nextHref: string | null;
};

const item = "inline-flex h-9 min-w-9 items-center justify-center gap-1 rounded-md px-3 text-sm font-medium";
const link = cn(item, "border border-input bg-background hover:bg-accent hover:text-accent-foreground");

// Pages are read by cursor, without counting every contact: the list knows
// its neighbours and the way back to the start, not how many pages there are,
// so it links to those and shows the current page's number.
export function Pagination({ page, firstHref, prevHref, nextHref }: PaginationProps) {
  if (!prevHref && !nextHref) return null;
  return (
    <nav aria-label="Pages" className="mt-6 flex flex-wrap items-center justify-center gap-2">
      {firstHref ? (
        <Link href={firstHref} className={link}>
          <ChevronsLeftIcon aria-hidden="true" className="size-4" />
          First page
        </Link>
      ) : null}
      {prevHref ? (
        <Link href={prevHref} rel="prev" className={link}>
          <ChevronLeftIcon aria-hidden="true" className="size-4" />
          Previous
        </Link>
      ) : null}
      <span aria-current="page" className={cn(item, "bg-primary text-primary-foreground")}>
        <span className="sr-only">Page </span>
        {page}
      </span>
      {nextHref ? (
        <Link href={nextHref} rel="next" className={link}>
          Next
          <ChevronRightIcon aria-hidden="true" className="size-4" />
        </Link>
      ) : null}
    </nav>
  );
}
