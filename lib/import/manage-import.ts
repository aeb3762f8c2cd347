import { commitImport } from "@/db/queries/import-commit";
import { setImportMapping } from "@/db/queries/imports";
import type { ActionContext } from "@/lib/actions/define-action";
import { type ActionResult, fail, ok } from "@/lib/actions/result";
import { keepInTouchOf } from "@/lib/domain/import";
import type { ConfirmImport } from "@/lib/validations/import";
import type { ColumnMapping } from "./mapped-csv";
import { processImport } from "./process";

const NOT_FOUND = "Import not found.";

// A CSV's columns are chosen: the file is read in the background, by
// `later` (next/server's after() in the action: once the response is sent).
export async function chooseImportColumns(
  input: { importId: string; mapping: ColumnMapping },
  ctx: ActionContext & { later: (work: () => Promise<void>) => void },
): Promise<ActionResult<null>> {
  const { importId, mapping } = input;
  if (!(await setImportMapping(ctx.db, { userId: ctx.userId, importId, mapping }))) return fail(NOT_FOUND);
  ctx.later(() => processImport(ctx.db, { importId }));
  return ok(null);
}

// The choice of how often to keep in touch goes to the contacts the import
// creates; those it merges into keep their own.
export async function confirmImport(input: ConfirmImport, ctx: ActionContext) {
  const result = await commitImport(ctx.db, {
    userId: ctx.userId,
    importId: input.importId,
    circleIds: input.circleIds,
    newCircle: input.newCircle || undefined,
    keepInTouch: keepInTouchOf(input.keepInTouch, input.cadenceDays ?? null),
  });
  if (result.ok) return ok(result);
  return fail(result.reason === "not_found" ? NOT_FOUND : "This import was already confirmed.");
}
