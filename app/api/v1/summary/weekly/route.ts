import { serveOperation } from "@/lib/api/serve";
import { getWeeklySummary } from "@/lib/api/v1/summary";

export const GET = serveOperation(getWeeklySummary);
