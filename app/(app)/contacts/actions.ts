"use server";

import { revalidatePath } from "next/cache";
import { authedAction } from "@/lib/actions/authed-action";
import { idempotent } from "@/lib/actions/idempotent";
import { archiveContact, deleteContact, snoozeContact, unarchiveContact } from "@/lib/contacts/contact-status";
import { createContact, updateContact } from "@/lib/contacts/save-contact";
import {
  type ContactIdInput,
  contactIdSchema,
  type CreateContactInput,
  createContactSchema,
  type SnoozeContactInput,
  snoozeContactSchema,
  type UpdateContactInput,
  updateContactSchema,
} from "@/lib/validations/contact";

const create = authedAction(
  createContactSchema,
  idempotent("contact", createContact, (saved) => saved.status === "created"),
);
const update = authedAction(updateContactSchema, updateContact);
const archive = authedAction(contactIdSchema, archiveContact);
const unarchive = authedAction(contactIdSchema, unarchiveContact);
const remove = authedAction(contactIdSchema, deleteContact);
const snooze = authedAction(snoozeContactSchema, snoozeContact);

// A contact shows up in lists, on its page, in circle counts, on the
// dashboard and on its event: refresh every signed-in page.
function refreshPages() {
  revalidatePath("/", "layout");
}

export async function createContactAction(input: CreateContactInput) {
  const result = await create(input);
  if (result.ok && result.data.status === "created") refreshPages();
  return result;
}

export async function updateContactAction(input: UpdateContactInput) {
  const result = await update(input);
  if (result.ok) refreshPages();
  return result;
}

export async function archiveContactAction(input: ContactIdInput) {
  const result = await archive(input);
  if (result.ok) refreshPages();
  return result;
}

export async function unarchiveContactAction(input: ContactIdInput) {
  const result = await unarchive(input);
  if (result.ok) refreshPages();
  return result;
}

export async function deleteContactAction(input: ContactIdInput) {
  const result = await remove(input);
  if (result.ok) refreshPages();
  return result;
}

export async function snoozeContactAction(input: SnoozeContactInput) {
  const result = await snooze(input);
  if (result.ok) refreshPages();
  return result;
}
