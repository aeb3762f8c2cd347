"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import type * as React from "react";
import { Controller, useForm, useWatch } from "react-hook-form";
import { Dialog } from "radix-ui";
import { toast } from "sonner";

import { updateTouch } from "@/app/(app)/touches/actions";
import { useCaptureQueue } from "@/components/capture/capture-queue-provider";
import { lazyZodResolver } from "@/components/forms/lazy-resolver";
import { type ContactChoice, ContactPicker } from "@/components/touches/contact-picker";
import { Button } from "@/components/ui/button";
import { DialogHeading } from "@/components/ui/dialog-heading";
import { FormField, fieldAria } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { Textarea } from "@/components/ui/textarea";
import { SelectNative } from "@/components/ui/select-native";
import type { FieldErrors } from "@/lib/actions/result";
import {
  CHANNEL_LABELS,
  CHANNELS,
  type Channel,
  VALUE_DIRECTION_LABELS,
  VALUE_DIRECTIONS,
  VALUE_KIND_LABELS,
  VALUE_KINDS,
  type ValueDirection,
  type ValueKind,
} from "@/lib/domain/enums";
import { MAX_SUMMARY_LENGTH } from "@/lib/domain/limits";
import { localToday } from "@/lib/domain/touch-dates";
import { cn } from "@/lib/utils";
import type { Touch, TouchInput } from "@/lib/validations/touch";

const touchInputResolver = lazyZodResolver(() =>
  import("@/lib/validations/touch").then((module) => module.touchInputSchema),
);

export type LogTouchRequest = {
  contacts?: ContactChoice[];
  occurredOn?: string;
  channel?: Channel;
  summary?: string;
  valueKind?: ValueKind | null;
  valueDirection?: ValueDirection | null;
  // Congratulate: saving marks this success congratulated.
  success?: { id: string; title: string };
  // Edit: saving changes this touch instead of logging a new one.
  editTouchId?: string;
  // Editing a touch that waits on this device: saving replaces it.
  replacesQueued?: string;
};

type FormKey = keyof TouchInput;
const FORM_KEYS: FormKey[] = ["occurredOn", "channel", "contactIds", "summary", "valueKind", "valueDirection"];

// Server errors arrive keyed by path ("contactIds.0"): show them at the field.
function toFormErrors(fieldErrors: FieldErrors | undefined): [FormKey, string][] {
  const errors = new Map<FormKey, string>();
  for (const [path, messages] of Object.entries(fieldErrors ?? {})) {
    const key = path.split(".")[0] as FormKey;
    if (FORM_KEYS.includes(key) && messages?.[0] && !errors.has(key)) errors.set(key, messages[0]);
  }
  return [...errors];
}

const DEFAULT_CHANNEL: Channel = "message";

export function LogTouchDialog({
  isOpen,
  onOpenChange,
  request,
}: {
  isOpen: boolean;
  onOpenChange: (isOpen: boolean) => void;
  request: LogTouchRequest;
}) {
  const router = useRouter();
  const { send } = useCaptureQueue();
  const isEdit = Boolean(request.editTouchId);
  const [today] = useState(localToday);
  const [contacts, setContacts] = useState<ContactChoice[]>(request.contacts ?? []);
  const form = useForm<TouchInput, unknown, Touch>({
    resolver: touchInputResolver,
    defaultValues: {
      occurredOn: request.occurredOn ?? today,
      channel: request.channel ?? DEFAULT_CHANNEL,
      contactIds: (request.contacts ?? []).map((contact) => contact.id),
      summary: request.summary ?? "",
      valueKind: request.valueKind ?? "",
      valueDirection: request.valueDirection ?? "",
      successId: request.success?.id ?? "",
    },
  });
  const { errors, isSubmitting, isSubmitted } = form.formState;
  const valueKind = useWatch({ control: form.control, name: "valueKind" });

  function changeContacts(next: ContactChoice[]) {
    setContacts(next);
    form.setValue(
      "contactIds",
      next.map((contact) => contact.id),
      { shouldDirty: true, shouldValidate: isSubmitted },
    );
  }

  async function logOrQueue(values: Touch) {
    const names = contacts.map((contact) => contact.name).join(", ");
    const reopen: LogTouchRequest = {
      ...request,
      contacts,
      occurredOn: values.occurredOn,
      channel: values.channel,
      summary: values.summary ?? undefined,
      valueKind: values.valueKind,
      valueDirection: values.valueDirection,
      replacesQueued: undefined,
    };
    const sent = await send("touch", values, { label: `Touch with ${names}`, reopen, replaces: request.replacesQueued });
    return sent.status === "queued" ? null : sent.result;
  }

  async function onSubmit(values: Touch) {
    // An edit keeps the touch's congratulation as it is (the update takes no successId).
    const result = request.editTouchId ? await updateTouch({ ...values, id: request.editTouchId }) : await logOrQueue(values);
    if (!result) {
      toast.success("Saved on this device: it syncs when you're back online.");
      onOpenChange(false);
      return;
    }
    if (result.ok) {
      toast.success(isEdit ? "Touch updated" : "Touch logged");
      onOpenChange(false);
      router.refresh();
      return;
    }
    toFormErrors(result.fieldErrors).forEach(([field, message], index) => {
      form.setError(field, { message }, { shouldFocus: index === 0 });
    });
    toast.error(result.formError ?? "The touch was not saved.");
  }

  function onKeyDown(event: React.KeyboardEvent<HTMLFormElement>) {
    if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      event.currentTarget.requestSubmit();
    }
  }

  const kindField = form.register("valueKind", {
    onChange: (event: React.ChangeEvent<HTMLSelectElement>) => {
      if (event.target.value === "") form.setValue("valueDirection", "", { shouldValidate: isSubmitted });
    },
  });

  const title = isEdit ? "Edit touch" : request.success ? "Congratulate" : "Log a touch";
  const description = request.success
    ? `Saving marks “${request.success.title}” as congratulated.`
    : "Who you were in touch with, how, and whether it added value.";

  return (
    <Dialog.Root open={isOpen} onOpenChange={onOpenChange}>
      <Dialog.Portal>
        <Dialog.Overlay className="fixed inset-0 z-50 bg-black/50 data-[state=closed]:animate-out data-[state=closed]:fade-out-0 data-[state=open]:animate-in data-[state=open]:fade-in-0 motion-reduce:animate-none" />
        <Dialog.Content
          onEscapeKeyDown={(event) => {
            // Escape first closes an open list of contact matches.
            if (event.target instanceof HTMLElement && event.target.getAttribute("aria-expanded") === "true") {
              event.preventDefault();
            }
          }}
          className="fixed inset-x-0 bottom-0 z-50 max-h-[92dvh] overflow-y-auto rounded-t-xl border bg-background p-4 shadow-lg data-[state=closed]:animate-out data-[state=closed]:fade-out-0 data-[state=open]:animate-in data-[state=open]:fade-in-0 motion-reduce:animate-none sm:inset-x-auto sm:top-[8dvh] sm:bottom-auto sm:left-1/2 sm:w-full sm:max-w-lg sm:-translate-x-1/2 sm:rounded-xl sm:p-6"
        >
          <DialogHeading title={title} description={description} />

          <form
            onFocus={touchInputResolver.warm}
            onSubmit={form.handleSubmit(onSubmit)}
            onKeyDown={onKeyDown}
            noValidate
            className="grid gap-4"
          >
            <div className="grid gap-4 sm:grid-cols-2">
              <FormField id="touch-occurredOn" label="Date" error={errors.occurredOn?.message}>
                <Input
                  id="touch-occurredOn"
                  type="date"
                  max={today}
                  {...fieldAria("touch-occurredOn", { hasError: Boolean(errors.occurredOn) })}
                  {...form.register("occurredOn")}
                />
              </FormField>
              <FormField id="touch-channel" label="How" error={errors.channel?.message}>
                <SelectNative
                  id="touch-channel"
                  {...fieldAria("touch-channel", { hasError: Boolean(errors.channel) })}
                  {...form.register("channel")}
                >
                  {CHANNELS.map((channel) => (
                    <option key={channel} value={channel}>
                      {CHANNEL_LABELS[channel]}
                    </option>
                  ))}
                </SelectNative>
              </FormField>
            </div>

            <Controller
              control={form.control}
              name="contactIds"
              render={({ field, fieldState }) => (
                <FormField id="touch-contacts" label="With" error={fieldState.error?.message}>
                  <ContactPicker
                    id="touch-contacts"
                    value={contacts}
                    onChange={changeContacts}
                    onBlur={field.onBlur}
                    inputRef={field.ref}
                    {...fieldAria("touch-contacts", { hasError: Boolean(fieldState.error) })}
                  />
                </FormField>
              )}
            />

            <FormField id="touch-summary" label="Summary" error={errors.summary?.message}>
              <Textarea
                id="touch-summary"
                rows={3}
                maxLength={MAX_SUMMARY_LENGTH}
                placeholder="Coffee; introduced her to Sam at Acme."
                {...fieldAria("touch-summary", { hasError: Boolean(errors.summary) })}
                {...form.register("summary")}
              />
            </FormField>

            <div className="grid gap-4 sm:grid-cols-2">
              <FormField id="touch-valueKind" label="Added value?" error={errors.valueKind?.message} className="content-start">
                <SelectNative
                  id="touch-valueKind"
                  {...fieldAria("touch-valueKind", { hasError: Boolean(errors.valueKind) })}
                  {...kindField}
                >
                  <option value="">No</option>
                  {VALUE_KINDS.map((kind) => (
                    <option key={kind} value={kind}>
                      {VALUE_KIND_LABELS[kind]}
                    </option>
                  ))}
                </SelectNative>
              </FormField>
              {valueKind ? (
                <fieldset
                  role="radiogroup"
                  aria-labelledby="touch-valueDirection-legend"
                  aria-invalid={errors.valueDirection ? true : undefined}
                  aria-describedby={errors.valueDirection ? "touch-valueDirection-error" : undefined}
                  className="grid content-start gap-2"
                >
                  <legend
                    id="touch-valueDirection-legend"
                    className={cn("mb-2 text-sm leading-none font-medium", errors.valueDirection && "text-destructive")}
                  >
                    Direction
                  </legend>
                  <div className="flex flex-wrap gap-x-4 gap-y-2">
                    {VALUE_DIRECTIONS.map((direction) => (
                      <label key={direction} className="inline-flex h-9 items-center gap-2 text-sm">
                        <input
                          type="radio"
                          value={direction}
                          className="size-4 accent-primary"
                          {...form.register("valueDirection")}
                        />
                        {VALUE_DIRECTION_LABELS[direction]}
                      </label>
                    ))}
                  </div>
                  {errors.valueDirection ? (
                    <p id="touch-valueDirection-error" role="alert" className="text-sm font-medium text-destructive">
                      {errors.valueDirection.message}
                    </p>
                  ) : null}
                </fieldset>
              ) : null}
            </div>

            <div className="flex flex-col-reverse gap-2 pt-2 sm:flex-row sm:items-center sm:justify-end">
              <p className="hidden text-xs text-muted-foreground sm:mr-auto sm:block">
                <kbd className="rounded border px-1 font-mono">Ctrl</kbd> or <kbd className="rounded border px-1 font-mono">⌘</kbd> +{" "}
                <kbd className="rounded border px-1 font-mono">Enter</kbd> to save
              </p>
              <Dialog.Close asChild>
                <Button type="button" variant="outline">
                  Cancel
                </Button>
              </Dialog.Close>
              <Button type="submit" disabled={isSubmitting} aria-keyshortcuts="Control+Enter Meta+Enter">
                {isSubmitting ? "Saving…" : isEdit ? "Save changes" : "Log touch"}
              </Button>
            </div>
          </form>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
