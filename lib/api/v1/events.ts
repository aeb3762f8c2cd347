import { z } from "zod";
import { getEvent } from "@/db/queries/events";
import { listEventsPage } from "@/db/queries/events-page";
import { idempotent } from "@/lib/actions/idempotent";
import { notFoundResult, ok } from "@/lib/actions/result";
import { isCalendarDate } from "@/lib/domain/dates";
import { EVENT_KINDS } from "@/lib/domain/enums";
import { createEvent as createEventUseCase } from "@/lib/events/manage-events";
import { quickAddPeople as quickAddPeopleUseCase } from "@/lib/events/quick-add";
import { eventInputSchema } from "@/lib/validations/event";
import { quickAddPeopleSchema } from "@/lib/validations/quick-add";
import { type AnyApiOperation, defineOperation } from "../operation";
import { cursorParam, encodeCursor, limitParam, nextCursorSchema } from "./keyset-cursor";

const TAG = "Events";
const NOT_FOUND = "This event was not found. It may have been deleted.";

export const eventSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  occurredOn: z.iso.date().describe("The day of the event."),
  place: z.string().nullable().describe("Where it was, as typed."),
  kind: z.enum(EVENT_KINDS),
  notes: z.string().nullable(),
  peopleCount: z
    .int()
    .min(0)
    .describe("Contacts met there: those whose “how we met” is this event, and those on its touches."),
});

// Days and times PostgreSQL takes (a year 0 passes ISO's pattern, not its date type).
const eventCursorSchema = z.object({
  occurredOn: z.string().refine(isCalendarDate),
  createdAt: z.iso.datetime({ precision: 6 }).refine((at) => isCalendarDate(at.slice(0, 10))),
  id: z.uuid(),
});

const eventParamsSchema = z.object({ id: z.uuid().describe("The event's id.") });

export const listEvents = defineOperation({
  operationId: "listEvents",
  method: "GET",
  path: "/events",
  tag: TAG,
  summary: "List your events",
  description: "Your events, newest first (the latest added first within a day), as the Events page lists them, a page at a time.",
  scope: "read",
  query: z.object({ limit: limitParam(25), cursor: cursorParam(eventCursorSchema) }),
  success: {
    status: 200,
    description: "A page of events.",
    schema: z.object({ data: z.array(eventSchema), nextCursor: nextCursorSchema }),
  },
  async handle({ query }, { userId, db }) {
    const page = await listEventsPage(db, { userId, cursor: query.cursor, limit: query.limit });
    return ok({ data: page.events, nextCursor: page.nextCursor ? encodeCursor(page.nextCursor) : null });
  },
});

export const createEvent = defineOperation({
  operationId: "createEvent",
  method: "POST",
  path: "/events",
  tag: TAG,
  summary: "Create an event",
  description: "Adds an event, as the New event form does. Add the people you met there with quickAddPeople.",
  scope: "write",
  body: eventInputSchema,
  success: { status: 201, description: "The event, created.", schema: eventSchema },
  async handle({ body }, ctx) {
    const created = await createEventUseCase(body, ctx);
    if (!created.ok) return created;
    const event = await getEvent(ctx.db, { userId: ctx.userId, eventId: created.data.id });
    // A new event has met nobody yet.
    return event ? ok({ ...event, peopleCount: 0 }) : notFoundResult(NOT_FOUND);
  },
});

const quickAdd = idempotent("quick-add", quickAddPeopleUseCase);

export const quickAddPeople = defineOperation({
  operationId: "quickAddPeople",
  method: "POST",
  path: "/events/{id}/people",
  tag: TAG,
  summary: "Add the people you met at an event",
  description:
    "Adds everyone met at the event at once, as the event page's quick add does: a row whose email is one of your contacts' links that contact (filling only what it lacks), the others become new contacts; all share one “met at” touch on the event's day, and a row's followUpDays sets when they are next due. Send an idempotencyKey (a UUID you choose) to retry safely: a replay answers the first result and saves nothing again.",
  scope: "write",
  params: eventParamsSchema,
  body: quickAddPeopleSchema,
  success: {
    status: 201,
    description: "What was added.",
    schema: z.object({
      created: z.int().min(0).describe("New contacts made."),
      linked: z.int().min(0).describe("Existing contacts linked to the event by their email."),
    }),
  },
  async handle({ params, body }, ctx) {
    return quickAdd({ ...body, eventId: params.id }, ctx);
  },
});

export const EVENT_OPERATIONS: readonly AnyApiOperation[] = [listEvents, createEvent, quickAddPeople];
