import { randomUUID } from "node:crypto";
import {
  addContactsToCircles,
  findContactsByEmails,
  getEvent,
  insertQuickAddContacts,
  mergeIntoExistingContact,
  type QuickAddContact,
  setNextDueAt,
} from "@/db/queries/events";
import { ensureCircles } from "@/db/queries/circles";
import { insertTouch } from "@/db/queries/touches-write";
import type { ActionContext } from "@/lib/actions/define-action";
import { MAX_NOTES_LENGTH } from "@/lib/import/merge";
import { type ActionResult, notFoundResult, ok } from "@/lib/actions/result";
import type { QuickAdd, QuickAddPreviewValues } from "@/lib/validations/quick-add";

const DAY_MS = 86_400_000;

export type ExistingContactMatch = { contactId: string; name: string; isArchived: boolean };

/** One entry per row, in order: the contact that row's email would link to, or null. */
export type QuickAddPreview = { matches: (ExistingContactMatch | null)[] };

export type QuickAddResult = { created: number; linked: number };

export async function previewQuickAdd(
  input: QuickAddPreviewValues,
  ctx: ActionContext,
): Promise<ActionResult<QuickAddPreview>> {
  const emails = input.rows.map((row) => row.email?.trim().toLowerCase() ?? "");
  const found = await findContactsByEmails(ctx.db, { userId: ctx.userId, emails });
  const matches = emails.map((email) => {
    const match = found.get(email);
    return match ? { contactId: match.contactId, name: match.name, isArchived: match.isArchived } : null;
  });
  return ok({ matches });
}

// The event's date at noon UTC: the same calendar day in every time zone from
// UTC−12 to UTC+11, so "met on 12 Nov" reads as 12 Nov nearly everywhere.
export function eventTouchTime(occurredOn: string): Date {
  return new Date(`${occurredOn}T12:00:00.000Z`);
}

// Adds everyone met at an event in one transaction: rows whose email is an
// existing contact's link that contact, the others become new contacts; all
// share one "met at" touch on the event's date. Nothing is written unless
// the event is the user's. A note joins a contact's notes only while they
// stay within what the contact form takes, as an import's notes do: what
// Kith stores must restore from its own export.
export async function quickAddPeople(input: QuickAdd, ctx: ActionContext): Promise<ActionResult<QuickAddResult>> {
  const { userId } = ctx;
  return ctx.db.transaction(async (tx) => {
    const event = await getEvent(tx, { userId, eventId: input.eventId });
    if (!event) return notFoundResult("This event was not found. It may have been deleted.");

    const emails = input.rows.flatMap((row) => (row.email ? [row.email] : []));
    const existing = await findContactsByEmails(tx, { userId, emails });
    const circleIds = await ensureCircles(tx, { userId, names: input.rows.flatMap((row) => row.circles) });

    const newPeople: QuickAddContact[] = [];
    const plan = input.rows.map((row) => {
      const match = row.email ? existing.get(row.email.toLowerCase()) : undefined;
      if (match) return { row, contactId: match.contactId, isLinked: true };
      // Ids are chosen here so each row knows its contact without relying on
      // the order of a multi-row insert's RETURNING.
      const id = randomUUID();
      newPeople.push({ id, name: row.name, company: row.company, role: row.role, notes: row.note, email: row.email });
      return { row, contactId: id, isLinked: false };
    });

    // Someone else's quick add of the same new email committed since the
    // lookup: that row links to the person it made, as if it had been first.
    const taken = new Set(await insertQuickAddContacts(tx, { userId, eventId: event.id, people: newPeople }));
    if (taken.size > 0) {
      const owners = await findContactsByEmails(tx, { userId, emails });
      for (const step of plan.filter((candidate) => taken.has(candidate.contactId))) {
        const owner = step.row.email ? owners.get(step.row.email.toLowerCase()) : undefined;
        // The unique index refused the email, so its owner is there to read.
        if (!owner) throw new Error("quickAddPeople: an email's owner vanished");
        Object.assign(step, { contactId: owner.contactId, isLinked: true });
      }
    }
    const linkedIds = new Set(plan.filter((step) => step.isLinked).map((step) => step.contactId));
    for (const { row, contactId } of plan.filter((step) => step.isLinked)) {
      await mergeIntoExistingContact(tx, {
        userId,
        contactId,
        eventId: event.id,
        company: row.company,
        role: row.role,
        note: row.note,
        notesMax: MAX_NOTES_LENGTH,
      });
    }
    await addContactsToCircles(tx, {
      userId,
      links: plan.flatMap(({ row, contactId }) =>
        row.circles.flatMap((name) => {
          const circleId = circleIds.get(name.toLowerCase());
          return circleId ? [{ contactId, circleId }] : [];
        }),
      ),
    });

    const occurredAt = eventTouchTime(event.occurredOn);
    const touch = await insertTouch(tx, {
      userId,
      touch: {
        occurredAt,
        channel: "event",
        summary: `Met at ${event.name}`,
        eventId: event.id,
        contactIds: plan.map((step) => step.contactId),
      },
    });
    // Every id above is the user's: a refusal here is a bug, and throwing rolls back.
    if (!touch) throw new Error("quickAddPeople: the touch was refused");

    // After insertTouch, which set next_due_at from the cadence: an explicit
    // follow-up wins. Two rows naming one contact keep the earlier follow-up.
    const followUpDays = new Map<string, number>();
    for (const { row, contactId } of plan) {
      if (row.followUpDays === null) continue;
      followUpDays.set(contactId, Math.min(followUpDays.get(contactId) ?? Infinity, row.followUpDays));
    }
    const contactsByDays = new Map<number, string[]>();
    for (const [contactId, days] of followUpDays) contactsByDays.set(days, [...(contactsByDays.get(days) ?? []), contactId]);
    for (const [days, contactIds] of contactsByDays) {
      await setNextDueAt(tx, { userId, contactIds, nextDueAt: new Date(occurredAt.getTime() + days * DAY_MS) });
    }

    return ok({ created: newPeople.length - taken.size, linked: linkedIds.size });
  });
}
