import { serveOperation } from "@/lib/api/serve";
import { unarchiveContact } from "@/lib/api/v1/contacts";

export const POST = serveOperation(unarchiveContact);
