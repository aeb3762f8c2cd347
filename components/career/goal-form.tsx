"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { Controller, useForm } from "react-hook-form";
import { toast } from "sonner";

import { createGoal, updateGoal } from "@/app/(app)/career/goals/actions";
import { lazyZodResolver } from "@/components/forms/lazy-resolver";
import { Button, buttonVariants } from "@/components/ui/button";
import { FormField, fieldAria } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { SelectNative } from "@/components/ui/select-native";
import { Switch } from "@/components/ui/switch";
import { Textarea } from "@/components/ui/textarea";
import { GOAL_STATUS_LABELS, GOAL_STATUSES } from "@/lib/domain/enums";
import type { GoalDetails } from "@/lib/domain/goals";
import type { GoalInput, GoalValues } from "@/lib/validations/goals";

const goalInputResolver = lazyZodResolver(() =>
  import("@/lib/validations/goals").then((module) => module.goalInputSchema),
);

type GoalFormProps = {
  // Given: edit this goal; absent: create one.
  goal?: GoalDetails;
  // Where Cancel and a saved edit go (the goal's page without ?edit=).
  cancelHref: string;
};

const FORM_KEYS = ["title", "why", "horizonOn", "status", "isNorthStar"] as const;
type FormKey = (typeof FORM_KEYS)[number];

function isFormKey(key: string): key is FormKey {
  return (FORM_KEYS as readonly string[]).includes(key);
}

export function GoalForm({ goal, cancelHref }: GoalFormProps) {
  const router = useRouter();
  const form = useForm<GoalInput, unknown, GoalValues>({
    resolver: goalInputResolver,
    defaultValues: {
      title: goal?.title ?? "",
      why: goal?.why ?? "",
      horizonOn: goal?.horizonOn ?? "",
      status: goal?.status ?? "active",
      isNorthStar: goal?.isNorthStar ?? false,
    },
  });
  const { errors, isSubmitting } = form.formState;
  const prefix = goal ? "goal-edit" : "goal-new";
  const id = (key: FormKey) => `${prefix}-${key}`;
  const aria = (key: FormKey, hasDescription = false) =>
    fieldAria(id(key), { hasError: Boolean(errors[key]), hasDescription });

  async function onSubmit(values: GoalValues) {
    const result = goal ? await updateGoal({ ...values, id: goal.id }) : await createGoal(values);
    if (result.ok) {
      toast.success(goal ? "Goal saved" : "Goal created. Now add the steps toward it.");
      router.push(goal ? cancelHref : `/career/goals/${result.data.id}`);
      return;
    }
    Object.entries(result.fieldErrors ?? {})
      .filter(([key]) => isFormKey(key))
      .forEach(([key, messages], index) => {
        form.setError(key as FormKey, { message: messages?.[0] }, { shouldFocus: index === 0 });
      });
    toast.error(result.formError ?? "The goal was not saved.");
  }

  return (
    <form onFocus={goalInputResolver.warm} onSubmit={form.handleSubmit(onSubmit)} noValidate className="grid gap-4">
      <FormField
        id={id("title")}
        label="Goal"
        description="Where you want to get to, in a sentence."
        error={errors.title?.message}
      >
        <Input
          id={id("title")}
          placeholder="Lead a platform engineering group at a climate company"
          autoFocus
          {...aria("title", true)}
          {...form.register("title")}
        />
      </FormField>
      <FormField id={id("why")} label="Why it matters" error={errors.why?.message}>
        <Textarea
          id={id("why")}
          rows={3}
          placeholder="What reaching it would change for you."
          {...aria("why")}
          {...form.register("why")}
        />
      </FormField>
      <div className="grid items-start gap-4 sm:grid-cols-2">
        <FormField
          id={id("horizonOn")}
          label="Horizon"
          description="When you'd like to be there (optional)."
          error={errors.horizonOn?.message}
        >
          <Input id={id("horizonOn")} type="date" {...aria("horizonOn", true)} {...form.register("horizonOn")} />
        </FormField>
        <FormField id={id("status")} label="Status" error={errors.status?.message}>
          <SelectNative id={id("status")} {...aria("status")} {...form.register("status")}>
            {GOAL_STATUSES.map((status) => (
              <option key={status} value={status}>
                {GOAL_STATUS_LABELS[status]}
              </option>
            ))}
          </SelectNative>
        </FormField>
      </div>
      <Controller
        control={form.control}
        name="isNorthStar"
        render={({ field }) => (
          <div className="flex items-center justify-between gap-4 rounded-md border p-3">
            <div className="grid gap-1">
              <label htmlFor={id("isNorthStar")} className="text-sm font-medium">
                North star
              </label>
              <p id={`${id("isNorthStar")}-description`} className="text-sm text-muted-foreground">
                Your main goal. Only one goal is the north star: choosing this one unmarks the other.
              </p>
            </div>
            <Switch
              id={id("isNorthStar")}
              checked={field.value === true || field.value === "on" || field.value === "true"}
              onCheckedChange={field.onChange}
              onBlur={field.onBlur}
              {...aria("isNorthStar", true)}
            />
          </div>
        )}
      />
      {errors.isNorthStar?.message ? (
        <p id={`${id("isNorthStar")}-error`} role="alert" className="text-sm font-medium text-destructive">
          {errors.isNorthStar.message}
        </p>
      ) : null}
      <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
        <Link href={cancelHref} className={buttonVariants({ variant: "outline" })}>
          Cancel
        </Link>
        <Button type="submit" disabled={isSubmitting}>
          {isSubmitting ? "Saving…" : goal ? "Save goal" : "Create goal"}
        </Button>
      </div>
    </form>
  );
}
