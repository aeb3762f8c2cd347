import { z } from "zod";
import { SUCCESS_KINDS } from "@/lib/domain/enums";
import { MAX_URL_LENGTH } from "@/lib/domain/limits";
import { normalizeUrl } from "@/lib/domain/url";
import { pastDaySchema } from "@/lib/validations/touch";

export const MAX_SUCCESS_TITLE_LENGTH = 200;

const successFields = {
  kind: z.enum(SUCCESS_KINDS, { error: "Choose what kind of success it is." }),
  title: z
    .string({ error: "Say what happened." })
    .trim()
    .min(1, "Say what happened, like “Joined Acme as CTO”.")
    .max(MAX_SUCCESS_TITLE_LENGTH, `Keep the title under ${MAX_SUCCESS_TITLE_LENGTH} characters.`),
  occurredOn: pastDaySchema({ required: "Enter the date it happened.", future: "A success can't be in the future." }),
  url: z
    .string({ error: "Enter the link as text." })
    .max(MAX_URL_LENGTH, `Keep the link under ${MAX_URL_LENGTH} characters.`)
    .nullish()
    .transform((raw, ctx) => {
      const text = raw?.trim() ?? "";
      if (text === "") return null;
      const url = normalizeUrl(text);
      if (url === null) {
        ctx.addIssue({ code: "custom", message: "Enter a web link, like https://example.com/news." });
        return z.NEVER;
      }
      return url;
    }),
};

export const successInputSchema = z.object({
  contactId: z.uuid({ error: "That contact was not found." }),
  ...successFields,
});

export type SuccessInput = z.input<typeof successInputSchema>;
export type SuccessValues = z.output<typeof successInputSchema>;

export const successUpdateSchema = z.object({
  id: z.uuid({ error: "That success was not found." }),
  ...successFields,
});

export type SuccessUpdateInput = z.input<typeof successUpdateSchema>;
export type SuccessUpdate = z.output<typeof successUpdateSchema>;

export const successIdSchema = z.object({ id: z.uuid({ error: "That success was not found." }) });

export type SuccessId = z.output<typeof successIdSchema>;
