import { serveOperation } from "@/lib/api/serve";
import { createContact, listContacts } from "@/lib/api/v1/contacts";

export const GET = serveOperation(listContacts);
export const POST = serveOperation(createContact);
