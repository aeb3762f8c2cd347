import { ensureCircles, ownedCircleIds, setContactCircles } from "@/db/queries/circles";
import { findLikelyDuplicates } from "@/db/queries/contacts";
import type { LikelyDuplicate } from "@/lib/domain/contacts";
import {
  type ContactWrite,
  insertContact,
  replaceContactDetails,
  updateContactFields,
} from "@/db/queries/contacts-write";
import { refreshContactSchedule } from "@/db/queries/schedule";
import type { Db } from "@/db/client";
import type { ActionContext } from "@/lib/actions/define-action";
import { type ActionResult, fail, ok } from "@/lib/actions/result";
import type { ContactFormValues, CreateContactValues, UpdateContactValues } from "@/lib/validations/contact";

export type CreateContactResult =
  | { status: "created"; id: string }
  | { status: "duplicates"; duplicates: LikelyDuplicate[] };

const CIRCLE_GONE = fail("A circle you chose no longer exists. Reload the page and choose again.", {
  circleIds: ["Choose circles from the list."],
});

function split(values: ContactFormValues) {
  const { circleIds, newCircleNames, emails, phones, links, ...fields } = values;
  const contact: ContactWrite = fields;
  return { contact, details: { emails, phones, links }, circleIds, newCircleNames };
}

// Every chosen circle must be one of the user's before anything is written.
async function allCirclesOwned(db: Db, userId: string, circleIds: string[]): Promise<boolean> {
  return (await ownedCircleIds(db, { userId, circleIds })).length === circleIds.length;
}

async function saveCircles(tx: Db, params: { userId: string; contactId: string; circleIds: string[]; newCircleNames: string[] }) {
  const created = await ensureCircles(tx, { userId: params.userId, names: params.newCircleNames });
  await setContactCircles(tx, {
    userId: params.userId,
    contactId: params.contactId,
    circleIds: [...new Set([...params.circleIds, ...created.values()])],
  });
}

export async function createContact(
  input: CreateContactValues,
  ctx: ActionContext,
): Promise<ActionResult<CreateContactResult>> {
  const { userId, db } = ctx;
  const { confirmDuplicate, ...values } = input;
  const { contact, details, circleIds, newCircleNames } = split(values);
  if (!confirmDuplicate) {
    const duplicates = await findLikelyDuplicates(db, {
      userId,
      name: contact.name,
      company: contact.company,
      emails: details.emails.map((row) => row.email),
    });
    if (duplicates.length > 0) return ok({ status: "duplicates", duplicates });
  }
  if (!(await allCirclesOwned(db, userId, circleIds))) return CIRCLE_GONE;

  const id = await db.transaction(async (tx) => {
    const { id } = await insertContact(tx, { userId, values: contact });
    await replaceContactDetails(tx, { userId, contactId: id, details });
    await saveCircles(tx, { userId, contactId: id, circleIds, newCircleNames });
    await refreshContactSchedule(tx, { userId, contactIds: [id] });
    return id;
  });
  return ok({ status: "created", id });
}

export async function updateContact(
  input: UpdateContactValues,
  ctx: ActionContext,
): Promise<ActionResult<{ id: string }>> {
  const { userId, db } = ctx;
  const { id: contactId, ...values } = input;
  const { contact, details, circleIds, newCircleNames } = split(values);
  if (!(await allCirclesOwned(db, userId, circleIds))) return CIRCLE_GONE;

  const saved = await db.transaction(async (tx) => {
    const row = await updateContactFields(tx, { userId, contactId, values: contact });
    if (!row) return undefined;
    await replaceContactDetails(tx, { userId, contactId, details });
    await saveCircles(tx, { userId, contactId, circleIds, newCircleNames });
    // The tier or cadence may have changed: move the next due date.
    await refreshContactSchedule(tx, { userId, contactIds: [contactId] });
    return row;
  });
  return saved ? ok(saved) : fail("Contact not found.");
}
