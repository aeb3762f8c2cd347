"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { toast } from "sonner";
import { commitImportAction } from "@/app/(app)/import/actions";
import { Button } from "@/components/ui/button";
import { FormField, fieldAria } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { CIRCLE_NAME_MAX } from "@/lib/validations/circle";

// Circles for everyone in the file, then the one step that changes data.
export function ConfirmImportForm(props: {
  importId: string;
  circles: { id: string; name: string }[];
  willChange: number;
}) {
  const router = useRouter();
  const [circleIds, setCircleIds] = useState<string[]>([]);
  const [newCircle, setNewCircle] = useState("");
  const [newCircleError, setNewCircleError] = useState<string | undefined>();
  const [isSaving, setIsSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function confirm(event: React.FormEvent) {
    event.preventDefault();
    setIsSaving(true);
    const result = await commitImportAction({ importId: props.importId, circleIds, newCircle });
    setIsSaving(false);
    if (!result.ok) {
      setNewCircleError(result.fieldErrors?.newCircle?.[0]);
      setError(result.formError ?? "The import did not go through.");
      return;
    }
    const { created, merged, newRoles } = result.data;
    toast.success(
      `Imported: ${created} new, ${merged} updated${newRoles ? `, ${newRoles} new ${newRoles === 1 ? "role" : "roles"} to congratulate` : ""}`,
    );
    router.refresh();
  }

  return (
    <form onSubmit={confirm} className="flex flex-col gap-4">
      {props.circles.length > 0 ? (
        <fieldset className="flex flex-col gap-2">
          <legend className="mb-1 font-medium">Add everyone in this file to circles (optional)</legend>
          <div className="flex flex-wrap gap-x-5 gap-y-2">
            {props.circles.map((circle) => (
              <label key={circle.id} className="flex items-center gap-2 text-sm">
                <input
                  type="checkbox"
                  className="size-4 accent-primary"
                  checked={circleIds.includes(circle.id)}
                  onChange={(event) =>
                    setCircleIds(
                      event.target.checked ? [...circleIds, circle.id] : circleIds.filter((id) => id !== circle.id),
                    )
                  }
                />
                {circle.name}
              </label>
            ))}
          </div>
        </fieldset>
      ) : null}
      <FormField
        id="new-circle"
        label="And to a new circle (optional)"
        description="For example the event where you met them: Web Summit 2026."
        error={newCircleError}
      >
        <Input
          id="new-circle"
          value={newCircle}
          maxLength={CIRCLE_NAME_MAX}
          autoComplete="off"
          onChange={(event) => {
            setNewCircle(event.target.value);
            setNewCircleError(undefined);
          }}
          {...fieldAria("new-circle", { hasError: Boolean(newCircleError), hasDescription: true })}
        />
      </FormField>
      {error ? (
        <p role="alert" className="text-sm text-destructive">
          {error}
        </p>
      ) : null}
      <div>
        <Button type="submit" disabled={isSaving}>
          {isSaving ? "Importing…" : props.willChange > 0 ? "Confirm import" : "Confirm (nothing to change)"}
        </Button>
      </div>
    </form>
  );
}
