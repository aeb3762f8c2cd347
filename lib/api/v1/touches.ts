import { z } from "zod";
import { getContactRef } from "@/db/queries/contacts";
import { getSuccess } from "@/db/queries/successes";
import { getTouchRecords, listContactTouchesAfter, touchKeySchema } from "@/db/queries/touch-list";
import { countOwnedContacts } from "@/db/queries/touches";
import { idempotent } from "@/lib/actions/idempotent";
import { notFoundResult, ok } from "@/lib/actions/result";
import { CHANNELS, VALUE_DIRECTIONS, VALUE_KINDS } from "@/lib/domain/enums";
import { CONTACT_NOT_FOUND, logTouch as log } from "@/lib/touches/log-touch";
import { touchInputSchema } from "@/lib/validations/touch";
import { type AnyApiOperation, type ApiContext, defineOperation } from "../operation";
import { cursorParam, encodeCursor, limitParam, nextCursorSchema } from "./keyset-cursor";

const TAG = "Touches";

export const touchSchema = z.object({
  id: z.uuid(),
  occurredOn: z.iso.date().describe("The day you were in touch."),
  channel: z.enum(CHANNELS),
  summary: z.string().nullable(),
  valueKind: z.enum(VALUE_KINDS).nullable().describe("The kind of value the touch added, if any."),
  valueDirection: z.enum(VALUE_DIRECTIONS).nullable().describe("given or received; set exactly when valueKind is."),
  contacts: z.array(z.object({ id: z.uuid(), name: z.string() })).describe("Everyone the touch was with."),
});

export const SUCCESS_NOT_FOUND = "Success not found.";

// Logs a touch through the same use case (and the same replay guard) as the
// log-touch form, then answers it as listed. The contacts, and the success a
// congratulation names, are checked to be the user's first, so another
// user's id is a 404, as it is in a path.
const logTouchSaved = idempotent("touch", log);

export async function logAndAnswer(touch: z.output<typeof touchInputSchema>, { userId, db }: ApiContext) {
  if ((await countOwnedContacts(db, { userId, contactIds: touch.contactIds })) !== touch.contactIds.length) {
    return notFoundResult(CONTACT_NOT_FOUND.formError, CONTACT_NOT_FOUND.fieldErrors);
  }
  if (touch.successId && !(await getSuccess(db, { userId, successId: touch.successId }))) {
    return notFoundResult(SUCCESS_NOT_FOUND, { successId: ["That success was not found."] });
  }
  const saved = await logTouchSaved(touch, { userId, db });
  if (!saved.ok) return saved;
  const [record] = await getTouchRecords(db, { userId, touchIds: [saved.data.id] });
  return record ? ok(record) : notFoundResult("Touch not found.");
}

export const logTouch = defineOperation({
  operationId: "logTouch",
  method: "POST",
  path: "/touches",
  tag: TAG,
  summary: "Log a touch",
  description:
    "Records that you were in touch with one or more contacts on a day, as Log touch does: their last touch, next due date and health move at once. " +
    "With successId (and valueKind congratulation, given) it congratulates that success. An idempotencyKey makes a retry safe: the same key logs once.",
  scope: "write",
  body: touchInputSchema,
  success: { status: 201, description: "The touch.", schema: touchSchema },
  handle: ({ body }, ctx) => logAndAnswer(body, ctx),
});

export const listContactTouches = defineOperation({
  operationId: "listContactTouches",
  method: "GET",
  path: "/contacts/{id}/touches",
  tag: TAG,
  summary: "List a contact's touches",
  description: "The contact's touches, newest first, a page at a time: pass nextCursor as cursor until it is null.",
  scope: "read",
  params: z.object({ id: z.uuid() }),
  query: z.object({ limit: limitParam(25), cursor: cursorParam(touchKeySchema) }),
  success: {
    status: 200,
    description: "One page of touches.",
    schema: z.object({ data: z.array(touchSchema), nextCursor: nextCursorSchema }),
  },
  async handle({ params, query }, { userId, db }) {
    if (!(await getContactRef(db, { userId, contactId: params.id }))) return notFoundResult("Contact not found.");
    const { touches, next } = await listContactTouchesAfter(db, {
      userId,
      contactId: params.id,
      after: query.cursor ?? null,
      limit: query.limit,
    });
    return ok({ data: touches, nextCursor: next ? encodeCursor(next) : null });
  },
});

export const TOUCH_OPERATIONS: readonly AnyApiOperation[] = [listContactTouches, logTouch];
