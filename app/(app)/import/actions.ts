"use server";

import { revalidatePath } from "next/cache";
import { after } from "next/server";
import { z } from "zod";
import { commitImport } from "@/db/queries/import-commit";
import { processImport, setImportMapping } from "@/db/queries/imports";
import { authedAction } from "@/lib/actions/authed-action";
import { fail, ok } from "@/lib/actions/result";
import { columnMappingSchema } from "@/lib/import/mapped-csv";
import { circleNameSchema } from "@/lib/validations/circle";

const NOT_FOUND = "Import not found.";

const saveMapping = authedAction(
  z.object({ importId: z.uuid(), mapping: columnMappingSchema }),
  async ({ importId, mapping }, { userId, db }) => {
    if (!(await setImportMapping(db, { userId, importId, mapping }))) return fail(NOT_FOUND);
    after(() => processImport(db, { importId }));
    return ok(null);
  },
);

const commit = authedAction(
  z.object({
    importId: z.uuid(),
    circleIds: z.array(z.uuid()).max(100),
    newCircle: z.union([z.literal(""), circleNameSchema]).optional(),
  }),
  async ({ importId, circleIds, newCircle }, { userId, db }) => {
    const result = await commitImport(db, { userId, importId, circleIds, newCircle: newCircle || undefined });
    if (result.ok) return ok(result);
    return fail(result.reason === "not_found" ? NOT_FOUND : "This import was already confirmed.");
  },
);

export async function saveImportMappingAction(input: Parameters<typeof saveMapping>[0]) {
  return saveMapping(input);
}

export async function commitImportAction(input: Parameters<typeof commit>[0]) {
  const result = await commit(input);
  // New contacts, circles and successes show on most pages.
  if (result.ok) revalidatePath("/", "layout");
  return result;
}
