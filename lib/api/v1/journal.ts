import { z } from "zod";
import { getJournalWin, listJournal } from "@/db/queries/journal";
import { idempotent } from "@/lib/actions/idempotent";
import { notFoundResult, ok } from "@/lib/actions/result";
import { isCalendarDate } from "@/lib/domain/dates";
import { WIN_KINDS, WIN_PERSON_PARTS } from "@/lib/domain/enums";
import type { JournalFilters } from "@/lib/domain/journal-list";
import { recordWin as recordWinUseCase } from "@/lib/journal/record-win";
import { winInputSchema } from "@/lib/validations/journal";
import { MAX_JOURNAL_SEARCH_LENGTH } from "@/lib/validations/journal-filters";
import { type AnyApiOperation, defineOperation } from "../operation";
import { cursorParam, encodeCursor, limitParam, nextCursorSchema } from "./keyset-cursor";

const TAG = "Journal";

export const winSchema = z.object({
  id: z.uuid(),
  occurredOn: z.iso.date().describe("The day it happened."),
  kind: z.enum(WIN_KINDS),
  title: z.string(),
  what: z.string().nullable().describe("What you did."),
  result: z.string().nullable().describe("What came of it: the impact."),
  metricValue: z.number().nullable().describe("A figure that measures the result."),
  metricUnit: z.string().nullable().describe("What metricValue measures, like “% build time”."),
  url: z.string().nullable().describe("A link to the work."),
  role: z
    .object({ id: z.uuid(), label: z.string().describe("“Title at Company”.") })
    .nullable()
    .describe("The role from My roles it belongs to; null between roles."),
  people: z
    .array(
      z.object({
        contactId: z.uuid(),
        name: z.string(),
        part: z.enum(WIN_PERSON_PARTS).describe("How they relate to the win."),
      }),
    )
    .describe("By part (helped me first), then by name."),
  skills: z.array(z.object({ id: z.uuid(), name: z.string() })).describe("The skills it is tagged with, by name."),
});

const winCursorSchema = z.object({ occurredOn: z.string().refine(isCalendarDate), id: z.uuid() });

const day = (what: string) =>
  z
    .iso.date({ error: "Enter a date like 2026-03-01." })
    .refine(isCalendarDate, "Enter a real date between 1900 and 2100, like 2026-03-01.")
    .optional()
    .describe(what);

const winsQuerySchema = z.object({
  limit: limitParam(25),
  cursor: cursorParam(winCursorSchema),
  role: z.uuid({ error: "Enter a role's id." }).optional().describe("Only the wins of this role of yours."),
  kind: z.enum(WIN_KINDS, { error: "Choose a kind of win from the list." }).optional().describe("Only wins of this kind."),
  skill: z.uuid({ error: "Enter a skill's id." }).optional().describe("Only wins tagged with this skill."),
  person: z.uuid({ error: "Enter a contact's id." }).optional().describe("Only wins this contact took part in."),
  from: day("Only wins on or after this day."),
  to: day("Only wins on or before this day."),
  q: z
    .string()
    .trim()
    .max(MAX_JOURNAL_SEARCH_LENGTH, `Keep the search under ${MAX_JOURNAL_SEARCH_LENGTH} characters.`)
    .optional()
    .describe("Words, each found in the win's text or one of its skills' names."),
});

function filtersOf(query: z.output<typeof winsQuerySchema>): JournalFilters {
  const { role, kind, skill, person, from, to, q } = query;
  const filters: JournalFilters = {};
  if (role) filters.roleId = role.toLowerCase();
  if (kind) filters.kind = kind;
  if (skill) filters.skillId = skill.toLowerCase();
  if (person) filters.contactId = person.toLowerCase();
  if (from) filters.from = from;
  if (to) filters.to = to;
  if (q) filters.q = q;
  return filters;
}

export const listWins = defineOperation({
  operationId: "listWins",
  method: "GET",
  path: "/wins",
  tag: TAG,
  summary: "List your journal's wins",
  description:
    "The wins in your job journal, newest first, with their role, people and skills, a page at a time; narrowed by the journal page's filters when given (another user's ids match nothing).",
  scope: "read",
  query: winsQuerySchema,
  success: {
    status: 200,
    description: "A page of wins.",
    schema: z.object({ data: z.array(winSchema), nextCursor: nextCursorSchema }),
  },
  async handle({ query }, { userId, db }) {
    const page = await listJournal(db, { userId, filters: filtersOf(query), cursor: query.cursor ?? null, limit: query.limit });
    return ok({ data: page.wins, nextCursor: page.nextCursor ? encodeCursor(page.nextCursor) : null });
  },
});

const record = idempotent("win", recordWinUseCase);

export const recordWin = defineOperation({
  operationId: "recordWin",
  method: "POST",
  path: "/wins",
  tag: TAG,
  summary: "Record a win",
  description:
    "Adds a win to your job journal, as the Record a win form does: its role (null for none), the people who took part and how, and skills by name (new names become skills). Send an idempotencyKey (a UUID you choose) to retry safely: a replay answers the first win and saves nothing again.",
  scope: "write",
  body: winInputSchema,
  success: { status: 201, description: "The win, recorded.", schema: winSchema },
  async handle({ body }, ctx) {
    const recorded = await record(body, ctx);
    if (!recorded.ok) return recorded;
    const win = await getJournalWin(ctx.db, { userId: ctx.userId, winId: recorded.data.id });
    // A replay names a win that may have been deleted since.
    return win ? ok(win) : notFoundResult("That win was not found. It may have been deleted.");
  },
});

export const JOURNAL_OPERATIONS: readonly AnyApiOperation[] = [listWins, recordWin];
