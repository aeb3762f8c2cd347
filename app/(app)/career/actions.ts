"use server";

import { revalidatePath } from "next/cache";
import { authedAction } from "@/lib/actions/authed-action";
import { addToReconnect } from "@/lib/career/reconnect";
import { type ContactIdInput, contactIdSchema } from "@/lib/validations/contact";

const reconnect = authedAction(contactIdSchema, addToReconnect);

export async function addToReconnectAction(input: ContactIdInput) {
  const result = await reconnect(input);
  // The contact is now due: on the dashboard, the contacts list, its page and the Career page.
  if (result.ok) revalidatePath("/", "layout");
  return result;
}
