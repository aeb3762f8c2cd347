"use client";

import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { useForm } from "react-hook-form";
import { CalendarIcon } from "lucide-react";
import { toast } from "sonner";

import { redateStone } from "@/app/(app)/career/goals/actions";
import { lazyZodResolver } from "@/components/forms/lazy-resolver";
import { Button } from "@/components/ui/button";
import { fieldAria } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import type { StoneRedate, StoneRedateInput } from "@/lib/validations/goals";

const stoneRedateResolver = lazyZodResolver(() =>
  import("@/lib/validations/goals").then((module) => module.stoneRedateSchema),
);

type StoneRedateFormProps = { stoneId: string; title: string; targetOn: string | null };

// "Re-date" opens a date field in place; the change goes into the step's
// history ("Moved from Q2 to Q4 on …").
export function StoneRedateForm({ stoneId, title, targetOn }: StoneRedateFormProps) {
  const router = useRouter();
  const [isOpen, setIsOpen] = useState(false);
  const triggerRef = useRef<HTMLButtonElement>(null);
  const wasOpen = useRef(false);
  const form = useForm<StoneRedateInput, unknown, StoneRedate>({
    resolver: stoneRedateResolver,
    defaultValues: { id: stoneId, targetOn: targetOn ?? "" },
  });
  const { errors, isSubmitting } = form.formState;
  const id = `stone-redate-${stoneId}`;
  const error = errors.targetOn?.message;

  useEffect(() => {
    if (!isOpen && wasOpen.current) triggerRef.current?.focus();
    wasOpen.current = isOpen;
  }, [isOpen]);

  function open() {
    form.reset({ id: stoneId, targetOn: targetOn ?? "" });
    setIsOpen(true);
  }

  async function save(values: StoneRedate) {
    const result = await redateStone({ id: stoneId, targetOn: values.targetOn });
    if (!result.ok) {
      const message = result.fieldErrors?.targetOn?.[0];
      if (message) form.setError("targetOn", { message }, { shouldFocus: true });
      toast.error(result.formError ?? "The date was not saved.");
      return;
    }
    if (result.data.isChanged) toast.success(values.targetOn ? `“${title}” re-dated` : `“${title}” has no target date now`);
    setIsOpen(false);
    router.refresh();
  }

  if (!isOpen) {
    return (
      <Button ref={triggerRef} type="button" variant="outline" size="sm" onClick={open}>
        <CalendarIcon aria-hidden="true" />
        Re-date<span className="sr-only"> “{title}”</span>
      </Button>
    );
  }

  return (
    <form
      onFocus={stoneRedateResolver.warm}
      onSubmit={form.handleSubmit(save)}
      noValidate
      className="flex w-full basis-full flex-col gap-2 rounded-md border p-3"
      onKeyDown={(event) => {
        if (event.key === "Escape") setIsOpen(false);
      }}
    >
      <label htmlFor={id} className="text-sm font-medium">
        Target date<span className="sr-only"> of “{title}”</span>
      </label>
      <div className="flex flex-wrap items-center gap-2">
        <Input
          id={id}
          type="date"
          autoFocus
          className="w-auto"
          {...fieldAria(id, { hasError: Boolean(error) })}
          {...form.register("targetOn")}
        />
        <Button type="submit" size="sm" disabled={isSubmitting}>
          {isSubmitting ? "Saving…" : "Save date"}
        </Button>
        {targetOn ? (
          <Button
            type="button"
            variant="outline"
            size="sm"
            disabled={isSubmitting}
            onClick={() => void save({ id: stoneId, targetOn: null })}
          >
            No date
          </Button>
        ) : null}
        <Button type="button" variant="ghost" size="sm" onClick={() => setIsOpen(false)}>
          Cancel
        </Button>
      </div>
      {error ? (
        <p id={`${id}-error`} role="alert" className="text-sm font-medium text-destructive">
          {error}
        </p>
      ) : null}
    </form>
  );
}
