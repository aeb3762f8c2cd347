import { serveOperation } from "@/lib/api/serve";
import { listWins, recordWin } from "@/lib/api/v1/journal";

export const GET = serveOperation(listWins);
export const POST = serveOperation(recordWin);
