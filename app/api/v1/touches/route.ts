import { serveOperation } from "@/lib/api/serve";
import { logTouch } from "@/lib/api/v1/touches";

export const POST = serveOperation(logTouch);
