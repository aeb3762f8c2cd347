import { z } from "zod";
import { API_TOKEN_ACCESS, API_TOKEN_EXPIRIES } from "@/lib/domain/api-tokens";

export const API_TOKEN_NAME_MAX = 80;

const NAME_IT = "Say what the token is for, like “Spreadsheet sync”.";

// Line breaks, tabs and other control characters: a name is one line.
const CONTROLS = /[\u0000-\u001f\u007f-\u009f]+/g;

export const apiTokenInputSchema = z.object({
  name: z
    .string({ error: NAME_IT })
    .transform((value) => value.replace(CONTROLS, " ").trim())
    .pipe(
      z
        .string()
        .min(1, NAME_IT)
        .max(API_TOKEN_NAME_MAX, `Keep the name under ${API_TOKEN_NAME_MAX} characters.`),
    ),
  access: z.enum(API_TOKEN_ACCESS, { error: "Choose what the token may do." }),
  expiresIn: z.enum(API_TOKEN_EXPIRIES, { error: "Choose when the token expires." }),
});

export type ApiTokenInput = z.input<typeof apiTokenInputSchema>;
export type ApiTokenValues = z.output<typeof apiTokenInputSchema>;

export const apiTokenIdSchema = z.object({ id: z.uuid({ error: "That token was not found." }) });
export type ApiTokenId = z.output<typeof apiTokenIdSchema>;
