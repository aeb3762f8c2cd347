"use client";

import { useEffect, useId, useRef, useState } from "react";
import type * as React from "react";

import { cn } from "@/lib/utils";

export type SearchOption = { id: string; label: string; detail?: string };

type StoneLinksSearchProps = {
  id: string;
  search: (q: string) => Promise<SearchOption[]>;
  /** Called as the user types: what is in the box has not been chosen yet. */
  onType: (text: string) => void;
  onPick: (option: SearchOption) => void;
  /** Offers what is typed as a choice of its own (a new skill), with this label. */
  typedLabel?: (text: string) => string;
  placeholder?: string;
  maxLength?: number;
  emptyText: string;
  onBlur?: () => void;
  inputRef?: (element: HTMLInputElement | null) => void;
  "aria-invalid"?: true;
  "aria-describedby"?: string;
};

const SEARCH_DELAY_MS = 150;
const TYPED_ID = "typed";

const tidy = (text: string) => text.trim().replace(/\s+/g, " ");

// A single-choice type-ahead (WAI-ARIA combobox with a listbox popup): focus
// or typing lists matches (the latest first when the box is empty), arrow
// keys move through them, Enter picks one instead of submitting, Escape
// closes the list. The box then shows the choice's label.
export function StoneLinksSearch({
  id,
  search,
  onType,
  onPick,
  typedLabel,
  placeholder,
  maxLength,
  emptyText,
  onBlur,
  inputRef,
  ...aria
}: StoneLinksSearchProps) {
  const listboxId = `${id}-listbox`;
  const statusId = useId();
  const [query, setQuery] = useState("");
  const [matches, setMatches] = useState<SearchOption[]>([]);
  const [isOpen, setIsOpen] = useState(false);
  const [isSearching, setIsSearching] = useState(false);
  const [activeIndex, setActiveIndex] = useState(0);
  const latestRequest = useRef(0);

  const typed = tidy(query);
  const isExact = (match: SearchOption) => match.label.toLowerCase() === typed.toLowerCase();
  const exact = matches.filter(isExact);
  // What was typed comes first, as a match or as itself, so Enter keeps it.
  const choices: SearchOption[] = [
    ...(exact.length > 0 ? exact : typedLabel && typed !== "" ? [{ id: TYPED_ID, label: typed }] : []),
    ...matches.filter((match) => !isExact(match)),
  ];

  useEffect(() => {
    if (!isOpen) return;
    const request = ++latestRequest.current;
    const timer = setTimeout(async () => {
      const found = await search(typed);
      // Answers can arrive out of order: only the latest query's counts.
      if (request !== latestRequest.current) return;
      setIsSearching(false);
      setMatches(found);
      setActiveIndex(0);
    }, SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [typed, isOpen, search]);

  function changeQuery(next: string) {
    setQuery(next);
    setIsOpen(true);
    setIsSearching(true);
    setActiveIndex(0);
    onType(tidy(next));
  }

  function pick(option: SearchOption) {
    setQuery(option.label);
    setIsOpen(false);
    onPick(option);
  }

  function onKeyDown(event: React.KeyboardEvent<HTMLInputElement>) {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      if (!isOpen) setIsOpen(true);
      if (choices.length === 0) return;
      const step = event.key === "ArrowDown" ? 1 : -1;
      setActiveIndex((index) => (index + step + choices.length) % choices.length);
    } else if (event.key === "Enter") {
      const choice = isOpen ? choices[activeIndex] : undefined;
      if (!choice) return;
      // Enter picks a match instead of submitting the form.
      event.preventDefault();
      pick(choice);
    } else if (event.key === "Escape" && isOpen) {
      setIsOpen(false);
    }
  }

  const isListVisible = isOpen && choices.length > 0;
  const activeChoice = isListVisible ? choices[activeIndex] : undefined;
  const status = !isOpen
    ? ""
    : isSearching && choices.length === 0
      ? "Searching…"
      : choices.length === 0
        ? emptyText
        : `${choices.length} ${choices.length === 1 ? "suggestion" : "suggestions"}. Use the arrow keys and Enter to choose.`;

  return (
    <div className="relative">
      <input
        id={id}
        ref={inputRef}
        type="text"
        role="combobox"
        autoComplete="off"
        spellCheck={false}
        maxLength={maxLength}
        placeholder={placeholder}
        aria-autocomplete="list"
        aria-expanded={isListVisible}
        aria-controls={listboxId}
        aria-activedescendant={activeChoice ? `${listboxId}-${activeIndex}` : undefined}
        value={query}
        onChange={(event) => changeQuery(event.target.value)}
        onKeyDown={onKeyDown}
        onFocus={() => setIsOpen(true)}
        onBlur={() => {
          setIsOpen(false);
          onBlur?.();
        }}
        className={cn(
          "flex h-9 w-full min-w-0 rounded-md border border-input bg-background px-3 py-1 text-base shadow-xs transition-colors md:text-sm",
          "placeholder:text-muted-foreground aria-invalid:border-destructive",
        )}
        {...aria}
      />
      <ul
        id={listboxId}
        role="listbox"
        aria-label="Suggestions"
        hidden={!isListVisible}
        className="absolute inset-x-0 top-full z-10 mt-1 max-h-60 overflow-y-auto rounded-md border bg-popover p-1 text-popover-foreground shadow-md"
      >
        {choices.map((choice, index) => (
          <li
            key={choice.id}
            id={`${listboxId}-${index}`}
            role="option"
            aria-selected={index === activeIndex}
            // Keep focus in the input so typing and arrow keys carry on.
            onMouseDown={(event) => event.preventDefault()}
            onClick={() => pick(choice)}
            onMouseMove={() => setActiveIndex(index)}
            ref={(element) => {
              if (element && index === activeIndex) element.scrollIntoView({ block: "nearest" });
            }}
            className="flex cursor-pointer items-baseline justify-between gap-3 rounded-sm px-2 py-1.5 text-sm aria-selected:bg-accent aria-selected:text-accent-foreground"
          >
            <span className="truncate">{choice.id === TYPED_ID && typedLabel ? typedLabel(choice.label) : choice.label}</span>
            {choice.detail ? <span className="shrink-0 text-xs text-muted-foreground">{choice.detail}</span> : null}
          </li>
        ))}
      </ul>
      <p id={statusId} role="status" aria-live="polite" className="sr-only">
        {status}
      </p>
    </div>
  );
}
