import { randomUUID } from "node:crypto";
import type { NewInteraction, NewSuccess, interactionContacts } from "@/db/schema";
import type { Channel, SuccessKind, ValueDirection, ValueKind } from "@/lib/domain/enums";
import type { ContactPlan, EventPlan } from "./people";
import { fillTemplate } from "./people";
import { createWeightedIndex, type Random } from "./random";
import { DAY, HOUR, isoDate, wakingMoment } from "./time";
import { SUCCESS_TITLES, SUMMARIES, VALUE_SUMMARIES } from "./vocabulary";

export type NewInteractionContact = typeof interactionContacts.$inferInsert;

// Touches and their contact links, inserted together.
export type TouchRows = { interactions: NewInteraction[]; links: NewInteractionContact[] };

type TouchFields = Pick<NewInteraction, "channel" | "summary" | "valueKind" | "valueDirection" | "eventId">;

const CHANNEL_WEIGHTS: readonly (readonly [Exclude<Channel, "event">, number])[] = [
  ["message", 30],
  ["email", 20],
  ["meeting", 15],
  ["call", 15],
  ["video", 10],
  ["social", 10],
];

// Congratulations come only from successes, so each one points at a success.
const VALUE_KIND_WEIGHTS: readonly (readonly [Exclude<ValueKind, "congratulation">, number])[] = [
  ["advice", 25],
  ["resource_shared", 20],
  ["introduction", 15],
  ["help_offered", 15],
  ["referral", 8],
  ["recommendation", 8],
  ["volunteered_together", 4],
  ["other", 5],
];

const DIRECTION_WEIGHTS: readonly (readonly [ValueDirection, number])[] = [
  ["given", 60],
  ["received", 40],
];

const SUCCESS_KIND_WEIGHTS: readonly (readonly [SuccessKind, number])[] = [
  ["new_job", 25],
  ["promotion", 20],
  ["launch", 12],
  ["award", 8],
  ["publication", 12],
  ["personal_milestone", 18],
  ["other", 5],
];

const TWO_YEARS = 730 * DAY;

export function emptyTouchRows(): TouchRows {
  return { interactions: [], links: [] };
}

function addTouch(
  rows: TouchRows,
  params: { userId: string; occurredAt: number; contactIds: string[]; fields: TouchFields },
): string {
  const id = randomUUID();
  const occurredAt = new Date(params.occurredAt);
  rows.interactions.push({
    id,
    userId: params.userId,
    occurredAt,
    ...params.fields,
    createdAt: occurredAt,
    updatedAt: occurredAt,
  });
  for (const contactId of params.contactIds) {
    rows.links.push({ userId: params.userId, interactionId: id, contactId, occurredAt, valueDirection: params.fields.valueDirection });
  }
  return id;
}

// One "met at" touch per event, with everyone met there.
export function planEventTouches(
  params: { userId: string; events: EventPlan[]; contacts: ContactPlan[]; limit: number },
): TouchRows {
  const attendees = params.events.map((): string[] => []);
  for (const contact of params.contacts) {
    if (contact.metAtEvent !== undefined) attendees[contact.metAtEvent]?.push(contact.id);
  }
  const rows = emptyTouchRows();
  params.events.forEach((event, index) => {
    const contactIds = attendees[index] ?? [];
    if (contactIds.length === 0 || rows.interactions.length >= params.limit) return;
    const isVolunteering = event.kind === "volunteering";
    addTouch(rows, {
      userId: params.userId,
      occurredAt: event.startsAt + 2 * HOUR,
      contactIds,
      fields: {
        channel: "event",
        summary: `Met at ${event.name}`,
        valueKind: isVolunteering ? "volunteered_together" : null,
        valueDirection: isVolunteering ? "given" : null,
        eventId: event.id,
      },
    });
  });
  return rows;
}

// Successes of active contacts over the last 18 months; some congratulated by
// a touch with that contact, linked from the success.
export function planSuccesses(
  random: Random,
  params: { userId: string; contacts: ContactPlan[]; count: number; congratulationLimit: number; now: number },
): { successes: NewSuccess[]; touches: TouchRows } {
  const { userId, now } = params;
  const active = params.contacts.filter((contact) => !contact.isArchived);
  const candidates = active.length > 0 ? active : params.contacts;
  const successes: NewSuccess[] = [];
  const touches = emptyTouchRows();
  for (let index = 0; index < params.count && candidates.length > 0; index++) {
    const contact = random.pick(candidates);
    const kind = random.weighted(SUCCESS_KIND_WEIGHTS);
    const title = fillTemplate(random, random.pick(SUCCESS_TITLES[kind]));
    const happenedAt = wakingMoment(random, Math.max(contact.createdAt, now - 540 * DAY), now - DAY);
    const hasUrl = random.chance(0.3);
    let congratulatedBy: string | null = null;
    if (random.chance(0.55) && touches.interactions.length < params.congratulationLimit) {
      congratulatedBy = addTouch(touches, {
        userId,
        occurredAt: Math.min(happenedAt + random.int(0, 4) * DAY + random.int(1, 8) * HOUR, now),
        contactIds: [contact.id],
        fields: {
          channel: random.pick(["message", "email", "social"] as const),
          summary: `Congratulated: ${title}`,
          valueKind: "congratulation",
          valueDirection: "given",
          eventId: null,
        },
      });
    }
    successes.push({
      userId,
      contactId: contact.id,
      kind,
      title,
      occurredOn: isoDate(happenedAt),
      url: hasUrl ? `https://news.example/${random.int(100_000, 999_999)}` : null,
      congratulatedByInteractionId: congratulatedBy,
      createdAt: new Date(happenedAt),
    });
  }
  return { successes, touches };
}

// Everyday touches over the last two years in batches of `batchSize`, most
// with one contact, some with several; about 30% carry a value kind and
// direction (always both).
export function* planTouches(
  random: Random,
  params: { userId: string; contacts: ContactPlan[]; count: number; now: number; batchSize: number },
): Generator<TouchRows> {
  const { userId, contacts, now } = params;
  if (contacts.length === 0) return;
  const pickContact = createWeightedIndex(
    contacts.map((contact) => contact.weight),
    random,
  );
  let rows = emptyTouchRows();
  for (let index = 0; index < params.count; index++) {
    const involved = new Set<ContactPlan>();
    const extra = random.chance(0.15) ? random.int(1, 3) : 0;
    for (let draw = 0; draw <= extra; draw++) {
      const contact = contacts[pickContact()];
      if (contact) involved.add(contact);
    }
    const earliest = Math.max(now - TWO_YEARS, ...[...involved].map((contact) => contact.createdAt));
    const channel = random.weighted(CHANNEL_WEIGHTS);
    const valueKind = random.chance(0.3) ? random.weighted(VALUE_KIND_WEIGHTS) : null;
    const valueDirection = valueKind ? random.weighted(DIRECTION_WEIGHTS) : null;
    const templates = valueKind ? VALUE_SUMMARIES[valueKind] : SUMMARIES[channel];
    const summary = random.chance(0.9) ? fillTemplate(random, random.pick(templates)) : null;
    addTouch(rows, {
      userId,
      occurredAt: wakingMoment(random, earliest, now),
      contactIds: [...involved].map((contact) => contact.id),
      fields: { channel, summary, valueKind, valueDirection, eventId: null },
    });
    if (rows.interactions.length >= params.batchSize) {
      yield rows;
      rows = emptyTouchRows();
    }
  }
  if (rows.interactions.length > 0) yield rows;
}
