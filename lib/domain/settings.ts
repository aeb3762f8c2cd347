// The settings a user sees and edits (types only).

export type UserSettings = {
  name: string | null;
  email: string;
  timeZone: string | null;
  digestWeekday: number;
  digestHour: number;
  digestEnabled: boolean;
  journalPromptEnabled: boolean;
  defaultCadenceDays: number;
};
