import { serveOperation } from "@/lib/api/serve";
import { listContactTouches } from "@/lib/api/v1/touches";

export const GET = serveOperation(listContactTouches);
