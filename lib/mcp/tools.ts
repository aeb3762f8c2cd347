import { listContacts } from "@/lib/api/v1/contacts";
import { recordWin } from "@/lib/api/v1/journal";
import { getReconnect } from "@/lib/api/v1/reconnect";
import { congratulateSuccess, recordSuccess } from "@/lib/api/v1/successes";
import { getWeeklySummary } from "@/lib/api/v1/summary";
import { logTouch } from "@/lib/api/v1/touches";
import { getContactTool } from "./get-contact-tool";
import { type KithTool, operationTool } from "./operation-tool";

// The tools Kith's MCP server offers, each one REST operation (or two, for
// get_contact) called with the token owner's id. The descriptions are read
// by a model choosing a tool: what it does, when to use it, what it needs.

const countOf = (value: unknown) => (Array.isArray(value) ? value.length : 0);

function namesOf(contacts: unknown): string {
  const names = Array.isArray(contacts) ? contacts.map((contact: { name?: unknown }) => String(contact.name)) : [];
  return names.join(", ") || "nobody";
}

export const searchContacts = operationTool({
  name: "search_contacts",
  title: "Search contacts",
  description:
    "Finds the user's contacts by name, company, role, notes or email (q), or lists them sorted and filtered as the Contacts page does (overdue: only those due a touch; band: by relationship health; circle or goal ids), a page at a time (limit, then nextCursor as cursor). Each has an id, which the other tools take. Use it first whenever the user names a person.",
  operation: listContacts,
  sentence: (data) => `${countOf(data.data)} contacts${data.nextCursor ? "; more with nextCursor as cursor" : ""}.`,
});

export const logTouchTool = operationTool({
  name: "log_touch",
  title: "Log a touch",
  description:
    "Records that the user was in touch with one or more contacts (contactIds, from search_contacts) on a day (occurredOn, YYYY-MM-DD, not in the future) by a channel (meeting, call, message, …), with an optional summary of what was said and the value it added (valueKind with valueDirection given or received). Their last touch, next due date and health move at once. Use it when the user tells you they met, called or wrote to someone. Send an idempotencyKey (a UUID) if you may retry the call.",
  operation: logTouch,
  notes: { occurredOn: "The day, YYYY-MM-DD; not in the future.", contactIds: "The contacts' ids, from search_contacts." },
  sentence: (data) => `Logged a touch (${String(data.channel)}) on ${String(data.occurredOn)} with ${namesOf(data.contacts)}.`,
});

export const recordSuccessTool = operationTool({
  name: "record_success",
  title: "Record a contact's success",
  description:
    "Notes a success of one of the user's contacts (contactId, from search_contacts): a new job, a promotion, a launch, an award…, with a title, the day and an optional link. It then waits for the user to congratulate them (see congratulate). Use it when the user mentions good news about someone they know; for the user's own achievements use add_journal_win.",
  operation: recordSuccess,
  notes: { occurredOn: "The day it happened, YYYY-MM-DD.", contactId: "The contact's id, from search_contacts." },
  sentence: (data) => `Recorded the success “${String(data.title)}”; it waits for a congratulation (its id is ${String(data.id)}).`,
});

export const congratulate = operationTool({
  name: "congratulate",
  title: "Congratulate a success",
  description:
    "Logs the touch in which the user congratulated a contact on a success (id: the success's id, from weekly_summary or record_success), by a channel, with an optional message summary and day (today if left out), and marks the success congratulated. Use it once the user has actually sent their congratulations.",
  operation: congratulateSuccess,
  notes: { id: "The success's id, from weekly_summary or record_success.", occurredOn: "YYYY-MM-DD." },
  sentence: (data) => `Logged the congratulation to ${namesOf(data.contacts)} on ${String(data.occurredOn)}; the success is marked congratulated.`,
});

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
  notes: { occurredOn: "The day it happened, YYYY-MM-DD.", skills: "Skill names; a new name becomes a skill." },
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

export const KITH_TOOLS: readonly KithTool[] = [
  searchContacts,
  getContactTool,
  logTouchTool,
  recordSuccessTool,
  congratulate,
  reconnectThisWeek,
  addJournalWin,
  weeklySummary,
];
