import { z } from "zod";
import { getContact as getContactRow, getContactRef, listContactsAfter } from "@/db/queries/contacts";
import { ensureFreshHealth } from "@/db/queries/health";
import { conflictResult, invalid, notFoundResult, ok } from "@/lib/actions/result";
import { idempotent } from "@/lib/actions/idempotent";
import { archiveContact as archive, unarchiveContact as unarchive } from "@/lib/contacts/contact-status";
import { listFilters } from "@/lib/contacts/list-page";
import { createContact as create, updateContact as update } from "@/lib/contacts/save-contact";
import type { LikelyDuplicate } from "@/lib/domain/contacts";
import { createContactSchema, updateContactSchema } from "@/lib/validations/contact";
import { type AnyApiOperation, type ApiContext, defineOperation } from "../operation";
import { contactSummary, loadContactJson } from "./contact-answers";
import { encodeCursor } from "./keyset-cursor";
import { contactListSchema, contactPatchSchema, contactSchema, listContactsQuerySchema } from "./contact-schemas";

const TAG = "Contacts";
const NOT_FOUND = "Contact not found.";
const contactParams = z.object({ id: z.uuid() });

// The contact as it is now, after a write.
async function answerContact(contactId: string, { userId, db, now }: ApiContext) {
  const contact = await loadContactJson(db, { userId, contactId, now });
  return contact ? ok(contact) : notFoundResult(NOT_FOUND);
}

// The queries behind a page of the list (bench:api times them bare, as the
// floor of GET /contacts): health is stored on each contact and rescored at
// the start of the user's day, as the page does, then the keyset page.
export async function contactsPage(query: z.output<typeof listContactsQuerySchema>, { userId, db, now }: ApiContext) {
  await ensureFreshHealth(db, { userId, now });
  return listContactsAfter(db, {
    userId,
    ...listFilters(query),
    after: query.cursor,
    pageSize: query.limit,
    now,
  });
}

export const listContacts = defineOperation({
  operationId: "listContacts",
  method: "GET",
  path: "/contacts",
  tag: TAG,
  summary: "List contacts",
  description:
    "Your contacts, filtered and sorted as on the Contacts page, a page at a time: pass each answer's nextCursor as cursor until it is null. " +
    "Pages are cut by keyset, so a page deep in the list is as quick as the first, and a contact added meanwhile neither repeats nor shifts one.",
  scope: "read",
  query: listContactsQuerySchema,
  success: { status: 200, description: "One page of contacts.", schema: contactListSchema },
  async handle({ query }, ctx) {
    const { rows, next } = await contactsPage(query, ctx);
    return ok({ data: rows.map(contactSummary), nextCursor: next ? encodeCursor(next) : null });
  },
});

export const getContact = defineOperation({
  operationId: "getContact",
  method: "GET",
  path: "/contacts/{id}",
  tag: TAG,
  summary: "Get a contact",
  description: "Everything about one contact: details, circles, cadence and next due date, snooze, and health with its reasons.",
  scope: "read",
  params: contactParams,
  success: { status: 200, description: "The contact.", schema: contactSchema },
  handle: ({ params }, ctx) => answerContact(params.id, ctx),
});

const createSaved = idempotent("contact", create, (saved) => saved.status === "created");

function duplicateErrors(duplicates: LikelyDuplicate[]) {
  return duplicates.map(
    (duplicate) =>
      `${duplicate.name}${duplicate.company ? ` (${duplicate.company})` : ""}, id ${duplicate.id}: ` +
      (duplicate.reason === "email" ? "has one of these emails." : "has the same name and company."),
  );
}

export const createContact = defineOperation({
  operationId: "createContact",
  method: "POST",
  path: "/contacts",
  tag: TAG,
  summary: "Create a contact",
  description:
    "Adds a contact, as the New contact form does. An email belongs to one contact: one that another contact has is refused, confirmDuplicate or not, " +
    "with 409 and the error at its row (errors[\"emails.0.email\"]) naming who has it. If it looks like someone already in Kith (the same name at the same company), " +
    "nothing is saved and the answer is 409 with the likely duplicates under errors.confirmDuplicate; send it again with confirmDuplicate: true to create it anyway. " +
    "An idempotencyKey makes a retry safe: the same key saves once and answers the same contact.",
  scope: "write",
  body: createContactSchema,
  success: { status: 201, description: "The new contact.", schema: contactSchema },
  conflict:
    "Another contact has one of the emails (errors[\"emails.N.email\"] names who), or it looks like someone already in Kith: " +
    "errors.confirmDuplicate lists them; send it again with confirmDuplicate: true.",
  async handle({ body }, ctx) {
    const result = await createSaved(body, ctx);
    if (!result.ok) return result;
    if (result.data.status === "duplicates") {
      return conflictResult("This looks like someone already in Kith. To create it anyway, send it again with confirmDuplicate: true.", {
        confirmDuplicate: duplicateErrors(result.data.duplicates),
      });
    }
    return answerContact(result.data.id, ctx);
  },
});

export const updateContact = defineOperation({
  operationId: "updateContact",
  method: "PATCH",
  path: "/contacts/{id}",
  tag: TAG,
  summary: "Update a contact",
  description:
    "Changes the fields you send and keeps the rest, as saving the Edit form does. A list you send (emails, phones, links, circleIds) replaces the stored one whole; " +
    "send null to clear a field. newCircleNames creates circles and adds the contact to them. " +
    "An email another contact has is refused with 409 and the error at its row (errors[\"emails.0.email\"]) naming who has it.",
  scope: "write",
  params: contactParams,
  body: contactPatchSchema,
  success: { status: 200, description: "The contact as saved.", schema: contactSchema },
  conflict: 'Another contact has one of the emails: errors["emails.N.email"] names who.',
  async handle({ params, body }, ctx) {
    const { userId, db } = ctx;
    const current = await getContactRow(db, { userId, contactId: params.id });
    if (!current) return notFoundResult(NOT_FOUND);
    const { circles, emails, phones, links, ...fields } = current;
    const merged = updateContactSchema.safeParse({
      id: current.id,
      name: fields.name,
      company: fields.company,
      role: fields.role,
      location: fields.location,
      notes: fields.notes,
      tier: fields.tier,
      cadenceDays: fields.cadenceDays,
      remindersEnabled: fields.remindersEnabled,
      birthdayMonth: fields.birthdayMonth,
      birthdayDay: fields.birthdayDay,
      birthdayYear: fields.birthdayYear,
      emails,
      phones,
      links,
      circleIds: circles.map((circle) => circle.id),
      ...body,
    });
    if (!merged.success) return invalid(merged.error);
    const saved = await update(merged.data, { userId, db });
    if (!saved.ok) return saved;
    return answerContact(params.id, ctx);
  },
});

function statusOperation(archived: boolean) {
  const verb = archived ? "archive" : "unarchive";
  return defineOperation({
    operationId: `${verb}Contact`,
    method: "POST",
    path: `/contacts/{id}/${verb}`,
    tag: TAG,
    summary: archived ? "Archive a contact" : "Unarchive a contact",
    description: archived
      ? "Hides the contact from lists, reminders and health, as Archive on the contact page does; their history stays."
      : "Brings an archived contact back into lists and reminders, as Unarchive on the contact page does.",
    scope: "write",
    params: contactParams,
    success: { status: 200, description: "The contact.", schema: contactSchema },
    async handle({ params }, ctx) {
      const { userId, db } = ctx;
      if (!(await getContactRef(db, { userId, contactId: params.id }))) return notFoundResult(NOT_FOUND);
      const saved = await (archived ? archive : unarchive)({ id: params.id }, { userId, db });
      if (!saved.ok) return saved;
      return answerContact(params.id, ctx);
    },
  });
}

export const archiveContact = statusOperation(true);
export const unarchiveContact = statusOperation(false);

export const CONTACT_OPERATIONS: readonly AnyApiOperation[] = [
  listContacts,
  getContact,
  createContact,
  updateContact,
  archiveContact,
  unarchiveContact,
];
