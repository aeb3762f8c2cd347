"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { toast } from "sonner";
import { saveImportMappingAction } from "@/app/(app)/import/actions";
import { Button } from "@/components/ui/button";
import { SelectNative } from "@/components/ui/select-native";
import { type ColumnMapping, IMPORT_FIELD_LABELS, IMPORT_FIELDS, type ImportField } from "@/lib/import/mapped-csv";

// Which Kith field each column of a CSV of no known shape holds, guessed
// from the titles; the sample rows help decide.
export function ColumnMappingForm(props: {
  importId: string;
  header: string[];
  sample: string[][];
  suggested: ColumnMapping;
}) {
  const router = useRouter();
  // "keep": no Kith field, kept with the contact as an extra field (a
  // column absent from the mapping); "ignore": not imported at all.
  const [mapping, setMapping] = useState<Record<string, ImportField | "ignore" | "keep">>(() =>
    Object.fromEntries(props.header.map((_, index) => [String(index), props.suggested[String(index)] ?? "keep"])),
  );
  const [errors, setErrors] = useState<{ form?: string; fields: Record<string, string | undefined> }>({ fields: {} });
  const [isSaving, setIsSaving] = useState(false);

  async function save(event: React.FormEvent) {
    event.preventDefault();
    setIsSaving(true);
    const chosen = Object.fromEntries(
      Object.entries(mapping).flatMap(([column, field]) => (field === "keep" ? [] : [[column, field] as const])),
    );
    const result = await saveImportMappingAction({ importId: props.importId, mapping: chosen });
    setIsSaving(false);
    if (result.ok) {
      router.refresh();
      return;
    }
    const fields = Object.fromEntries(
      Object.entries(result.fieldErrors ?? {}).map(([key, messages]) => [key.replace(/^mapping\./, ""), messages?.[0]]),
    );
    // A problem with the mapping as a whole ("choose the name column") comes
    // under "mapping"; one with a column under "mapping.<index>".
    const general = result.fieldErrors?.mapping?.[0] ?? result.formError;
    setErrors({ form: general, fields });
    toast.error(general ?? "Check the columns.");
  }

  return (
    <form onSubmit={save} noValidate className="flex flex-col gap-4">
      {errors.form ? (
        <p role="alert" className="text-sm text-destructive">
          {errors.form}
        </p>
      ) : null}
      <div className="overflow-x-auto rounded-lg border">
        <table className="w-full text-sm">
          <thead className="bg-muted/50 text-left">
            <tr>
              <th scope="col" className="p-3 font-medium">Column in the file</th>
              <th scope="col" className="p-3 font-medium">First values</th>
              <th scope="col" className="p-3 font-medium">Kith field</th>
            </tr>
          </thead>
          <tbody>
            {props.header.map((title, index) => {
              const key = String(index);
              const selectId = `column-${index}`;
              const error = errors.fields[key];
              return (
                <tr key={key} className="border-t align-top">
                  <th scope="row" className="p-3 text-left font-medium">
                    <label htmlFor={selectId}>{title || `Column ${index + 1}`}</label>
                  </th>
                  <td className="max-w-xs p-3 text-muted-foreground">
                    <span className="line-clamp-2 break-words">
                      {props.sample
                        .map((row) => row[index] ?? "")
                        .filter(Boolean)
                        .slice(0, 3)
                        .join(" · ") || "—"}
                    </span>
                  </td>
                  <td className="p-3">
                    <SelectNative
                      id={selectId}
                      value={mapping[key]}
                      aria-invalid={Boolean(error) || undefined}
                      aria-describedby={error ? `${selectId}-error` : undefined}
                      onChange={(event) =>
                        setMapping({ ...mapping, [key]: event.target.value as ImportField | "ignore" | "keep" })
                      }
                    >
                      <option value="keep">Keep as an extra field</option>
                      <option value="ignore">Don’t import</option>
                      {IMPORT_FIELDS.map((field) => (
                        <option key={field} value={field}>
                          {IMPORT_FIELD_LABELS[field]}
                        </option>
                      ))}
                    </SelectNative>
                    {error ? (
                      <p id={`${selectId}-error`} className="mt-1 text-sm text-destructive">
                        {error}
                      </p>
                    ) : null}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <div>
        <Button type="submit" disabled={isSaving}>
          {isSaving ? "Reading…" : "Read the file with these columns"}
        </Button>
      </div>
    </form>
  );
}
