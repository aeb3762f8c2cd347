"use client";

import { PlusIcon, XIcon } from "lucide-react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { type Path, useFieldArray, useForm, type UseFormReturn } from "react-hook-form";
import { toast } from "sonner";
import { updateContactAction } from "@/app/(app)/contacts/actions";
import { useCaptureQueue } from "@/components/capture/capture-queue-provider";
import { fillContactForm } from "@/components/capture/fill-contact-form";
import { ScanButton } from "@/components/capture/scan-button";
import { lazyZodResolver } from "@/components/forms/lazy-resolver";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardFooter, CardHeader, CardTitle } from "@/components/ui/card";
import { FormField, fieldAria } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { Textarea } from "@/components/ui/textarea";
import { SelectNative } from "@/components/ui/select-native";
import type { CircleRow } from "@/lib/domain/circles";
import type { LikelyDuplicate } from "@/lib/domain/contacts";
import type { ActionResult } from "@/lib/actions/result";
import { MONTHS } from "@/lib/domain/dates";
import { CONTACT_TIER_LABELS, CONTACT_TIERS } from "@/lib/domain/enums";
import { CADENCE_MAX_DAYS, MAX_ROWS_PER_KIND } from "@/lib/domain/limits";
import type { ContactFormInput, ContactFormValues } from "@/lib/validations/contact";
import { CircleChooser } from "./circle-chooser";

const contactFormResolver = lazyZodResolver(() =>
  import("@/lib/validations/contact").then((module) => module.contactFormSchema),
);

type ContactFormProps = {
  /** Present when editing. */
  contactId?: string;
  defaultValues: ContactFormInput;
  circles: CircleRow[];
};

export function ContactForm({ contactId, defaultValues, circles }: ContactFormProps) {
  const router = useRouter();
  const { send } = useCaptureQueue();
  const form = useForm<ContactFormInput, unknown, ContactFormValues>({
    resolver: contactFormResolver,
    defaultValues,
  });
  const { errors, isSubmitting } = form.formState;
  const [duplicates, setDuplicates] = useState<{ found: LikelyDuplicate[]; values: ContactFormValues } | null>(null);
  const warningRef = useRef<HTMLDivElement>(null);
  const isEditing = contactId !== undefined;

  useEffect(() => {
    if (duplicates) warningRef.current?.focus();
  }, [duplicates]);

  function showErrors(result: Extract<ActionResult<unknown>, { ok: false }>) {
    Object.entries(result.fieldErrors ?? {}).forEach(([field, messages], index) => {
      form.setError(field as Path<ContactFormInput>, { message: messages?.[0] }, { shouldFocus: index === 0 });
    });
    toast.error(result.formError ?? "The contact was not saved.");
  }

  function saved(id: string, message: string) {
    toast.success(message);
    router.push(`/contacts/${id}`);
  }

  async function save(values: ContactFormValues, confirmDuplicate = false) {
    if (isEditing) {
      const result = await updateContactAction({ ...values, id: contactId });
      if (result.ok) saved(result.data.id, "Contact saved");
      else showErrors(result);
      return;
    }
    const sent = await send("contact", { ...values, confirmDuplicate }, { label: `New contact: ${values.name}` });
    if (sent.status === "queued") {
      toast.success("Saved on this device: it syncs when you're back online.");
      form.reset(defaultValues);
      return;
    }
    const { result } = sent;
    if (!result.ok) return showErrors(result);
    if (result.data.status === "duplicates") {
      setDuplicates({ found: result.data.duplicates, values });
      return;
    }
    setDuplicates(null);
    saved(result.data.id, "Contact added");
  }

  return (
    <form
      onFocus={contactFormResolver.warm}
      onSubmit={form.handleSubmit((values) => save(values))}
      noValidate
      className="max-w-3xl space-y-6"
    >
      {isEditing ? null : <ScanButton onContact={(contact) => fillContactForm(form, contact)} />}
      <Card>
        <CardHeader>
          <CardTitle asChild>
            <h2>Who they are</h2>
          </CardTitle>
        </CardHeader>
        <CardContent className="grid gap-4 sm:grid-cols-2">
          <FormField id="name" label="Name" error={errors.name?.message} className="sm:col-span-2">
            <Input id="name" autoComplete="off" {...fieldAria("name", { hasError: Boolean(errors.name) })} {...form.register("name")} />
          </FormField>
          <TextField form={form} name="company" label="Company" />
          <TextField form={form} name="role" label="Role" />
          <TextField form={form} name="location" label="Location" />
          <FormField id="tier" label="Tier" error={errors.tier?.message}>
            <SelectNative id="tier" {...fieldAria("tier", { hasError: Boolean(errors.tier) })} {...form.register("tier")}>
              {CONTACT_TIERS.map((tier) => (
                <option key={tier} value={tier}>
                  {CONTACT_TIER_LABELS[tier]}
                </option>
              ))}
            </SelectNative>
          </FormField>
          <FormField
            id="cadenceDays"
            label="Reconnect every … days"
            description="Leave empty for the tier's default."
            error={errors.cadenceDays?.message}
          >
            <Input
              id="cadenceDays"
              type="number"
              inputMode="numeric"
              min={1}
              max={CADENCE_MAX_DAYS}
              className="max-w-32"
              {...fieldAria("cadenceDays", { hasError: Boolean(errors.cadenceDays), hasDescription: true })}
              {...form.register("cadenceDays")}
            />
          </FormField>
          <div className="grid gap-1 sm:col-span-2">
            <label className="flex items-center gap-2 text-sm font-medium">
              <input
                type="checkbox"
                className="size-4 accent-primary"
                {...fieldAria("remindersEnabled", { hasError: Boolean(errors.remindersEnabled), hasDescription: true })}
                {...form.register("remindersEnabled")}
              />
              Remind me to keep in touch
            </label>
            <p id="remindersEnabled-description" className="pl-6 text-sm text-muted-foreground">
              Off: no reminders. They never come up on Reconnect now or in the weekly email.
            </p>
            {errors.remindersEnabled ? (
              <p id="remindersEnabled-error" role="alert" className="pl-6 text-sm font-medium text-destructive">
                {errors.remindersEnabled.message}
              </p>
            ) : null}
          </div>
        </CardContent>
      </Card>

      <Card>
        <CardHeader>
          <CardTitle asChild>
            <h2>How to reach them</h2>
          </CardTitle>
          <CardDescription>Labels are optional: work, home, LinkedIn…</CardDescription>
        </CardHeader>
        <CardContent className="space-y-6">
          <ContactRows form={form} kind="emails" />
          <ContactRows form={form} kind="phones" />
          <ContactRows form={form} kind="links" />
        </CardContent>
      </Card>

      <Card>
        <CardHeader>
          <CardTitle asChild>
            <h2>Birthday</h2>
          </CardTitle>
          <CardDescription>The year is optional.</CardDescription>
        </CardHeader>
        <CardContent>
          {/* The legend gives "Month", "Day" and "Year" their context when read one by one. */}
          <fieldset className="grid grid-cols-2 gap-4 sm:grid-cols-3">
            <legend className="sr-only">Birthday</legend>
            <FormField id="birthdayMonth" label="Month" error={errors.birthdayMonth?.message}>
              <SelectNative
                id="birthdayMonth"
                {...fieldAria("birthdayMonth", { hasError: Boolean(errors.birthdayMonth) })}
                {...form.register("birthdayMonth")}
              >
                <option value="">No birthday</option>
                {MONTHS.map((month, index) => (
                  <option key={month} value={index + 1}>
                    {month}
                  </option>
                ))}
              </SelectNative>
            </FormField>
            <FormField id="birthdayDay" label="Day" error={errors.birthdayDay?.message}>
              <Input
                id="birthdayDay"
                type="number"
                inputMode="numeric"
                min={1}
                max={31}
                {...fieldAria("birthdayDay", { hasError: Boolean(errors.birthdayDay) })}
                {...form.register("birthdayDay")}
              />
            </FormField>
            <FormField id="birthdayYear" label="Year" error={errors.birthdayYear?.message}>
              <Input
                id="birthdayYear"
                type="number"
                inputMode="numeric"
                min={1900}
                {...fieldAria("birthdayYear", { hasError: Boolean(errors.birthdayYear) })}
                {...form.register("birthdayYear")}
              />
            </FormField>
          </fieldset>
        </CardContent>
      </Card>

      <Card>
        <CardHeader>
          <CardTitle asChild>
            <h2>Circles and notes</h2>
          </CardTitle>
        </CardHeader>
        <CardContent className="space-y-6">
          <CircleChooser form={form} circles={circles} />
          <FormField id="notes" label="Notes" error={errors.notes?.message}>
            <Textarea
              id="notes"
              className="min-h-28"
              {...fieldAria("notes", { hasError: Boolean(errors.notes) })}
              {...form.register("notes")}
            />
          </FormField>
        </CardContent>
        <CardFooter className="flex-wrap justify-end gap-2">
          <Button asChild variant="outline">
            <Link href={isEditing ? `/contacts/${contactId}` : "/contacts"}>Cancel</Link>
          </Button>
          <Button type="submit" disabled={isSubmitting}>
            {isSubmitting ? "Saving…" : isEditing ? "Save contact" : "Add contact"}
          </Button>
        </CardFooter>
      </Card>

      {duplicates ? (
        <div
          ref={warningRef}
          tabIndex={-1}
          role="alert"
          aria-labelledby="duplicates-title"
          className="space-y-3 rounded-xl border border-destructive/40 bg-card p-4"
        >
          <h2 id="duplicates-title" className="font-semibold">
            This looks like someone you already have
          </h2>
          <ul className="list-disc space-y-1 pl-5 text-sm">
            {duplicates.found.map((duplicate) => (
              <li key={duplicate.id}>
                <Link href={`/contacts/${duplicate.id}`} className="font-medium underline underline-offset-4">
                  {duplicate.name}
                </Link>
                {duplicate.company ? `, ${duplicate.company}` : null}
                {duplicate.archivedAt ? " (archived)" : null}
                {duplicate.reason === "email" ? " — same email" : " — same name and company"}
              </li>
            ))}
          </ul>
          <div className="flex flex-wrap gap-2">
            <Button type="button" variant="outline" disabled={isSubmitting} onClick={() => save(duplicates.values, true)}>
              Create anyway
            </Button>
            <Button type="button" variant="ghost" onClick={() => setDuplicates(null)}>
              Keep editing
            </Button>
          </div>
        </div>
      ) : null}
    </form>
  );
}

type FormApi = UseFormReturn<ContactFormInput, unknown, ContactFormValues>;

function TextField({ form, name, label }: { form: FormApi; name: "company" | "role" | "location"; label: string }) {
  const error = form.formState.errors[name]?.message;
  return (
    <FormField id={name} label={label} error={error}>
      <Input id={name} autoComplete="off" {...fieldAria(name, { hasError: Boolean(error) })} {...form.register(name)} />
    </FormField>
  );
}

const ROW_KINDS = {
  emails: { legend: "Emails", one: "email", key: "email", label: "Email", type: "email", placeholder: "ada@example.com" },
  phones: { legend: "Phone numbers", one: "phone number", key: "phone", label: "Phone", type: "tel", placeholder: "+44 20 7946 0958" },
  links: { legend: "Links", one: "link", key: "url", label: "Link", type: "url", placeholder: "linkedin.com/in/ada" },
} as const;

const EMPTY_ROWS = {
  emails: { email: "", label: "" },
  phones: { phone: "", label: "" },
  links: { url: "", label: "" },
};

// Emails, phones and links: any number of rows, each with an optional label.
function ContactRows({ form, kind }: { form: FormApi; kind: keyof typeof ROW_KINDS }) {
  const config = ROW_KINDS[kind];
  const rows = useFieldArray({ control: form.control, name: kind });
  const addRef = useRef<HTMLButtonElement>(null);
  const errors = form.formState.errors[kind];

  return (
    <fieldset className="space-y-3">
      <legend className="text-sm font-semibold">{config.legend}</legend>
      {rows.fields.map((field, index) => {
        const rowErrors = errors?.[index] as Record<string, { message?: string } | undefined> | undefined;
        const valueId = `${kind}-${index}-${config.key}`;
        const labelId = `${kind}-${index}-label`;
        const valueError = rowErrors?.[config.key]?.message;
        const labelError = rowErrors?.label?.message;
        return (
          <div key={field.id} className="grid grid-cols-[minmax(0,1fr)_auto] items-start gap-2 sm:grid-cols-[minmax(0,1fr)_10rem_auto]">
            <FormField id={valueId} label={`${config.label} ${index + 1}`} error={valueError} className="col-start-1 row-start-1">
              <Input
                id={valueId}
                type={config.type}
                placeholder={config.placeholder}
                autoComplete="off"
                {...fieldAria(valueId, { hasError: Boolean(valueError) })}
                {...form.register(`${kind}.${index}.${config.key}` as Path<ContactFormInput>)}
              />
            </FormField>
            <FormField id={labelId} label="Label" error={labelError} className="col-start-1 row-start-2 sm:col-start-2 sm:row-start-1">
              <Input
                id={labelId}
                placeholder="work"
                autoComplete="off"
                {...fieldAria(labelId, { hasError: Boolean(labelError) })}
                {...form.register(`${kind}.${index}.label` as Path<ContactFormInput>)}
              />
            </FormField>
            <Button
              type="button"
              variant="ghost"
              size="icon"
              className="col-start-2 row-start-1 mt-6 sm:col-start-3"
              aria-label={`Remove ${config.one} ${index + 1}`}
              onClick={() => {
                rows.remove(index);
                // The removed row had focus; the add button is the next thing to do.
                addRef.current?.focus();
              }}
            >
              <XIcon aria-hidden="true" />
            </Button>
          </div>
        );
      })}
      {errors?.message ? (
        <p role="alert" className="text-sm font-medium text-destructive">
          {errors.message}
        </p>
      ) : null}
      {rows.fields.length < MAX_ROWS_PER_KIND ? (
        <Button
          ref={addRef}
          type="button"
          variant="outline"
          size="sm"
          onClick={() => rows.append(EMPTY_ROWS[kind])}
        >
          <PlusIcon aria-hidden="true" />
          Add {rows.fields.length === 0 ? "a" : "another"} {config.one}
        </Button>
      ) : null}
    </fieldset>
  );
}
