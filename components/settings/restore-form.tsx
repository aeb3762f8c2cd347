"use client";

import { UploadIcon } from "lucide-react";
import { useRouter } from "next/navigation";
import { type FormEvent, useRef, useState } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { FormField, fieldAria } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import type { RestoreCounts } from "@/lib/domain/restore";
import type { ActionResult } from "@/lib/actions/result";

const ID = "restore-file";

function plural(count: number, one: string, many: string): string {
  return `${count.toLocaleString("en")} ${count === 1 ? one : many}`;
}

export function RestoreForm() {
  const router = useRouter();
  const input = useRef<HTMLInputElement>(null);
  const [error, setError] = useState<string | undefined>();
  const [isPending, setIsPending] = useState(false);

  function showError(message: string) {
    setError(message);
    input.current?.focus();
  }

  async function restore(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formData = new FormData(event.currentTarget);
    // The action's own check, loaded with zod when a file is restored rather than with the page.
    const { restoreExportInputSchema } = await import("@/lib/validations/account");
    const checked = restoreExportInputSchema.safeParse({ file: formData.get("file") });
    if (!checked.success) return showError(checked.error.issues[0]?.message ?? "Choose a file.");
    setError(undefined);
    setIsPending(true);
    try {
      // POST /api/restore: a file of up to 60 MB, more than a server action takes.
      const response = await fetch("/api/restore", { method: "POST", body: formData });
      const result = (await response.json()) as ActionResult<RestoreCounts>;
      if (result.ok) {
        const { contacts, touches, events, successes, wins, goals } = result.data;
        toast.success(
          `Restored ${plural(contacts, "contact", "contacts")}, ${plural(touches, "touch", "touches")}, ${plural(events, "event", "events")}, ${plural(successes, "success", "successes")}, ${plural(wins, "win", "wins")} and ${plural(goals, "goal", "goals")}.`,
        );
        router.refresh();
        return;
      }
      const message = result.fieldErrors?.file?.[0];
      if (message) showError(message);
      toast.error(result.formError ?? "Nothing was restored.");
    } catch {
      toast.error("Nothing was restored: the upload did not reach Kith. Try again.");
    } finally {
      setIsPending(false);
    }
  }

  return (
    <form onSubmit={restore} noValidate className="flex flex-col gap-3 sm:flex-row sm:items-start">
      <FormField id={ID} label="Kith export file (.json)" error={error} className="flex-1">
        <Input
          ref={input}
          id={ID}
          name="file"
          type="file"
          accept=".json,application/json"
          onChange={() => setError(undefined)}
          {...fieldAria(ID, { hasError: Boolean(error) })}
        />
      </FormField>
      <Button type="submit" disabled={isPending} className="sm:mt-6">
        <UploadIcon aria-hidden="true" />
        {isPending ? "Restoring…" : "Restore"}
      </Button>
    </form>
  );
}
