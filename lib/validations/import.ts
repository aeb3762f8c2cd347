import { z } from "zod";
import { KEEP_IN_TOUCH_CHOICES } from "@/lib/domain/import";
import { circleNameSchema } from "./circle";
import { CADENCE_MAX_DAYS } from "@/lib/domain/limits";

const CADENCE_MESSAGE = `Enter a whole number of days from 1 to ${CADENCE_MAX_DAYS}.`;

// Confirming an import: circles for everyone in the file, and how often to
// keep in touch with the contacts it creates. A client that sends no choice
// (a page loaded before there was one) gets the default cadence, as before.
export const confirmImportSchema = z
  .object({
    importId: z.uuid({ error: "Import not found." }),
    circleIds: z.array(z.uuid({ error: "Choose circles from the list." })).max(100, "Choose at most 100 circles."),
    newCircle: z.union([z.literal(""), circleNameSchema]).optional(),
    keepInTouch: z.enum(KEEP_IN_TOUCH_CHOICES, { error: "Choose how often to keep in touch." }).default("regular"),
    // Only for "custom". A blank field is no number; anything but a string or
    // a number is not one either (a Promise passed through would make the
    // parse throw instead of fail).
    cadenceDays: z.preprocess(
      (value) =>
        value === undefined || value === null || (typeof value === "string" && value.trim() === "")
          ? null
          : typeof value === "string" || typeof value === "number"
            ? value
            : Number.NaN,
      z.coerce
        .number({ error: CADENCE_MESSAGE })
        .int(CADENCE_MESSAGE)
        .min(1, CADENCE_MESSAGE)
        .max(CADENCE_MAX_DAYS, CADENCE_MESSAGE)
        .nullable(),
    ).optional(),
  })
  .superRefine((input, ctx) => {
    if (input.keepInTouch === "custom" && (input.cadenceDays ?? null) === null) {
      ctx.addIssue({ code: "custom", path: ["cadenceDays"], message: CADENCE_MESSAGE });
    }
  });

export type ConfirmImportInput = z.input<typeof confirmImportSchema>;
export type ConfirmImport = z.output<typeof confirmImportSchema>;
