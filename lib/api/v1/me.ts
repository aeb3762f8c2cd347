import { z } from "zod";
import { getUserSettings } from "@/db/queries/users";
import { notFoundResult, ok } from "@/lib/actions/result";
import { defineOperation } from "../operation";

export const meSchema = z.object({
  email: z.email(),
  name: z.string().nullable(),
  timeZone: z.string().nullable().describe("The IANA time zone your days are counted in; null until set."),
  defaultCadenceDays: z.int().describe("How often, in days, to keep in touch with someone unless their contact says otherwise."),
});

export const getMe = defineOperation({
  operationId: "getMe",
  method: "GET",
  path: "/me",
  tag: "Account",
  summary: "Whose token this is",
  description: "The account the token belongs to: a quick way to check that a token works.",
  scope: "read",
  success: { status: 200, description: "The token owner's account.", schema: meSchema },
  async handle(_input, { userId, db }) {
    const settings = await getUserSettings(db, { userId });
    if (!settings) return notFoundResult("Your account was not found.");
    const { email, name, timeZone, defaultCadenceDays } = settings;
    return ok({ email, name, timeZone, defaultCadenceDays });
  },
});
