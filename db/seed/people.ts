import { randomUUID } from "node:crypto";
import type {
  NewCircle,
  NewContact,
  NewContactEmail,
  NewContactLink,
  NewContactPhone,
  NewEvent,
  contactCircles,
} from "@/db/schema";
import type { ContactTier } from "@/lib/domain/enums";
import type { Random } from "./random";
import { DAY, HOUR, isoDate, startOfUtcDay, wakingMoment } from "./time";
import { CIRCLES, CITIES, COMPANIES, EVENTS, FIRST_NAMES, LAST_NAMES, NOTES, ROLES, TOPICS } from "./vocabulary";

export type NewContactCircle = typeof contactCircles.$inferInsert;

// What touch and success generation needs to know about each contact.
export type ContactPlan = {
  id: string;
  createdAt: number;
  /** How often touches pick this contact, relative to the others. */
  weight: number;
  isArchived: boolean;
  /** Index into the event plans when the contact was met at an event. */
  metAtEvent: number | undefined;
};

export type EventPlan = { id: string; name: string; kind: NewEvent["kind"]; startsAt: number };

const TIER_WEIGHTS: Record<ContactTier, number> = { inner: 6, regular: 3, distant: 1 };
const CADENCES = [7, 21, 30, 45, 60, 120, 180] as const;

export function fillTemplate(random: Random, template: string): string {
  return template
    .replaceAll("{topic}", () => random.pick(TOPICS))
    .replaceAll("{city}", () => random.pick(CITIES))
    .replaceAll("{role}", () => random.pick(ROLES))
    .replaceAll("{company}", () => random.pick(COMPANIES));
}

export function planCircles(userId: string): NewCircle[] {
  return CIRCLES.map((name) => ({ id: randomUUID(), userId, name }));
}

export function planEvents(random: Random, params: { userId: string; count: number; now: number }) {
  const plans: EventPlan[] = [];
  const rows: NewEvent[] = [];
  for (let index = 0; index < params.count; index++) {
    const base = random.pick(EVENTS);
    // Evenings over the last two years, most recent a week ago.
    const startsAt = startOfUtcDay(params.now) - random.int(7, 720) * DAY + 18 * HOUR;
    const name = `${base.name} ${new Date(startsAt).getUTCFullYear()}`;
    const place = random.pick(CITIES);
    const plan = { id: randomUUID(), name, kind: base.kind, startsAt };
    plans.push(plan);
    rows.push({
      id: plan.id,
      userId: params.userId,
      name,
      occurredOn: isoDate(startsAt),
      place,
      kind: base.kind,
      notes: random.chance(0.4) ? fillTemplate(random, "Good chats about {topic}.") : null,
    });
  }
  return { plans, rows };
}

function birthday(random: Random): Pick<NewContact, "birthdayMonth" | "birthdayDay" | "birthdayYear"> {
  if (!random.chance(0.35)) return { birthdayMonth: null, birthdayDay: null, birthdayYear: null };
  const year = random.chance(0.5) ? random.int(1960, 2001) : null;
  const month = random.int(1, 12);
  // 29 February only in a leap year, or with no year at all.
  const februaryDays = year !== null && year % 4 !== 0 ? 28 : 29;
  const days = month === 2 ? februaryDays : [4, 6, 9, 11].includes(month) ? 30 : 31;
  return { birthdayMonth: month, birthdayDay: random.int(1, days), birthdayYear: year };
}

export function planContacts(
  random: Random,
  params: { userId: string; count: number; events: EventPlan[]; now: number },
) {
  const { userId, events, now } = params;
  const plans: ContactPlan[] = [];
  const rows: NewContact[] = [];
  const names: { first: string; last: string; company: string | null }[] = [];
  for (let index = 0; index < params.count; index++) {
    const first = random.pick(FIRST_NAMES);
    const last = random.pick(LAST_NAMES);
    const company = random.chance(0.85) ? random.pick(COMPANIES) : null;
    const tier = random.weighted<ContactTier>([["inner", 10], ["regular", 65], ["distant", 25]]);
    const metAtEvent = events.length > 0 && random.chance(0.3) ? random.int(0, events.length - 1) : undefined;
    const event = metAtEvent === undefined ? undefined : events[metAtEvent];
    const createdAt = event ? event.startsAt + 3 * HOUR : wakingMoment(random, now - 1095 * DAY, now - DAY);
    const isArchived = random.chance(0.05);
    const archivedAt = isArchived ? wakingMoment(random, createdAt, now) : null;
    const snoozedUntil = !isArchived && random.chance(0.04) ? isoDate(now + random.int(3, 60) * DAY) : null;
    const plan = { id: randomUUID(), createdAt, weight: TIER_WEIGHTS[tier] * (isArchived ? 0.3 : 1), isArchived, metAtEvent };
    plans.push(plan);
    names.push({ first, last, company });
    rows.push({
      id: plan.id,
      userId,
      name: `${first} ${last}`,
      company,
      role: random.chance(0.8) ? random.pick(ROLES) : null,
      location: random.chance(0.7) ? random.pick(CITIES) : null,
      notes: random.chance(0.2) ? fillTemplate(random, random.pick(NOTES)) : null,
      ...birthday(random),
      tier,
      cadenceDays: random.chance(0.15) ? random.pick(CADENCES) : null,
      metAtEventId: event?.id ?? null,
      connectedOn: event ? isoDate(event.startsAt) : random.chance(0.5) ? isoDate(createdAt) : null,
      snoozedUntil,
      archivedAt: archivedAt === null ? null : new Date(archivedAt),
      createdAt: new Date(createdAt),
      updatedAt: new Date(archivedAt ?? createdAt),
    });
  }
  return { plans, rows, names };
}

function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
}

// Emails, phones, links and circle memberships for the planned contacts.
export function planContactDetails(
  random: Random,
  params: {
    userId: string;
    contacts: ContactPlan[];
    names: { first: string; last: string; company: string | null }[];
    circles: NewCircle[];
  },
) {
  const { userId } = params;
  const emails: NewContactEmail[] = [];
  const phones: NewContactPhone[] = [];
  const links: NewContactLink[] = [];
  const memberships: NewContactCircle[] = [];
  const usedEmails = new Set<string>();
  const uniqueEmail = (local: string, domain: string) => {
    let email = `${local}@${domain}`;
    for (let suffix = 2; usedEmails.has(email); suffix++) email = `${local}${suffix}@${domain}`;
    usedEmails.add(email);
    return email;
  };
  params.contacts.forEach((contact, index) => {
    const name = params.names[index];
    if (!name) return;
    const local = slug(`${name.first}.${name.last}`).replace(/-/g, ".");
    const owner = { userId, contactId: contact.id };
    if (random.chance(0.85)) {
      const isWork = name.company !== null && random.chance(0.6);
      const domain = isWork && name.company ? `${slug(name.company)}.example` : "mail.example";
      emails.push({ ...owner, email: uniqueEmail(local, domain), label: isWork ? "work" : "personal", isPrimary: true });
      if (random.chance(0.2)) {
        emails.push({ ...owner, email: uniqueEmail(local, "home.example"), label: "personal", isPrimary: false });
      }
    }
    if (random.chance(0.5)) {
      phones.push({ ...owner, phone: `+44 7700 900${String(random.int(0, 999)).padStart(3, "0")}`, label: "mobile" });
    }
    if (random.chance(0.4)) {
      const handle = `${slug(`${name.first} ${name.last}`)}-${random.int(0x1000, 0xffff).toString(16)}`;
      links.push({ ...owner, url: `https://www.linkedin.com/in/${handle}`, label: "LinkedIn" });
    }
    const circleCount = random.weighted([[0, 30], [1, 55], [2, 15]]);
    const chosen = new Set<string>();
    while (chosen.size < circleCount && params.circles.length >= circleCount) {
      const circle = random.pick(params.circles);
      if (circle.id) chosen.add(circle.id);
    }
    for (const circleId of chosen) memberships.push({ ...owner, circleId });
  });
  return { emails, phones, links, memberships };
}
