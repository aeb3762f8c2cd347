import type { UseFormReturn } from "react-hook-form";
import { withPrefill } from "@/lib/capture/fill";
import type { ContactPrefill } from "@/lib/capture/prefill";
import type { ContactFormInput, ContactFormValues } from "@/lib/validations/contact";

// A scanned contact into the new-contact form: only the fields it changes,
// marked dirty, so what the person already typed stays.
export function fillContactForm(form: UseFormReturn<ContactFormInput, unknown, ContactFormValues>, prefill: ContactPrefill) {
  const current = form.getValues();
  const next = withPrefill(current, prefill);
  const options = { shouldDirty: true, shouldValidate: form.formState.isSubmitted };
  if (next.name !== current.name) form.setValue("name", next.name, options);
  if (next.company !== current.company) form.setValue("company", next.company, options);
  if (next.role !== current.role) form.setValue("role", next.role, options);
  if (next.notes !== current.notes) form.setValue("notes", next.notes, options);
  // Field arrays are set whole: useFieldArray follows setValue on its name.
  if (next.emails !== current.emails) form.setValue("emails", next.emails ?? [], options);
  if (next.phones !== current.phones) form.setValue("phones", next.phones ?? [], options);
  if (next.links !== current.links) form.setValue("links", next.links ?? [], options);
}
