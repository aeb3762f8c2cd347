"use client";

import Link from "next/link";
import { SearchIcon } from "lucide-react";
import type * as React from "react";

import { Button, buttonVariants } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { SelectNative } from "@/components/ui/select-native";
import { useFilterForm } from "@/components/ui/use-filter-form";
import { WIN_KIND_LABELS, WIN_KINDS } from "@/lib/domain/enums";
import { roleLabel } from "@/lib/domain/journal";
import { hasJournalFilters, type JournalFilterOptions, type JournalFilters, journalHref } from "@/lib/domain/journal-list";

type JournalFiltersProps = {
  filters: JournalFilters;
  options: JournalFilterOptions;
};

// The form's fields by the URL's names, as the page now shows them.
function fieldValues(filters: JournalFilters): Record<string, string> {
  return {
    q: filters.q ?? "",
    role: filters.roleId ?? "",
    kind: filters.kind ?? "",
    skill: filters.skillId ?? "",
    person: filters.contactId ?? "",
    from: filters.from ?? "",
    to: filters.to ?? "",
  };
}

// A GET form, so it works without JavaScript; with it, the journal follows
// the search box as you type, a list as it changes and a date when you leave
// it, from its first page. Every field has a label; Enter applies them all.
export function JournalFilterBar({ filters, options }: JournalFiltersProps) {
  const values = fieldValues(filters);
  const { formRef, isPending, apply, applySoon, onSubmit } = useFilterForm(values, async (form) => {
    const entries = [...new FormData(form)].filter((entry): entry is [string, string] => typeof entry[1] === "string");
    // The URL's parser is zod's: loaded when the filters are first used, not with the page.
    const { parseJournalQuery } = await import("@/lib/validations/journal-filters");
    return journalHref(parseJournalQuery(Object.fromEntries(entries)).filters);
  });

  // A date typed digit by digit passes through days nobody means (year 0002):
  // a date field applies when left, or with Enter.
  function applyIfChanged(event: React.FocusEvent<HTMLInputElement>) {
    if (event.currentTarget.value !== values[event.currentTarget.name]) apply();
  }

  return (
    <form
      ref={formRef}
      role="search"
      aria-label="Journal"
      method="get"
      action="/journal"
      onSubmit={onSubmit}
      className="mb-6 grid gap-4 rounded-xl border bg-card p-4 sm:grid-cols-2 lg:grid-cols-4"
    >
      <div className="grid gap-2 sm:col-span-2 lg:col-span-4">
        <Label htmlFor="journal-q">Search</Label>
        <div className="flex gap-2">
          <Input
            id="journal-q"
            name="q"
            type="search"
            defaultValue={values.q}
            placeholder="Words from a win, or a skill"
            autoComplete="off"
            aria-describedby="journal-status"
            onChange={applySoon}
          />
          <Button type="submit" variant="outline" size="icon" aria-label="Search">
            <SearchIcon aria-hidden="true" />
          </Button>
        </div>
      </div>
      <div className="grid gap-2">
        <Label htmlFor="journal-role">Role</Label>
        <SelectNative id="journal-role" name="role" defaultValue={values.role} onChange={apply}>
          <option value="">All roles</option>
          {options.roles.map((role) => (
            <option key={role.id} value={role.id}>
              {roleLabel(role)}
            </option>
          ))}
        </SelectNative>
      </div>
      <div className="grid gap-2">
        <Label htmlFor="journal-kind">Kind</Label>
        <SelectNative id="journal-kind" name="kind" defaultValue={values.kind} onChange={apply}>
          <option value="">All kinds</option>
          {WIN_KINDS.map((kind) => (
            <option key={kind} value={kind}>
              {WIN_KIND_LABELS[kind]}
            </option>
          ))}
        </SelectNative>
      </div>
      <div className="grid gap-2">
        <Label htmlFor="journal-skill">Skill</Label>
        <SelectNative id="journal-skill" name="skill" defaultValue={values.skill} onChange={apply}>
          <option value="">All skills</option>
          {options.skills.map((skill) => (
            <option key={skill.id} value={skill.id}>
              {skill.name}
            </option>
          ))}
        </SelectNative>
      </div>
      <div className="grid gap-2">
        <Label htmlFor="journal-person">Person</Label>
        <SelectNative id="journal-person" name="person" defaultValue={values.person} onChange={apply}>
          <option value="">Everyone</option>
          {options.people.map((person) => (
            <option key={person.id} value={person.id}>
              {person.name}
            </option>
          ))}
        </SelectNative>
      </div>
      <div className="grid gap-2">
        <Label htmlFor="journal-from">From</Label>
        <Input id="journal-from" name="from" type="date" defaultValue={values.from} onBlur={applyIfChanged} />
      </div>
      <div className="grid gap-2">
        <Label htmlFor="journal-to">To</Label>
        <Input id="journal-to" name="to" type="date" defaultValue={values.to} onBlur={applyIfChanged} />
      </div>
      <div className="flex flex-wrap items-end gap-3 sm:col-span-2">
        <Button type="submit" variant="secondary">
          Apply filters
        </Button>
        {hasJournalFilters(filters) ? (
          <Link href="/journal" className={buttonVariants({ variant: "link" })}>
            Clear filters
          </Link>
        ) : null}
        <span aria-hidden="true" className="pb-2 text-sm text-muted-foreground">
          {isPending ? "Updating…" : null}
        </span>
      </div>
    </form>
  );
}
