import Link from "next/link";
import { BriefcaseIcon, ExternalLinkIcon, TrendingUpIcon } from "lucide-react";

import { WinCardActions } from "@/components/journal/win-card-actions";
import { formatDay } from "@/lib/domain/dates";
import { WIN_KIND_LABELS, WIN_PERSON_PART_LABELS } from "@/lib/domain/enums";
import { formatMetric, type JournalWin, type JournalWinPerson, journalHref } from "@/lib/domain/journal-list";

const isWebLink = (url: string | null): url is string => url !== null && /^https?:\/\//i.test(url);

// One person once, with every part they played in the win.
function peopleWithParts(people: JournalWinPerson[]) {
  const byContact = new Map<string, { contactId: string; name: string; parts: string[] }>();
  for (const person of people) {
    const entry = byContact.get(person.contactId) ?? { contactId: person.contactId, name: person.name, parts: [] };
    entry.parts.push(WIN_PERSON_PART_LABELS[person.part]);
    byContact.set(person.contactId, entry);
  }
  return [...byContact.values()];
}

// A win on the journal page: when, what, for which role, its impact, and who
// was part of it. Skills link to the journal filtered by that skill, people
// to their contact page.
export function WinCard({ win }: { win: JournalWin }) {
  const dayLabel = formatDay(win.occurredOn);
  const titleId = `win-${win.id}-title`;
  const people = peopleWithParts(win.people);
  return (
    <article aria-labelledby={titleId} className="grid gap-3 rounded-xl border bg-card p-4 text-card-foreground shadow-xs">
      <div className="flex items-start justify-between gap-2">
        <div className="min-w-0 space-y-1">
          <p className="flex flex-wrap items-center gap-x-2 gap-y-1 text-sm text-muted-foreground">
            <time dateTime={win.occurredOn}>{dayLabel}</time>
            <span aria-hidden="true">·</span>
            <span className="rounded-full border px-2 py-0.5 text-xs font-medium text-foreground">
              {WIN_KIND_LABELS[win.kind]}
            </span>
            {win.role ? (
              <span className="inline-flex items-center gap-1">
                <BriefcaseIcon aria-hidden="true" className="size-3.5" />
                {win.role.label}
              </span>
            ) : null}
          </p>
          <h3 id={titleId} className="font-semibold break-words">
            {win.title}
          </h3>
        </div>
        <WinCardActions win={{ id: win.id, title: win.title }} dayLabel={dayLabel} />
      </div>

      {win.what || win.result || win.metricValue !== null ? (
        <dl className="grid gap-x-4 gap-y-1 text-sm sm:grid-cols-[7rem_minmax(0,1fr)]">
          {win.what ? (
            <>
              <dt className="text-muted-foreground">What I did</dt>
              <dd className="break-words whitespace-pre-line">{win.what}</dd>
            </>
          ) : null}
          {win.result ? (
            <>
              <dt className="text-muted-foreground">Result</dt>
              <dd className="break-words whitespace-pre-line">{win.result}</dd>
            </>
          ) : null}
          {win.metricValue !== null ? (
            <>
              <dt className="text-muted-foreground">Metric</dt>
              <dd className="inline-flex items-center gap-1 font-medium break-words">
                <TrendingUpIcon aria-hidden="true" className="size-4 shrink-0 text-primary" />
                {formatMetric(win.metricValue, win.metricUnit)}
              </dd>
            </>
          ) : null}
        </dl>
      ) : null}

      {win.skills.length > 0 ? (
        <ul aria-label="Skills" className="flex flex-wrap gap-1.5">
          {win.skills.map((skill) => (
            <li key={skill.id}>
              <Link
                href={journalHref({ skillId: skill.id })}
                className="inline-flex rounded-full bg-accent px-2.5 py-0.5 text-xs font-medium text-accent-foreground underline-offset-4 hover:underline"
              >
                <span className="sr-only">Wins with the skill </span>
                {skill.name}
              </Link>
            </li>
          ))}
        </ul>
      ) : null}

      {people.length > 0 ? (
        <ul aria-label="People" className="flex flex-wrap gap-x-4 gap-y-1 text-sm">
          {people.map((person) => (
            <li key={person.contactId}>
              <Link href={`/contacts/${person.contactId}`} className="font-medium underline-offset-4 hover:underline">
                {person.name}
              </Link>
              <span className="text-muted-foreground"> · {person.parts.join(", ")}</span>
            </li>
          ))}
        </ul>
      ) : null}

      {isWebLink(win.url) ? (
        <p className="text-sm">
          <a
            href={win.url}
            target="_blank"
            rel="noopener noreferrer"
            className="inline-flex max-w-full items-center gap-1 text-primary underline-offset-4 hover:underline"
          >
            <ExternalLinkIcon aria-hidden="true" className="size-3.5 shrink-0" />
            <span className="truncate">{win.url.replace(/^https?:\/\//i, "").replace(/\/$/, "")}</span>
            <span className="sr-only">(opens in a new tab)</span>
          </a>
        </p>
      ) : null}
    </article>
  );
}
