"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { authedAction } from "@/lib/actions/authed-action";
import {
  digestLogInputSchema,
  digestSnoozeInputSchema,
  logTouchFromDigest,
  snoozeFromDigest,
} from "@/lib/digest/link-actions";

const log = authedAction(digestLogInputSchema, (input, ctx) => logTouchFromDigest(input, ctx));
const snooze = authedAction(digestSnoozeInputSchema, (input, ctx) => snoozeFromDigest(input, ctx));

function field(formData: FormData, name: string): string {
  // A hand-made request can send any value in place of the form.
  const value = formData instanceof FormData ? formData.get(name) : null;
  return typeof value === "string" ? value : "";
}

// Back to the link's page, which reads the outcome from the database.
function linkPage(action: "log" | "snooze", token: string, outcome: string): string {
  return `/digest/${action}?t=${encodeURIComponent(token)}&${outcome}`;
}

export async function logTouchFromDigestAction(formData: FormData) {
  const token = field(formData, "t");
  const result = await log({ t: token, channel: field(formData, "channel"), summary: field(formData, "summary") });
  if (result.ok) revalidatePath("/", "layout");
  redirect(linkPage("log", token, result.ok ? `done=${result.data.touchId}` : "error=1"));
}

export async function snoozeFromDigestAction(formData: FormData) {
  const token = field(formData, "t");
  const result = await snooze({ t: token });
  if (result.ok) revalidatePath("/", "layout");
  redirect(linkPage("snooze", token, result.ok ? "done=1" : "error=1"));
}
