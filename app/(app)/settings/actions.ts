"use server";

import { revalidatePath } from "next/cache";
import { deleteAccount } from "@/lib/account/delete-account";
import { authedAction } from "@/lib/actions/authed-action";
import { createApiToken, revokeApiToken } from "@/lib/api/tokens";
import { signOut } from "@/lib/auth";
import { saveSettings } from "@/lib/settings/save-settings";
import { type DeleteAccountInput, deleteAccountInputSchema } from "@/lib/validations/account";
import { type ApiTokenInput, apiTokenIdSchema, apiTokenInputSchema } from "@/lib/validations/api-token";
import { type SettingsInput, settingsInputSchema } from "@/lib/validations/settings";

const save = authedAction(settingsInputSchema, saveSettings);

export async function saveSettingsAction(input: SettingsInput) {
  const result = await save(input);
  if (result.ok) revalidatePath("/", "layout");
  return result;
}

const removeAccount = authedAction(deleteAccountInputSchema, deleteAccount);

export async function deleteAccountAction(input: DeleteAccountInput) {
  const result = await removeAccount(input);
  if (!result.ok) return result;
  // The user's sessions went with the account; this clears the cookie and
  // lands on the home page signed out.
  await signOut({ redirectTo: "/" });
  return result;
}

const createToken = authedAction(apiTokenInputSchema, createApiToken);

// Answers the token itself, once: the form shows it and the list (refreshed
// here) shows only its prefix.
export async function createApiTokenAction(input: ApiTokenInput) {
  const result = await createToken(input);
  if (result.ok) revalidatePath("/settings");
  return result;
}

const revokeToken = authedAction(apiTokenIdSchema, revokeApiToken);

export async function revokeApiTokenAction(id: string) {
  const result = await revokeToken({ id });
  if (result.ok) revalidatePath("/settings");
  return result;
}
