"use client";

import { useEffect, useId, useRef, useState } from "react";
import type * as React from "react";

import { searchContactOptions } from "@/app/(app)/touches/actions";
import { ChosenList } from "@/components/ui/chosen-list";
import type { ContactOption } from "@/lib/domain/contacts";
import { cn } from "@/lib/utils";

export type ContactChoice = { id: string; name: string };

type ContactPickerProps = {
  id: string;
  value: ContactChoice[];
  onChange: (contacts: ContactChoice[]) => void;
  onBlur?: () => void;
  inputRef?: (element: HTMLInputElement | null) => void;
  "aria-invalid"?: true;
  "aria-describedby"?: string;
};

const SEARCH_DELAY_MS = 150;

// A type-ahead multi-select (WAI-ARIA combobox with a listbox popup): arrow
// keys move through matches, Enter picks one, Backspace in an empty box
// removes the last chip, Escape closes the list.
export function ContactPicker({ id, value, onChange, onBlur, inputRef, ...aria }: ContactPickerProps) {
  const listboxId = `${id}-listbox`;
  const statusId = useId();
  const [query, setQuery] = useState("");
  const [matches, setMatches] = useState<ContactOption[]>([]);
  const [isOpen, setIsOpen] = useState(false);
  const [isSearching, setIsSearching] = useState(false);
  const [activeIndex, setActiveIndex] = useState(-1);
  const latestRequest = useRef(0);
  const localInput = useRef<HTMLInputElement | null>(null);

  const chosenIds = new Set(value.map((contact) => contact.id));
  const options = matches.filter((option) => !chosenIds.has(option.id));
  const trimmed = query.trim();

  useEffect(() => {
    if (trimmed === "") return;
    const request = ++latestRequest.current;
    const timer = setTimeout(async () => {
      const result = await searchContactOptions(trimmed);
      // Answers can arrive out of order: only the latest query's counts.
      if (request !== latestRequest.current) return;
      setIsSearching(false);
      setMatches(result.ok ? result.data : []);
      setActiveIndex(result.ok && result.data.length > 0 ? 0 : -1);
    }, SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [trimmed]);

  function changeQuery(next: string) {
    setQuery(next);
    setIsOpen(next.trim() !== "");
    setIsSearching(next.trim() !== "");
    if (next.trim() === "") {
      latestRequest.current++;
      setMatches([]);
      setActiveIndex(-1);
    }
  }

  function choose(option: ContactOption) {
    onChange([...value, { id: option.id, name: option.name }]);
    changeQuery("");
    localInput.current?.focus();
  }

  function remove(contactId: string) {
    onChange(value.filter((contact) => contact.id !== contactId));
    localInput.current?.focus();
  }

  function onKeyDown(event: React.KeyboardEvent<HTMLInputElement>) {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      if (!isOpen && trimmed !== "") setIsOpen(true);
      if (options.length === 0) return;
      const step = event.key === "ArrowDown" ? 1 : -1;
      setActiveIndex((index) => (index + step + options.length) % options.length);
    } else if (event.key === "Enter") {
      if (!isOpen) return;
      // Enter picks a match instead of submitting the form.
      event.preventDefault();
      const option = options[activeIndex];
      if (option) choose(option);
    } else if (event.key === "Escape" && isOpen) {
      setIsOpen(false);
    } else if (event.key === "Backspace" && query === "" && value.length > 0) {
      onChange(value.slice(0, -1));
    }
  }

  const isListVisible = isOpen && trimmed !== "";
  const activeOption = isListVisible ? options[activeIndex] : undefined;
  const status = !isListVisible
    ? ""
    : isSearching
      ? "Searching…"
      : options.length === 0
        ? "No contacts match."
        : `${options.length} ${options.length === 1 ? "contact" : "contacts"} found. Use the arrow keys and Enter to choose.`;

  return (
    <div className="grid gap-2">
      <ChosenList
        label="Chosen contacts"
        items={value.map((contact) => ({ key: contact.id, name: contact.name }))}
        onRemove={remove}
      />
      <div className="relative">
        <input
          id={id}
          ref={(element) => {
            localInput.current = element;
            inputRef?.(element);
          }}
          type="text"
          role="combobox"
          autoComplete="off"
          spellCheck={false}
          placeholder={value.length > 0 ? "Add someone else…" : "Type a name, company or email…"}
          aria-autocomplete="list"
          aria-expanded={isListVisible}
          aria-controls={listboxId}
          aria-activedescendant={activeOption ? `${listboxId}-${activeOption.id}` : undefined}
          value={query}
          onChange={(event) => changeQuery(event.target.value)}
          onKeyDown={onKeyDown}
          onBlur={() => {
            setIsOpen(false);
            onBlur?.();
          }}
          onFocus={() => setIsOpen(trimmed !== "")}
          className={cn(
            "flex h-9 w-full min-w-0 rounded-md border border-input bg-background px-3 py-1 text-base shadow-xs transition-colors md:text-sm",
            "placeholder:text-muted-foreground aria-invalid:border-destructive",
          )}
          {...aria}
        />
        <ul
          id={listboxId}
          role="listbox"
          aria-label="Matching contacts"
          hidden={!isListVisible || options.length === 0}
          className="absolute inset-x-0 top-full z-10 mt-1 max-h-60 overflow-y-auto rounded-md border bg-popover p-1 text-popover-foreground shadow-md"
        >
          {options.map((option, index) => (
            <li
              key={option.id}
              id={`${listboxId}-${option.id}`}
              role="option"
              aria-selected={index === activeIndex}
              // Keep focus in the input so typing and arrow keys carry on.
              onMouseDown={(event) => event.preventDefault()}
              onClick={() => choose(option)}
              onMouseMove={() => setActiveIndex(index)}
              ref={(element) => {
                if (element && index === activeIndex) element.scrollIntoView({ block: "nearest" });
              }}
              className="flex cursor-pointer items-baseline justify-between gap-3 rounded-sm px-2 py-1.5 text-sm aria-selected:bg-accent aria-selected:text-accent-foreground"
            >
              <span className="truncate">{option.name}</span>
              {option.company ? <span className="truncate text-xs text-muted-foreground">{option.company}</span> : null}
            </li>
          ))}
        </ul>
        {isListVisible && options.length === 0 ? (
          <p aria-hidden="true" className="absolute inset-x-0 top-full z-10 mt-1 rounded-md border bg-popover px-3 py-2 text-sm text-muted-foreground shadow-md">
            {isSearching ? "Searching…" : "No contacts match."}
          </p>
        ) : null}
      </div>
      <p id={statusId} role="status" aria-live="polite" className="sr-only">
        {status}
      </p>
    </div>
  );
}
