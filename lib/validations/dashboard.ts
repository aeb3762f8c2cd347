import { z } from "zod";

const first = (value: unknown) => (Array.isArray(value) ? value[0] : value);

// The dashboard's URL (?goal=): "Reconnect now" keeps the people who matter
// for one of the user's goals; a hand-edited value shows everyone.
export const dashboardQuerySchema = z.object({
  goal: z.preprocess(first, z.uuid().optional()).catch(undefined),
});

export type DashboardQuery = z.output<typeof dashboardQuerySchema>;
