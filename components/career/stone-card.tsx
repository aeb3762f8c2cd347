import Link from "next/link";
import { BriefcaseIcon, PencilIcon } from "lucide-react";

import { StoneDeleteButton } from "@/components/career/stone-delete-button";
import { StoneForm } from "@/components/career/stone-form";
import { StoneHistory } from "@/components/career/stone-history";
import { StoneLinks } from "@/components/career/stone-links";
import { StoneMoveButtons } from "@/components/career/stone-move-buttons";
import { StoneRedateForm } from "@/components/career/stone-redate-form";
import { StoneStatusSelect } from "@/components/career/stone-status-select";
import { buttonVariants } from "@/components/ui/button";
import type { StoneLinkSet } from "@/lib/domain/career";
import { formatDay } from "@/lib/domain/dates";
import { STONE_KIND_LABELS, STONE_STATUS_LABELS } from "@/lib/domain/enums";
import type { GoalStone } from "@/lib/domain/goals";
import { type RoleOption, roleLabel } from "@/lib/domain/journal";
import type { StoneHistoryLine } from "@/lib/domain/stone-history";
import { cn } from "@/lib/utils";

type StoneCardProps = {
  goalId: string;
  stone: GoalStone;
  count: number;
  isNext: boolean;
  links: StoneLinkSet;
  history: StoneHistoryLine[];
  roles: RoleOption[];
  // The goal's page with this step's form open, and without.
  editHref: string;
  goalHref: string;
  isEditing: boolean;
};

const STATUS_TONES = {
  planned: "border-border text-muted-foreground",
  in_progress: "border-primary/40 bg-primary/10 text-primary",
  done: "border-emerald-600/40 bg-emerald-50 text-emerald-900 dark:bg-emerald-950 dark:text-emerald-200",
  dropped: "border-border bg-muted text-muted-foreground",
} as const;

// One step of the path: what it is, when, how far, which role reached it,
// its controls, its links and its history.
export function StoneCard({ goalId, stone, count, isNext, links, history, roles, editHref, goalHref, isEditing }: StoneCardProps) {
  const titleId = `stone-${stone.id}-title`;
  const isDropped = stone.status === "dropped";
  return (
    <li
      id={`stone-${stone.id}`}
      aria-labelledby={titleId}
      className={cn("grid gap-4 rounded-xl border bg-card p-4 shadow-xs sm:p-5", isNext && "border-primary ring-1 ring-primary")}
    >
      <div className="grid gap-1.5">
        <p className="flex flex-wrap items-center gap-2 text-xs font-medium text-muted-foreground">
          <span>Step {stone.position + 1}</span>
          <span aria-hidden="true">·</span>
          <span>{STONE_KIND_LABELS[stone.kind]}</span>
          <span className={cn("rounded-full border px-2 py-0.5", STATUS_TONES[stone.status])}>
            {STONE_STATUS_LABELS[stone.status]}
          </span>
          {isNext ? (
            <span className="rounded-full bg-primary px-2 py-0.5 text-primary-foreground">Next step</span>
          ) : null}
        </p>
        <h3 id={titleId} className={cn("text-base font-semibold break-words", isDropped && "text-muted-foreground line-through")}>
          {stone.title}
        </h3>
        <p className="text-sm text-muted-foreground">
          {stone.targetOn ? (
            <>
              Target <time dateTime={stone.targetOn}>{formatDay(stone.targetOn)}</time>
            </>
          ) : (
            "No target date"
          )}
          {stone.completedOn ? (
            <>
              {" "}
              · Done on <time dateTime={stone.completedOn}>{formatDay(stone.completedOn)}</time>
            </>
          ) : null}
        </p>
        {stone.role ? (
          <p className="flex items-center gap-1.5 text-sm">
            <BriefcaseIcon aria-hidden="true" className="size-4 shrink-0 text-muted-foreground" />
            <span className="break-words">Reached by {roleLabel(stone.role)}</span>
          </p>
        ) : null}
        {stone.notes ? <p className="text-sm whitespace-pre-line break-words">{stone.notes}</p> : null}
      </div>

      {isEditing ? (
        <section aria-label={`Edit “${stone.title}”`} className="rounded-md border p-3">
          <StoneForm goalId={goalId} stone={stone} roles={roles} goalHref={goalHref} />
        </section>
      ) : null}

      <div className="flex flex-wrap items-center gap-2">
        <StoneMoveButtons stoneId={stone.id} title={stone.title} position={stone.position} count={count} />
        <StoneStatusSelect stoneId={stone.id} title={stone.title} status={stone.status} />
        <StoneRedateForm stoneId={stone.id} title={stone.title} targetOn={stone.targetOn} />
        <Link
          href={isEditing ? goalHref : editHref}
          scroll={false}
          aria-current={isEditing ? "true" : undefined}
          className={buttonVariants({ variant: "outline", size: "sm" })}
        >
          <PencilIcon aria-hidden="true" />
          {isEditing ? "Close editor" : "Edit"}
          <span className="sr-only"> “{stone.title}”</span>
        </Link>
        <StoneDeleteButton stoneId={stone.id} title={stone.title} />
      </div>

      <StoneLinks goalId={goalId} stoneId={stone.id} stoneTitle={stone.title} links={links} />
      <StoneHistory lines={history} />
    </li>
  );
}
