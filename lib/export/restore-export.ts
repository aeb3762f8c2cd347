import type { z } from "zod";
import { restoreKithExport } from "@/db/queries/restore";
import type { RestoreCounts } from "@/lib/domain/restore";
import type { ActionContext } from "@/lib/actions/define-action";
import { type ActionResult, fail, ok } from "@/lib/actions/result";
import type { restoreExportInputSchema } from "@/lib/validations/account";
import { parseKithExport } from "@/lib/validations/kith-export";

function fileError(message: string): ActionResult<never> {
  return fail(message, { file: [message] });
}

export function notEmptyMessage(contactCount: number): string {
  return `Restore works into an empty account: this one already has ${contactCount.toLocaleString("en")} contact${contactCount === 1 ? "" : "s"}.`;
}

// Reads an uploaded Kith export and restores it into the signed-in user's
// account, which must have no contacts yet. A file that is not a valid
// export changes nothing.
export async function restoreExport(
  input: z.output<typeof restoreExportInputSchema>,
  ctx: ActionContext,
): Promise<ActionResult<RestoreCounts>> {
  let json: unknown;
  try {
    json = JSON.parse(await input.file.text());
  } catch {
    return fileError("This file is not a Kith export (it is not JSON). Choose the kith-export-….json file Kith downloaded.");
  }
  const parsed = parseKithExport(json);
  if (!parsed.ok) return fileError(parsed.message);
  const outcome = await restoreKithExport(ctx.db, { userId: ctx.userId, data: parsed.data });
  switch (outcome.status) {
    case "restored":
      return ok(outcome.counts);
    case "not-empty":
      return fileError(notEmptyMessage(outcome.contactCount));
    case "user-not-found":
      return fail("Your account was not found. Sign in again.");
  }
}
