import { z } from "zod";

export function isValidTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

export const settingsInputSchema = z.object({
  name: z.string().trim().max(100, "Keep your name under 100 characters."),
  timeZone: z
    .string()
    .trim()
    .min(1, "Choose your time zone.")
    .refine(isValidTimeZone, "Choose a time zone from the list, like Europe/London."),
  digestWeekday: z.coerce
    .number({ error: "Choose a weekday." })
    .int("Choose a weekday.")
    .min(1, "Choose a weekday.")
    .max(7, "Choose a weekday."),
  digestHour: z.coerce
    .number({ error: "Choose an hour." })
    .int("Choose a whole hour.")
    .min(0, "Choose an hour between 0 and 23.")
    .max(23, "Choose an hour between 0 and 23."),
  digestEnabled: z.boolean(),
  // The weekly email's "What went well this week?" section (the job journal).
  journalPromptEnabled: z.boolean(),
  defaultCadenceDays: z.coerce
    .number({ error: "Enter a number of days." })
    .int("Enter a whole number of days.")
    .min(1, "Reconnect at least every 365 days, at most every day.")
    .max(365, "Reconnect at least every 365 days, at most every day."),
});

export type SettingsInput = z.input<typeof settingsInputSchema>;
export type Settings = z.output<typeof settingsInputSchema>;
