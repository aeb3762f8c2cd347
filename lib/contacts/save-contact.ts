import { ensureCircles, ownedCircleIds, setContactCircles } from "@/db/queries/circles";
import { findLikelyDuplicates } from "@/db/queries/contacts";
import { findContactsByEmails } from "@/db/queries/events";
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
import { type ActionResult, conflictResult, type FieldErrors, fail, ok } from "@/lib/actions/result";
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

// An email belongs to one contact (contact_emails_user_email_key): each one
// another contact holds is refused at its row, naming who has it.
async function emailsTaken(
  db: Db,
  params: { userId: string; emails: string[]; contactId?: string },
): Promise<ActionResult<never> | undefined> {
  const owners = await findContactsByEmails(db, { userId: params.userId, emails: params.emails });
  const fieldErrors: FieldErrors = {};
  params.emails.forEach((email, index) => {
    const owner = owners.get(email.toLowerCase());
    if (!owner || owner.contactId === params.contactId) return;
    const who = owner.isArchived ? `${owner.name} (archived)` : owner.name;
    fieldErrors[`emails.${index}.email`] = [`${who} already has this email.`];
  });
  if (Object.keys(fieldErrors).length === 0) return undefined;
  return conflictResult("Another contact already has this email. An email belongs to one person.", fieldErrors);
}

// Thrown inside a save's transaction to roll it back when another save took
// one of its emails after the check before it began.
class EmailTakenMeanwhile extends Error {}

async function savingEmails<T>(
  save: () => Promise<T>,
  recheck: () => Promise<ActionResult<never> | undefined>,
): Promise<{ saved: T } | { refused: ActionResult<never> }> {
  try {
    return { saved: await save() };
  } catch (error) {
    if (!(error instanceof EmailTakenMeanwhile)) throw error;
    return { refused: (await recheck()) ?? conflictResult("Another contact took one of these emails. Try again.") };
  }
}

export async function createContact(
  input: CreateContactValues,
  ctx: ActionContext,
): Promise<ActionResult<CreateContactResult>> {
  const { userId, db } = ctx;
  const { confirmDuplicate, ...values } = input;
  const { contact, details, circleIds, newCircleNames } = split(values);
  const emails = details.emails.map((row) => row.email);
  const taken = await emailsTaken(db, { userId, emails });
  if (taken) return taken;
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

  const outcome = await savingEmails(
    () =>
      db.transaction(async (tx) => {
        const { id } = await insertContact(tx, { userId, values: contact });
        const { takenEmails } = await replaceContactDetails(tx, { userId, contactId: id, details });
        if (takenEmails.length > 0) throw new EmailTakenMeanwhile();
        await saveCircles(tx, { userId, contactId: id, circleIds, newCircleNames });
        await refreshContactSchedule(tx, { userId, contactIds: [id] });
        return id;
      }),
    () => emailsTaken(db, { userId, emails }),
  );
  if ("refused" in outcome) return outcome.refused;
  return ok({ status: "created", id: outcome.saved });
}

export async function updateContact(
  input: UpdateContactValues,
  ctx: ActionContext,
): Promise<ActionResult<{ id: string }>> {
  const { userId, db } = ctx;
  const { id: contactId, ...values } = input;
  const { contact, details, circleIds, newCircleNames } = split(values);
  if (!(await allCirclesOwned(db, userId, circleIds))) return CIRCLE_GONE;
  const emails = details.emails.map((row) => row.email);
  const taken = await emailsTaken(db, { userId, emails, contactId });
  if (taken) return taken;

  const outcome = await savingEmails(
    () =>
      db.transaction(async (tx) => {
        const row = await updateContactFields(tx, { userId, contactId, values: contact });
        if (!row) return undefined;
        const { takenEmails } = await replaceContactDetails(tx, { userId, contactId, details });
        if (takenEmails.length > 0) throw new EmailTakenMeanwhile();
        await saveCircles(tx, { userId, contactId, circleIds, newCircleNames });
        // The tier or cadence may have changed: move the next due date.
        await refreshContactSchedule(tx, { userId, contactIds: [contactId] });
        return row;
      }),
    () => emailsTaken(db, { userId, emails, contactId }),
  );
  if ("refused" in outcome) return outcome.refused;
  return outcome.saved ? ok(outcome.saved) : fail("Contact not found.");
}
