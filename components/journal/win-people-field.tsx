"use client";

import { useRef } from "react";
import { XIcon } from "lucide-react";

import { type ContactChoice, ContactPicker } from "@/components/touches/contact-picker";
import { Button } from "@/components/ui/button";
import { SelectNative } from "@/components/ui/select-native";
import { WIN_PERSON_PART_LABELS, WIN_PERSON_PART_PHRASES, WIN_PERSON_PARTS, type WinPersonPart } from "@/lib/domain/enums";
import { MAX_WIN_PEOPLE } from "@/lib/domain/limits";
import type { WinPersonChoice } from "@/lib/domain/win-form";

type WinPeopleFieldProps = {
  id: string;
  value: WinPersonChoice[];
  onChange: (people: WinPersonChoice[]) => void;
  onBlur?: () => void;
  inputRef?: (element: HTMLInputElement | null) => void;
  "aria-invalid"?: true;
  "aria-describedby"?: string;
};

// The people in a win, each with the part they played. The contact picker
// only searches: a person chosen again joins with a part they do not have
// yet (one person may have helped and can vouch for it too).
export function WinPeopleField({ id, value, onChange, onBlur, inputRef, ...aria }: WinPeopleFieldProps) {
  const pickerInput = useRef<HTMLInputElement | null>(null);

  function add(chosen: ContactChoice[]) {
    const contact = chosen.at(-1);
    if (!contact || value.length >= MAX_WIN_PEOPLE) return;
    const taken = new Set(value.filter((person) => person.contactId === contact.id).map((person) => person.part));
    const part = WIN_PERSON_PARTS.find((candidate) => !taken.has(candidate));
    if (part) onChange([...value, { contactId: contact.id, name: contact.name, part }]);
  }

  function changePart(index: number, part: WinPersonPart) {
    const clash = value.some((person, other) => other !== index && person.contactId === value[index]?.contactId && person.part === part);
    // Choosing a part the same person already has merges the two rows.
    onChange(clash ? value.filter((_, other) => other !== index) : value.map((person, other) => (other === index ? { ...person, part } : person)));
  }

  return (
    <div className="grid gap-2">
      {value.length > 0 ? (
        <ul aria-label="People in this win" className="grid gap-2">
          {value.map((person, index) => {
            const partId = `${id}-part-${index}`;
            return (
              <li key={`${person.contactId}-${person.part}`} className="flex items-center gap-2">
                <label htmlFor={partId} className="min-w-0 flex-1 truncate text-sm font-medium">
                  {person.name}
                  <span className="sr-only">: the part they played</span>
                </label>
                <SelectNative
                  id={partId}
                  value={person.part}
                  onChange={(event) => changePart(index, event.target.value as WinPersonPart)}
                  wrapperClassName="w-44 shrink-0"
                >
                  {WIN_PERSON_PARTS.map((part) => (
                    <option key={part} value={part}>
                      {WIN_PERSON_PART_LABELS[part]}
                    </option>
                  ))}
                </SelectNative>
                <Button
                  type="button"
                  variant="ghost"
                  size="icon"
                  aria-label={`Remove ${person.name} (${WIN_PERSON_PART_PHRASES[person.part]})`}
                  onClick={() => {
                    onChange(value.filter((_, other) => other !== index));
                    pickerInput.current?.focus();
                  }}
                  className="size-8 shrink-0 text-muted-foreground"
                >
                  <XIcon aria-hidden="true" />
                </Button>
              </li>
            );
          })}
        </ul>
      ) : null}
      <ContactPicker
        id={id}
        value={[]}
        onChange={add}
        onBlur={onBlur}
        inputRef={(element) => {
          pickerInput.current = element;
          inputRef?.(element);
        }}
        {...aria}
      />
    </div>
  );
}
