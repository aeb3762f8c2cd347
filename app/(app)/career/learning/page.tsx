import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ChevronLeftIcon, ChevronRightIcon, GraduationCapIcon } from "lucide-react";

import { LearningDialog } from "@/components/career/learning-dialog";
import { LearningFilters } from "@/components/career/learning-filters";
import { LearningList } from "@/components/career/learning-list";
import { LearningQuarter } from "@/components/career/learning-quarter";
import { PageHeader } from "@/components/shell/page-header";
import { buttonVariants } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { getDb } from "@/db/client";
import { learningHoursBySkill, learningQuarterSummary, listLearning } from "@/db/queries/learning";
import { getUserSettings } from "@/db/queries/users";
import { currentUserId } from "@/lib/auth";
import { formatHours } from "@/lib/domain/learning";
import { learningHref, parseLearningQuery } from "@/lib/validations/learning";

export const metadata: Metadata = { title: "Learning" };

const PAGE_SIZE = 50;
const SKILLS_SHOWN = 8;

export default async function LearningPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const userId = await currentUserId();
  if (!userId) notFound();
  const { filters, page } = parseLearningQuery(await searchParams);
  const db = await getDb();
  const settings = await getUserSettings(db, { userId });
  if (!settings) notFound();
  const [log, quarter, skillHours] = await Promise.all([
    listLearning(db, { userId, filters, page, limit: PAGE_SIZE }),
    learningQuarterSummary(db, { userId, timeZone: settings.timeZone, now: new Date() }),
    learningHoursBySkill(db, { userId }),
  ]);
  const isFiltered = Boolean(filters.status || filters.kind);
  const isEmpty = log.items.length === 0 && !isFiltered && page === 1;

  return (
    <>
      <PageHeader
        title="Learning"
        description="Courses, books, talks, mentoring sessions and certifications: the hours you put in and the skills they build."
        actions={<LearningDialog />}
      />
      {isEmpty ? (
        <EmptyState
          icon={<GraduationCapIcon />}
          title="Nothing logged yet"
          description={
            <>
              Log what you learn from: a course you took, a book you read, a talk you went to, a session with a mentor,
              a certification you earned — or one you plan. Note the hours, the skills it builds and who taught you;
              your hours add up per quarter and per skill. Start with <strong>Add learning</strong> above.
            </>
          }
        />
      ) : (
        <>
          <section aria-labelledby="learning-summary" className="mb-6 grid gap-4 rounded-xl border bg-card p-4 sm:grid-cols-2">
            <h2 id="learning-summary" className="sr-only">
              Summary
            </h2>
            <LearningQuarter summary={quarter} />
            {skillHours.length > 0 ? (
              <div className="grid gap-1">
                <h3 className="text-sm font-medium text-muted-foreground">Hours per skill</h3>
                <ul className="grid gap-0.5 text-sm">
                  {skillHours.slice(0, SKILLS_SHOWN).map((skill) => (
                    <li key={skill.skillId} className="flex justify-between gap-3">
                      <span className="truncate">{skill.name}</span>
                      <span className="shrink-0 tabular-nums text-muted-foreground">{formatHours(skill.hours)}</span>
                    </li>
                  ))}
                </ul>
              </div>
            ) : null}
          </section>
          <LearningFilters filters={filters} />
          {log.items.length === 0 ? (
            <p className="text-sm text-muted-foreground">
              {isFiltered ? "Nothing in your log matches these filters." : "Nothing on this page."}{" "}
              <Link href={learningHref({})} className="font-medium text-primary underline-offset-4 hover:underline">
                {isFiltered ? "Show everything" : "Back to the first page"}
              </Link>
            </p>
          ) : (
            <LearningList items={log.items} />
          )}
        </>
      )}
      {page > 1 || log.hasMore ? (
        <nav aria-label="Pages" className="mt-4 flex items-center justify-between gap-2">
          {page > 1 ? (
            <Link href={learningHref(filters, page - 1)} className={buttonVariants({ variant: "outline", size: "sm" })}>
              <ChevronLeftIcon aria-hidden="true" />
              Previous
            </Link>
          ) : (
            <span />
          )}
          {log.hasMore ? (
            <Link href={learningHref(filters, page + 1)} className={buttonVariants({ variant: "outline", size: "sm" })}>
              Next
              <ChevronRightIcon aria-hidden="true" />
            </Link>
          ) : null}
        </nav>
      ) : null}
    </>
  );
}
