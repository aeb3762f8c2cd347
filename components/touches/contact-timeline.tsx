import Link from "next/link";
import {
  AtSignIcon,
  CalendarDaysIcon,
  CheckIcon,
  ChevronLeftIcon,
  ChevronRightIcon,
  ExternalLinkIcon,
  HistoryIcon,
  MailIcon,
  MessageSquareIcon,
  PhoneIcon,
  TrophyIcon,
  UsersIcon,
  VideoIcon,
} from "lucide-react";

import { CongratulateButton } from "@/components/successes/congratulate-button";
import { SuccessItemActions } from "@/components/successes/success-item-actions";
import { RemovableItem } from "@/components/touches/removable-item";
import { TouchItemActions } from "@/components/touches/touch-item-actions";
import { buttonVariants } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import {
  CHANNEL_LABELS,
  type Channel,
  SUCCESS_KIND_LABELS,
  VALUE_DIRECTION_LABELS,
  VALUE_KIND_LABELS,
} from "@/lib/domain/enums";
import { formatDay } from "@/lib/domain/dates";
import type { ContactTimeline as TimelinePage, TimelineSuccess, TimelineTouch } from "@/lib/domain/timeline";
import { dateFromOccurredAt } from "@/lib/domain/touch-dates";
import { cn } from "@/lib/utils";

const CHANNEL_ICONS: Record<Channel, typeof PhoneIcon> = {
  meeting: UsersIcon,
  call: PhoneIcon,
  video: VideoIcon,
  message: MessageSquareIcon,
  email: MailIcon,
  social: AtSignIcon,
  event: CalendarDaysIcon,
};

function Marker({ icon: Icon, isSuccess = false }: { icon: typeof PhoneIcon; isSuccess?: boolean }) {
  return (
    <span
      aria-hidden="true"
      className={cn(
        "flex size-8 shrink-0 items-center justify-center rounded-full border bg-background text-muted-foreground",
        isSuccess && "border-primary/40 bg-accent text-primary",
      )}
    >
      <Icon className="size-4" />
    </span>
  );
}

function TouchEntry({ touch, contactId }: { touch: TimelineTouch; contactId: string }) {
  const day = dateFromOccurredAt(touch.at);
  const dayLabel = formatDay(day);
  const others = touch.contacts.filter((contact) => contact.id !== contactId);
  return (
    <div className="flex gap-3">
      <Marker icon={CHANNEL_ICONS[touch.channel]} />
      <div className="min-w-0 flex-1">
        <div className="flex items-start justify-between gap-2">
          <p className="pt-1.5 text-sm">
            <time dateTime={day} className="font-medium">
              {dayLabel}
            </time>
            <span className="text-muted-foreground"> · {CHANNEL_LABELS[touch.channel]}</span>
          </p>
          <TouchItemActions
            dayLabel={dayLabel}
            touch={{
              id: touch.id,
              occurredOn: day,
              channel: touch.channel,
              summary: touch.summary ?? "",
              valueKind: touch.valueKind,
              valueDirection: touch.valueDirection,
              contacts: touch.contacts,
            }}
          />
        </div>
        {touch.summary ? <p className="mt-1 text-sm break-words whitespace-pre-line">{touch.summary}</p> : null}
        {touch.valueKind && touch.valueDirection ? (
          <p className="mt-2">
            <span className="inline-flex items-center rounded-full bg-secondary px-2.5 py-0.5 text-xs font-medium text-secondary-foreground">
              {VALUE_KIND_LABELS[touch.valueKind]} · {VALUE_DIRECTION_LABELS[touch.valueDirection]}
            </span>
          </p>
        ) : null}
        {others.length > 0 ? (
          <p className="mt-2 text-sm text-muted-foreground">
            Also with{" "}
            {others.map((contact, index) => (
              <span key={contact.id}>
                {index > 0 ? ", " : null}
                <Link href={`/contacts/${contact.id}`} className="font-medium text-foreground underline-offset-4 hover:underline">
                  {contact.name}
                </Link>
              </span>
            ))}
          </p>
        ) : null}
      </div>
    </div>
  );
}

function SuccessEntry({ success }: { success: TimelineSuccess }) {
  return (
    <div className="flex gap-3">
      <Marker icon={TrophyIcon} isSuccess />
      <div className="min-w-0 flex-1">
        <div className="flex items-start justify-between gap-2">
          <p className="pt-1.5 text-sm">
            <time dateTime={success.occurredOn} className="font-medium">
              {formatDay(success.occurredOn)}
            </time>
            <span className="text-muted-foreground"> · {SUCCESS_KIND_LABELS[success.kind]}</span>
          </p>
          <SuccessItemActions
            contact={success.contact}
            success={{
              id: success.id,
              kind: success.kind,
              title: success.title,
              occurredOn: success.occurredOn,
              url: success.url,
            }}
          />
        </div>
        <p className="mt-1 text-sm font-medium break-words">
          {success.url ? (
            <a
              href={success.url}
              target="_blank"
              rel="noopener noreferrer"
              className="inline-flex items-center gap-1 underline-offset-4 hover:underline"
            >
              {success.title}
              <ExternalLinkIcon aria-hidden="true" className="size-3.5 shrink-0" />
              <span className="sr-only">(opens in a new tab)</span>
            </a>
          ) : (
            success.title
          )}
        </p>
        <div className="mt-2">
          {success.isCongratulated ? (
            <span className="inline-flex items-center gap-1 text-xs font-medium text-primary">
              <CheckIcon aria-hidden="true" className="size-3.5" />
              Congratulated
            </span>
          ) : (
            <CongratulateButton success={{ id: success.id, title: success.title }} contact={success.contact} />
          )}
        </div>
      </div>
    </div>
  );
}

function pageHref(contactId: string, page: number): string {
  return page <= 1 ? `/contacts/${contactId}` : `/contacts/${contactId}?page=${page}`;
}

// One page (?page=) of a contact's touches and successes, newest first.
export function ContactTimeline({ contactId, timeline }: { contactId: string; timeline: TimelinePage }) {
  if (timeline.items.length === 0 && timeline.page === 1) {
    return (
      <EmptyState
        icon={<HistoryIcon />}
        titleAs="h3"
        title="Nothing logged yet"
        description="Touches you log and successes you record for this contact show here, newest first. Press L to log a touch."
      />
    );
  }

  return (
    <div className="grid gap-4">
      {timeline.items.length === 0 ? (
        <p className="text-sm text-muted-foreground">
          Nothing on this page.{" "}
          <Link href={pageHref(contactId, 1)} className="font-medium text-primary underline-offset-4 hover:underline">
            Back to the newest
          </Link>
        </p>
      ) : (
        <ol aria-label="Timeline, newest first" tabIndex={-1} className="grid gap-5 outline-none">
          {timeline.items.map((item) => (
            <RemovableItem key={`${item.type}-${item.id}`}>
              {item.type === "touch" ? <TouchEntry touch={item} contactId={contactId} /> : <SuccessEntry success={item} />}
            </RemovableItem>
          ))}
        </ol>
      )}
      {timeline.hasNewer || timeline.hasOlder ? (
        <nav aria-label="Timeline pages" className="flex items-center justify-between gap-2">
          {timeline.hasNewer ? (
            <Link href={pageHref(contactId, timeline.page - 1)} className={buttonVariants({ variant: "outline", size: "sm" })}>
              <ChevronLeftIcon aria-hidden="true" />
              Newer
            </Link>
          ) : (
            <span />
          )}
          {timeline.hasOlder ? (
            <Link href={pageHref(contactId, timeline.page + 1)} className={buttonVariants({ variant: "outline", size: "sm" })}>
              Older
              <ChevronRightIcon aria-hidden="true" />
            </Link>
          ) : null}
        </nav>
      ) : null}
    </div>
  );
}
