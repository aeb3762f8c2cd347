import Link from "next/link";
import { HealthBadge } from "@/components/health/health-badge";
import { LogTouchButton } from "@/components/touches/log-touch-button";
import type { ContactListRow } from "@/lib/domain/contacts";
import { type DueTone, dueStatus, lastTouchLabel } from "@/lib/contacts/schedule-labels";
import { cn } from "@/lib/utils";
import { CircleBadges } from "./circle-badges";

export const DUE_TONE_CLASSES: Record<DueTone, string> = {
  overdue: "font-medium text-destructive",
  due: "",
  snoozed: "text-muted-foreground",
  unscheduled: "text-muted-foreground",
};

export function ContactList({ rows, now, timeZone }: { rows: ContactListRow[]; now: Date; timeZone: string }) {
  return (
    <ul className="divide-y rounded-xl border bg-card">
      {rows.map((contact) => {
        const due = dueStatus(contact, now, timeZone);
        const work = [contact.role, contact.company].filter(Boolean).join(" · ");
        return (
          <li key={contact.id} className="flex flex-col gap-3 p-4 sm:flex-row sm:items-center sm:gap-6">
            <div className="min-w-0 flex-1 space-y-1">
              <p className="flex flex-wrap items-center gap-2">
                <Link href={`/contacts/${contact.id}`} className="font-medium underline-offset-4 hover:underline">
                  {contact.name}
                </Link>
                {contact.band !== null && contact.score !== null ? (
                  <HealthBadge band={contact.band} score={contact.score} />
                ) : null}
                {contact.archivedAt ? (
                  <span className="rounded-full border px-2 py-0.5 text-xs text-muted-foreground">Archived</span>
                ) : null}
              </p>
              {work ? <p className="truncate text-sm text-muted-foreground">{work}</p> : null}
              <CircleBadges circles={contact.circles} />
            </div>
            <dl className="grid grid-cols-2 gap-x-6 gap-y-1 text-sm sm:w-72 sm:shrink-0">
              <div>
                <dt className="text-muted-foreground">Last touch</dt>
                <dd>{lastTouchLabel(contact.lastTouchedAt, now, timeZone)}</dd>
              </div>
              <div>
                <dt className="text-muted-foreground">Next</dt>
                <dd className={cn(DUE_TONE_CLASSES[due.tone])}>{due.label}</dd>
              </div>
            </dl>
            {/* The group's name tells a screen reader whose "Log touch" this is. */}
            <div role="group" aria-label={contact.name} className="sm:shrink-0">
              <LogTouchButton contacts={[{ id: contact.id, name: contact.name }]} variant="outline" size="sm" />
            </div>
          </li>
        );
      })}
    </ul>
  );
}
