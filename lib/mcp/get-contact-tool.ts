import { z } from "zod";
import { getContact } from "@/lib/api/v1/contacts";
import { listContactTouches } from "@/lib/api/v1/touches";
import { answer, type KithTool, operationInputSchema, outputSchemaOf, refusal, runOperation } from "./operation-tool";

const TITLE = "Get a contact";

const outputSchema = z.object({
  contact: getContact.success.schema,
  recentTouches: listContactTouches.success.schema.describe(
    "The first page of their timeline, newest first; nextCursor is for GET /api/v1/contacts/{id}/touches.",
  ),
});

// One contact as a model needs them to act: the contact (getContact) and
// their recent timeline (the first page of listContactTouches), one call
// instead of two, each through its own REST operation.
export const getContactTool: KithTool = {
  scope: "read",
  definition: {
    name: "get_contact",
    title: TITLE,
    description:
      "Everything about one contact, by id (from search_contacts): their details, circles, how often to keep in touch and when they are next due, their relationship's health with its reasons, and their most recent touches (calls, messages, meetings) with what was said. Use it before writing to or about someone, or when the user asks about a person.",
    inputSchema: operationInputSchema(getContact, { id: "The contact's id, from search_contacts." }),
    outputSchema: outputSchemaOf(outputSchema, "get_contact's answer"),
    annotations: { title: TITLE, readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: false },
  },
  async call(args, ctx) {
    const contact = await runOperation(getContact, args, ctx);
    if (!contact.ok) return refusal(contact);
    const touches = await runOperation(listContactTouches, { id: args.id }, ctx);
    if (!touches.ok) return refusal(touches);
    const data = { contact: contact.data, recentTouches: touches.data } as { contact: { name?: unknown }; recentTouches: { data?: unknown } };
    const count = Array.isArray(data.recentTouches.data) ? data.recentTouches.data.length : 0;
    return answer(`${String(data.contact.name)}, with their ${count} most recent touches.`, data);
  },
};
