import { MountainIcon, PlusIcon } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";

import { OverviewClosedGoals } from "@/components/career/overview-closed-goals";
import { OverviewGoalPath } from "@/components/career/overview-goal-path";
import { OverviewLearning } from "@/components/career/overview-learning";
import { OverviewNextSteps } from "@/components/career/overview-next-step";
import { OverviewSkills } from "@/components/career/overview-skills";
import { PageHeader } from "@/components/shell/page-header";
import { buttonVariants } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { getDb } from "@/db/client";
import { getUserSettings } from "@/db/queries/users";
import { currentUserId } from "@/lib/auth";
import { loadCareerOverview } from "@/lib/career/overview";

export const metadata: Metadata = { title: "Career" };

function NewGoalLink({ variant = "default" }: { variant?: "default" | "outline" }) {
  return (
    <Link href="/career/goals/new" className={buttonVariants({ variant })}>
      <PlusIcon aria-hidden="true" />
      New goal
    </Link>
  );
}

export default async function CareerPage() {
  const userId = await currentUserId();
  const db = await getDb();
  const settings = userId ? await getUserSettings(db, { userId }) : undefined;
  if (!userId || !settings) notFound();

  const now = new Date();
  const timeZone = settings.timeZone ?? "UTC";
  const overview = await loadCareerOverview(db, { userId, now, timeZone: settings.timeZone });
  const { activeGoals, closedGoals } = overview;
  const hasNoGoal = activeGoals.length === 0 && closedGoals.length === 0;

  return (
    <>
      <PageHeader
        title="Career"
        description="Where you are heading, the next step, and the people and skills that get you there."
        actions={hasNoGoal ? undefined : <NewGoalLink />}
      />
      <div className="grid gap-8">
        {hasNoGoal ? (
          <EmptyState
            icon={<MountainIcon />}
            title="Set your first goal"
            description={
              <>
                A goal is where you want your career to go — “Lead a platform group at a climate company” — and why it
                matters. Break it into stepping stones: a role, a skill to build, a project, a certification, people to
                get to know, volunteering. Re-order, re-date or drop them as life changes; Kith keeps how the plan moved,
                the wins that prove each step, and who can help with the next one.
              </>
            }
            action={<NewGoalLink />}
          />
        ) : activeGoals.length === 0 ? (
          <EmptyState
            icon={<MountainIcon />}
            title="No active goal"
            description="Every goal is achieved or let go. Set the next one when you know where you are heading."
            action={<NewGoalLink />}
          />
        ) : (
          <>
            <div className="grid gap-6 lg:grid-cols-2">
              {activeGoals.map((goal) => (
                <OverviewGoalPath key={goal.id} goal={goal} />
              ))}
            </div>
            <OverviewNextSteps goals={activeGoals} now={now} timeZone={timeZone} />
          </>
        )}
        <div className="grid gap-6 lg:grid-cols-2">
          <OverviewSkills skills={overview.skills} today={overview.today} />
          <OverviewLearning summary={overview.learning} items={overview.learning.recent} />
        </div>
        {closedGoals.length > 0 ? <OverviewClosedGoals goals={closedGoals} /> : null}
      </div>
    </>
  );
}
