import { TZDate } from "@date-fns/tz";
import { differenceInCalendarDays } from "date-fns";
import type { Db } from "@/db/client";
import { weekOf } from "@/db/queries/dashboard";
import { type DigestData, loadDigestData, loadDigestUsers } from "@/db/queries/digest-content";
import type { Claim } from "@/db/queries/digest-ledger";
import { todayIn } from "@/lib/domain/dates";
import { whyTheyMatter } from "@/lib/domain/goal-network";
import { dateFromOccurredAt } from "@/lib/domain/touch-dates";
import type { Mail } from "@/lib/email/mailer";
import { explainHealth } from "@/lib/health/model";
import type { DigestContent } from "./content";
import { digestLinkUrl, digestPayload, oneClickUnsubscribeUrl } from "./links";
import { renderDigest } from "./render";

export const DIGEST_RECONNECT_LIMIT = 5;
export const DIGEST_CONGRATULATE_LIMIT = 5;
export const DIGEST_WINS_LIMIT = 5;

/** What a delivery row keeps: enough to render the very same email again. */
export type StoredDigest = { to: string; content: DigestContent; oneClickUnsubscribeUrl: string };

type ComposeOptions = { now: Date; appUrl: string; key: Buffer };

// One user's digest for the claimed period, or null when there is nothing
// to say (nobody overdue, nothing to congratulate, and the journal's prompt
// turned off: with it on, every week has its question).
export async function composeDigest(db: Db, claim: Claim, options: ComposeOptions): Promise<StoredDigest | null> {
  const [digest] = await composeDigests(db, [claim], options);
  return digest ?? null;
}

// The digests of many claimed users at once, in the claims' order (the
// scheduler composes its batches of 100 this way: db/queries/digest-content.ts).
export async function composeDigests(
  db: Db,
  claims: Claim[],
  options: ComposeOptions,
): Promise<(StoredDigest | null)[]> {
  const { now } = options;
  const people = await loadDigestUsers(db, claims.map((claim) => claim.userId));
  const due = claims.flatMap((claim) => {
    const person = people.get(claim.userId);
    if (!person) return [];
    const timeZone = person.timeZone ?? "UTC";
    return [{ claim, person, timeZone, thisWeek: weekOf(todayIn(timeZone, now)) }];
  });
  const data = await loadDigestData(db, {
    users: due.map(({ claim, person, thisWeek }) => ({
      userId: claim.userId,
      period: claim.period,
      thisWeek,
      journal: person.journalPromptEnabled,
    })),
    now,
    reconnectLimit: DIGEST_RECONNECT_LIMIT,
    congratulateLimit: DIGEST_CONGRATULATE_LIMIT,
    winsLimit: DIGEST_WINS_LIMIT,
  });
  const digests = new Map<string, StoredDigest | null>();
  for (const { claim, person, timeZone } of due) {
    const found = data.get(claim.userId);
    digests.set(claim.id, found ? digestOf(claim, person, timeZone, found, options) : null);
  }
  return claims.map((claim) => digests.get(claim.id) ?? null);
}

type LinkFields = { a: "log" | "snooze"; c: string } | { a: "congratulate"; s: string } | { a: "record-win" };

function digestOf(
  claim: Claim,
  person: { name: string | null; journalPromptEnabled: boolean },
  timeZone: string,
  data: DigestData,
  { now, appUrl, key }: ComposeOptions,
): StoredDigest | null {
  const { userId, period } = claim;
  const hasJournal = person.journalPromptEnabled;
  if (data.reconnect.length === 0 && data.waiting.length === 0 && !hasJournal) return null;

  const link = (fields: LinkFields) => digestLinkUrl(appUrl, digestPayload({ ...fields, u: userId, p: period }, now), key);
  const unsubscribe = digestPayload({ a: "unsubscribe", u: userId, p: period }, now);
  const { lastSentAt } = data;

  const content: DigestContent = {
    userName: person.name,
    period,
    reconnect: data.reconnect.map((contact) => ({
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
      ...(contact.mattersFor
        ? {
            mattersFor: {
              goalTitle: contact.mattersFor.goalTitle,
              why: whyTheyMatter(contact.mattersFor.part, contact.mattersFor.note),
              more: contact.mattersFor.others,
            },
          }
        : {}),
      logTouchUrl: link({ a: "log", c: contact.id }),
      snoozeUrl: link({ a: "snooze", c: contact.id }),
    })),
    reconnectTotal: data.reconnectTotal,
    congratulate: data.waiting.map((success) => ({
      id: success.id,
      contactId: success.contactId,
      contactName: success.contactName,
      kind: success.kind,
      title: success.title,
      occurredOn: success.occurredOn,
      isNew: lastSentAt === null || success.createdAt > lastSentAt,
      congratulateUrl: link({ a: "congratulate", s: success.id }),
    })),
    streak: data.streak,
    lastWeek: data.lastWeek,
    ...(hasJournal
      ? {
          journal: {
            recordWinUrl: link({ a: "record-win" }),
            lastWeekWins: data.lastWeekWins,
            lastWeekWinsTotal: data.lastWeekWinsTotal,
            journalUrl: `${appUrl}/journal`,
          },
        }
      : {}),
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
