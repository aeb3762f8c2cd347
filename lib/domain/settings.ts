// The settings a user sees and edits.

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

export const WEEKDAYS = [
  { value: 1, label: "Monday" },
  { value: 2, label: "Tuesday" },
  { value: 3, label: "Wednesday" },
  { value: 4, label: "Thursday" },
  { value: 5, label: "Friday" },
  { value: 6, label: "Saturday" },
  { value: 7, label: "Sunday" },
] as const;
