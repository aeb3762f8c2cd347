import { z } from "zod";

// A Kith export of a large account (50,000 contacts with their touches) is
// tens of megabytes: POST /api/restore takes this much.
export const RESTORE_MAX_BYTES = 60 * 1024 * 1024;

const CHOOSE_FILE = "Choose the kith-export-….json file Kith downloaded.";

export const restoreExportInputSchema = z.object({
  // From FormData: anything but a file is "no file chosen", and so is the
  // nameless empty file a browser sends when none was picked.
  file: z.preprocess(
    (value) => value,
    z.instanceof(File, { message: CHOOSE_FILE }).superRefine((file, ctx) => {
      if (file.size === 0) {
        ctx.addIssue({ code: "custom", message: file.name === "" ? CHOOSE_FILE : `This file is empty. ${CHOOSE_FILE}` });
      } else if (file.size > RESTORE_MAX_BYTES) {
        ctx.addIssue({
          code: "custom",
          message: `This file is larger than ${RESTORE_MAX_BYTES / 1024 / 1024} MB, more than a Kith export can be.`,
        });
      }
    }),
  ),
});

export type RestoreExportInput = z.input<typeof restoreExportInputSchema>;

export const deleteAccountInputSchema = z.object({
  email: z.string().trim().min(1, "Type your email address to confirm.").max(320, "That is not your email address."),
});

export type DeleteAccountInput = z.input<typeof deleteAccountInputSchema>;
export type DeleteAccountValues = z.output<typeof deleteAccountInputSchema>;
