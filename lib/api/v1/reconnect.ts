import { TZDate } from "@date-fns/tz";
import { differenceInCalendarDays } from "date-fns";
import { z } from "zod";
import { listReconnectNow } from "@/db/queries/dashboard";
import { getUserSettings } from "@/db/queries/users";
import { notFoundResult, ok } from "@/lib/actions/result";
import { dueStatus } from "@/lib/contacts/schedule-labels";
import { DASHBOARD } from "@/lib/dashboard/load";
import { dateFromOccurredAt } from "@/lib/domain/touch-dates";
import { explainHealth, HEALTH_BANDS } from "@/lib/health/model";
import { type AnyApiOperation, defineOperation } from "../operation";
import { limitParam } from "./keyset-cursor";

// The reasons explainHealth joins into one sentence, one per part of the score.
export function healthReasons(explanation: string): string[] {
  return explanation.split(" · ");
}

export const healthExplanationSchema = z.object({
  score: z.int().min(0).max(100).describe("0–100: recency half, consistency 30 %, value exchanged 20 %."),
  band: z.enum(HEALTH_BANDS),
  explanation: z.string().describe("The reasons in one sentence, as the dashboard shows it."),
  reasons: z.array(z.string()).describe("Why the score is what it is: recency, consistency, value exchanged."),
  facts: z
    .object({
      cadenceDays: z.int().describe("How often you aim to be in touch, in days."),
      daysSince: z.number().describe("Days since the last touch (or since they were added)."),
      touched: z.boolean().describe("Whether any touch was ever logged."),
      touchedWindows: z.int().describe("Of the last eligibleWindows windows of cadenceDays, how many had a touch."),
      eligibleWindows: z.int(),
      given: z.int().describe("Value-added touches you gave in the last year."),
      received: z.int().describe("Value-added touches you received in the last year."),
    })
    .describe("What the score is computed from."),
});

const reconnectEntrySchema = z.object({
  contact: z.object({ id: z.uuid(), name: z.string(), company: z.string().nullable() }),
  nextDueAt: z.iso.datetime().describe("When they fell due."),
  overdueDays: z.int().min(0).describe("Calendar days past due, in your time zone."),
  due: z.string().describe("How overdue, in words: “12 days overdue”."),
  lastTouch: z
    .object({ day: z.iso.date(), summary: z.string().nullable() })
    .nullable()
    .describe("The latest touch; null when there was none."),
  health: healthExplanationSchema,
});

export const getReconnect = defineOperation({
  operationId: "getReconnect",
  method: "GET",
  path: "/reconnect",
  tag: "Reconnect",
  summary: "Who to reconnect with",
  description:
    "The people overdue for a touch, the longest overdue first, with why their relationship's health is what it is: the dashboard's Reconnect now (not archived, not snoozed, past their next due date). Snoozing or logging a touch takes someone off it.",
  scope: "read",
  query: z.object({
    limit: limitParam(DASHBOARD.reconnectLimit),
    goal: z
      .uuid({ error: "Enter one of your goals' ids." })
      .optional()
      .describe("Only the people who matter for this goal of yours (its stepping stones' people)."),
  }),
  success: {
    status: 200,
    description: "The most overdue first.",
    schema: z.object({
      data: z.array(reconnectEntrySchema),
      total: z.int().min(0).describe("Everyone overdue (under the goal, if given), of whom data are the first."),
    }),
  },
  async handle({ query }, { userId, db, now }) {
    const settings = await getUserSettings(db, { userId });
    if (!settings) return notFoundResult("Your account was not found.");
    const timeZone = settings.timeZone ?? "UTC";
    const { contacts, total } = await listReconnectNow(db, { userId, now, limit: query.limit, goalId: query.goal });
    const data = contacts.map(({ id, name, company, nextDueAt, lastTouchedAt, lastTouchSummary, health }) => {
      const explanation = explainHealth(health);
      const { score, band, cadenceDays, daysSince, touched, touchedWindows, eligibleWindows, given, received } = health;
      return {
        contact: { id, name, company },
        nextDueAt: nextDueAt.toISOString(),
        // Counted as the weekly email counts them.
        overdueDays: Math.max(0, differenceInCalendarDays(new TZDate(now, timeZone), new TZDate(nextDueAt, timeZone))),
        due: dueStatus({ nextDueAt, snoozedUntil: null }, now, timeZone).label,
        lastTouch: lastTouchedAt ? { day: dateFromOccurredAt(lastTouchedAt), summary: lastTouchSummary } : null,
        health: {
          score,
          band,
          explanation,
          reasons: healthReasons(explanation),
          facts: { cadenceDays, daysSince, touched, touchedWindows, eligibleWindows, given, received },
        },
      };
    });
    return ok({ data, total });
  },
});

export const RECONNECT_OPERATIONS: readonly AnyApiOperation[] = [getReconnect];
