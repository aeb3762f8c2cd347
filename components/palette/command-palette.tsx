"use client";

import { useEffect, useRef, useState } from "react";
import type * as React from "react";
import { type LucideIcon, PlusIcon, UserIcon } from "lucide-react";
import { Dialog } from "radix-ui";

import { searchPaletteContacts } from "@/app/(app)/palette/actions";
import { HealthBadge } from "@/components/health/health-badge";
import {
  logTouchName,
  PALETTE_ACTIONS,
  PALETTE_PAGES,
  type RankedCommand,
  rankCommands,
} from "@/components/palette/palette-commands";
import { Command, CommandEmpty, CommandGroup, CommandInput, CommandItem, CommandList, CommandShortcut } from "@/components/ui/command";
import type { PaletteContact } from "@/lib/domain/contacts";

export type PaletteChoice =
  | { kind: "page"; href: string }
  | { kind: "log-touch"; contacts?: { id: string; name: string }[] }
  | { kind: "record-win" };

type Entry = {
  value: string;
  label: string;
  Icon: LucideIcon;
  choice: PaletteChoice;
  contact?: PaletteContact;
  shortcut?: string;
};

type Section = { heading: string; entries: Entry[] };

type Found = { query: string; contacts: PaletteContact[]; failure: string | null };

const SEARCH_DELAY_MS = 150;

function commandEntry({ command }: RankedCommand): Entry {
  const base = { value: `command:${command.id}`, label: command.label, Icon: command.Icon };
  if ("href" in command) return { ...base, choice: { kind: "page", href: command.href } };
  return { ...base, choice: { kind: command.dialog }, shortcut: command.shortcut };
}

// What the palette lists for a query, in order: contacts first (the recent
// ones while nothing is typed), then actions and pages, the group with the
// better match first ("journal" is the Journal page before "Record a win").
// "log Ada" lists "Log touch with …" for each contact matching Ada instead.
function paletteSections(query: string, contacts: PaletteContact[]): Section[] {
  if (logTouchName(query) !== null) {
    return [
      {
        heading: "Log touch with",
        entries: contacts.map((contact) => ({
          value: `log-touch:${contact.id}`,
          label: `Log touch with ${contact.name}`,
          Icon: PlusIcon,
          contact,
          choice: { kind: "log-touch", contacts: [{ id: contact.id, name: contact.name }] },
        })),
      },
    ];
  }
  const commandSections = [
    { heading: "Actions", ranked: rankCommands(PALETTE_ACTIONS, query) },
    { heading: "Go to", ranked: rankCommands(PALETTE_PAGES, query) },
  ].sort((a, b) => (b.ranked[0]?.score ?? 0) - (a.ranked[0]?.score ?? 0));
  return [
    {
      heading: query.trim() === "" ? "Recent contacts" : "Contacts",
      entries: contacts.map((contact) => ({
        value: `contact:${contact.id}`,
        label: contact.name,
        Icon: UserIcon,
        contact,
        choice: { kind: "page", href: `/contacts/${contact.id}` },
      })),
    },
    ...commandSections.map(({ heading, ranked }) => ({ heading, entries: ranked.map(commandEntry) })),
  ];
}

async function findContacts(query: string): Promise<Omit<Found, "query">> {
  try {
    const result = await searchPaletteContacts(query);
    if (result.ok) return { contacts: result.data, failure: null };
    return { contacts: [], failure: result.formError ?? "Contacts could not be searched." };
  } catch {
    // Offline, or the server is away: pages and actions still work.
    return { contacts: [], failure: "Contacts cannot be searched right now." };
  }
}

function PaletteSearch({ onChoose }: { onChoose: (choice: PaletteChoice) => void }) {
  const [query, setQuery] = useState("");
  const [found, setFound] = useState<Found | null>(null);
  const [selection, setSelection] = useState({ listKey: "", value: "" });
  const latestQuery = useRef("");
  const isEnterPending = useRef(false);

  const contactQuery = (logTouchName(query) ?? query).trim();
  const isSearching = found?.query !== contactQuery;

  useEffect(() => {
    let isLatest = true;
    const timer = setTimeout(
      async () => {
        const answer = await findContacts(contactQuery);
        // Answers can arrive out of order: only the latest query's counts.
        if (!isLatest) return;
        setFound({ query: contactQuery, ...answer });
        if (isEnterPending.current) {
          isEnterPending.current = false;
          const first = paletteSections(latestQuery.current, answer.contacts).flatMap((section) => section.entries)[0];
          if (first) onChoose(first.choice);
        }
      },
      contactQuery === "" ? 0 : SEARCH_DELAY_MS,
    );
    return () => {
      isLatest = false;
      clearTimeout(timer);
    };
  }, [contactQuery, onChoose]);

  // While a search is on its way the last answer stays listed (no flicker).
  const sections = paletteSections(query, found?.contacts ?? []);
  const entries = sections.flatMap((section) => section.entries);
  // The highlight starts on the first entry of every new list: a contact
  // arriving from the server goes above the action cmdk would otherwise keep.
  const listKey = entries.map((entry) => entry.value).join(" ");
  const selected = selection.listKey === listKey ? selection.value : (entries[0]?.value ?? "");

  function changeQuery(next: string) {
    latestQuery.current = next;
    setQuery(next);
  }

  function onKeyDown(event: React.KeyboardEvent<HTMLDivElement>) {
    // Enter typed before the matches arrive picks the first of them, not
    // whichever page happened to match the letters so far.
    if (event.key === "Enter" && isSearching && !event.nativeEvent.isComposing) {
      event.preventDefault();
      isEnterPending.current = true;
    }
  }

  const status = isSearching
    ? "Searching…"
    : found?.failure
      ? found.failure
      : `${entries.length} ${entries.length === 1 ? "result" : "results"}`;

  return (
    <Command
      label="Search contacts, pages and actions"
      shouldFilter={false}
      vimBindings={false}
      loop
      value={selected}
      onValueChange={(value) => setSelection({ listKey, value })}
      onKeyDown={onKeyDown}
    >
      <CommandInput value={query} onValueChange={changeQuery} placeholder="Search contacts, pages and actions…" />
      <p role="status" className={found?.failure && !isSearching ? "px-3 pt-2 text-sm text-destructive" : "sr-only"}>
        {status}
      </p>
      <CommandList label="Results">
        <CommandEmpty>{isSearching ? "Searching…" : "Nothing matches."}</CommandEmpty>
        {sections.map((section) =>
          section.entries.length === 0 ? null : (
            <CommandGroup key={section.heading} heading={section.heading}>
              {section.entries.map((entry) => (
                <CommandItem key={entry.value} value={entry.value} onSelect={() => onChoose(entry.choice)}>
                  <entry.Icon aria-hidden="true" className="text-muted-foreground" />
                  <span className="min-w-0 truncate">{entry.label}</span>
                  {entry.contact?.company ? (
                    <span className="min-w-0 truncate text-xs text-muted-foreground">{entry.contact.company}</span>
                  ) : null}
                  {entry.contact?.band && entry.contact.score !== null ? (
                    <HealthBadge band={entry.contact.band} score={entry.contact.score} className="ml-auto" />
                  ) : null}
                  {entry.shortcut ? <CommandShortcut aria-hidden="true">{entry.shortcut}</CommandShortcut> : null}
                </CommandItem>
              ))}
            </CommandGroup>
          ),
        )}
      </CommandList>
      <p className="border-t px-3 py-2 text-xs text-muted-foreground">
        Type “log” and a name to log a touch with them.
        <span className="hidden sm:inline"> ↑↓ to move, Enter to choose, Esc to close.</span>
      </p>
    </Command>
  );
}

type CommandPaletteProps = {
  isOpen: boolean;
  onOpenChange: (isOpen: boolean) => void;
  onChoose: (choice: PaletteChoice) => void;
  /** After the palette has gone: focus goes back, a chosen dialog opens. */
  onClosed: () => void;
};

export function CommandPalette({ isOpen, onOpenChange, onChoose, onClosed }: CommandPaletteProps) {
  return (
    <Dialog.Root open={isOpen} onOpenChange={onOpenChange}>
      <Dialog.Portal>
        <Dialog.Overlay className="fixed inset-0 z-50 bg-black/50 data-[state=closed]:animate-out data-[state=closed]:fade-out-0 data-[state=open]:animate-in data-[state=open]:fade-in-0 motion-reduce:animate-none" />
        <Dialog.Content
          aria-describedby={undefined}
          onCloseAutoFocus={(event) => {
            event.preventDefault();
            onClosed();
          }}
          className="fixed top-3 left-1/2 z-50 w-[calc(100%-1.5rem)] max-w-xl -translate-x-1/2 overflow-hidden rounded-xl border bg-popover shadow-lg data-[state=closed]:animate-out data-[state=closed]:fade-out-0 data-[state=open]:animate-in data-[state=open]:fade-in-0 motion-reduce:animate-none sm:top-[12dvh]"
        >
          <Dialog.Title className="sr-only">Command palette</Dialog.Title>
          <PaletteSearch onChoose={onChoose} />
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
