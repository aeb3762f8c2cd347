"use client";

import Link from "next/link";
import { useEffect, useRef, useState } from "react";
import type * as React from "react";
import { Controller, useForm, useWatch } from "react-hook-form";
import { ChevronRightIcon } from "lucide-react";
import { toast } from "sonner";

import { listRoleOptions, updateWin } from "@/app/(app)/journal/actions";
import { useCaptureQueue } from "@/components/capture/capture-queue-provider";
import { lazyZodResolver } from "@/components/forms/lazy-resolver";
import { SkillInput } from "@/components/journal/skill-input";
import { type FormKey, listError, toFormErrors } from "@/components/journal/win-form-errors";
import { WinPeopleField } from "@/components/journal/win-people-field";
import { Button } from "@/components/ui/button";
import { FormField, fieldAria } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { SelectNative } from "@/components/ui/select-native";
import { Textarea } from "@/components/ui/textarea";
import { WIN_KIND_LABELS, WIN_KINDS, type WinKind } from "@/lib/domain/enums";
import { defaultRoleFor, type RoleOption, roleLabel } from "@/lib/domain/journal";
import { MAX_URL_LENGTH, MAX_METRIC_UNIT_LENGTH, MAX_WIN_TEXT_LENGTH, MAX_WIN_TITLE_LENGTH } from "@/lib/domain/limits";
import { localToday } from "@/lib/domain/touch-dates";
import type { WinPersonChoice } from "@/lib/domain/win-form";
import { cn } from "@/lib/utils";
import type { WinInput, WinValues } from "@/lib/validations/journal";

const winInputResolver = lazyZodResolver(() =>
  import("@/lib/validations/journal").then((module) => module.winInputSchema),
);

// What a form opens with: a prefill (from a contact, a touch, an email's
// link) or the win being edited. An absent roleId means "the default role
// for the win's date"; null means no role.
export type WinFormDefaults = {
  occurredOn?: string;
  roleId?: string | null;
  kind?: WinKind;
  title?: string;
  what?: string | null;
  result?: string | null;
  metricValue?: number | null;
  metricUnit?: string | null;
  url?: string | null;
  situation?: string | null;
  task?: string | null;
  skills?: string[];
  people?: WinPersonChoice[];
};

type WinFormProps = {
  // Prefixes the fields' ids, so a page and the dialog never share one.
  idPrefix: string;
  defaults: WinFormDefaults;
  editWinId?: string;
  // A page passes the roles it read; the dialog's form fetches them.
  roles?: RoleOption[];
  // isQueued: saved on this device, to sync when the network is back.
  onSaved: (saved: { isEdit: boolean; isQueued?: boolean }) => void;
  // Following the "Add a role" link leaves the form (a dialog closes).
  onLeave?: () => void;
  // The cancel control: the dialog's Close, or a page's link back.
  cancel: React.ReactNode;
  // Editing a win that waits on this device: saving replaces it.
  replacesQueued?: string;
};

export function WinForm({ idPrefix, defaults, editWinId, roles: givenRoles, onSaved, onLeave, cancel, replacesQueued }: WinFormProps) {
  const isEdit = Boolean(editWinId);
  const { send } = useCaptureQueue();
  const [today] = useState(localToday);
  const [fetchedRoles, setFetchedRoles] = useState<RoleOption[] | undefined>(undefined);
  const roles = givenRoles ?? fetchedRoles;
  const [people, setPeople] = useState<WinPersonChoice[]>(defaults.people ?? []);
  const [isStarOpen, setIsStarOpen] = useState(Boolean(defaults.situation || defaults.task));
  const occurredOn = defaults.occurredOn ?? today;
  const isRoleDefaulted = defaults.roleId === undefined;
  const isRoleChosen = useRef(false);
  const form = useForm<WinInput, unknown, WinValues>({
    resolver: winInputResolver,
    defaultValues: {
      occurredOn,
      roleId: isRoleDefaulted ? (givenRoles ? (defaultRoleFor(givenRoles, occurredOn)?.id ?? "") : "") : (defaults.roleId ?? ""),
      kind: defaults.kind ?? "delivered",
      title: defaults.title ?? "",
      what: defaults.what ?? "",
      result: defaults.result ?? "",
      metricValue: defaults.metricValue == null ? "" : String(defaults.metricValue),
      metricUnit: defaults.metricUnit ?? "",
      url: defaults.url ?? "",
      situation: defaults.situation ?? "",
      task: defaults.task ?? "",
      skills: defaults.skills ?? [],
      people: (defaults.people ?? []).map(({ contactId, part }) => ({ contactId, part })),
    },
  });
  const { errors, isSubmitting, isSubmitted } = form.formState;
  const day = useWatch({ control: form.control, name: "occurredOn" });
  const id = (key: FormKey) => `${idPrefix}-${key}`;

  useEffect(() => {
    if (givenRoles) return;
    let isCurrent = true;
    listRoleOptions()
      .then((result) => result.ok ? result.data : [])
      // Offline: a win recorded now has no role until it is edited.
      .catch(() => [])
      .then((options) => {
        if (isCurrent) setFetchedRoles(options);
      });
    return () => {
      isCurrent = false;
    };
  }, [givenRoles]);

  // Until the person picks a role themselves, a new win's role follows its
  // date (the role that covered that day, else the current one).
  useEffect(() => {
    if (!isRoleDefaulted || !roles || isRoleChosen.current) return;
    const role = typeof day === "string" && day !== "" ? defaultRoleFor(roles, day) : undefined;
    form.setValue("roleId", role?.id ?? "");
  }, [isRoleDefaulted, roles, day, form]);

  function changePeople(next: WinPersonChoice[]) {
    setPeople(next);
    form.setValue(
      "people",
      next.map(({ contactId, part }) => ({ contactId, part })),
      { shouldDirty: true, shouldValidate: isSubmitted },
    );
  }

  async function onSubmit(values: WinValues) {
    const sent = editWinId
      ? ({ status: "sent", result: await updateWin({ ...values, id: editWinId }) } as const)
      : await send("win", values, {
          label: `Win: ${values.title}`,
          reopen: { ...values, people } satisfies WinFormDefaults,
          replaces: replacesQueued,
        });
    if (sent.status === "queued") {
      onSaved({ isEdit, isQueued: true });
      return;
    }
    const { result } = sent;
    if (result.ok) {
      onSaved({ isEdit });
      return;
    }
    const fieldErrors = toFormErrors(result.fieldErrors);
    if (fieldErrors.some(([key]) => key === "situation" || key === "task")) setIsStarOpen(true);
    fieldErrors.forEach(([field, message], index) => {
      form.setError(field, { message }, { shouldFocus: index === 0 });
    });
    toast.error(result.formError ?? "The win was not saved.");
  }

  function onKeyDown(event: React.KeyboardEvent<HTMLFormElement>) {
    if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      event.currentTarget.requestSubmit();
    }
  }

  const text = (key: "what" | "result" | "situation" | "task", label: string, placeholder: string) => (
    <FormField id={id(key)} label={label} error={errors[key]?.message}>
      <Textarea
        id={id(key)}
        rows={key === "what" || key === "result" ? 3 : 2}
        maxLength={MAX_WIN_TEXT_LENGTH}
        placeholder={placeholder}
        {...fieldAria(id(key), { hasError: Boolean(errors[key]) })}
        {...form.register(key)}
      />
    </FormField>
  );

  const isStarShown = isStarOpen || Boolean(errors.situation || errors.task);
  const peopleError = listError(errors.people);
  const skillsError = listError(errors.skills);

  return (
    <form
      onFocus={winInputResolver.warm}
      onSubmit={form.handleSubmit(onSubmit)}
      onKeyDown={onKeyDown}
      noValidate
      className="grid gap-4"
    >
      <FormField id={id("title")} label="Title" error={errors.title?.message}>
        <Input
          id={id("title")}
          maxLength={MAX_WIN_TITLE_LENGTH}
          placeholder="Shipped the new billing flow"
          {...fieldAria(id("title"), { hasError: Boolean(errors.title) })}
          {...form.register("title")}
        />
      </FormField>

      <div className="grid gap-4 sm:grid-cols-2">
        <FormField id={id("occurredOn")} label="Date" error={errors.occurredOn?.message}>
          <Input
            id={id("occurredOn")}
            type="date"
            max={today}
            {...fieldAria(id("occurredOn"), { hasError: Boolean(errors.occurredOn) })}
            {...form.register("occurredOn")}
          />
        </FormField>
        <FormField id={id("kind")} label="Kind" error={errors.kind?.message}>
          <SelectNative id={id("kind")} {...fieldAria(id("kind"), { hasError: Boolean(errors.kind) })} {...form.register("kind")}>
            {WIN_KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {WIN_KIND_LABELS[kind]}
              </option>
            ))}
          </SelectNative>
        </FormField>
      </div>

      {text("what", "What I did", "Rewrote the invoice pipeline and moved billing to the new queue.")}
      {text("result", "Result or impact", "Invoices now go out the same day.")}

      <div className="grid gap-4 sm:grid-cols-[10rem_minmax(0,1fr)]">
        <FormField id={id("metricValue")} label="Metric" error={errors.metricValue?.message}>
          <Input
            id={id("metricValue")}
            inputMode="decimal"
            autoComplete="off"
            placeholder="40"
            {...fieldAria(id("metricValue"), { hasError: Boolean(errors.metricValue) })}
            {...form.register("metricValue")}
          />
        </FormField>
        <FormField id={id("metricUnit")} label="Unit" error={errors.metricUnit?.message}>
          <Input
            id={id("metricUnit")}
            maxLength={MAX_METRIC_UNIT_LENGTH}
            placeholder="% build time, € pipeline"
            {...fieldAria(id("metricUnit"), { hasError: Boolean(errors.metricUnit) })}
            {...form.register("metricUnit")}
          />
        </FormField>
      </div>

      <Controller
        control={form.control}
        name="roleId"
        render={({ field, fieldState }) => (
          <FormField
            id={id("roleId")}
            label="Role"
            error={fieldState.error?.message}
            description={
              roles && roles.length === 0 ? (
                <>
                  You have no roles yet.{" "}
                  <Link href="/journal/roles" onClick={onLeave} className="font-medium text-primary underline-offset-4 hover:underline">
                    Add a role
                  </Link>
                </>
              ) : undefined
            }
          >
            <SelectNative
              id={id("roleId")}
              ref={field.ref}
              name={field.name}
              value={field.value ?? ""}
              onChange={(event) => {
                isRoleChosen.current = true;
                field.onChange(event.target.value);
              }}
              onBlur={field.onBlur}
              aria-busy={roles ? undefined : true}
              {...fieldAria(id("roleId"), { hasError: Boolean(fieldState.error), hasDescription: roles?.length === 0 })}
            >
              <option value="">{roles ? "No role" : "Loading your roles…"}</option>
              {(roles ?? []).map((role) => (
                <option key={role.id} value={role.id}>
                  {roleLabel(role)}
                  {role.endedOn === null ? " (current)" : ""}
                </option>
              ))}
            </SelectNative>
          </FormField>
        )}
      />

      <Controller
        control={form.control}
        name="skills"
        render={({ field }) => (
          <FormField id={id("skills")} label="Skills" error={skillsError}>
            <SkillInput
              id={id("skills")}
              value={field.value ?? []}
              onChange={field.onChange}
              onBlur={field.onBlur}
              inputRef={field.ref}
              {...fieldAria(id("skills"), { hasError: Boolean(skillsError) })}
            />
          </FormField>
        )}
      />

      <Controller
        control={form.control}
        name="people"
        render={({ field }) => (
          <FormField id={id("people")} label="People" error={peopleError}>
            <WinPeopleField
              id={id("people")}
              value={people}
              onChange={changePeople}
              onBlur={field.onBlur}
              inputRef={field.ref}
              {...fieldAria(id("people"), { hasError: Boolean(peopleError) })}
            />
          </FormField>
        )}
      />

      <FormField id={id("url")} label="Link (optional)" error={errors.url?.message}>
        <Input
          id={id("url")}
          type="url"
          inputMode="url"
          maxLength={MAX_URL_LENGTH}
          placeholder="https://example.com/launch"
          {...fieldAria(id("url"), { hasError: Boolean(errors.url) })}
          {...form.register("url")}
        />
      </FormField>

      <div className="grid gap-4">
        <button
          type="button"
          aria-expanded={isStarShown}
          aria-controls={`${idPrefix}-star`}
          onClick={() => setIsStarOpen(!isStarShown)}
          className="inline-flex items-center gap-1 justify-self-start rounded-sm text-sm font-medium underline-offset-4 hover:underline"
        >
          <ChevronRightIcon aria-hidden="true" className={cn("size-4 transition-transform", isStarShown && "rotate-90")} />
          STAR story (optional)
        </button>
        <div id={`${idPrefix}-star`} hidden={!isStarShown} className="grid gap-4">
          <p className="text-sm text-muted-foreground">
            With these, the review pack tells this win as a story: the action is what you did, the result its impact.
          </p>
          {text("situation", "Situation", "Invoices were going out a week late.")}
          {text("task", "Task", "Get billing same-day before the audit.")}
        </div>
      </div>

      <div className="flex flex-col-reverse gap-2 pt-2 sm:flex-row sm:items-center sm:justify-end">
        <p className="hidden text-xs text-muted-foreground sm:mr-auto sm:block">
          <kbd className="rounded border px-1 font-mono">Ctrl</kbd> or <kbd className="rounded border px-1 font-mono">⌘</kbd> +{" "}
          <kbd className="rounded border px-1 font-mono">Enter</kbd> to save
        </p>
        {cancel}
        <Button type="submit" disabled={isSubmitting} aria-keyshortcuts="Control+Enter Meta+Enter">
          {isSubmitting ? "Saving…" : isEdit ? "Save changes" : "Record win"}
        </Button>
      </div>
    </form>
  );
}
