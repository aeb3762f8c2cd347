import { serveOperation } from "@/lib/api/serve";
import { listSuccesses, recordSuccess } from "@/lib/api/v1/successes";

export const GET = serveOperation(listSuccesses);
export const POST = serveOperation(recordSuccess);
