import { ArrowLeftIcon, PencilIcon } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cache, type ReactNode } from "react";
import { z } from "zod";
import { ContactGoals } from "@/components/career/contact-goals";
import { CircleBadges } from "@/components/contacts/circle-badges";
import { ContactActions } from "@/components/contacts/contact-actions";
import { DUE_TONE_CLASSES } from "@/components/contacts/contact-list";
import { SnoozeForm } from "@/components/contacts/snooze-form";
import { HealthBadge } from "@/components/health/health-badge";
import { ContactWins } from "@/components/journal/contact-wins";
import { RecordWinButton } from "@/components/journal/record-win-button";
import { RecordSuccessButton } from "@/components/successes/record-success-button";
import { ContactTimeline } from "@/components/touches/contact-timeline";
import { LogTouchButton } from "@/components/touches/log-touch-button";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { getDb } from "@/db/client";
import { type ContactDetail, getContact } from "@/db/queries/contacts";
import { contactHealthById } from "@/db/queries/health";
import { listContactWins } from "@/db/queries/journal";
import { listContactGoals } from "@/db/queries/stone-links";
import { getContactTimeline } from "@/db/queries/timeline";
import { getUserSettings } from "@/db/queries/users";
import { currentUserId } from "@/lib/auth";
import {
  birthdayLabel,
  cadenceLabel,
  dueStatus,
  lastTouchLabel,
  TIER_SHORT_LABELS,
} from "@/lib/contacts/schedule-labels";
import { formatDay, todayIn } from "@/lib/domain/dates";
import {
  BAND_FLOORS,
  CONSISTENCY_WINDOWS,
  explainHealth,
  type Health,
  VALUE_GIVEN_TARGET,
  VALUE_RECEIVED_TARGET,
  WEIGHTS,
} from "@/lib/health/model";
import { cn } from "@/lib/utils";

type PageProps = {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

// One read per request, shared by the metadata and the page.
const loadContact = cache(async (contactId: string) => {
  const userId = await currentUserId();
  if (!userId) return undefined;
  const contact = await getContact(await getDb(), { userId, contactId });
  return contact ? { userId, contact } : undefined;
});

export async function generateMetadata({ params }: PageProps): Promise<Metadata> {
  const loaded = await loadContact((await params).id);
  return { title: loaded?.contact.name ?? "Contact not found" };
}

const pageSchema = z.coerce.number().int().min(1).catch(1);
const TIMELINE_PAGE_SIZE = 20;
const CONTACT_WINS_SHOWN = 5;

function cadenceSource(contact: ContactDetail): string {
  if (contact.cadenceDays !== null) return "Their own cadence.";
  if (contact.tier === "regular") return "Your default cadence.";
  return `The ${TIER_SHORT_LABELS[contact.tier].toLowerCase()} tier's cadence.`;
}

export default async function ContactPage({ params, searchParams }: PageProps) {
  const loaded = await loadContact((await params).id);
  if (!loaded) notFound();
  const { userId, contact } = loaded;
  const rawPage = (await searchParams).page;
  const page = pageSchema.parse(Array.isArray(rawPage) ? rawPage[0] : rawPage);
  const db = await getDb();
  const now = new Date();
  // Archived contacts are not scored, so there is nothing to ask for.
  const [settings, health, timeline, contactWins, contactGoals] = await Promise.all([
    getUserSettings(db, { userId }),
    contact.archivedAt
      ? undefined
      : contactHealthById(db, { userId, now, contactIds: [contact.id] }).then((byId) => byId.get(contact.id)),
    getContactTimeline(db, { userId, contactId: contact.id, page, pageSize: TIMELINE_PAGE_SIZE }),
    listContactWins(db, { userId, contactId: contact.id, limit: CONTACT_WINS_SHOWN }),
    listContactGoals(db, { userId, contactId: contact.id }),
  ]);
  const timeZone = settings?.timeZone ?? "UTC";
  const due = dueStatus(contact, now, timeZone);
  const work = [contact.role, contact.company].filter(Boolean).join(" at ");
  const birthday = birthdayLabel(contact.birthdayMonth, contact.birthdayDay, contact.birthdayYear);
  const ref = { id: contact.id, name: contact.name };

  return (
    <>
      <Link
        href="/contacts"
        className="mb-4 inline-flex items-center gap-1 text-sm text-muted-foreground underline-offset-4 hover:underline"
      >
        <ArrowLeftIcon aria-hidden="true" className="size-4" />
        Contacts
      </Link>
      <header className="mb-8 flex flex-col gap-4 lg:flex-row lg:items-end lg:justify-between">
        <div className="min-w-0 space-y-2">
          <h1 className="text-2xl font-semibold tracking-tight break-words sm:text-3xl">{contact.name}</h1>
          {work ? <p className="text-muted-foreground">{work}</p> : null}
          <div className="flex flex-wrap items-center gap-2">
            <span className="rounded-full border px-2 py-0.5 text-xs font-medium">{TIER_SHORT_LABELS[contact.tier]}</span>
            {contact.archivedAt ? (
              <span className="rounded-full border border-destructive/40 px-2 py-0.5 text-xs font-medium text-destructive">
                Archived
              </span>
            ) : null}
            <CircleBadges circles={contact.circles} linked />
          </div>
        </div>
        <div className="flex flex-wrap gap-2">
          <LogTouchButton contacts={[ref]} />
          <RecordSuccessButton contact={ref} />
          <RecordWinButton request={{ people: [{ contactId: contact.id, name: contact.name, part: "helped_me" }] }} />
          <Button asChild variant="outline">
            <Link href={`/contacts/${contact.id}/edit`}>
              <PencilIcon aria-hidden="true" />
              Edit
            </Link>
          </Button>
          <ContactActions contact={{ ...ref, isArchived: contact.archivedAt !== null }} />
        </div>
      </header>

      <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_20rem]">
        <div className="min-w-0 space-y-6">
          <Card>
            <CardHeader>
              <CardTitle asChild>
                <h2>Key facts</h2>
              </CardTitle>
            </CardHeader>
            <CardContent>
              <KeyFacts contact={contact} birthday={birthday} />
            </CardContent>
          </Card>
          <ContactGoals goals={contactGoals} />
          <ContactWins contact={ref} wins={contactWins.wins} total={contactWins.total} />
          <section aria-labelledby="timeline-title" className="space-y-4">
            <h2 id="timeline-title" className="text-lg font-semibold">
              Timeline
            </h2>
            <ContactTimeline contactId={contact.id} timeline={timeline} />
          </section>
        </div>

        <div className="space-y-6">
          <Card>
            <CardHeader>
              <CardTitle asChild>
                <h2>Keeping in touch</h2>
              </CardTitle>
            </CardHeader>
            <CardContent className="space-y-5">
              <dl className="grid gap-3 text-sm">
                <div>
                  <dt className="text-muted-foreground">Cadence</dt>
                  <dd className="font-medium">{cadenceLabel(contact.effectiveCadenceDays)}</dd>
                  <dd className="text-muted-foreground">{cadenceSource(contact)}</dd>
                </div>
                <div>
                  <dt className="text-muted-foreground">Next</dt>
                  <dd className={cn("font-medium", DUE_TONE_CLASSES[due.tone])}>{due.label}</dd>
                </div>
                <div>
                  <dt className="text-muted-foreground">Last touch</dt>
                  <dd className="font-medium">{lastTouchLabel(contact.lastTouchedAt, now, timeZone)}</dd>
                </div>
              </dl>
              <SnoozeForm contactId={contact.id} snoozedUntil={contact.snoozedUntil} today={todayIn(timeZone, now)} />
            </CardContent>
          </Card>
          <Card>
            <CardHeader>
              <CardTitle asChild>
                <h2>Relationship health</h2>
              </CardTitle>
            </CardHeader>
            <CardContent className="text-sm">
              {health ? (
                <HealthSummary health={health} />
              ) : (
                <p className="text-muted-foreground">Archived contacts have no health score.</p>
              )}
            </CardContent>
          </Card>
          <Card>
            <CardHeader>
              <CardTitle asChild>
                <h2>How we met</h2>
              </CardTitle>
            </CardHeader>
            <CardContent className="text-sm">
              {contact.metAtEvent ? (
                <p>
                  At{" "}
                  <Link href={`/events/${contact.metAtEvent.id}`} className="font-medium underline underline-offset-4">
                    {contact.metAtEvent.name}
                  </Link>
                  , {formatDay(contact.metAtEvent.occurredOn)}
                </p>
              ) : contact.connectedOn ? (
                <p>Connected on {formatDay(contact.connectedOn)}</p>
              ) : (
                <p className="text-muted-foreground">Added on {formatDay(todayIn(timeZone, contact.createdAt))}</p>
              )}
            </CardContent>
          </Card>
        </div>
      </div>
    </>
  );
}

const percent = (part: number) => `${Math.round(part * 100)}%`;

function HealthSummary({ health }: { health: Health }) {
  const parts = [
    { term: "Recency", value: health.recency },
    { term: "Consistency", value: health.consistency },
    { term: "Value", value: health.value },
  ];
  return (
    <div className="space-y-4">
      <p>
        <HealthBadge band={health.band} score={health.score} className="px-3 py-1 text-sm" />
      </p>
      <p>{explainHealth(health)}</p>
      <dl className="grid grid-cols-3 gap-2">
        {parts.map((part) => (
          <div key={part.term}>
            <dt className="text-muted-foreground">{part.term}</dt>
            <dd className="font-medium tabular-nums">{percent(part.value)}</dd>
          </div>
        ))}
      </dl>
      <details className="text-muted-foreground">
        <summary className="cursor-pointer font-medium text-foreground underline-offset-4 hover:underline">
          How is this scored?
        </summary>
        <ul className="mt-2 list-disc space-y-1 pl-5">
          <li>
            Recency ({percent(WEIGHTS.recency)}): full marks within your cadence, then half as much for every further
            cadence without a touch.
          </li>
          <li>
            Consistency ({percent(WEIGHTS.consistency)}): how many of the last {CONSISTENCY_WINDOWS} cadence-long
            windows had a touch.
          </li>
          <li>
            Value ({percent(WEIGHTS.value)}): value you gave (full marks at {VALUE_GIVEN_TARGET} a year) and received
            (at {VALUE_RECEIVED_TARGET} a year) in the last year.
          </li>
        </ul>
        <p className="mt-2">
          {BAND_FLOORS.thriving} and up is thriving, {BAND_FLOORS.steady} steady, {BAND_FLOORS.fading} fading, below
          that dormant.
        </p>
      </details>
    </div>
  );
}

type Fact = { term: string; items: { key: string; content: ReactNode; label: string | null }[] };

function plain(term: string, value: string | null): Fact[] {
  return value ? [{ term, items: [{ key: value, content: value, label: null }] }] : [];
}

function KeyFacts({ contact, birthday }: { contact: ContactDetail; birthday: string | null }) {
  const facts: Fact[] = [];
  if (contact.emails.length > 0) {
    facts.push({
      term: contact.emails.length === 1 ? "Email" : "Emails",
      items: contact.emails.map((row) => ({
        key: row.email,
        label: row.label,
        content: (
          <a href={`mailto:${row.email}`} className="break-all underline-offset-4 hover:underline">
            {row.email}
          </a>
        ),
      })),
    });
  }
  if (contact.phones.length > 0) {
    facts.push({
      term: contact.phones.length === 1 ? "Phone" : "Phones",
      items: contact.phones.map((row) => ({
        key: row.phone,
        label: row.label,
        content: (
          <a href={`tel:${row.phone.replace(/[^\d+]/g, "")}`} className="underline-offset-4 hover:underline">
            {row.phone}
          </a>
        ),
      })),
    });
  }
  if (contact.links.length > 0) {
    facts.push({
      term: contact.links.length === 1 ? "Link" : "Links",
      items: contact.links.map((row) => ({
        key: row.url,
        label: row.label,
        content: (
          <a href={row.url} rel="noopener noreferrer" target="_blank" className="break-all underline-offset-4 hover:underline">
            {row.url.replace(/^https?:\/\//, "").replace(/\/$/, "")}
            <span className="sr-only"> (opens in a new tab)</span>
          </a>
        ),
      })),
    });
  }
  facts.push(...plain("Location", contact.location), ...plain("Birthday", birthday));

  if (facts.length === 0 && !contact.notes) {
    return (
      <p className="text-sm text-muted-foreground">
        Nothing yet.{" "}
        <Link href={`/contacts/${contact.id}/edit`} className="underline underline-offset-4">
          Add their email, phone or birthday
        </Link>
        .
      </p>
    );
  }

  return (
    <div className="space-y-4">
      {facts.length > 0 ? (
        <dl className="grid gap-3 text-sm sm:grid-cols-[8rem_minmax(0,1fr)]">
          {facts.map((fact) => (
            <div key={fact.term} className="contents">
              <dt className="text-muted-foreground">{fact.term}</dt>
              <dd>
                <ul className="space-y-1">
                  {fact.items.map((item) => (
                    <li key={item.key} className="min-w-0">
                      {item.content}
                      {item.label ? <span className="text-muted-foreground"> · {item.label}</span> : null}
                    </li>
                  ))}
                </ul>
              </dd>
            </div>
          ))}
        </dl>
      ) : null}
      {contact.notes ? (
        <div>
          <h3 className="mb-1 text-sm text-muted-foreground">Notes</h3>
          <p className="text-sm whitespace-pre-wrap">{contact.notes}</p>
        </div>
      ) : null}
    </div>
  );
}
