import { importRoles } from "@/db/queries/roles";
import type { ActionContext } from "@/lib/actions/define-action";
import { type ActionResult, fail, ok } from "@/lib/actions/result";
import { MAX_REPORTED_SKIPS, type PositionsImportReport } from "@/lib/domain/roles";
import type { PositionsImport } from "@/lib/validations/role-import";
import { parsePositionsCsv } from "./positions-csv";

// LinkedIn's Positions.csv into My roles. Roles already there (same company,
// title and start) are counted, not added again; rows that are not a role
// are reported by row and reason.
export async function importPositions(
  input: PositionsImport,
  ctx: ActionContext,
): Promise<ActionResult<PositionsImportReport>> {
  const parsed = parsePositionsCsv(input.text);
  if (!parsed.ok) return fail(parsed.message, { text: [parsed.message] });
  const { added } = await ctx.db.transaction((tx) => importRoles(tx, { userId: ctx.userId, roles: parsed.roles }));
  return ok({
    added,
    alreadyThere: parsed.roles.length - added,
    skippedCount: parsed.skipped.length,
    skipped: parsed.skipped.slice(0, MAX_REPORTED_SKIPS),
  });
}
