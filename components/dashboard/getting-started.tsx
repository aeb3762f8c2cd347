import { CalendarPlus, CheckCircle2, Circle, Settings, Upload, UserPlus } from "lucide-react";
import Link from "next/link";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";

type GettingStartedProps = { hasTimeZone: boolean; hasEvent: boolean; hasContact: boolean; hasTouch: boolean };

// A new user's dashboard: the three steps from nothing to a network Kith can
// score, each ticked off as it is done.
export function GettingStarted({ hasTimeZone, hasEvent, hasContact, hasTouch }: GettingStartedProps) {
  const steps = [
    {
      done: hasTimeZone,
      icon: Settings,
      title: "Set your time zone and weekly email",
      description: "So your reconnect email arrives when you want it.",
      href: "/settings",
      cta: "Open settings",
    },
    {
      done: hasEvent && hasContact,
      icon: CalendarPlus,
      title: "Add the people you met at an event",
      description: "Record the event once and everyone you met in one go.",
      href: "/events",
      cta: "Go to events",
    },
    {
      done: hasContact,
      icon: Upload,
      title: "Or import the people you already know",
      description: "Your LinkedIn connections, Google Contacts or a vCard: you see what happens before anything changes.",
      href: "/import",
      cta: "Import contacts",
    },
    {
      done: hasTouch,
      icon: UserPlus,
      title: "Log your first touch",
      description: "A coffee, a call, an introduction you made: it takes seconds.",
      href: "/contacts",
      cta: "Go to contacts",
    },
  ];
  return (
    <Card>
      <CardHeader>
        <CardTitle asChild>
          <h2>Get started</h2>
        </CardTitle>
        <CardDescription>
          A few steps to a network you tend all the time. Your relationship health shows here once you have contacts.
        </CardDescription>
      </CardHeader>
      <CardContent>
        <ol className="space-y-4">
          {steps.map((step) => {
            const StatusIcon = step.done ? CheckCircle2 : Circle;
            return (
              <li key={step.title} className="flex items-start gap-3">
                <StatusIcon
                  aria-hidden
                  className={
                    step.done ? "text-primary mt-0.5 size-5 shrink-0" : "text-muted-foreground mt-0.5 size-5 shrink-0"
                  }
                />
                <div className="flex-1">
                  <p className="font-medium">
                    {step.title}
                    {step.done ? <span className="sr-only"> (done)</span> : null}
                  </p>
                  <p className="text-muted-foreground text-sm">{step.description}</p>
                </div>
                <Link
                  href={step.href}
                  className="text-primary shrink-0 text-sm font-medium underline-offset-4 hover:underline"
                >
                  {step.cta}
                </Link>
              </li>
            );
          })}
        </ol>
      </CardContent>
    </Card>
  );
}
