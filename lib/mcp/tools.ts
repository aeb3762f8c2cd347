import { recordWin } from "@/lib/api/v1/journal";
import { getReconnect } from "@/lib/api/v1/reconnect";
import { getWeeklySummary } from "@/lib/api/v1/summary";
import { type KithTool, operationTool } from "./operation-tool";

// The tools Kith's MCP server offers, each one REST operation (or two, for
// get_contact) called with the token owner's id. The descriptions are read
// by a model choosing a tool: what it does, when to use it, what it needs.

const countOf = (value: unknown) => (Array.isArray(value) ? value.length : 0);

export const reconnectThisWeek = operationTool({
  name: "reconnect_this_week",
  title: "Who to reconnect with",
  description:
    "The people the user is overdue to be in touch with, the longest overdue first, each with how overdue, their last touch and why their relationship's health is what it is (the reasons). Use it when the user asks who to reach out to, who they have neglected, or to plan their week. Optionally narrowed to the people who matter for one of their goals (goal id).",
  operation: getReconnect,
  sentence: (data) => `${String(data.total)} people are overdue; the ${countOf(data.data)} most overdue follow.`,
});

export const addJournalWin = operationTool({
  name: "add_journal_win",
  title: "Record a win in the job journal",
  description:
    "Adds a win to the user's own job journal (their achievements at work, not a contact's success): the day, a kind, a title, optionally what they did, the result, a metric, a link, skills by name and the contacts who took part (contact ids from search_contacts, with their part). Use it when the user tells you about something they achieved. Send an idempotencyKey (a UUID) if you may retry the call.",
  operation: recordWin,
  sentence: (data) => `Recorded the win “${String(data.title)}” on ${String(data.occurredOn)}.`,
});

export const weeklySummary = operationTool({
  name: "weekly_summary",
  title: "This week's summary",
  description:
    "What the user's weekly email says this week: who is most overdue for a touch (and why they matter for a goal), contacts' successes waiting for a congratulation, their streak of giving value, and the journal's question. Use it for an overview of the user's week or when they ask what needs their attention.",
  operation: getWeeklySummary,
  sentence: (data) =>
    `Week ${String(data.period)}: ${String(data.reconnectTotal)} people overdue, ${countOf(data.congratulate)} successes to congratulate.`,
});

export const KITH_TOOLS: readonly KithTool[] = [reconnectThisWeek, addJournalWin, weeklySummary];
