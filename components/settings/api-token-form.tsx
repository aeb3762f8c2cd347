"use client";

import { CheckIcon, CopyIcon } from "lucide-react";
import { useEffect, useRef, useState } from "react";
import { useForm } from "react-hook-form";
import { toast } from "sonner";
import { createApiTokenAction } from "@/app/(app)/settings/actions";
import { lazyZodResolver } from "@/components/forms/lazy-resolver";
import { Button } from "@/components/ui/button";
import { FormField, fieldAria } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { SelectNative } from "@/components/ui/select-native";
import {
  API_TOKEN_ACCESS,
  API_TOKEN_ACCESS_LABELS,
  API_TOKEN_EXPIRIES,
  API_TOKEN_EXPIRY_LABELS,
} from "@/lib/domain/api-tokens";
import { cn } from "@/lib/utils";
import type { ApiTokenInput, ApiTokenValues } from "@/lib/validations/api-token";

const apiTokenInputResolver = lazyZodResolver(() =>
  import("@/lib/validations/api-token").then((module) => module.apiTokenInputSchema),
);

const DEFAULTS: ApiTokenInput = { name: "", access: "read", expiresIn: "90" };

type Created = { name: string; token: string };

// The token as created: its only showing, focused so it is read out, with
// a Copy button. Done (or a new token) puts it away for good.
function NewToken({ created, onDone }: { created: Created; onDone: () => void }) {
  const fieldRef = useRef<HTMLInputElement>(null);
  const [isCopied, setIsCopied] = useState(false);

  useEffect(() => {
    fieldRef.current?.focus();
    fieldRef.current?.select();
  }, []);

  async function copy() {
    try {
      await navigator.clipboard.writeText(created.token);
      setIsCopied(true);
      toast.success("Token copied");
    } catch {
      fieldRef.current?.select();
      toast.error("Copying was not allowed: the token is selected, copy it with Ctrl+C or ⌘C.");
    }
  }

  return (
    <div className="grid gap-3 rounded-lg border border-primary/40 bg-accent/40 p-4">
      <FormField
        id="api-token-new"
        label={`Your new token “${created.name}”`}
        description="Copy it now and keep it somewhere safe. You won't see it again."
      >
        <div className="flex gap-2">
          <Input
            ref={fieldRef}
            id="api-token-new"
            readOnly
            value={created.token}
            spellCheck={false}
            autoComplete="off"
            className="font-mono"
            onFocus={(event) => event.currentTarget.select()}
            {...fieldAria("api-token-new", { hasError: false, hasDescription: true })}
          />
          <Button type="button" variant="outline" onClick={copy}>
            {isCopied ? <CheckIcon aria-hidden="true" /> : <CopyIcon aria-hidden="true" />}
            {isCopied ? "Copied" : "Copy"}
          </Button>
        </div>
      </FormField>
      <div>
        <Button type="button" size="sm" onClick={onDone}>
          Done
        </Button>
      </div>
    </div>
  );
}

export function ApiTokenForm() {
  const form = useForm<ApiTokenInput, unknown, ApiTokenValues>({
    resolver: apiTokenInputResolver,
    defaultValues: DEFAULTS,
  });
  const { errors, isSubmitting } = form.formState;
  const [created, setCreated] = useState<Created | null>(null);

  async function create(values: ApiTokenValues) {
    setCreated(null);
    const result = await createApiTokenAction(values);
    if (result.ok) {
      form.reset(DEFAULTS);
      setCreated({ name: result.data.name, token: result.data.token });
      return;
    }
    Object.entries(result.fieldErrors ?? {}).forEach(([field, messages], index) => {
      form.setError(field as keyof ApiTokenInput, { message: messages?.[0] }, { shouldFocus: index === 0 });
    });
    toast.error(result.formError ?? "The token was not created.");
  }

  return (
    <div className="grid gap-4">
      {created ? <NewToken created={created} onDone={() => setCreated(null)} /> : null}
      <form
        onFocus={apiTokenInputResolver.warm}
        onSubmit={form.handleSubmit(create)}
        noValidate
        className="grid gap-4"
        aria-labelledby="api-token-create"
      >
        <h3 id="api-token-create" className="text-sm font-semibold">
          Create a token
        </h3>
        <FormField
          id="api-token-name"
          label="What it's for"
          description="Like “Spreadsheet sync” or “My assistant”, so you know which one to revoke."
          error={errors.name?.message}
        >
          <Input
            id="api-token-name"
            autoComplete="off"
            {...fieldAria("api-token-name", { hasError: Boolean(errors.name), hasDescription: true })}
            {...form.register("name")}
          />
        </FormField>
        <div className="grid gap-4 sm:grid-cols-2">
          <fieldset
            role="radiogroup"
            aria-labelledby="api-token-access-legend"
            aria-invalid={errors.access ? true : undefined}
            aria-describedby={errors.access ? "api-token-access-error" : undefined}
            className="grid content-start gap-2"
          >
            <legend
              id="api-token-access-legend"
              className={cn("mb-2 text-sm leading-none font-medium", errors.access && "text-destructive")}
            >
              Access
            </legend>
            <div className="flex flex-wrap gap-x-4 gap-y-2">
              {API_TOKEN_ACCESS.map((access) => (
                <label key={access} className="inline-flex h-9 items-center gap-2 text-sm">
                  <input type="radio" value={access} className="size-4 accent-primary" {...form.register("access")} />
                  {API_TOKEN_ACCESS_LABELS[access]}
                </label>
              ))}
            </div>
            {errors.access ? (
              <p id="api-token-access-error" role="alert" className="text-sm font-medium text-destructive">
                {errors.access.message}
              </p>
            ) : null}
          </fieldset>
          <FormField id="api-token-expires" label="Expires" error={errors.expiresIn?.message}>
            <SelectNative
              id="api-token-expires"
              {...fieldAria("api-token-expires", { hasError: Boolean(errors.expiresIn) })}
              {...form.register("expiresIn")}
            >
              {API_TOKEN_EXPIRIES.map((expiry) => (
                <option key={expiry} value={expiry}>
                  {API_TOKEN_EXPIRY_LABELS[expiry]}
                </option>
              ))}
            </SelectNative>
          </FormField>
        </div>
        <div>
          <Button type="submit" disabled={isSubmitting}>
            {isSubmitting ? "Creating…" : "Create token"}
          </Button>
        </div>
      </form>
    </div>
  );
}
