"use server";

import { revalidatePath } from "next/cache";
import { authedAction } from "@/lib/actions/authed-action";
import { saveSettings } from "@/lib/settings/save-settings";
import { type SettingsInput, settingsInputSchema } from "@/lib/validations/settings";

const save = authedAction(settingsInputSchema, saveSettings);

export async function saveSettingsAction(input: SettingsInput) {
  const result = await save(input);
  if (result.ok) revalidatePath("/", "layout");
  return result;
}
