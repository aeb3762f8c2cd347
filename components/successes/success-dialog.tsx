"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { Dialog } from "radix-ui";
import { toast } from "sonner";

import { recordSuccess, updateSuccess } from "@/app/(app)/successes/actions";
import { lazyZodResolver } from "@/components/forms/lazy-resolver";
import { congratulationRequest } from "@/components/successes/congratulate-button";
import { useLogTouch } from "@/components/touches/log-touch-provider";
import { Button } from "@/components/ui/button";
import { DialogHeading } from "@/components/ui/dialog-heading";
import { FormField, fieldAria } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { SelectNative } from "@/components/ui/select-native";
import { SUCCESS_KIND_LABELS, SUCCESS_KINDS, type SuccessKind } from "@/lib/domain/enums";
import { localToday } from "@/lib/domain/touch-dates";
import type { SuccessInput, SuccessValues } from "@/lib/validations/success";

const successInputResolver = lazyZodResolver(() =>
  import("@/lib/validations/success").then((module) => module.successInputSchema),
);

export type SuccessDraft = { id: string; kind: SuccessKind; title: string; occurredOn: string; url: string | null };

type SuccessDialogProps = {
  contact: { id: string; name: string };
  // Given: edit this success; absent: record a new one.
  success?: SuccessDraft;
  isOpen: boolean;
  onOpenChange: (isOpen: boolean) => void;
};

const FORM_KEYS = ["kind", "title", "occurredOn", "url"] as const;
type FormKey = (typeof FORM_KEYS)[number];

function isFormKey(key: string): key is FormKey {
  return (FORM_KEYS as readonly string[]).includes(key);
}

export function SuccessDialog({ contact, success, isOpen, onOpenChange }: SuccessDialogProps) {
  const router = useRouter();
  const logTouch = useLogTouch();
  const [today] = useState(localToday);
  const form = useForm<SuccessInput, unknown, SuccessValues>({
    resolver: successInputResolver,
    defaultValues: {
      contactId: contact.id,
      kind: success?.kind ?? "new_job",
      title: success?.title ?? "",
      occurredOn: success?.occurredOn ?? today,
      url: success?.url ?? "",
    },
  });
  const { errors, isSubmitting } = form.formState;

  async function onSubmit(values: SuccessValues) {
    const { contactId, ...fields } = values;
    const result = success ? await updateSuccess({ ...fields, id: success.id }) : await recordSuccess(values);
    if (result.ok) {
      onOpenChange(false);
      router.refresh();
      if (success) {
        toast.success("Success updated");
      } else {
        const recorded = { id: result.data.id, title: values.title };
        toast.success("Success recorded", {
          description: `${contact.name} is on your list to congratulate.`,
          action: {
            label: "Congratulate now",
            onClick: () => logTouch.open(congratulationRequest(recorded, { id: contactId, name: contact.name })),
          },
        });
      }
      return;
    }
    Object.entries(result.fieldErrors ?? {})
      .filter(([key]) => isFormKey(key))
      .forEach(([key, messages], index) => {
        form.setError(key as FormKey, { message: messages?.[0] }, { shouldFocus: index === 0 });
      });
    toast.error(result.formError ?? "The success was not saved.");
  }

  return (
    <Dialog.Root open={isOpen} onOpenChange={onOpenChange}>
      <Dialog.Portal>
        <Dialog.Overlay className="fixed inset-0 z-50 bg-black/50 data-[state=closed]:animate-out data-[state=closed]:fade-out-0 data-[state=open]:animate-in data-[state=open]:fade-in-0 motion-reduce:animate-none" />
        <Dialog.Content className="fixed inset-x-0 bottom-0 z-50 max-h-[92dvh] overflow-y-auto rounded-t-xl border bg-background p-4 shadow-lg sm:inset-x-auto sm:top-[10dvh] sm:bottom-auto sm:left-1/2 sm:w-full sm:max-w-lg sm:-translate-x-1/2 sm:rounded-xl sm:p-6">
          <DialogHeading title={success ? "Edit success" : "Record a success"} description={<>Something good that happened to {contact.name}.</>} />
          <form onFocus={successInputResolver.warm} onSubmit={form.handleSubmit(onSubmit)} noValidate className="grid gap-4">
            <div className="grid gap-4 sm:grid-cols-2">
              <FormField id="success-kind" label="Kind" error={errors.kind?.message}>
                <SelectNative
                  id="success-kind"
                  {...fieldAria("success-kind", { hasError: Boolean(errors.kind) })}
                  {...form.register("kind")}
                >
                  {SUCCESS_KINDS.map((kind) => (
                    <option key={kind} value={kind}>
                      {SUCCESS_KIND_LABELS[kind]}
                    </option>
                  ))}
                </SelectNative>
              </FormField>
              <FormField id="success-occurredOn" label="Date" error={errors.occurredOn?.message}>
                <Input
                  id="success-occurredOn"
                  type="date"
                  max={today}
                  {...fieldAria("success-occurredOn", { hasError: Boolean(errors.occurredOn) })}
                  {...form.register("occurredOn")}
                />
              </FormField>
            </div>
            <FormField id="success-title" label="What happened" error={errors.title?.message}>
              <Input
                id="success-title"
                placeholder="Joined Acme as CTO"
                {...fieldAria("success-title", { hasError: Boolean(errors.title) })}
                {...form.register("title")}
              />
            </FormField>
            <FormField
              id="success-url"
              label="Link (optional)"
              description="The announcement or article."
              error={errors.url?.message}
            >
              <Input
                id="success-url"
                type="url"
                inputMode="url"
                placeholder="https://"
                {...fieldAria("success-url", { hasError: Boolean(errors.url), hasDescription: true })}
                {...form.register("url")}
              />
            </FormField>
            <div className="flex flex-col-reverse gap-2 pt-2 sm:flex-row sm:justify-end">
              <Dialog.Close asChild>
                <Button type="button" variant="outline">
                  Cancel
                </Button>
              </Dialog.Close>
              <Button type="submit" disabled={isSubmitting}>
                {isSubmitting ? "Saving…" : success ? "Save changes" : "Record success"}
              </Button>
            </div>
          </form>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
