import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { ArrowLeftIcon, FlagIcon, PencilIcon, StarIcon } from "lucide-react";
import { z } from "zod";

import { GoalDeleteButton } from "@/components/career/goal-delete-button";
import { GoalForm } from "@/components/career/goal-form";
import { GoalProgress } from "@/components/career/goal-progress";
import { StoneCard } from "@/components/career/stone-card";
import { StoneForm } from "@/components/career/stone-form";
import { buttonVariants } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { getDb } from "@/db/client";
import { getGoalPath } from "@/db/queries/goals";
import { listRoles } from "@/db/queries/roles";
import { listStoneLinks } from "@/db/queries/stone-links";
import { getUserSettings } from "@/db/queries/users";
import { currentUserId } from "@/lib/auth";
import { EMPTY_STONE_LINKS, nextStone } from "@/lib/domain/career";
import { formatDay } from "@/lib/domain/dates";
import { GOAL_STATUS_LABELS } from "@/lib/domain/enums";
import { stoneHistoryLines } from "@/lib/domain/stone-history";

type PageProps = {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

// One read per request, shared by the metadata and the page. An id that is
// not a uuid is not found (rather than an error from the database).
const loadGoal = cache(async (goalId: string) => {
  const userId = await currentUserId();
  if (!userId || !z.uuid().safeParse(goalId).success) return undefined;
  const path = await getGoalPath(await getDb(), { userId, goalId });
  return path ? { userId, path } : undefined;
});

export async function generateMetadata({ params }: PageProps): Promise<Metadata> {
  const loaded = await loadGoal((await params).id);
  return { title: loaded?.path.goal.title ?? "Goal not found" };
}

// ?edit=goal opens the goal's form, ?edit=<step id> that step's.
function editParam(value: string | string[] | undefined): string | undefined {
  const first = Array.isArray(value) ? value[0] : value;
  return first === "goal" || z.uuid().safeParse(first).success ? first : undefined;
}

export default async function GoalPage({ params, searchParams }: PageProps) {
  const loaded = await loadGoal((await params).id);
  if (!loaded) notFound();
  const { userId, path } = loaded;
  const { goal, stones } = path;
  const editing = editParam((await searchParams).edit);
  const db = await getDb();
  const [links, roles, settings] = await Promise.all([
    listStoneLinks(db, { userId, goalId: goal.id }),
    listRoles(db, { userId }),
    getUserSettings(db, { userId }),
  ]);
  const timeZone = settings?.timeZone ?? null;
  const next = nextStone(stones);
  const goalHref = `/career/goals/${goal.id}`;
  const editHref = (what: string) => `${goalHref}?edit=${what}`;

  return (
    <>
      <Link
        href="/career"
        className="mb-4 inline-flex items-center gap-1 text-sm text-muted-foreground underline-offset-4 hover:underline"
      >
        <ArrowLeftIcon aria-hidden="true" className="size-4" />
        Career
      </Link>
      <header className="mb-8 grid gap-4 lg:flex lg:items-end lg:justify-between">
        <div className="min-w-0 space-y-2">
          <h1 className="text-2xl font-semibold tracking-tight break-words sm:text-3xl">{goal.title}</h1>
          <p className="flex flex-wrap items-center gap-2 text-sm text-muted-foreground">
            {goal.isNorthStar ? (
              <span className="inline-flex items-center gap-1 rounded-full border border-amber-300 bg-amber-50 px-2 py-0.5 text-xs font-medium text-amber-900 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-200">
                <StarIcon aria-hidden="true" className="size-3" />
                North star
              </span>
            ) : null}
            <span className="rounded-full border px-2 py-0.5 text-xs font-medium">{GOAL_STATUS_LABELS[goal.status]}</span>
            {goal.horizonOn ? (
              <span>
                Horizon <time dateTime={goal.horizonOn}>{formatDay(goal.horizonOn)}</time>
              </span>
            ) : null}
          </p>
          {goal.why ? <p className="max-w-prose whitespace-pre-line break-words">{goal.why}</p> : null}
        </div>
        <div className="flex flex-wrap items-start gap-2">
          <Link href={editHref("goal")} className={buttonVariants({ variant: "outline" })}>
            <PencilIcon aria-hidden="true" />
            Edit goal
          </Link>
          <GoalDeleteButton goalId={goal.id} title={goal.title} stoneCount={stones.length} />
        </div>
      </header>

      {editing === "goal" ? (
        <Card asChild className="mb-8 max-w-2xl">
          <section aria-labelledby="edit-goal">
            <CardHeader>
              <CardTitle asChild>
                <h2 id="edit-goal">Edit goal</h2>
              </CardTitle>
            </CardHeader>
            <CardContent>
              <GoalForm key={goal.id} goal={goal} cancelHref={goalHref} />
            </CardContent>
          </section>
        </Card>
      ) : null}

      <div className="grid gap-10">
        <section aria-labelledby="path-heading" className="grid gap-4">
          <div className="grid gap-3">
            <h2 id="path-heading" className="text-lg font-semibold">
              The path
            </h2>
            {stones.length > 0 ? <GoalProgress stones={stones} /> : null}
            {next ? (
              <p className="text-sm">
                Next step:{" "}
                <a href={`#stone-${next.id}`} className="font-medium text-primary underline-offset-4 hover:underline">
                  {next.title}
                </a>
              </p>
            ) : null}
          </div>
          {stones.length === 0 ? (
            <EmptyState
              titleAs="h3"
              icon={<FlagIcon />}
              title="No stepping stones yet"
              description="Break the goal into steps: a role, a skill to build, a project, a certification, people to get to know. You can re-order, re-date or drop them later; their history stays."
              action={
                <a href="#stone-add-title" className={buttonVariants({ variant: "outline" })}>
                  Add the first step
                </a>
              }
            />
          ) : (
            <ol aria-label={`Steps toward “${goal.title}”`} className="grid gap-4">
              {stones.map((stone) => (
                <StoneCard
                  key={stone.id}
                  goalId={goal.id}
                  stone={stone}
                  count={stones.length}
                  isNext={stone.id === next?.id}
                  links={links.get(stone.id) ?? EMPTY_STONE_LINKS}
                  history={stoneHistoryLines(stone.history, timeZone)}
                  roles={roles}
                  editHref={editHref(stone.id)}
                  goalHref={goalHref}
                  isEditing={editing === stone.id}
                />
              ))}
            </ol>
          )}
        </section>

        <Card asChild className="max-w-2xl">
          <section aria-labelledby="add-stone">
            <CardHeader>
              <CardTitle asChild>
                <h2 id="add-stone">Add a stepping stone</h2>
              </CardTitle>
              <CardDescription>It goes at the end of the path; move it up once it&rsquo;s there.</CardDescription>
            </CardHeader>
            <CardContent>
              <StoneForm goalId={goal.id} roles={roles} goalHref={goalHref} />
            </CardContent>
          </section>
        </Card>
      </div>
    </>
  );
}
