"use client";

import { useRouter } from "next/navigation";
import { type FormEvent, useEffect, useRef, useTransition } from "react";

const SEARCH_DELAY_MS = 250;

// The state behind a list's GET filter form (it works without JavaScript;
// with it, the list follows the form): `apply` replaces the URL with what
// `hrefFor` makes of the form (it may load its parser first), `applySoon`
// does so once typing pauses.
// `values` are the fields as the page now shows them, by name: a link
// (pagination, a tag, "Clear filters", the back button) changes the URL
// without remounting the form, so the fields follow, except the one in use.
export function useFilterForm(values: Record<string, string | boolean>, hrefFor: (form: HTMLFormElement) => string | Promise<string>) {
  const router = useRouter();
  const formRef = useRef<HTMLFormElement>(null);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const [isPending, startTransition] = useTransition();
  const valuesKey = JSON.stringify(values);

  useEffect(() => () => clearTimeout(timer.current), []);

  useEffect(() => {
    const fields = formRef.current?.elements;
    if (!fields) return;
    for (const [name, value] of Object.entries(JSON.parse(valuesKey) as Record<string, string | boolean>)) {
      const field = fields.namedItem(name);
      if (field === document.activeElement) continue;
      if (field instanceof HTMLInputElement && typeof value === "boolean") field.checked = value;
      else if (field instanceof HTMLInputElement || field instanceof HTMLSelectElement) field.value = String(value);
    }
  }, [valuesKey]);

  async function apply() {
    clearTimeout(timer.current);
    const form = formRef.current;
    if (!form) return;
    const href = await hrefFor(form);
    startTransition(() => router.replace(href, { scroll: false }));
  }

  function applySoon() {
    clearTimeout(timer.current);
    timer.current = setTimeout(apply, SEARCH_DELAY_MS);
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    apply();
  }

  return { formRef, isPending, apply, applySoon, onSubmit };
}
