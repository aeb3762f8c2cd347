import Link from "next/link";
import { TrophyIcon } from "lucide-react";

import { RecordWinButton } from "@/components/journal/record-win-button";
import { formatDay } from "@/lib/domain/dates";
import { WIN_KIND_LABELS, WIN_PERSON_PART_LABELS } from "@/lib/domain/enums";
import { type ContactWin, formatMetric, journalHref } from "@/lib/domain/journal-list";

type ContactWinsProps = {
  contact: { id: string; name: string };
  wins: ContactWin[];
  /** All the wins they took part in; more than `wins` when the list is cut. */
  total: number;
};

function firstName(name: string): string {
  return name.trim().split(/\s+/)[0] || name;
}

// "Wins with Ada" on a contact's page: the wins they took part in, newest
// first, with the part they played; the rest are on the journal, filtered to them.
export function ContactWins({ contact, wins, total }: ContactWinsProps) {
  const first = firstName(contact.name);
  return (
    <section aria-labelledby="contact-wins-title" className="space-y-4">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="contact-wins-title" className="text-lg font-semibold">
          Wins with {first}
        </h2>
        {total > 0 ? (
          <Link
            href={journalHref({ contactId: contact.id })}
            className="text-sm font-medium text-primary underline-offset-4 hover:underline"
          >
            {total > wins.length ? `All ${total} in the journal` : "See them in the journal"}
          </Link>
        ) : null}
      </div>
      {wins.length === 0 ? (
        <div className="flex flex-col items-start gap-3 rounded-xl border border-dashed p-4 text-sm text-muted-foreground sm:flex-row sm:items-center sm:justify-between">
          <p>
            No wins with {first} yet. When {first} helps you, works with you or can vouch for something you did,
            record it: it shows here and in your journal.
          </p>
          <RecordWinButton
            variant="outline"
            size="sm"
            request={{ people: [{ contactId: contact.id, name: contact.name, part: "helped_me" }] }}
          >
            Record a win with {first}
          </RecordWinButton>
        </div>
      ) : (
        <ul className="divide-y rounded-xl border bg-card">
          {wins.map((win) => (
            <li key={win.id} className="grid gap-1 p-4">
              <p className="text-sm text-muted-foreground">
                <time dateTime={win.occurredOn}>{formatDay(win.occurredOn)}</time>
                {" · "}
                {WIN_KIND_LABELS[win.kind]}
              </p>
              <p className="flex items-start gap-2 font-medium break-words">
                <TrophyIcon aria-hidden="true" className="mt-0.5 size-4 shrink-0 text-primary" />
                {win.title}
              </p>
              {win.result || win.metricValue !== null ? (
                <p className="text-sm break-words">
                  {[win.result, win.metricValue !== null ? formatMetric(win.metricValue, win.metricUnit) : null]
                    .filter(Boolean)
                    .join(" · ")}
                </p>
              ) : null}
              <p className="text-sm">
                <span className="text-muted-foreground">{first}: </span>
                {win.parts.map((part) => WIN_PERSON_PART_LABELS[part]).join(", ")}
              </p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
