"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useForm } from "react-hook-form";
import { toast } from "sonner";

import { addStone, editStone } from "@/app/(app)/career/goals/actions";
import { lazyZodResolver } from "@/components/forms/lazy-resolver";
import { Button, buttonVariants } from "@/components/ui/button";
import { FormField, fieldAria } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { SelectNative } from "@/components/ui/select-native";
import { Textarea } from "@/components/ui/textarea";
import { STONE_KIND_LABELS, STONE_KINDS } from "@/lib/domain/enums";
import type { GoalStone } from "@/lib/domain/goals";
import { type RoleOption, roleLabel } from "@/lib/domain/journal";
import type { StoneAddInput, StoneAdd } from "@/lib/validations/goals";

const stoneAddResolver = lazyZodResolver(() =>
  import("@/lib/validations/goals").then((module) => module.stoneAddSchema),
);

type StoneFormProps = {
  goalId: string;
  // Given: edit this step's words, kind and role (its date and status have
  // their own controls, and their history); absent: add a step at the end.
  stone?: Pick<GoalStone, "id" | "kind" | "title" | "notes" | "role">;
  roles: RoleOption[];
  // The goal's page without ?edit=: Cancel, and where a saved edit goes.
  goalHref: string;
};

const FORM_KEYS = ["title", "kind", "targetOn", "notes", "roleId"] as const;
type FormKey = (typeof FORM_KEYS)[number];

function isFormKey(key: string): key is FormKey {
  return (FORM_KEYS as readonly string[]).includes(key);
}

export function StoneForm({ goalId, stone, roles, goalHref }: StoneFormProps) {
  const router = useRouter();
  const empty: StoneAddInput = { goalId, title: "", kind: "project", targetOn: "", notes: "", roleId: "" };
  const form = useForm<StoneAddInput, unknown, StoneAdd>({
    resolver: stoneAddResolver,
    defaultValues: stone
      ? { goalId, title: stone.title, kind: stone.kind, targetOn: "", notes: stone.notes ?? "", roleId: stone.role?.id ?? "" }
      : empty,
  });
  const { errors, isSubmitting } = form.formState;
  const prefix = stone ? `stone-edit-${stone.id}` : "stone-add";
  const id = (key: FormKey) => `${prefix}-${key}`;
  const aria = (key: FormKey, hasDescription = false) =>
    fieldAria(id(key), { hasError: Boolean(errors[key]), hasDescription });

  async function onSubmit(values: StoneAdd) {
    const { kind, title, notes, roleId } = values;
    const result = stone
      ? await editStone({ id: stone.id, kind, title, notes, roleId })
      : await addStone({ ...values, goalId });
    if (result.ok) {
      toast.success(stone ? "Step saved" : `Added “${values.title}”`);
      if (stone) {
        router.push(goalHref, { scroll: false });
      } else {
        form.reset(empty);
        router.refresh();
      }
      return;
    }
    Object.entries(result.fieldErrors ?? {})
      .filter(([key]) => isFormKey(key))
      .forEach(([key, messages], index) => {
        form.setError(key as FormKey, { message: messages?.[0] }, { shouldFocus: index === 0 });
      });
    toast.error(result.formError ?? "The step was not saved.");
  }

  return (
    <form onFocus={stoneAddResolver.warm} onSubmit={form.handleSubmit(onSubmit)} noValidate className="grid w-full gap-4">
      <FormField id={id("title")} label="Step" error={errors.title?.message}>
        <Input
          id={id("title")}
          placeholder="Ship the data platform"
          autoFocus={Boolean(stone)}
          {...aria("title")}
          {...form.register("title")}
        />
      </FormField>
      <div className="grid items-start gap-4 sm:grid-cols-2">
        <FormField id={id("kind")} label="Kind" error={errors.kind?.message}>
          <SelectNative id={id("kind")} {...aria("kind")} {...form.register("kind")}>
            {STONE_KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {STONE_KIND_LABELS[kind]}
              </option>
            ))}
          </SelectNative>
        </FormField>
        {stone ? null : (
          <FormField
            id={id("targetOn")}
            label="Target date"
            description="Optional; you can re-date it later."
            error={errors.targetOn?.message}
          >
            <Input id={id("targetOn")} type="date" {...aria("targetOn", true)} {...form.register("targetOn")} />
          </FormField>
        )}
      </div>
      <FormField id={id("notes")} label="Notes" error={errors.notes?.message}>
        <Textarea id={id("notes")} rows={2} {...aria("notes")} {...form.register("notes")} />
      </FormField>
      <FormField
        id={id("roleId")}
        label="Role that reached it"
        description={
          roles.length === 0 ? (
            <>
              None yet: add your jobs in{" "}
              <Link href="/journal/roles" className="font-medium text-primary underline-offset-4 hover:underline">
                My roles
              </Link>
              .
            </>
          ) : (
            "A role from My roles that got you to this step."
          )
        }
        error={errors.roleId?.message}
      >
        <SelectNative id={id("roleId")} {...aria("roleId", true)} {...form.register("roleId")}>
          <option value="">None</option>
          {roles.map((role) => (
            <option key={role.id} value={role.id}>
              {roleLabel(role)}
            </option>
          ))}
        </SelectNative>
      </FormField>
      <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
        {stone ? (
          <Link href={goalHref} scroll={false} className={buttonVariants({ variant: "outline" })}>
            Cancel
          </Link>
        ) : null}
        <Button type="submit" disabled={isSubmitting}>
          {isSubmitting ? "Saving…" : stone ? "Save step" : "Add step"}
        </Button>
      </div>
    </form>
  );
}
