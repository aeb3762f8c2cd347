"use server";

import { redirect } from "next/navigation";
import { getDb } from "@/db/client";
import { unsubscribeByToken } from "@/lib/digest/link-actions";

// The one action that does not go through authedAction: the emailed link
// must work signed out, so the signed token (checked by the use case) is the
// authority, and the user id comes from it, never from the form.
export async function unsubscribeAction(formData: FormData) {
  // A hand-made request can send any value in place of the form.
  const value = formData instanceof FormData ? formData.get("t") : null;
  const token = typeof value === "string" ? value : "";
  await unsubscribeByToken(await getDb(), token);
  // The page reads the outcome back from the database (or shows the refusal).
  redirect(`/unsubscribe?t=${encodeURIComponent(token)}`);
}
