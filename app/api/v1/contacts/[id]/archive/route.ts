import { serveOperation } from "@/lib/api/serve";
import { archiveContact } from "@/lib/api/v1/contacts";

export const POST = serveOperation(archiveContact);
