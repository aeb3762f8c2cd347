import Link from "next/link";
import { HealthBadge } from "@/components/health/health-badge";
import { LogTouchButton } from "@/components/touches/log-touch-button";
import type { ReconnectContact } from "@/lib/domain/dashboard";
import { dueStatus, lastTouchLabel } from "@/lib/contacts/schedule-labels";
import { explainHealth } from "@/lib/health/model";
import { SnoozeButton } from "./snooze-button";

type ReconnectNowProps = {
  contacts: ReconnectContact[];
  now: Date;
  timeZone: string;
  /** The last day of a two-week snooze, in the user's time zone. */
  snoozeUntil: string;
};

export function ReconnectNow({ contacts, now, timeZone, snoozeUntil }: ReconnectNowProps) {
  return (
    <ol className="divide-y" aria-label="Most overdue first">
      {contacts.map((contact) => (
        <li key={contact.id} className="grid gap-2 py-3 first:pt-0 last:pb-0" data-testid="reconnect-item">
          <div className="flex flex-wrap items-center gap-x-2 gap-y-1">
            <Link href={`/contacts/${contact.id}`} className="font-medium underline-offset-4 hover:underline">
              {contact.name}
            </Link>
            {contact.company ? <span className="text-muted-foreground text-sm">{contact.company}</span> : null}
            <HealthBadge band={contact.health.band} score={contact.health.score} />
            <span className="text-sm font-medium text-rose-700 dark:text-rose-300">
              {dueStatus({ nextDueAt: contact.nextDueAt, snoozedUntil: null }, now, timeZone).label}
            </span>
          </div>
          <p className="text-muted-foreground text-sm">{explainHealth(contact.health)}</p>
          {contact.lastTouchedAt ? (
            <p className="text-muted-foreground text-sm">
              Last touch {lastTouchLabel(contact.lastTouchedAt, now, timeZone)}
              {contact.lastTouchSummary ? `: “${contact.lastTouchSummary}”` : null}
            </p>
          ) : null}
          <div className="flex flex-wrap gap-2">
            <LogTouchButton
              contacts={[{ id: contact.id, name: contact.name }]}
              size="sm"
              variant="secondary"
            />
            <SnoozeButton contact={contact} until={snoozeUntil} label="Snooze 2 weeks" />
          </div>
        </li>
      ))}
    </ol>
  );
}
