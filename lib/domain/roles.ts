// My roles' shapes, shared by queries, use cases and components.

import { tz } from "@date-fns/tz";
import { format } from "date-fns";
import type { RoleOption } from "./journal";

// A row of the My roles list: what it shows, and the wins a delete would leave without a role.
export type RoleRow = RoleOption & { location: string | null; winCount: number };

// Everything the role form edits.
export type RoleDetails = RoleOption & { location: string | null; description: string | null };

// A row of Positions.csv that was not imported, by its place among the file's
// positions (1 is the first row under the header), and why.
export type PositionSkip = { row: number; reason: string };

// What importing a Positions.csv did. `skipped` lists at most
// MAX_REPORTED_SKIPS rows; `skippedCount` counts them all.
export type PositionsImportReport = {
  added: number;
  alreadyThere: number;
  skippedCount: number;
  skipped: PositionSkip[];
};

export const MAX_REPORTED_SKIPS = 100;

// "Mar 2021 – now", "Jan 2015 – Feb 2021": job history is told in months.
export function roleSpan(role: Pick<RoleOption, "startedOn" | "endedOn">): string {
  const month = (day: string) => format(new Date(`${day}T12:00:00.000Z`), "MMM yyyy", { in: tz("UTC") });
  return `${month(role.startedOn)} – ${role.endedOn === null ? "now" : month(role.endedOn)}`;
}
