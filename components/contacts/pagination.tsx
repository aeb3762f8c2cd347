import { ChevronLeftIcon, ChevronRightIcon } from "lucide-react";
import Link from "next/link";
import { cn } from "@/lib/utils";

type PaginationProps = {
  page: number;
  hasMore: boolean;
  /** The address of a page, keeping the current filters. */
  hrefFor: (page: number) => string;
};

const item = "inline-flex h-9 min-w-9 items-center justify-center gap-1 rounded-md px-3 text-sm font-medium";
const link = cn(item, "border border-input bg-background hover:bg-accent hover:text-accent-foreground");

// Pages are counted without counting every contact: the list knows only
// whether a next page exists, so it shows its neighbours and the first page.
export function Pagination({ page, hasMore, hrefFor }: PaginationProps) {
  if (page === 1 && !hasMore) return null;
  const numbers = [...new Set([1, page - 1, page, ...(hasMore ? [page + 1] : [])])].filter((n) => n >= 1);
  return (
    <nav aria-label="Pages" className="mt-6 flex flex-wrap items-center justify-center gap-2">
      {page > 1 ? (
        <Link href={hrefFor(page - 1)} rel="prev" className={link}>
          <ChevronLeftIcon aria-hidden="true" className="size-4" />
          Previous
        </Link>
      ) : null}
      <ol className="flex flex-wrap items-center gap-2">
        {numbers.map((n, index) => (
          <li key={n} className="flex items-center gap-2">
            {index > 0 && n - (numbers[index - 1] ?? n) > 1 ? (
              <span aria-hidden="true" className="text-muted-foreground">
                …
              </span>
            ) : null}
            {n === page ? (
              <span aria-current="page" className={cn(item, "bg-primary text-primary-foreground")}>
                <span className="sr-only">Page </span>
                {n}
              </span>
            ) : (
              <Link href={hrefFor(n)} className={link}>
                <span className="sr-only">Page </span>
                {n}
              </Link>
            )}
          </li>
        ))}
      </ol>
      {hasMore ? (
        <Link href={hrefFor(page + 1)} rel="next" className={link}>
          Next
          <ChevronRightIcon aria-hidden="true" className="size-4" />
        </Link>
      ) : null}
    </nav>
  );
}
