"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useForm } from "react-hook-form";
import { toast } from "sonner";

import { addRole, updateRole } from "@/app/(app)/journal/roles/actions";
import { lazyZodResolver } from "@/components/forms/lazy-resolver";
import { Button, buttonVariants } from "@/components/ui/button";
import { FormField, fieldAria } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { Textarea } from "@/components/ui/textarea";
import { roleLabel } from "@/lib/domain/journal";
import type { RoleDetails } from "@/lib/domain/roles";
import type { RoleInput, RoleValues } from "@/lib/validations/journal";

const roleInputResolver = lazyZodResolver(() =>
  import("@/lib/validations/journal").then((module) => module.roleInputSchema),
);

type RoleFormProps = {
  // Given: edit this role; absent: add a new one.
  role?: RoleDetails;
  // Where to go after saving an edit, or on Cancel (the list without ?edit=).
  listHref: string;
};

const FORM_KEYS = ["company", "title", "location", "startedOn", "endedOn", "description"] as const;
type FormKey = (typeof FORM_KEYS)[number];

function isFormKey(key: string): key is FormKey {
  return (FORM_KEYS as readonly string[]).includes(key);
}

const EMPTY: RoleInput = { company: "", title: "", location: "", startedOn: "", endedOn: "", description: "" };

export function RoleForm({ role, listHref }: RoleFormProps) {
  const router = useRouter();
  const form = useForm<RoleInput, unknown, RoleValues>({
    resolver: roleInputResolver,
    defaultValues: role
      ? {
          company: role.company,
          title: role.title,
          location: role.location ?? "",
          startedOn: role.startedOn,
          endedOn: role.endedOn ?? "",
          description: role.description ?? "",
        }
      : EMPTY,
  });
  const { errors, isSubmitting } = form.formState;
  // Two forms can be on the page (edit one role, add another): ids stay apart.
  const prefix = role ? "role-edit" : "role-add";
  const id = (key: FormKey) => `${prefix}-${key}`;
  const aria = (key: FormKey, hasDescription = false) => fieldAria(id(key), { hasError: Boolean(errors[key]), hasDescription });

  async function onSubmit(values: RoleValues) {
    const result = role ? await updateRole({ ...values, id: role.id }) : await addRole(values);
    if (result.ok) {
      toast.success(role ? "Role updated" : `${roleLabel(values)} added`);
      if (role) {
        router.push(listHref);
      } else {
        form.reset(EMPTY);
        router.refresh();
      }
      return;
    }
    Object.entries(result.fieldErrors ?? {})
      .filter(([key]) => isFormKey(key))
      .forEach(([key, messages], index) => {
        form.setError(key as FormKey, { message: messages?.[0] }, { shouldFocus: index === 0 });
      });
    toast.error(result.formError ?? "The role was not saved.");
  }

  return (
    <form onFocus={roleInputResolver.warm} onSubmit={form.handleSubmit(onSubmit)} noValidate className="grid gap-4">
      <div className="grid items-start gap-4 sm:grid-cols-2">
        <FormField id={id("title")} label="Title" error={errors.title?.message}>
          <Input
            id={id("title")}
            placeholder="Staff Engineer"
            autoComplete="organization-title"
            autoFocus={Boolean(role)}
            {...aria("title")}
            {...form.register("title")}
          />
        </FormField>
        <FormField id={id("company")} label="Company" error={errors.company?.message}>
          <Input
            id={id("company")}
            placeholder="Acme"
            autoComplete="organization"
            {...aria("company")}
            {...form.register("company")}
          />
        </FormField>
        <FormField id={id("startedOn")} label="Started" error={errors.startedOn?.message}>
          <Input id={id("startedOn")} type="date" {...aria("startedOn")} {...form.register("startedOn")} />
        </FormField>
        <FormField
          id={id("endedOn")}
          label="Ended (optional)"
          description="Leave empty for your current role."
          error={errors.endedOn?.message}
        >
          <Input id={id("endedOn")} type="date" {...aria("endedOn", true)} {...form.register("endedOn")} />
        </FormField>
      </div>
      <FormField id={id("location")} label="Location (optional)" error={errors.location?.message}>
        <Input id={id("location")} placeholder="London" {...aria("location")} {...form.register("location")} />
      </FormField>
      <FormField id={id("description")} label="Description (optional)" error={errors.description?.message}>
        <Textarea
          id={id("description")}
          rows={3}
          placeholder="What the job was about."
          {...aria("description")}
          {...form.register("description")}
        />
      </FormField>
      <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
        {role ? (
          <Link href={listHref} className={buttonVariants({ variant: "outline" })}>
            Cancel
          </Link>
        ) : null}
        <Button type="submit" disabled={isSubmitting}>
          {isSubmitting ? "Saving…" : role ? "Save changes" : "Add role"}
        </Button>
      </div>
    </form>
  );
}
