"use client";

import { useState } from "react";
import { Controller, useForm, type UseFormRegisterReturn } from "react-hook-form";

import { addStonePeople, updateStonePerson } from "@/app/(app)/career/links/actions";
import { LinkFormFooter, type LinkFormProps, showServerErrors } from "@/components/career/stone-links-forms";
import { lazyZodResolver } from "@/components/forms/lazy-resolver";
import { type ContactChoice, ContactPicker } from "@/components/touches/contact-picker";
import { FormField, fieldAria } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { SelectNative } from "@/components/ui/select-native";
import { STONE_PERSON_PART_LABELS, STONE_PERSON_PARTS, type StonePersonPart } from "@/lib/domain/enums";
import { MAX_STONE_NOTE_LENGTH } from "@/lib/domain/limits";
import type { StonePeopleInput, StonePeopleValues, StonePersonUpdate, StonePersonUpdateInput } from "@/lib/validations/stone-links";

const stonePeopleInputResolver = lazyZodResolver(() =>
  import("@/lib/validations/stone-links").then((module) => module.stonePeopleInputSchema),
);
const stonePersonUpdateResolver = lazyZodResolver(() =>
  import("@/lib/validations/stone-links").then((module) => module.stonePersonUpdateSchema),
);

type PartAndNoteProps = {
  idPrefix: string;
  part: UseFormRegisterReturn;
  note: UseFormRegisterReturn;
  partError: string | undefined;
  noteError: string | undefined;
};

// "Could introduce me" + "to people at Watershed": the note finishes the part's phrase.
function PartAndNoteFields({ idPrefix, part, note, partError, noteError }: PartAndNoteProps) {
  const partId = `${idPrefix}-part`;
  const noteId = `${idPrefix}-note`;
  return (
    <>
      <FormField id={partId} label="Why they matter" error={partError}>
        <SelectNative id={partId} {...fieldAria(partId, { hasError: Boolean(partError) })} {...part}>
          {STONE_PERSON_PARTS.map((value) => (
            <option key={value} value={value}>
              {STONE_PERSON_PART_LABELS[value]}
            </option>
          ))}
        </SelectNative>
      </FormField>
      <FormField id={noteId} label="Note" description="Finishes the phrase, like “to people at Watershed”. Optional." error={noteError}>
        <Input
          id={noteId}
          maxLength={MAX_STONE_NOTE_LENGTH}
          autoComplete="off"
          {...fieldAria(noteId, { hasError: Boolean(noteError), hasDescription: true })}
          {...note}
        />
      </FormField>
    </>
  );
}

export function AddPeopleForm({ stoneId, onDone, fieldId }: LinkFormProps & { fieldId: string }) {
  const [people, setPeople] = useState<ContactChoice[]>([]);
  const form = useForm<StonePeopleInput, unknown, StonePeopleValues>({
    resolver: stonePeopleInputResolver,
    defaultValues: { stoneId, contactIds: [], part: "can_help", note: "" },
  });
  const { errors, isSubmitting, isSubmitted } = form.formState;

  function changePeople(next: ContactChoice[]) {
    setPeople(next);
    form.setValue(
      "contactIds",
      next.map((person) => person.id),
      { shouldDirty: true, shouldValidate: isSubmitted },
    );
  }

  async function onSubmit(values: StonePeopleValues) {
    const result = await addStonePeople(values);
    if (result.ok) onDone(people.length === 1 ? `Linked ${people[0]?.name}` : `Linked ${people.length} people`);
    else form.setError("root", { message: showServerErrors(form, result, ["contactIds", "part", "note"]) });
  }

  return (
    <form onFocus={stonePeopleInputResolver.warm} onSubmit={form.handleSubmit(onSubmit)} noValidate className="grid gap-4">
      <Controller
        control={form.control}
        name="contactIds"
        render={({ field, fieldState }) => (
          <FormField id={fieldId} label="Person" error={fieldState.error?.message}>
            <ContactPicker
              id={fieldId}
              value={people}
              onChange={changePeople}
              onBlur={field.onBlur}
              inputRef={field.ref}
              {...fieldAria(fieldId, { hasError: Boolean(fieldState.error) })}
            />
          </FormField>
        )}
      />
      <PartAndNoteFields
        idPrefix={fieldId}
        part={form.register("part")}
        note={form.register("note")}
        partError={errors.part?.message}
        noteError={errors.note?.message}
      />
      <LinkFormFooter isSubmitting={isSubmitting} formError={errors.root?.message} />
    </form>
  );
}

export type LinkedPerson = { contactId: string; name: string; part: StonePersonPart; note: string | null };

export function EditPersonForm({ stoneId, onDone, fieldId, person }: LinkFormProps & { fieldId: string; person: LinkedPerson }) {
  const form = useForm<StonePersonUpdateInput, unknown, StonePersonUpdate>({
    resolver: stonePersonUpdateResolver,
    defaultValues: { stoneId, contactId: person.contactId, part: person.part, note: person.note ?? "" },
  });
  const { errors, isSubmitting } = form.formState;

  async function onSubmit(values: StonePersonUpdate) {
    const result = await updateStonePerson(values);
    if (result.ok) onDone(`Saved why ${person.name} matters`);
    else form.setError("root", { message: showServerErrors(form, result, ["part", "note"]) });
  }

  return (
    <form onFocus={stonePersonUpdateResolver.warm} onSubmit={form.handleSubmit(onSubmit)} noValidate className="grid gap-4">
      <PartAndNoteFields
        idPrefix={fieldId}
        part={form.register("part")}
        note={form.register("note")}
        partError={errors.part?.message}
        noteError={errors.note?.message}
      />
      <LinkFormFooter isSubmitting={isSubmitting} formError={errors.root?.message} submitLabel="Save" />
    </form>
  );
}
