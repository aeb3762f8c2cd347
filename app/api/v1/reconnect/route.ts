import { serveOperation } from "@/lib/api/serve";
import { getReconnect } from "@/lib/api/v1/reconnect";

export const GET = serveOperation(getReconnect);
