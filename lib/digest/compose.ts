import { TZDate } from "@date-fns/tz";
import { differenceInCalendarDays } from "date-fns";
import { and, count, desc, eq, gte, lt, ne } from "drizzle-orm";
import type { Db } from "@/db/client";
import { getValueStreak, listReconnectNow, listValueByWeek, weekOf } from "@/db/queries/dashboard";
import type { Claim } from "@/db/queries/digest-ledger";
import { listWaitingSuccesses } from "@/db/queries/successes";
import { getUserSettings } from "@/db/queries/users";
import { digestDeliveries, interactions } from "@/db/schema";
import { todayIn } from "@/lib/domain/dates";
import type { Mail } from "@/lib/email/mailer";
import { explainHealth } from "@/lib/health/model";
import { dateFromOccurredAt } from "@/lib/touches/dates";
import type { DigestContent } from "./content";
import { digestLinkUrl, digestPayload, oneClickUnsubscribeUrl } from "./links";
import { renderDigest } from "./render";

export const DIGEST_RECONNECT_LIMIT = 5;
export const DIGEST_CONGRATULATE_LIMIT = 5;

/** What a delivery row keeps: enough to render the very same email again. */
export type StoredDigest = { to: string; content: DigestContent; oneClickUnsubscribeUrl: string };

type ComposeOptions = { now: Date; appUrl: string; key: Buffer };

// One user's digest for the claimed period, or null when there is nothing
// to say (nobody overdue, nothing to congratulate).
export async function composeDigest(db: Db, claim: Claim, options: ComposeOptions): Promise<StoredDigest | null> {
  const { userId, period } = claim;
  const { now, appUrl, key } = options;
  const settings = await getUserSettings(db, { userId });
  if (!settings) return null;
  const timeZone = settings.timeZone ?? "UTC";
  const thisWeek = weekOf(todayIn(timeZone, now));

  const [reconnect, waiting, previous, streak, weeks, lastWeekTouches] = await Promise.all([
    listReconnectNow(db, { userId, now, limit: DIGEST_RECONNECT_LIMIT }),
    listWaitingSuccesses(db, { userId, limit: DIGEST_CONGRATULATE_LIMIT }),
    db
      .select({ sentAt: digestDeliveries.sentAt })
      .from(digestDeliveries)
      .where(and(eq(digestDeliveries.userId, userId), eq(digestDeliveries.status, "sent"), ne(digestDeliveries.period, period)))
      .orderBy(desc(digestDeliveries.sentAt))
      .limit(1),
    getValueStreak(db, { userId, now, timeZone }),
    listValueByWeek(db, { userId, now, timeZone, weeks: 2 }),
    db
      .select({ touches: count() })
      .from(interactions)
      .where(
        and(
          eq(interactions.userId, userId),
          gte(interactions.occurredAt, new Date(`${weekBefore(thisWeek)}T00:00:00.000Z`)),
          lt(interactions.occurredAt, new Date(`${thisWeek}T00:00:00.000Z`)),
        ),
      ),
  ]);
  if (reconnect.contacts.length === 0 && waiting.items.length === 0) return null;

  const link = (fields: { a: "log" | "snooze"; c: string } | { a: "congratulate"; s: string }) =>
    digestLinkUrl(appUrl, digestPayload({ ...fields, u: userId, p: period }, now), key);
  const unsubscribe = digestPayload({ a: "unsubscribe", u: userId, p: period }, now);
  const lastSent = previous[0]?.sentAt ?? null;
  const lastWeek = weeks[0];

  const content: DigestContent = {
    userName: settings.name,
    period,
    reconnect: reconnect.contacts.map((contact) => ({
      id: contact.id,
      name: contact.name,
      company: contact.company,
      band: contact.health.band,
      score: contact.health.score,
      explanation: explainHealth(contact.health),
      // Calendar days where the user lives, as the contacts list counts them.
      overdueDays: Math.max(
        0,
        differenceInCalendarDays(new TZDate(now, timeZone), new TZDate(contact.nextDueAt, timeZone)),
      ),
      lastTouch: contact.lastTouchedAt
        ? { day: dateFromOccurredAt(contact.lastTouchedAt), summary: contact.lastTouchSummary }
        : null,
      logTouchUrl: link({ a: "log", c: contact.id }),
      snoozeUrl: link({ a: "snooze", c: contact.id }),
    })),
    reconnectTotal: reconnect.total,
    congratulate: waiting.items.map((success) => ({
      id: success.id,
      contactId: success.contactId,
      contactName: success.contactName,
      kind: success.kind,
      title: success.title,
      occurredOn: success.occurredOn,
      isNew: lastSent === null || success.createdAt > lastSent,
      congratulateUrl: link({ a: "congratulate", s: success.id }),
    })),
    streak,
    lastWeek: {
      touches: lastWeekTouches[0]?.touches ?? 0,
      given: lastWeek?.given ?? 0,
      received: lastWeek?.received ?? 0,
    },
    appUrl,
    settingsUrl: `${appUrl}/settings`,
    unsubscribeUrl: digestLinkUrl(appUrl, unsubscribe, key),
  };
  return { to: claim.email, content, oneClickUnsubscribeUrl: oneClickUnsubscribeUrl(appUrl, unsubscribe, key) };
}

// The email for a stored digest, with RFC 8058 one-click unsubscribe headers.
export async function renderStoredDigest(stored: StoredDigest): Promise<Mail> {
  const { subject, html, text } = await renderDigest(stored.content);
  return {
    to: stored.to,
    subject,
    html,
    text,
    headers: {
      "List-Unsubscribe": `<${stored.oneClickUnsubscribeUrl}>`,
      "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    },
  };
}

function weekBefore(monday: string): string {
  const date = new Date(`${monday}T00:00:00.000Z`);
  date.setUTCDate(date.getUTCDate() - 7);
  return date.toISOString().slice(0, 10);
}
