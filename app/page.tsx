import Link from "next/link";
import { redirect } from "next/navigation";
import { ArrowRightIcon, ClockIcon, HandHeartIcon, HeartPulseIcon, MailIcon, PartyPopperIcon, UsersRoundIcon } from "lucide-react";

import { Wordmark } from "@/components/shell/wordmark";
import { ThemeToggle } from "@/components/theme/theme-toggle";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { auth } from "@/lib/auth";

const features = [
  {
    Icon: UsersRoundIcon,
    title: "Add everyone you met, in one go",
    description:
      "Back from a conference with a pocket full of names? Add them all at once, tagged with the event, while the conversations are still fresh.",
  },
  {
    Icon: HandHeartIcon,
    title: "Log a touch in seconds",
    description:
      "Note a coffee, a call or a message in a few taps. Mark the ones that added value (an introduction, a referral, advice, help offered, a congratulation) and whether you gave or received it.",
  },
  {
    Icon: MailIcon,
    title: "A weekly nudge to reconnect",
    description:
      "Once a week Kith emails you who is overdue for a catch-up and whose successes deserve a congratulation, so nobody drifts away by accident.",
  },
  {
    Icon: HeartPulseIcon,
    title: "Relationship health you can read",
    description:
      "The dashboard scores every relationship and explains each score in plain words: what kept it warm and what let it cool.",
  },
] as const;

const overdue = [
  { initials: "PR", name: "Priya Raman", detail: "Met at Product Summit · last spoke 94 days ago" },
  { initials: "JM", name: "Jonas Meyer", detail: "Former teammate · last spoke 61 days ago" },
] as const;

function WeeklyEmailPreview() {
  return (
    <figure aria-labelledby="weekly-preview-caption" className="w-full">
      <Card className="gap-4 shadow-md">
        <CardHeader>
          <CardTitle>Your week in Kith</CardTitle>
          <CardDescription>Three people to get back to</CardDescription>
        </CardHeader>
        <CardContent className="grid grid-cols-1 gap-4">
          <div className="grid grid-cols-1 gap-2">
            <p className="flex items-center gap-2 text-xs font-medium tracking-wide text-muted-foreground uppercase">
              <ClockIcon aria-hidden="true" className="size-3.5" />
              Overdue to reconnect
            </p>
            <ul className="grid grid-cols-1 gap-2">
              {overdue.map((person) => (
                <li key={person.name} className="flex items-center gap-3 rounded-lg border p-3">
                  <span
                    aria-hidden="true"
                    className="flex size-9 shrink-0 items-center justify-center rounded-full bg-secondary text-sm font-semibold text-secondary-foreground"
                  >
                    {person.initials}
                  </span>
                  <span className="min-w-0">
                    <span className="block truncate text-sm font-medium">{person.name}</span>
                    <span className="block truncate text-sm text-muted-foreground">{person.detail}</span>
                  </span>
                </li>
              ))}
            </ul>
          </div>
          <div className="grid grid-cols-1 gap-2">
            <p className="flex items-center gap-2 text-xs font-medium tracking-wide text-muted-foreground uppercase">
              <PartyPopperIcon aria-hidden="true" className="size-3.5" />
              Worth a congratulation
            </p>
            <div className="flex items-center gap-3 rounded-lg border bg-accent/60 p-3">
              <span
                aria-hidden="true"
                className="flex size-9 shrink-0 items-center justify-center rounded-full bg-primary text-sm font-semibold text-primary-foreground"
              >
                AO
              </span>
              <span className="min-w-0">
                <span className="block truncate text-sm font-medium">Ada Okafor</span>
                <span className="block text-sm text-muted-foreground">Started a new role as Head of Design</span>
              </span>
            </div>
          </div>
        </CardContent>
      </Card>
      <figcaption id="weekly-preview-caption" className="mt-3 text-center text-sm text-muted-foreground">
        An example of the weekly reconnect email
      </figcaption>
    </figure>
  );
}

export default async function HomePage() {
  if (await auth()) redirect("/dashboard");
  return (
    <div className="flex min-h-dvh flex-col">
      <header className="border-b">
        <div className="mx-auto flex h-16 w-full max-w-6xl items-center justify-between gap-4 px-4 sm:px-6">
          <Wordmark href="/" />
          <div className="flex items-center gap-1 sm:gap-2">
            <ThemeToggle />
            <Button asChild variant="outline">
              <Link href="/sign-in">Sign in</Link>
            </Button>
          </div>
        </div>
      </header>

      <main id="main" className="flex-1">
        <section className="mx-auto grid w-full max-w-6xl grid-cols-1 items-center gap-12 px-4 py-16 sm:px-6 sm:py-20 lg:grid-cols-[minmax(0,1.1fr)_minmax(0,0.9fr)] lg:py-24">
          <div className="grid gap-6">
            <p className="text-sm font-medium text-primary">A personal relationship CRM</p>
            <h1 className="text-4xl font-semibold tracking-tight text-balance sm:text-5xl">
              Careers are built on the relationships you keep warm.
            </h1>
            <p className="max-w-xl text-lg text-pretty text-muted-foreground">
              Kith remembers who you met, what you talked about and when it&rsquo;s time to get back in touch, so a
              few minutes a week replace the awkward &ldquo;it&rsquo;s been ages&rdquo;.
            </p>
            <div className="flex flex-col gap-3 sm:flex-row sm:items-center">
              <Button asChild size="lg">
                <Link href="/sign-in">
                  Get started — it&rsquo;s free
                  <ArrowRightIcon aria-hidden="true" />
                </Link>
              </Button>
              <Button asChild size="lg" variant="ghost">
                <Link href="#features">See how it works</Link>
              </Button>
            </div>
            <p className="text-sm text-muted-foreground">
              Sign in with a link sent to your email. No password to remember.
            </p>
          </div>
          <WeeklyEmailPreview />
        </section>

        <section id="features" aria-labelledby="features-heading" className="border-t bg-muted/50">
          <div className="mx-auto grid w-full max-w-6xl gap-10 px-4 py-16 sm:px-6 sm:py-20">
            <div className="grid max-w-2xl gap-3">
              <h2 id="features-heading" className="text-3xl font-semibold tracking-tight text-balance">
                Stay in touch without keeping a spreadsheet
              </h2>
              <p className="text-pretty text-muted-foreground">
                Kith does the remembering. You do the part only you can do: reach out.
              </p>
            </div>
            <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
              {features.map(({ Icon, title, description }) => (
                <li key={title} className="flex">
                  <Card className="w-full gap-4">
                    <CardHeader className="gap-3">
                      <span
                        aria-hidden="true"
                        className="flex size-10 items-center justify-center rounded-lg bg-accent text-accent-foreground"
                      >
                        <Icon className="size-5" />
                      </span>
                      <CardTitle asChild>
                        <h3 className="text-base">{title}</h3>
                      </CardTitle>
                    </CardHeader>
                    <CardContent>
                      <p className="text-sm text-muted-foreground">{description}</p>
                    </CardContent>
                  </Card>
                </li>
              ))}
            </ul>
          </div>
        </section>

        <section aria-labelledby="cta-heading" className="border-t">
          <div className="mx-auto flex w-full max-w-6xl flex-col items-start gap-6 px-4 py-16 sm:px-6 md:flex-row md:items-center md:justify-between">
            <div className="grid gap-2">
              <h2 id="cta-heading" className="text-2xl font-semibold tracking-tight text-balance">
                Your network is already there. Kith helps you tend it.
              </h2>
              <p className="text-muted-foreground">Start with the people you met last week.</p>
            </div>
            <Button asChild size="lg">
              <Link href="/sign-in">Get started — it&rsquo;s free</Link>
            </Button>
          </div>
        </section>
      </main>

      <footer className="border-t">
        <div className="mx-auto flex w-full max-w-6xl flex-col gap-2 px-4 py-6 text-sm text-muted-foreground sm:flex-row sm:items-center sm:justify-between sm:px-6">
          <p>Kith · keep your relationships warm.</p>
          <Link href="/sign-in" className="w-fit rounded-sm underline-offset-4 hover:text-foreground hover:underline">
            Sign in
          </Link>
        </div>
      </footer>
    </div>
  );
}
