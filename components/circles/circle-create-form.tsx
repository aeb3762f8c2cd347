"use client";

import { PlusIcon } from "lucide-react";
import { useForm } from "react-hook-form";
import { toast } from "sonner";
import { createCircleAction } from "@/app/(app)/circles/actions";
import { lazyZodResolver } from "@/components/forms/lazy-resolver";
import { Button } from "@/components/ui/button";
import { FormField, fieldAria } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import type { CreateCircleInput } from "@/lib/validations/circle";

const createCircleResolver = lazyZodResolver(() =>
  import("@/lib/validations/circle").then((module) => module.createCircleSchema),
);

export function CircleCreateForm() {
  const form = useForm<CreateCircleInput>({ resolver: createCircleResolver, defaultValues: { name: "" } });
  const { errors, isSubmitting } = form.formState;

  async function create(values: CreateCircleInput) {
    const result = await createCircleAction(values);
    if (result.ok) {
      form.reset({ name: "" });
      form.setFocus("name");
      toast.success(`Circle “${result.data.name}” created`);
      return;
    }
    const message = result.fieldErrors?.name?.[0];
    if (message) form.setError("name", { message }, { shouldFocus: true });
    toast.error(result.formError ?? "The circle was not created.");
  }

  return (
    <form
      onFocus={createCircleResolver.warm}
      onSubmit={form.handleSubmit(create)}
      noValidate
      className="flex flex-col gap-2 sm:flex-row sm:items-start"
    >
      <FormField id="circle-name" label="New circle" error={errors.name?.message} className="flex-1">
        <Input
          id="circle-name"
          placeholder="Alumni, Volunteering, Ex-colleagues…"
          autoComplete="off"
          {...fieldAria("circle-name", { hasError: Boolean(errors.name) })}
          {...form.register("name")}
        />
      </FormField>
      <Button type="submit" disabled={isSubmitting} className="sm:mt-6">
        <PlusIcon aria-hidden="true" />
        {isSubmitting ? "Creating…" : "Create circle"}
      </Button>
    </form>
  );
}
