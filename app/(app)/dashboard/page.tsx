import { CalendarPlus, CheckCircle2, Circle, Settings, UserPlus } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { PageHeader } from "@/components/shell/page-header";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { getDb } from "@/db/client";
import { getUserSettings } from "@/db/queries/users";
import { currentUserId } from "@/lib/auth";

export const metadata: Metadata = { title: "Dashboard" };

export default async function DashboardPage() {
  const userId = await currentUserId();
  const settings = userId ? await getUserSettings(await getDb(), { userId }) : undefined;
  if (!settings) notFound();

  const steps = [
    {
      done: settings.timeZone !== null,
      icon: Settings,
      title: "Set your time zone and weekly email",
      description: "So your reconnect email arrives when you want it.",
      href: "/settings",
      cta: "Open settings",
    },
    {
      done: false,
      icon: CalendarPlus,
      title: "Add the people you met at an event",
      description: "Record the event once and everyone you met in one go.",
      href: "/events",
      cta: "Go to events",
    },
    {
      done: false,
      icon: UserPlus,
      title: "Log your first touch",
      description: "A coffee, a call, an introduction you made: it takes seconds.",
      href: "/contacts",
      cta: "Go to contacts",
    },
  ];

  return (
    <>
      <PageHeader
        title={settings.name ? `Welcome, ${settings.name.split(" ")[0]}` : "Welcome to Kith"}
        description="Your relationship health will show here once you have contacts and touches."
      />
      <Card>
        <CardHeader>
          <CardTitle asChild><h2>Get started</h2></CardTitle>
          <CardDescription>Three steps to a network you tend all the time.</CardDescription>
        </CardHeader>
        <CardContent>
          <ol className="space-y-4">
            {steps.map((step) => {
              const StatusIcon = step.done ? CheckCircle2 : Circle;
              return (
                <li key={step.title} className="flex items-start gap-3">
                  <StatusIcon
                    aria-hidden
                    className={step.done ? "text-primary mt-0.5 size-5 shrink-0" : "text-muted-foreground mt-0.5 size-5 shrink-0"}
                  />
                  <div className="flex-1">
                    <p className="font-medium">
                      {step.title}
                      {step.done ? <span className="sr-only"> (done)</span> : null}
                    </p>
                    <p className="text-muted-foreground text-sm">{step.description}</p>
                  </div>
                  <Link href={step.href} className="text-primary shrink-0 text-sm font-medium underline-offset-4 hover:underline">
                    {step.cta}
                  </Link>
                </li>
              );
            })}
          </ol>
        </CardContent>
      </Card>
    </>
  );
}
