"use client";

import { useEffect, useId, useRef, useState } from "react";
import type * as React from "react";

import { searchSkills } from "@/app/(app)/journal/actions";
import { ChosenList } from "@/components/ui/chosen-list";
import { MAX_SKILL_NAME_LENGTH, MAX_WIN_SKILLS } from "@/lib/domain/limits";
import type { SkillOption } from "@/lib/domain/win-form";
import { cn } from "@/lib/utils";

type SkillInputProps = {
  id: string;
  value: string[];
  onChange: (skills: string[]) => void;
  onBlur?: () => void;
  inputRef?: (element: HTMLInputElement | null) => void;
  "aria-invalid"?: true;
  "aria-describedby"?: string;
};

const SEARCH_DELAY_MS = 150;

const tidy = (name: string) => name.trim().replace(/\s+/g, " ");
const sameName = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

type Choice = { name: string; isNew: boolean; uses: number };

// Free tags with type-ahead over the user's own skills (a WAI-ARIA combobox):
// Enter or a comma adds what is typed or the highlighted match, Backspace in
// an empty box removes the last tag, Escape closes the list. A name the user
// already has in another case is offered as theirs, so the journal keeps one
// skill per name.
export function SkillInput({ id, value, onChange, onBlur, inputRef, ...aria }: SkillInputProps) {
  const listboxId = `${id}-listbox`;
  const statusId = useId();
  const [query, setQuery] = useState("");
  const [matches, setMatches] = useState<SkillOption[]>([]);
  const [isOpen, setIsOpen] = useState(false);
  const [activeIndex, setActiveIndex] = useState(0);
  const latestRequest = useRef(0);
  const localInput = useRef<HTMLInputElement | null>(null);

  const typed = tidy(query);
  const isFull = value.length >= MAX_WIN_SKILLS;
  const known = matches.filter((match) => !value.some((name) => sameName(name, match.name)));
  const isTypedKnown = typed === "" || matches.some((match) => sameName(match.name, typed));
  const isTypedChosen = value.some((name) => sameName(name, typed));
  const choices: Choice[] = [
    ...(isTypedKnown || isTypedChosen ? [] : [{ name: typed, isNew: true, uses: 0 }]),
    ...known.map((match) => ({ name: match.name, isNew: false, uses: match.uses })),
  ];

  useEffect(() => {
    if (typed === "") return;
    const request = ++latestRequest.current;
    const timer = setTimeout(async () => {
      const result = await searchSkills(typed);
      // Answers can arrive out of order: only the latest query's counts.
      if (request !== latestRequest.current) return;
      setMatches(result.ok ? result.data : []);
      setActiveIndex(0);
    }, SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [typed]);

  function changeQuery(next: string) {
    setQuery(next);
    setIsOpen(tidy(next) !== "");
    setActiveIndex(0);
    if (tidy(next) === "") {
      latestRequest.current++;
      setMatches([]);
    }
  }

  function add(name: string) {
    const skill = tidy(name);
    if (skill !== "" && !isFull && !value.some((chosen) => sameName(chosen, skill))) onChange([...value, skill]);
    changeQuery("");
  }

  function remove(name: string) {
    onChange(value.filter((chosen) => chosen !== name));
    localInput.current?.focus();
  }

  function onKeyDown(event: React.KeyboardEvent<HTMLInputElement>) {
    if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
      // Saving with the keyboard keeps what was typed but not yet added.
      add(query);
      return;
    }
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      if (!isOpen && typed !== "") setIsOpen(true);
      if (choices.length === 0) return;
      const step = event.key === "ArrowDown" ? 1 : -1;
      setActiveIndex((index) => (index + step + choices.length) % choices.length);
    } else if (event.key === "Enter" || event.key === ",") {
      if (typed === "") return;
      // Enter adds a tag instead of submitting the form.
      event.preventDefault();
      add(isOpen ? (choices[activeIndex]?.name ?? query) : query);
    } else if (event.key === "Escape" && isOpen) {
      setIsOpen(false);
    } else if (event.key === "Backspace" && query === "" && value.length > 0) {
      onChange(value.slice(0, -1));
    }
  }

  const isListVisible = isOpen && typed !== "" && choices.length > 0;
  const activeChoice = isListVisible ? choices[activeIndex] : undefined;
  const status = isListVisible
    ? `${choices.length} ${choices.length === 1 ? "suggestion" : "suggestions"}. Use the arrow keys and Enter to add one.`
    : "";

  return (
    <div className="grid gap-2">
      <ChosenList label="Chosen skills" items={value.map((name) => ({ key: name, name }))} onRemove={remove} />
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
          maxLength={MAX_SKILL_NAME_LENGTH}
          disabled={isFull}
          placeholder={isFull ? `${MAX_WIN_SKILLS} skills at most` : "Type a skill, then Enter…"}
          aria-autocomplete="list"
          aria-expanded={isListVisible}
          aria-controls={listboxId}
          aria-activedescendant={activeChoice ? `${listboxId}-${activeIndex}` : undefined}
          value={query}
          onChange={(event) => changeQuery(event.target.value)}
          onKeyDown={onKeyDown}
          onBlur={() => {
            // A name typed and left is meant as a tag.
            add(query);
            setIsOpen(false);
            onBlur?.();
          }}
          onFocus={() => setIsOpen(typed !== "")}
          className={cn(
            "flex h-9 w-full min-w-0 rounded-md border border-input bg-background px-3 py-1 text-base shadow-xs transition-colors md:text-sm",
            "placeholder:text-muted-foreground disabled:opacity-50 aria-invalid:border-destructive",
          )}
          {...aria}
        />
        <ul
          id={listboxId}
          role="listbox"
          aria-label="Skill suggestions"
          hidden={!isListVisible}
          className="absolute inset-x-0 top-full z-10 mt-1 max-h-60 overflow-y-auto rounded-md border bg-popover p-1 text-popover-foreground shadow-md"
        >
          {choices.map((choice, index) => (
            <li
              key={`${choice.isNew}-${choice.name}`}
              id={`${listboxId}-${index}`}
              role="option"
              aria-selected={index === activeIndex}
              // Keep focus in the input so typing and arrow keys carry on.
              onMouseDown={(event) => event.preventDefault()}
              onClick={() => add(choice.name)}
              onMouseMove={() => setActiveIndex(index)}
              className="flex cursor-pointer items-baseline justify-between gap-3 rounded-sm px-2 py-1.5 text-sm aria-selected:bg-accent aria-selected:text-accent-foreground"
            >
              <span className="truncate">{choice.isNew ? `Add “${choice.name}”` : choice.name}</span>
              {choice.isNew ? null : (
                <span className="shrink-0 text-xs text-muted-foreground">
                  {choice.uses === 1 ? "1 win" : `${choice.uses} wins`}
                </span>
              )}
            </li>
          ))}
        </ul>
      </div>
      <p id={statusId} role="status" aria-live="polite" className="sr-only">
        {status}
      </p>
    </div>
  );
}
