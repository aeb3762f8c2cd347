// A captured contact put into the forms: a quick-add row, or the
// new-contact form's values. Pure, so a scan and the share target's
// redirect fill the form the same way.

import type { ContactFormInput } from "@/lib/validations/contact";
import { emptyQuickAddRow, type QuickAddRowInput } from "@/lib/validations/quick-add";
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

const same = (a: string | null | undefined, b: string) => (a ?? "").trim().toLowerCase() === b.toLowerCase();

/**
 * The form's values with the prefill's: its name, company and role replace
 * the form's, its email takes the first empty email row, and its phone,
 * links and note are added to what is there (each once).
 */
export function withPrefill(values: ContactFormInput, prefill: ContactPrefill): ContactFormInput {
  const next: ContactFormInput = { ...values };
  if (prefill.name) next.name = prefill.name;
  if (prefill.company) next.company = prefill.company;
  if (prefill.role) next.role = prefill.role;
  const email = prefill.email;
  const emails = [...(values.emails ?? [])];
  if (email && !emails.some((row) => same(row.email, email))) {
    const blank = emails.findIndex((row) => (row.email ?? "").trim() === "");
    if (blank === -1) emails.push({ email, label: "" });
    else emails[blank] = { ...emails[blank], email };
  }
  next.emails = emails;
  const phone = prefill.phone;
  const phones = [...(values.phones ?? [])];
  if (phone && !phones.some((row) => same(row.phone, phone))) phones.push({ phone, label: "" });
  next.phones = phones;
  const links = [...(values.links ?? [])];
  for (const [url, label] of [
    [prefill.linkedin, "LinkedIn"],
    [prefill.website, ""],
  ] as const) {
    if (url && !links.some((row) => same(row.url, url))) links.push({ url, label });
  }
  next.links = links;
  const notes = (values.notes ?? "").trim();
  if (prefill.note && !notes.includes(prefill.note)) next.notes = notes ? `${notes}\n\n${prefill.note}` : prefill.note;
  return next;
}
