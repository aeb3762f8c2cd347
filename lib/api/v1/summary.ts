import { z } from "zod";
import { getUserSettings } from "@/db/queries/users";
import { JOURNAL_HEADING } from "@/emails/digest-journal";
import { notFoundResult, ok } from "@/lib/actions/result";
import { composeDigest } from "@/lib/digest/compose";
import type { DigestContent } from "@/lib/digest/content";
import { appUrl, digestLinkKey } from "@/lib/digest/links";
import { digestPeriod } from "@/lib/digest/period";
import { digestSubject } from "@/lib/digest/render";
import { SUCCESS_KINDS } from "@/lib/domain/enums";
import { HEALTH_BANDS } from "@/lib/health/model";
import { type AnyApiOperation, defineOperation } from "../operation";
import { healthReasons } from "./reconnect";

const summaryContactSchema = z.object({
  contact: z.object({ id: z.uuid(), name: z.string(), company: z.string().nullable() }),
  overdueDays: z.int().min(0).describe("Calendar days past due, in your time zone."),
  lastTouch: z.object({ day: z.iso.date(), summary: z.string().nullable() }).nullable(),
  health: z.object({
    score: z.int().min(0).max(100),
    band: z.enum(HEALTH_BANDS),
    explanation: z.string().describe("The reasons in one sentence, as the email says it."),
    reasons: z.array(z.string()).describe("Recency, consistency and value exchanged, one reason each."),
  }),
  mattersFor: z
    .object({
      goalTitle: z.string(),
      why: z.string().describe("How they can help with the goal's next open step."),
      more: z.int().min(0).describe("Other open steps of active goals they matter for."),
    })
    .nullable()
    .describe("Why they matter for one of your active goals; null when they matter for none."),
});

const summarySchema = z.object({
  period: z.string().describe("The ISO week in your time zone, like 2026-W49."),
  wouldSend: z
    .boolean()
    .describe("Whether this week's email has anything to say: false when nobody is overdue, nothing waits to be congratulated and the journal's question is off."),
  isEmailOn: z.boolean().describe("Whether the weekly email is turned on in Settings."),
  subject: z.string().nullable().describe("The email's subject; null when it would not be sent."),
  reconnect: z.array(summaryContactSchema).describe("The most overdue people, the longest overdue first."),
  reconnectTotal: z.int().min(0).describe("Everyone overdue, of whom reconnect are the first."),
  congratulate: z
    .array(
      z.object({
        id: z.uuid().describe("The success's id."),
        contact: z.object({ id: z.uuid(), name: z.string() }),
        kind: z.enum(SUCCESS_KINDS),
        title: z.string(),
        occurredOn: z.iso.date(),
        isNew: z.boolean().describe("Recorded since the previous weekly email."),
      }),
    )
    .describe("Successes of your contacts waiting for a congratulation."),
  streak: z
    .object({
      weeks: z.int().min(0).describe("Consecutive weeks, up to this one, in which you gave value."),
      includesThisWeek: z.boolean(),
    })
    .nullable()
    .describe("Null when the email would not be sent."),
  lastWeek: z
    .object({ touches: z.int().min(0), given: z.int().min(0), received: z.int().min(0) })
    .nullable()
    .describe("Touches logged, and value given and received, in the previous week; null when the email would not be sent."),
  journal: z
    .object({
      prompt: z.string().describe("The nudge to record this week's wins."),
      lastWeekWins: z.array(z.object({ id: z.uuid(), title: z.string(), occurredOn: z.iso.date() })).describe("Oldest first."),
      lastWeekWinsTotal: z.int().min(0).describe("All wins of the previous week, of which lastWeekWins are the first."),
    })
    .nullable()
    .describe("The journal's question and last week's wins; null when the question is turned off in Settings."),
});

type Summary = z.output<typeof summarySchema>;

// The email's content without its links: each is signed to act without a
// sign-in (log a touch, snooze, unsubscribe), which a token's reader must not get.
function summaryOf(content: DigestContent, isEmailOn: boolean): Summary {
  return {
    period: content.period,
    wouldSend: true,
    isEmailOn,
    subject: digestSubject(content),
    reconnect: content.reconnect.map((person) => ({
      contact: { id: person.id, name: person.name, company: person.company },
      overdueDays: person.overdueDays,
      lastTouch: person.lastTouch,
      health: {
        score: person.score,
        band: person.band,
        explanation: person.explanation,
        reasons: healthReasons(person.explanation),
      },
      mattersFor: person.mattersFor ?? null,
    })),
    reconnectTotal: content.reconnectTotal,
    congratulate: content.congratulate.map((success) => ({
      id: success.id,
      contact: { id: success.contactId, name: success.contactName },
      kind: success.kind,
      title: success.title,
      occurredOn: success.occurredOn,
      isNew: success.isNew,
    })),
    streak: content.streak,
    lastWeek: content.lastWeek,
    journal: content.journal
      ? {
          prompt: JOURNAL_HEADING,
          lastWeekWins: content.journal.lastWeekWins,
          lastWeekWinsTotal: content.journal.lastWeekWinsTotal,
        }
      : null,
  };
}

export const getWeeklySummary = defineOperation({
  operationId: "getWeeklySummary",
  method: "GET",
  path: "/summary/weekly",
  tag: "Summary",
  summary: "What this week's email says",
  description:
    "This week's digest as JSON, composed as the weekly email is, for the current week in your time zone: who is overdue and why, your contacts' successes to congratulate, your value streak and last week's numbers, and the journal's question with last week's wins. No email is sent and nothing is written.",
  scope: "read",
  success: { status: 200, description: "This week's summary.", schema: summarySchema },
  async handle(_input, { userId, db, now }) {
    const settings = await getUserSettings(db, { userId });
    if (!settings) return notFoundResult("Your account was not found.");
    const period = digestPeriod(now, settings.timeZone);
    const claim = { id: "", userId, email: settings.email, name: settings.name, period, attempts: 0 };
    const stored = await composeDigest(db, claim, { now, appUrl: appUrl(), key: digestLinkKey() });
    if (stored) return ok(summaryOf(stored.content, settings.digestEnabled));
    return ok({
      period,
      wouldSend: false,
      isEmailOn: settings.digestEnabled,
      subject: null,
      reconnect: [],
      reconnectTotal: 0,
      congratulate: [],
      streak: null,
      lastWeek: null,
      journal: null,
    });
  },
});

export const SUMMARY_OPERATIONS: readonly AnyApiOperation[] = [getWeeklySummary];
