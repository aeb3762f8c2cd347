"use client";

import { UploadIcon } from "lucide-react";
import { useRouter } from "next/navigation";
import { type FormEvent, useRef, useState } from "react";
import { toast } from "sonner";

import { importPositions } from "@/app/(app)/journal/roles/actions";
import { Button } from "@/components/ui/button";
import { FormField, fieldAria } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { MAX_POSITIONS_TEXT_LENGTH, POSITIONS_TOO_LARGE_MESSAGE } from "@/lib/domain/limits";
import type { PositionsImportReport } from "@/lib/domain/roles";

const ID = "positions-file";

// "2 added, 1 already there, 1 skipped"
function summary(report: PositionsImportReport): string {
  return `${report.added} added, ${report.alreadyThere} already there, ${report.skippedCount} skipped`;
}

export function PositionsImportForm() {
  const router = useRouter();
  const input = useRef<HTMLInputElement>(null);
  const [error, setError] = useState<string | undefined>();
  const [report, setReport] = useState<PositionsImportReport | undefined>();
  const [isPending, setIsPending] = useState(false);

  function showError(message: string) {
    setError(message);
    input.current?.focus();
  }

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const file = input.current?.files?.[0];
    if (!file) return showError("Choose your Positions.csv file.");
    // A UTF-8 character takes at most 4 bytes: a file this large has too much text for sure, and is not read.
    if (file.size > 4 * MAX_POSITIONS_TEXT_LENGTH) return showError(POSITIONS_TOO_LARGE_MESSAGE);
    setError(undefined);
    setReport(undefined);
    setIsPending(true);
    try {
      const text = await file.text();
      if (text.length > MAX_POSITIONS_TEXT_LENGTH) return showError(POSITIONS_TOO_LARGE_MESSAGE);
      const result = await importPositions(text);
      if (!result.ok) {
        showError(result.fieldErrors?.text?.[0] ?? result.formError ?? "Nothing was imported.");
        return;
      }
      setReport(result.data);
      toast.success(`Positions imported: ${summary(result.data)}.`);
      router.refresh();
    } catch {
      toast.error("Nothing was imported: the file could not be read or did not reach Kith. Try again.");
    } finally {
      setIsPending(false);
    }
  }

  const hidden = report ? report.skippedCount - report.skipped.length : 0;
  return (
    <div className="grid gap-4">
      <form onSubmit={submit} noValidate className="flex flex-col gap-3 sm:flex-row sm:items-start">
        <FormField
          id={ID}
          label="Positions.csv"
          description="Roles you already have (same company, title and start) are not added again."
          error={error}
          className="flex-1"
        >
          <Input
            ref={input}
            id={ID}
            name="file"
            type="file"
            accept=".csv,text/csv"
            onChange={() => setError(undefined)}
            {...fieldAria(ID, { hasError: Boolean(error), hasDescription: true })}
          />
        </FormField>
        <Button type="submit" disabled={isPending} className="sm:mt-6">
          <UploadIcon aria-hidden="true" />
          {isPending ? "Importing…" : "Import"}
        </Button>
      </form>
      <div role="status" aria-live="polite">
        {report ? (
          <div className="grid gap-2 rounded-lg border p-3 text-sm">
            <p className="font-medium">{summary(report)}.</p>
            {report.skipped.length > 0 ? (
              <p className="text-muted-foreground">Skipped, by row under the header:</p>
            ) : null}
            {report.skipped.length > 0 ? (
              <ul className="grid gap-1 text-muted-foreground">
                {report.skipped.map((skip) => (
                  <li key={skip.row} className="break-words">
                    Row {skip.row}: {skip.reason}
                  </li>
                ))}
                {hidden > 0 ? <li>…and {hidden.toLocaleString("en")} more</li> : null}
              </ul>
            ) : null}
          </div>
        ) : null}
      </div>
    </div>
  );
}
