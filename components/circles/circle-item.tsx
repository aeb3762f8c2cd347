"use client";

import { PencilIcon, Trash2Icon } from "lucide-react";
import Link from "next/link";
import { useRef, useState } from "react";
import { useForm } from "react-hook-form";
import { toast } from "sonner";
import { deleteCircleAction, renameCircleAction } from "@/app/(app)/circles/actions";
import { lazyZodResolver } from "@/components/forms/lazy-resolver";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Button } from "@/components/ui/button";
import { FormField, fieldAria } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import type { CircleWithCount } from "@/lib/domain/circles";
import type { RenameCircleInput } from "@/lib/validations/circle";

const renameCircleResolver = lazyZodResolver(() =>
  import("@/lib/validations/circle").then((module) => module.renameCircleSchema),
);

function members(count: number): string {
  return count === 1 ? "1 contact" : `${count} contacts`;
}

export function CircleItem({ circle }: { circle: CircleWithCount }) {
  const [isRenaming, setIsRenaming] = useState(false);
  const renameRef = useRef<HTMLButtonElement>(null);

  function stopRenaming() {
    setIsRenaming(false);
    // Back to where the person started.
    requestAnimationFrame(() => renameRef.current?.focus());
  }

  async function remove() {
    const result = await deleteCircleAction({ id: circle.id });
    if (!result.ok) {
      toast.error(result.formError ?? "The circle was not deleted.");
      return false;
    }
    toast.success(`Circle “${circle.name}” deleted`);
    return true;
  }

  return (
    <li className="flex flex-col gap-3 p-4 sm:flex-row sm:items-center">
      {isRenaming ? (
        <RenameForm circle={circle} onDone={stopRenaming} />
      ) : (
        <>
          <div className="min-w-0 flex-1">
            <Link href={`/contacts?circle=${circle.id}`} className="font-medium break-words underline-offset-4 hover:underline">
              {circle.name}
            </Link>
            <p className="text-sm text-muted-foreground">{members(circle.memberCount)}</p>
          </div>
          <div role="group" aria-label={circle.name} className="flex flex-wrap gap-2">
            <Button ref={renameRef} type="button" variant="outline" size="sm" onClick={() => setIsRenaming(true)}>
              <PencilIcon aria-hidden="true" />
              Rename
            </Button>
            <ConfirmDialog
              trigger={
                <Button type="button" variant="outline" size="sm" className="text-destructive">
                  <Trash2Icon aria-hidden="true" />
                  Delete
                </Button>
              }
              title={`Delete the circle “${circle.name}”?`}
              description={`Its ${members(circle.memberCount)} stay in Kith; only the circle and their membership in it go.`}
              confirmLabel="Delete circle"
              pendingLabel="Deleting…"
              onConfirm={remove}
            />
          </div>
        </>
      )}
    </li>
  );
}

function RenameForm({ circle, onDone }: { circle: CircleWithCount; onDone: () => void }) {
  const form = useForm<RenameCircleInput>({
    resolver: renameCircleResolver,
    defaultValues: { id: circle.id, name: circle.name },
  });
  const { errors, isSubmitting } = form.formState;
  const inputId = `circle-${circle.id}-name`;

  async function rename(values: RenameCircleInput) {
    const result = await renameCircleAction(values);
    if (result.ok) {
      toast.success(`Renamed to “${result.data.name}”`);
      onDone();
      return;
    }
    const message = result.fieldErrors?.name?.[0];
    if (message) form.setError("name", { message }, { shouldFocus: true });
    toast.error(result.formError ?? "The circle was not renamed.");
  }

  return (
    <form
      onFocus={renameCircleResolver.warm}
      onSubmit={form.handleSubmit(rename)}
      onKeyDown={(event) => {
        if (event.key === "Escape") onDone();
      }}
      noValidate
      className="flex w-full flex-col gap-2 sm:flex-row sm:items-start"
    >
      <input type="hidden" {...form.register("id")} />
      <FormField id={inputId} label={`New name for “${circle.name}”`} error={errors.name?.message} className="flex-1">
        <Input
          id={inputId}
          autoComplete="off"
          autoFocus
          {...fieldAria(inputId, { hasError: Boolean(errors.name) })}
          {...form.register("name")}
        />
      </FormField>
      <div className="flex gap-2 sm:mt-6">
        <Button type="submit" size="sm" disabled={isSubmitting}>
          {isSubmitting ? "Saving…" : "Save"}
        </Button>
        <Button type="button" size="sm" variant="outline" onClick={onDone}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
