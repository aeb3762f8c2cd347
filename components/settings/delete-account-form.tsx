"use client";

import { useForm } from "react-hook-form";
import { toast } from "sonner";
import { deleteAccountAction } from "@/app/(app)/settings/actions";
import { lazyZodResolver } from "@/components/forms/lazy-resolver";
import { Button } from "@/components/ui/button";
import { FormField, fieldAria } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import type { DeleteAccountInput, DeleteAccountValues } from "@/lib/validations/account";

const deleteAccountInputResolver = lazyZodResolver(() =>
  import("@/lib/validations/account").then((module) => module.deleteAccountInputSchema),
);

const ID = "delete-account-email";

export function DeleteAccountForm({ email }: { email: string }) {
  const form = useForm<DeleteAccountInput, unknown, DeleteAccountValues>({
    resolver: deleteAccountInputResolver,
    defaultValues: { email: "" },
  });
  const { errors, isSubmitting } = form.formState;

  async function remove(values: DeleteAccountValues) {
    // On success the action signs out and redirects: nothing comes back.
    const result = await deleteAccountAction(values);
    if (result.ok) return;
    const message = result.fieldErrors?.email?.[0];
    if (message) form.setError("email", { message }, { shouldFocus: true });
    toast.error(result.formError ?? "Your account was not deleted.");
  }

  return (
    <form
      onFocus={deleteAccountInputResolver.warm}
      onSubmit={form.handleSubmit(remove)}
      noValidate
      className="flex flex-col gap-3 sm:flex-row sm:items-start"
    >
      <FormField
        id={ID}
        label="Type your email to confirm"
        description={`The one you sign in with: ${email}`}
        error={errors.email?.message}
        className="flex-1"
      >
        <Input
          id={ID}
          type="email"
          autoComplete="off"
          spellCheck={false}
          {...fieldAria(ID, { hasError: Boolean(errors.email), hasDescription: true })}
          {...form.register("email")}
        />
      </FormField>
      <Button type="submit" variant="destructive" disabled={isSubmitting} className="sm:mt-6">
        {isSubmitting ? "Deleting…" : "Delete my account"}
      </Button>
    </form>
  );
}
