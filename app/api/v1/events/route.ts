import { serveOperation } from "@/lib/api/serve";
import { createEvent, listEvents } from "@/lib/api/v1/events";

export const GET = serveOperation(listEvents);
export const POST = serveOperation(createEvent);
