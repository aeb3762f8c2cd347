import { serveOperation } from "@/lib/api/serve";
import { congratulateSuccess } from "@/lib/api/v1/successes";

export const POST = serveOperation(congratulateSuccess);
