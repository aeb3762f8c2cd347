import { z } from "zod";
import { getContactRef } from "@/db/queries/contacts";
import { getSuccessRecords, listSuccessesAfter, successKeySchema } from "@/db/queries/success-list";
import { getSuccess } from "@/db/queries/successes";
import { getUserSettings } from "@/db/queries/users";
import { invalid, notFoundResult, ok } from "@/lib/actions/result";
import { todayIn } from "@/lib/domain/dates";
import { SUCCESS_KINDS } from "@/lib/domain/enums";
import { recordSuccess as record } from "@/lib/successes/record-success";
import { successInputSchema } from "@/lib/validations/success";
import { touchInputSchema } from "@/lib/validations/touch";
import { type AnyApiOperation, defineOperation } from "../operation";
import { cursorParam, encodeCursor, limitParam, nextCursorSchema } from "./keyset-cursor";
import { logAndAnswer, SUCCESS_NOT_FOUND, touchSchema } from "./touches";

const TAG = "Successes";

export const successSchema = z.object({
  id: z.uuid(),
  kind: z.enum(SUCCESS_KINDS),
  title: z.string(),
  occurredOn: z.iso.date(),
  url: z.string().nullable(),
  congratulatedByTouchId: z.uuid().nullable().describe("The touch that congratulated it; null while it waits."),
  contact: z.object({ id: z.uuid(), name: z.string() }),
});

export const listSuccesses = defineOperation({
  operationId: "listSuccesses",
  method: "GET",
  path: "/successes",
  tag: TAG,
  summary: "List successes",
  description:
    "Your contacts' successes, newest first, a page at a time (pass nextCursor as cursor until it is null). " +
    "status=waiting (the default) lists those still waiting for your congratulations, as the Successes page does; status=all lists every one.",
  scope: "read",
  query: z.object({
    status: z
      .enum(["waiting", "all"], { error: "Choose waiting or all." })
      .default("waiting")
      .describe("waiting: not congratulated yet, contact not archived. all: every success."),
    limit: limitParam(25),
    cursor: cursorParam(successKeySchema),
  }),
  success: {
    status: 200,
    description: "One page of successes.",
    schema: z.object({ data: z.array(successSchema), nextCursor: nextCursorSchema }),
  },
  async handle({ query }, { userId, db }) {
    const { successes, next } = await listSuccessesAfter(db, {
      userId,
      waitingOnly: query.status === "waiting",
      after: query.cursor ?? null,
      limit: query.limit,
    });
    return ok({ data: successes, nextCursor: next ? encodeCursor(next) : null });
  },
});

export const recordSuccess = defineOperation({
  operationId: "recordSuccess",
  method: "POST",
  path: "/successes",
  tag: TAG,
  summary: "Record a success",
  description: "Notes a contact's success (a new job, a launch, an award), as Record success does; it then waits for your congratulations.",
  scope: "write",
  body: successInputSchema,
  success: { status: 201, description: "The success.", schema: successSchema },
  async handle({ body }, { userId, db }) {
    if (!(await getContactRef(db, { userId, contactId: body.contactId }))) {
      return notFoundResult("Contact not found.", { contactId: ["That contact was not found."] });
    }
    const saved = await record(body, { userId, db });
    if (!saved.ok) return saved;
    const [success] = await getSuccessRecords(db, { userId, successIds: [saved.data.id] });
    return success ? ok(success) : notFoundResult(SUCCESS_NOT_FOUND);
  },
});

const { occurredOn, channel, summary, idempotencyKey } = touchInputSchema.shape;

export const congratulateSuccess = defineOperation({
  operationId: "congratulateSuccess",
  method: "POST",
  path: "/successes/{id}/congratulate",
  tag: TAG,
  summary: "Congratulate a success",
  description:
    "Logs the touch in which you congratulated the contact (a congratulation you gave), as Congratulate does, and marks the success congratulated. " +
    "occurredOn defaults to today in your time zone. An idempotencyKey makes a retry safe.",
  scope: "write",
  params: z.object({ id: z.uuid() }),
  body: z.object({
    occurredOn: occurredOn.optional().describe("The day you congratulated them; today (in your time zone) if left out."),
    channel,
    summary,
    idempotencyKey,
  }),
  success: { status: 201, description: "The congratulation touch.", schema: touchSchema },
  async handle({ params, body }, ctx) {
    const { userId, db, now } = ctx;
    const success = await getSuccess(db, { userId, successId: params.id });
    if (!success) return notFoundResult(SUCCESS_NOT_FOUND);
    const settings = await getUserSettings(db, { userId });
    const touch = touchInputSchema.safeParse({
      occurredOn: body.occurredOn ?? todayIn(settings?.timeZone ?? null, now),
      channel: body.channel,
      summary: body.summary,
      contactIds: [success.contactId],
      valueKind: "congratulation",
      valueDirection: "given",
      successId: success.id,
      idempotencyKey: body.idempotencyKey,
    });
    if (!touch.success) return invalid(touch.error);
    return logAndAnswer(touch.data, ctx);
  },
});

export const SUCCESS_OPERATIONS: readonly AnyApiOperation[] = [listSuccesses, recordSuccess, congratulateSuccess];
