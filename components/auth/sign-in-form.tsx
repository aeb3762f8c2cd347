"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { requestSignInLink } from "@/app/(auth)/sign-in/actions";
import { lazyZodResolver } from "@/components/forms/lazy-resolver";
import { Button } from "@/components/ui/button";
import { FormField, fieldAria } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import type { SignInInput } from "@/lib/validations/auth";

const signInInputResolver = lazyZodResolver(() =>
  import("@/lib/validations/auth").then((module) => module.signInInputSchema),
);

export function SignInForm({ callbackUrl }: { callbackUrl: string }) {
  const router = useRouter();
  const [formError, setFormError] = useState<string>();
  const form = useForm<SignInInput>({
    resolver: signInInputResolver,
    defaultValues: { email: "", callbackUrl },
  });
  const emailError = form.formState.errors.email?.message;

  async function onSubmit(values: SignInInput) {
    setFormError(undefined);
    const result = await requestSignInLink(values);
    if (result.ok) {
      router.push(`/sign-in/check-email?email=${encodeURIComponent(result.data.email)}`);
      return;
    }
    const serverEmailError = result.fieldErrors?.email?.[0];
    if (serverEmailError) form.setError("email", { message: serverEmailError }, { shouldFocus: true });
    else setFormError(result.formError);
  }

  return (
    <form onFocus={signInInputResolver.warm} onSubmit={form.handleSubmit(onSubmit)} noValidate className="space-y-4">
      <FormField id="email" label="Email" error={emailError}>
        <Input
          id="email"
          type="email"
          autoComplete="email"
          autoFocus
          placeholder="you@example.com"
          {...fieldAria("email", { hasError: Boolean(emailError) })}
          {...form.register("email")}
        />
      </FormField>
      {formError ? (
        <p role="alert" className="text-destructive text-sm">
          {formError}
        </p>
      ) : null}
      <Button type="submit" className="w-full" disabled={form.formState.isSubmitting}>
        {form.formState.isSubmitting ? "Sending…" : "Email me a sign-in link"}
      </Button>
    </form>
  );
}
