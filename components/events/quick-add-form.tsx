"use client";

import { PlusIcon } from "lucide-react";
import { useRouter } from "next/navigation";
import { useCallback, useEffect, useRef, useState } from "react";
import { type FieldPath, useFieldArray, useForm, useWatch } from "react-hook-form";
import { toast } from "sonner";
import { previewQuickAddAction } from "@/app/(app)/events/actions";
import { useCaptureQueue } from "@/components/capture/capture-queue-provider";
import { ScanButton } from "@/components/capture/scan-button";
import { PasteList } from "@/components/events/paste-list";
import { QuickAddRow } from "@/components/events/quick-add-row";
import { lazyZodResolver } from "@/components/forms/lazy-resolver";
import { Button } from "@/components/ui/button";
import { quickAddRowFrom } from "@/lib/capture/fill";
import { emptyQuickAddRow } from "@/lib/domain/quick-add";
import type { ParsedRow } from "@/lib/events/paste-parser";
import type { ExistingContactMatch } from "@/lib/events/quick-add";
import type { QuickAdd, QuickAddInput, QuickAddRowInput } from "@/lib/validations/quick-add";

const quickAddInputResolver = lazyZodResolver(() =>
  import("@/lib/validations/quick-add").then((module) => module.quickAddInputSchema),
);

const ROW_FIELD_ERROR = /^rows\.\d+\.(name|company|role|email|circles|note|followUpDays)$/;

function emailKey(email: QuickAddRowInput["email"]): string {
  return email?.trim().toLowerCase() ?? "";
}

function isBlankRow(row: QuickAddRowInput | undefined): boolean {
  return !row || Object.values(row).every((value) => value === undefined || value === null || String(value).trim() === "");
}

function savedMessage(created: number, linked: number, eventName: string): string {
  const parts = [
    created > 0 ? `${created} new ${created === 1 ? "contact" : "contacts"}` : null,
    linked > 0 ? `${linked} ${linked === 1 ? "contact" : "contacts"} you already had` : null,
  ].filter((part) => part !== null);
  return `Added ${parts.join(" and ")} from ${eventName}`;
}

export function QuickAddForm({ eventId, eventName }: { eventId: string; eventName: string }) {
  const router = useRouter();
  const { send } = useCaptureQueue();
  const form = useForm<QuickAddInput, unknown, QuickAdd>({
    resolver: quickAddInputResolver,
    defaultValues: { eventId, rows: [emptyQuickAddRow()] },
  });
  const { fields, append, remove, replace } = useFieldArray({ control: form.control, name: "rows" });
  const rows = useWatch({ control: form.control, name: "rows" });
  const [matches, setMatches] = useState<ReadonlyMap<string, ExistingContactMatch>>(new Map());
  const [serverError, setServerError] = useState<string>();
  const latestPreview = useRef(0);
  const { errors, isSubmitting } = form.formState;

  // Asks which emails already belong to a contact, so each row can say it
  // will be linked. Only the latest answer counts when requests overlap.
  const refreshMatches = useCallback(async () => {
    const emails = form.getValues("rows").map((row) => emailKey(row.email));
    if (!emails.some((email) => email.includes("@"))) return;
    const request = ++latestPreview.current;
    // Offline, rows cannot say who they would link to; saving still works.
    const result = await previewQuickAddAction({ rows: emails.map((email) => ({ email })) }).catch(() => null);
    if (request !== latestPreview.current || !result?.ok) return;
    const found = new Map<string, ExistingContactMatch>();
    result.data.matches.forEach((match, index) => {
      const email = emails[index];
      if (match && email) found.set(email, match);
    });
    setMatches(found);
  }, [form]);

  // Rows added, pasted or removed: look again.
  useEffect(() => {
    void refreshMatches();
  }, [fields, refreshMatches]);

  function matchFor(row: QuickAddRowInput | undefined) {
    return matches.get(emailKey(row?.email));
  }

  function addParsedRows(parsed: ParsedRow[]) {
    addRows(parsed.map(({ name, company, role, email }) => ({ ...emptyQuickAddRow(), name, company, role, email })));
  }

  function addRows(newRows: QuickAddRowInput[]) {
    const current = form.getValues("rows");
    if (current.length === 1 && isBlankRow(current[0])) replace(newRows);
    else append(newRows, { shouldFocus: false });
  }

  function removeRow(index: number) {
    remove(index);
    // Keep keyboard focus in the list instead of dropping it on the page.
    const next = Math.min(index, fields.length - 2);
    requestAnimationFrame(() => form.setFocus(`rows.${next}.name`));
  }

  async function onSubmit() {
    setServerError(undefined);
    // The raw values: the action validates (and transforms) them itself.
    const values = form.getValues();
    const people = values.rows.length === 1 ? "1 person" : `${values.rows.length} people`;
    const sent = await send("quick-add", values, { label: `${people} met at ${eventName}` });
    if (sent.status === "queued") {
      toast.success("Saved on this device: they sync when you're back online.");
      form.reset({ eventId, rows: [emptyQuickAddRow()] });
      setMatches(new Map());
      return;
    }
    const { result } = sent;
    if (result.ok) {
      toast.success(savedMessage(result.data.created, result.data.linked, eventName));
      form.reset({ eventId, rows: [emptyQuickAddRow()] });
      setMatches(new Map());
      router.refresh();
      return;
    }
    const rowErrors = Object.entries(result.fieldErrors ?? {}).filter(([key]) => ROW_FIELD_ERROR.test(key));
    rowErrors.forEach(([key, messages], index) => {
      form.setError(key as FieldPath<QuickAddInput>, { message: messages?.[0] }, { shouldFocus: index === 0 });
    });
    const message = result.fieldErrors?.rows?.[0] ?? result.fieldErrors?.eventId?.[0] ?? result.formError ?? "Nobody was saved.";
    setServerError(message);
    toast.error(rowErrors.length > 0 ? "Nobody was saved: fix the highlighted fields." : message);
  }

  const linkedCount = new Set(rows.flatMap((row) => matchFor(row)?.contactId ?? [])).size;
  const newCount = rows.filter((row) => !matchFor(row)).length;
  const rowsError = errors.rows?.root?.message ?? errors.rows?.message ?? serverError;

  return (
    <form
      onFocus={quickAddInputResolver.warm}
      onSubmit={form.handleSubmit(onSubmit)}
      noValidate
      className="grid gap-4"
      aria-label={`Add people you met at ${eventName}`}
    >
      <PasteList onRows={addParsedRows} />
      <div>
        <ScanButton isContinuous onContact={(contact) => addRows([quickAddRowFrom(contact)])} />
      </div>
      <div className="grid gap-4">
        {fields.map((field, index) => (
          <QuickAddRow
            key={field.id}
            index={index}
            form={form}
            match={matchFor(rows[index])}
            canRemove={fields.length > 1}
            onRemove={() => removeRow(index)}
            onEmailBlur={() => void refreshMatches()}
          />
        ))}
      </div>
      {rowsError ? (
        <p role="alert" className="text-sm font-medium text-destructive">
          {rowsError}
        </p>
      ) : null}
      <div className="flex flex-col gap-3 sm:flex-row sm:items-center sm:justify-between">
        <Button type="button" variant="outline" onClick={() => append(emptyQuickAddRow())}>
          <PlusIcon aria-hidden="true" />
          Add row
        </Button>
        <div className="flex flex-col gap-2 sm:flex-row sm:items-center sm:gap-4">
          <p className="text-sm text-muted-foreground" aria-live="polite">
            {newCount} new
            {linkedCount > 0 ? `, ${linkedCount} already in your contacts` : ""}
          </p>
          <Button type="submit" disabled={isSubmitting}>
            {isSubmitting ? "Saving…" : rows.length === 1 ? "Save 1 person" : `Save ${rows.length} people`}
          </Button>
        </div>
      </div>
    </form>
  );
}
