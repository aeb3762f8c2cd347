import { addDays, format, parseISO } from "date-fns";
import { CalendarPlusIcon, PartyPopperIcon, SmileIcon, UsersIcon } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { useId } from "react";
import { CirclesTouched } from "@/components/dashboard/circles-touched";
import { GettingStarted } from "@/components/dashboard/getting-started";
import { JournalCard } from "@/components/dashboard/journal-card";
import { NetworkHealthSummary } from "@/components/dashboard/network-health";
import { NextStep } from "@/components/dashboard/next-step";
import { ReconnectGoalFilter } from "@/components/dashboard/reconnect-goal-filter";
import { ReconnectNow } from "@/components/dashboard/reconnect-now";
import { RecentEvents } from "@/components/dashboard/recent-events";
import { ValueOverTime, ValueStreakSummary } from "@/components/dashboard/value-section";
import { PageHeader } from "@/components/shell/page-header";
import { WaitingSuccessesList } from "@/components/successes/waiting-successes-list";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { getDb } from "@/db/client";
import { getUserSettings } from "@/db/queries/users";
import { currentUserId } from "@/lib/auth";
import { DASHBOARD, loadDashboard } from "@/lib/dashboard/load";
import { todayIn } from "@/lib/domain/dates";
import { dashboardQuerySchema } from "@/lib/validations/dashboard";

export const metadata: Metadata = { title: "Dashboard" };

const SNOOZE_DAYS = 14;

function Section({
  title,
  description,
  action,
  className,
  children,
}: {
  title: string;
  description?: string;
  action?: React.ReactNode;
  className?: string;
  children: React.ReactNode;
}) {
  const headingId = useId();
  return (
    <Card className={className} asChild>
      <section aria-labelledby={headingId}>
        <CardHeader className="flex flex-wrap items-start justify-between gap-x-4">
          <div className="grid gap-1.5">
            <CardTitle asChild>
              <h2 id={headingId}>{title}</h2>
            </CardTitle>
            {description ? <CardDescription>{description}</CardDescription> : null}
          </div>
          {action}
        </CardHeader>
        <CardContent>{children}</CardContent>
      </section>
    </Card>
  );
}

function MoreLink({ href, children }: { href: string; children: React.ReactNode }) {
  return (
    <Link href={href} className="text-primary text-sm font-medium underline-offset-4 hover:underline">
      {children}
    </Link>
  );
}

function reconnectDescription(total: number, goalTitle: string | undefined, isFiltered: boolean): string {
  if (!isFiltered) return total > 0 ? `${total} overdue, the longest overdue first.` : "Nobody is overdue.";
  const forGoal = goalTitle ? `for “${goalTitle}”` : "for this goal";
  return total > 0 ? `${total} who matter ${forGoal} overdue, the longest overdue first.` : `Nobody who matters ${forGoal} is overdue.`;
}

export default async function DashboardPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const userId = await currentUserId();
  const db = await getDb();
  const settings = userId ? await getUserSettings(db, { userId }) : undefined;
  if (!userId || !settings) notFound();

  const query = dashboardQuerySchema.parse(await searchParams);
  const now = new Date();
  const timeZone = settings.timeZone ?? "UTC";
  const data = await loadDashboard(db, { userId, now, timeZone: settings.timeZone, goalId: query.goal });
  const nextStep = (className: string) =>
    data.nextStep ? (
      <Section
        title="Next step"
        description={data.nextStep.goal.isNorthStar ? "Toward your north star." : "Toward the goal you updated last."}
        className={className}
        action={<MoreLink href="/career">Career</MoreLink>}
      >
        <NextStep step={data.nextStep} />
      </Section>
    ) : null;
  const greeting = settings.name ? `Welcome, ${settings.name.split(" ")[0]}` : "Welcome to Kith";
  const journal = (className: string) => (
    <Section
      title="Journal"
      description={`Your wins, with months, quarters and weeks in ${timeZone} time.`}
      className={className}
      action={data.journal.hasWins ? <MoreLink href="/journal">Open the journal</MoreLink> : null}
    >
      <JournalCard journal={data.journal} />
    </Section>
  );

  // An imported network with a new role to congratulate has something to
  // show before its first touch.
  if (data.health.contacts === 0 || (!data.hasTouches && data.waiting.total === 0)) {
    return (
      <>
        <PageHeader title={greeting} description="Your relationship health shows here once you have contacts and touches." />
        <GettingStarted
          hasTimeZone={settings.timeZone !== null}
          hasEvent={data.recentEvents.length > 0}
          hasContact={data.health.contacts > 0}
          hasTouch={data.hasTouches}
        />
        {/* Goals and wins need no network: someone who starts with them sees them. */}
        {nextStep("mt-6")}
        {data.journal.hasWins ? journal("mt-6") : null}
      </>
    );
  }

  const snoozeUntil = format(addDays(parseISO(todayIn(timeZone, now)), SNOOZE_DAYS), "yyyy-MM-dd");
  const thisWeek = data.valueWeeks.at(-1);
  const isFiltered = query.goal !== undefined;
  const seeAll = `/contacts?overdue=1&sort=next_due${query.goal ? `&goal=${query.goal}` : ""}`;

  return (
    <>
      <PageHeader title={greeting} description="How your network is doing, and who to reach out to this week." />
      <div className="grid gap-6 lg:grid-cols-3">
        <Section
          title="Network health"
          description="The mean of your contacts' scores."
          className="lg:col-span-2"
          action={<MoreLink href="/contacts?sort=health">All by health</MoreLink>}
        >
          <NetworkHealthSummary health={data.health} />
        </Section>
        <Section title="Value-adding streak" description={`Weeks in ${timeZone} time, Monday to Sunday.`}>
          <ValueStreakSummary streak={data.streak} thisWeek={thisWeek} />
        </Section>

        <Section
          title="Reconnect now"
          description={reconnectDescription(data.reconnect.total, data.goal?.title, isFiltered)}
          className="lg:col-span-2"
          action={
            data.goals.length > 0 || data.reconnect.total > DASHBOARD.reconnectLimit ? (
              <div className="flex flex-wrap items-center gap-x-4 gap-y-2">
                {data.goals.length > 0 ? <ReconnectGoalFilter goals={data.goals} goalId={query.goal} /> : null}
                {data.reconnect.total > DASHBOARD.reconnectLimit ? <MoreLink href={seeAll}>See all</MoreLink> : null}
              </div>
            ) : null
          }
        >
          {data.reconnect.contacts.length > 0 ? (
            <ReconnectNow contacts={data.reconnect.contacts} now={now} timeZone={timeZone} snoozeUntil={snoozeUntil} />
          ) : isFiltered ? (
            <EmptyState
              icon={<SmileIcon />}
              titleAs="h3"
              title="Nobody here is overdue"
              description="The people who matter for this goal have all heard from you within their cadence."
              action={<MoreLink href="/dashboard">Show everyone</MoreLink>}
            />
          ) : (
            <EmptyState
              icon={<SmileIcon />}
              titleAs="h3"
              title="You're up to date"
              description="Everyone you aimed to keep in touch with has heard from you within their cadence."
            />
          )}
        </Section>
        <Section
          title="Congratulate"
          description={data.waiting.total > 0 ? `${data.waiting.total} waiting, newest first.` : undefined}
          action={data.waiting.total > DASHBOARD.congratulateLimit ? <MoreLink href="/successes">See all</MoreLink> : null}
        >
          {data.waiting.items.length > 0 ? (
            <WaitingSuccessesList successes={data.waiting.items} />
          ) : (
            <EmptyState
              icon={<PartyPopperIcon />}
              titleAs="h3"
              title="Nothing to celebrate yet"
              description="Record a contact's new job, promotion or launch from their page, and it waits here for your congratulation."
            />
          )}
        </Section>

        {nextStep("lg:col-span-3")}

        <Section
          title="Value given vs received"
          description={`Value-added touches per week, the last ${DASHBOARD.valueWeeks} weeks.`}
          className="lg:col-span-3"
        >
          <ValueOverTime weeks={data.valueWeeks} />
        </Section>

        {journal("lg:col-span-3")}

        <Section title="Circles touched" className="lg:col-span-1">
          {data.circles.total > 0 ? (
            <CirclesTouched circles={data.circles} days={DASHBOARD.circleDays} now={now} timeZone={timeZone} />
          ) : (
            <EmptyState
              icon={<UsersIcon />}
              titleAs="h3"
              title="No circles yet"
              description="Circles group people: ex-colleagues, alumni, volunteering. Add them to contacts to see which circles go quiet."
              action={<MoreLink href="/circles">Go to circles</MoreLink>}
            />
          )}
        </Section>
        <Section
          title="Recent events"
          className="lg:col-span-2"
          action={<MoreLink href="/events">All events</MoreLink>}
        >
          {data.recentEvents.length > 0 ? (
            <RecentEvents events={data.recentEvents} />
          ) : (
            <EmptyState
              icon={<CalendarPlusIcon />}
              titleAs="h3"
              title="No events yet"
              description="Met people at a conference or a meetup? Record the event and add them all in one go."
              action={<MoreLink href="/events">Add an event</MoreLink>}
            />
          )}
        </Section>
      </div>
    </>
  );
}
