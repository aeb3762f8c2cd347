import { commitImport } from "@/db/queries/import-commit";
import { setImportMapping } from "@/db/queries/imports";
import type { ActionContext } from "@/lib/actions/define-action";
import { type ActionResult, fail, ok } from "@/lib/actions/result";
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

export async function confirmImport(
  input: { importId: string; circleIds: string[]; newCircle?: string },
  ctx: ActionContext,
) {
  const result = await commitImport(ctx.db, {
    userId: ctx.userId,
    importId: input.importId,
    circleIds: input.circleIds,
    newCircle: input.newCircle || undefined,
  });
  if (result.ok) return ok(result);
  return fail(result.reason === "not_found" ? NOT_FOUND : "This import was already confirmed.");
}
