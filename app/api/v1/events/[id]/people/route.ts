import { serveOperation } from "@/lib/api/serve";
import { quickAddPeople } from "@/lib/api/v1/events";

export const POST = serveOperation(quickAddPeople);
