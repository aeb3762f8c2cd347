import { serveOperation } from "@/lib/api/serve";
import { getMe } from "@/lib/api/v1/me";

export const GET = serveOperation(getMe);
