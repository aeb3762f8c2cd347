import type { Db } from "@/db/client";
import { getContact } from "@/db/queries/contacts";
import { contactHealthById } from "@/db/queries/health";
import type { ContactListRow } from "@/lib/domain/contacts";
import { explainHealth } from "@/lib/health/model";
import type { ContactJson } from "./contact-schemas";

// Contacts as /api/v1 answers them: the rows the pages read, with every
// date an ISO string.

const iso = (at: Date | null) => (at ? at.toISOString() : null);

export function contactSummary(row: ContactListRow) {
  const { score, band, lastTouchedAt, nextDueAt, archivedAt, ...rest } = row;
  return {
    ...rest,
    lastTouchedAt: iso(lastTouchedAt),
    nextDueAt: iso(nextDueAt),
    archivedAt: iso(archivedAt),
    health: score !== null && band !== null ? { score, band } : null,
  };
}

// One of the user's contacts with its health computed now, as the contact
// page shows it; undefined when it is not the user's.
export async function loadContactJson(db: Db, params: { userId: string; contactId: string; now: Date }): Promise<ContactJson | undefined> {
  const { userId, contactId, now } = params;
  const contact = await getContact(db, { userId, contactId });
  if (!contact) return undefined;
  // Archived contacts are not scored, as on the contact page.
  const health = contact.archivedAt
    ? undefined
    : (await contactHealthById(db, { userId, now, contactIds: [contactId] })).get(contactId);
  const { lastTouchedAt, nextDueAt, archivedAt, createdAt, ...rest } = contact;
  return {
    ...rest,
    lastTouchedAt: iso(lastTouchedAt),
    nextDueAt: iso(nextDueAt),
    archivedAt: iso(archivedAt),
    createdAt: createdAt.toISOString(),
    health: health
      ? {
          score: health.score,
          band: health.band,
          explanation: explainHealth(health),
          recency: health.recency,
          consistency: health.consistency,
          value: health.value,
          daysSince: health.daysSince,
          touchedWindows: health.touchedWindows,
          eligibleWindows: health.eligibleWindows,
          given: health.given,
          received: health.received,
        }
      : null,
  };
}
