"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useId, useState, useTransition } from "react";
import { CalendarIcon, PencilIcon, PlusIcon, TrophyIcon, XIcon } from "lucide-react";
import { toast } from "sonner";

import { removeStoneEvent, removeStonePerson, removeStoneSkill, removeStoneWin } from "@/app/(app)/career/links/actions";
import { type StoneLinkRequest, StoneLinksDialog } from "@/components/career/stone-links-dialog";
import { Button } from "@/components/ui/button";
import { ChosenList } from "@/components/ui/chosen-list";
import type { ActionResult } from "@/lib/actions/result";
import type { StoneLinkSet } from "@/lib/domain/career";
import { formatDay } from "@/lib/domain/dates";
import { STONE_PERSON_PART_LABELS } from "@/lib/domain/enums";
import { journalHref } from "@/lib/domain/journal-list";

type StoneLinksProps = {
  goalId: string;
  stoneId: string;
  stoneTitle: string;
  links: StoneLinkSet;
};

const ADD_BUTTONS: { kind: "person" | "skill" | "win" | "event"; label: string }[] = [
  { kind: "person", label: "Add person" },
  { kind: "skill", label: "Add skill" },
  { kind: "win", label: "Add evidence" },
  { kind: "event", label: "Add event" },
];

// A stepping stone's skills, people, evidence and events, with their editors:
// each kind is listed only when there is some, and four small buttons add more.
export function StoneLinks({ stoneId, stoneTitle, links }: StoneLinksProps) {
  const router = useRouter();
  const labelId = useId();
  const [request, setRequest] = useState<StoneLinkRequest | null>(null);
  const [isRemoving, startRemoving] = useTransition();
  const from = `from “${stoneTitle}”`;

  function remove(name: string, run: () => Promise<ActionResult<unknown>>) {
    startRemoving(async () => {
      const result = await run();
      if (!result.ok) {
        toast.error(result.formError ?? `${name} was not removed.`);
        return;
      }
      toast.success(`Removed ${name} ${from}`);
      router.refresh();
    });
  }

  return (
    <div className="grid gap-3 text-sm">
      {links.skills.length > 0 ? (
        <ChosenList
          label={`Skills for “${stoneTitle}”`}
          items={links.skills.map((skill) => ({ key: skill.id, name: skill.name }))}
          onRemove={(skillId) => {
            const name = links.skills.find((skill) => skill.id === skillId)?.name ?? "the skill";
            remove(name, () => removeStoneSkill({ stoneId, skillId }));
          }}
          removeLabel={(name) => `Remove ${name} ${from}`}
        />
      ) : null}

      {links.people.length > 0 ? (
        <ul aria-label={`People who matter for “${stoneTitle}”`} className="grid gap-1">
          {links.people.map((person) => (
            <li key={person.contactId} className="flex items-start justify-between gap-2">
              <p className="min-w-0 pt-1.5 break-words">
                <Link href={`/contacts/${person.contactId}`} className="font-medium underline-offset-4 hover:underline">
                  {person.name}
                </Link>
                <span className="text-muted-foreground">
                  {" "}
                  · {STONE_PERSON_PART_LABELS[person.part]}
                  {person.note ? ` ${person.note}` : ""}
                </span>
              </p>
              <span className="flex shrink-0">
                <Button
                  type="button"
                  variant="ghost"
                  size="icon"
                  className="size-8 text-muted-foreground"
                  aria-label={`Change why ${person.name} matters for “${stoneTitle}”`}
                  onClick={() => setRequest({ kind: "edit-person", person })}
                >
                  <PencilIcon aria-hidden="true" />
                </Button>
                <RemoveButton
                  label={`Remove ${person.name} ${from}`}
                  disabled={isRemoving}
                  onClick={() => remove(person.name, () => removeStonePerson({ stoneId, contactId: person.contactId }))}
                />
              </span>
            </li>
          ))}
        </ul>
      ) : null}

      {links.wins.length > 0 ? (
        <ul aria-label={`Evidence for “${stoneTitle}”`} className="grid gap-1">
          {links.wins.map((win) => (
            <li key={win.id} className="flex items-start justify-between gap-2">
              <p className="min-w-0 pt-1.5 break-words">
                <TrophyIcon aria-hidden="true" className="mr-1.5 inline size-3.5 text-muted-foreground" />
                <Link href={journalHref({ q: win.title, from: win.occurredOn, to: win.occurredOn })} className="underline-offset-4 hover:underline">
                  {win.title}
                </Link>
                <span className="text-muted-foreground"> · {formatDay(win.occurredOn)}</span>
              </p>
              <RemoveButton
                label={`Remove ${win.title} ${from}`}
                disabled={isRemoving}
                onClick={() => remove(`“${win.title}”`, () => removeStoneWin({ stoneId, winId: win.id }))}
              />
            </li>
          ))}
        </ul>
      ) : null}

      {links.events.length > 0 ? (
        <ul aria-label={`Events for “${stoneTitle}”`} className="grid gap-1">
          {links.events.map((event) => (
            <li key={event.id} className="flex items-start justify-between gap-2">
              <p className="min-w-0 pt-1.5 break-words">
                <CalendarIcon aria-hidden="true" className="mr-1.5 inline size-3.5 text-muted-foreground" />
                <Link href={`/events/${event.id}`} className="underline-offset-4 hover:underline">
                  {event.name}
                </Link>
                <span className="text-muted-foreground"> · {formatDay(event.occurredOn)}</span>
              </p>
              <RemoveButton
                label={`Remove ${event.name} ${from}`}
                disabled={isRemoving}
                onClick={() => remove(`“${event.name}”`, () => removeStoneEvent({ stoneId, eventId: event.id }))}
              />
            </li>
          ))}
        </ul>
      ) : null}

      <div role="group" aria-labelledby={labelId} className="flex flex-wrap gap-1.5">
        <span id={labelId} className="sr-only">
          Link to “{stoneTitle}”
        </span>
        {ADD_BUTTONS.map((button) => (
          <Button
            key={button.kind}
            type="button"
            variant="outline"
            size="sm"
            className="h-7 px-2 text-xs"
            onClick={() => setRequest({ kind: button.kind })}
          >
            <PlusIcon aria-hidden="true" />
            {button.label}
          </Button>
        ))}
      </div>

      <StoneLinksDialog stone={{ id: stoneId, title: stoneTitle }} request={request} onClose={() => setRequest(null)} />
    </div>
  );
}

function RemoveButton({ label, disabled, onClick }: { label: string; disabled: boolean; onClick: () => void }) {
  return (
    <Button
      type="button"
      variant="ghost"
      size="icon"
      className="size-8 shrink-0 text-muted-foreground"
      aria-label={label}
      disabled={disabled}
      onClick={onClick}
    >
      <XIcon aria-hidden="true" />
    </Button>
  );
}
