import Link from "next/link";
import { ExternalLinkIcon } from "lucide-react";

import { LearningDeleteButton } from "@/components/career/learning-delete-button";
import { LearningDialog } from "@/components/career/learning-dialog";
import { LEARNING_KIND_LABELS, LEARNING_STATUS_LABELS, type LearningStatus } from "@/lib/domain/enums";
import { formatHours, type LearningItemView, learningSpan } from "@/lib/domain/learning";
import { cn } from "@/lib/utils";

const STATUS_STYLES: Record<LearningStatus, string> = {
  planned: "border border-dashed text-muted-foreground",
  in_progress: "bg-secondary text-secondary-foreground",
  done: "bg-primary text-primary-foreground",
};

// "oreilly.com" for a stored link (always a web link; anything else shows as is).
function hostOf(url: string): string {
  return URL.canParse(url) ? new URL(url).hostname : url;
}

function LearningRow({ item }: { item: LearningItemView }) {
  const span = learningSpan(item);
  const facts = [LEARNING_KIND_LABELS[item.kind], span, item.hours === null ? null : formatHours(item.hours)].filter(
    (fact) => fact !== null,
  );
  return (
    <li className="flex flex-col gap-3 p-4 sm:flex-row sm:items-start">
      <div className="grid min-w-0 flex-1 gap-1.5">
        <p className="flex flex-wrap items-center gap-2 font-medium break-words">
          {item.title}
          <span className={cn("inline-flex items-center rounded-full px-2 py-0.5 text-xs font-medium", STATUS_STYLES[item.status])}>
            {LEARNING_STATUS_LABELS[item.status]}
          </span>
        </p>
        <p className="text-sm text-muted-foreground">{facts.join(" · ")}</p>
        {item.mentor ? (
          <p className="text-sm">
            {item.kind === "mentoring" ? "Mentored by" : "Taught by"}{" "}
            <Link href={`/contacts/${item.mentor.id}`} className="font-medium text-primary underline-offset-4 hover:underline">
              {item.mentor.name}
            </Link>
          </p>
        ) : null}
        {item.skills.length > 0 ? (
          <ul className="flex flex-wrap gap-1.5">
            {item.skills.map((skill) => (
              <li key={skill.id} className="rounded-full bg-secondary px-2.5 py-0.5 text-xs text-secondary-foreground">
                {skill.name}
              </li>
            ))}
          </ul>
        ) : null}
        {item.notes ? <p className="line-clamp-3 text-sm whitespace-pre-line text-muted-foreground">{item.notes}</p> : null}
        {item.url ? (
          <a
            href={item.url}
            target="_blank"
            rel="noopener noreferrer nofollow"
            className="inline-flex w-fit max-w-full items-center gap-1 text-sm font-medium text-primary underline-offset-4 hover:underline"
          >
            <ExternalLinkIcon aria-hidden="true" className="size-3.5 shrink-0" />
            <span className="truncate">{hostOf(item.url)}</span>
            <span className="sr-only"> (opens in a new tab)</span>
          </a>
        ) : null}
      </div>
      <div className="flex flex-wrap gap-2">
        <LearningDialog item={item} />
        <LearningDeleteButton item={item} />
      </div>
    </li>
  );
}

// The log, as the page gives it (newest first).
export function LearningList({ items }: { items: LearningItemView[] }) {
  return (
    <ul aria-label="Your learning" className="divide-y rounded-xl border">
      {items.map((item) => (
        <LearningRow key={item.id} item={item} />
      ))}
    </ul>
  );
}
