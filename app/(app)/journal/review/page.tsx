import { DownloadIcon } from "lucide-react";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ReviewPackView } from "@/components/journal/review-pack";
import { ReviewPrintButton } from "@/components/journal/review-print-button";
import { ReviewRangeForm } from "@/components/journal/review-range-form";
import { buttonVariants } from "@/components/ui/button";
import { getDb } from "@/db/client";
import { currentUserId } from "@/lib/auth";
import { loadReviewPack } from "@/lib/journal/load-review-pack";
import { monthsBefore, reviewRangeSearch } from "@/lib/journal/review-range";

export const metadata: Metadata = { title: "Review pack" };

export default async function ReviewPackPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const userId = await currentUserId();
  if (!userId) notFound();
  const loaded = await loadReviewPack(await getDb(), { userId, searchParams: await searchParams, now: new Date() });
  if (!loaded) notFound();
  const { pack, range, roles, today } = loaded;
  const search = reviewRangeSearch(range);
  // The custom days start as the range shown; a role's pack spans every day, so there the last six months.
  const days = range.kind === "role" ? { from: monthsBefore(today, 6), to: today } : range;

  return (
    <div className="grid gap-8">
      <div className="grid gap-4 print:hidden">
        <ReviewRangeForm
          key={search}
          kind={range.kind}
          roleId={range.roleId}
          from={days.from}
          to={days.to}
          roles={roles}
        />
        {pack.wins.length > 0 ? (
          <div className="flex flex-wrap gap-2">
            <ReviewPrintButton />
            <a
              href={search ? `/journal/review/markdown?${search}` : "/journal/review/markdown"}
              download
              className={buttonVariants({ variant: "outline" })}
            >
              <DownloadIcon aria-hidden="true" />
              Download Markdown
            </a>
          </div>
        ) : null}
      </div>
      <ReviewPackView pack={pack} />
    </div>
  );
}
