// A captured contact put into the forms: a quick-add row, or the
// new-contact form's values. Pure, so a scan and the share target's
// redirect fill the form the same way.

import { MAX_ROWS_PER_KIND } from "@/lib/domain/limits";
import { emptyQuickAddRow } from "@/lib/domain/quick-add";
import type { ContactFormInput } from "@/lib/validations/contact";
import type { QuickAddRowInput } from "@/lib/validations/quick-add";
import type { CapturedContact, ContactPrefill } from "./prefill";

/**
 * A quick-add row has no phone or link field: they go into its note, which
 * is added to the contact's notes, so nothing the card held is lost.
 */
export function quickAddRowFrom(contact: CapturedContact): QuickAddRowInput {
  const note = [
    contact.note,
    contact.phone && `Phone: ${contact.phone}`,
    contact.linkedin && `LinkedIn: ${contact.linkedin}`,
    contact.website && `Website: ${contact.website}`,
  ].filter(Boolean);
  return {
    ...emptyQuickAddRow(),
    name: contact.name,
    company: contact.company ?? "",
    role: contact.role ?? "",
    email: contact.email ?? "",
    note: note.join("\n"),
  };
}

const hasRoom = (rows: unknown[] | undefined) => (rows ?? []).length < MAX_ROWS_PER_KIND;
const same = (a: string | null | undefined, b: string) => (a ?? "").trim().toLowerCase() === b.toLowerCase();

/**
 * The form's values with the prefill's: its name, company and role replace
 * the form's, its email takes the first empty email row, and its phone,
 * links and note are added to what is there (each once). A list it does
 * not change is the same array.
 */
export function withPrefill(values: ContactFormInput, prefill: ContactPrefill): ContactFormInput {
  const next: ContactFormInput = { ...values };
  if (prefill.name) next.name = prefill.name;
  if (prefill.company) next.company = prefill.company;
  if (prefill.role) next.role = prefill.role;
  const email = prefill.email;
  if (email && !(values.emails ?? []).some((row) => same(row.email, email))) {
    const emails = [...(values.emails ?? [])];
    const blank = emails.findIndex((row) => (row.email ?? "").trim() === "");
    if (blank !== -1) emails[blank] = { ...emails[blank], email };
    else if (hasRoom(emails)) emails.push({ email, label: "" });
    next.emails = emails;
  }
  const phone = prefill.phone;
  if (phone && hasRoom(values.phones) && !(values.phones ?? []).some((row) => same(row.phone, phone))) {
    next.phones = [...(values.phones ?? []), { phone, label: "" }];
  }
  for (const [url, label] of [
    [prefill.linkedin, "LinkedIn"],
    [prefill.website, ""],
  ] as const) {
    if (url && hasRoom(next.links) && !(next.links ?? []).some((row) => same(row.url, url))) next.links = [...(next.links ?? []), { url, label }];
  }
  const notes = (values.notes ?? "").trim();
  if (prefill.note && !notes.includes(prefill.note)) next.notes = notes ? `${notes}\n\n${prefill.note}` : prefill.note;
  return next;
}
