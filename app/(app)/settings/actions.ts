"use server";

import { revalidatePath } from "next/cache";
import { deleteAccount } from "@/lib/account/delete-account";
import { authedAction } from "@/lib/actions/authed-action";
import { signOut } from "@/lib/auth";
import { saveSettings } from "@/lib/settings/save-settings";
import { type DeleteAccountInput, deleteAccountInputSchema } from "@/lib/validations/account";
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
