import { serveOperation } from "@/lib/api/serve";
import { getContact, updateContact } from "@/lib/api/v1/contacts";

export const GET = serveOperation(getContact);
export const PATCH = serveOperation(updateContact);
