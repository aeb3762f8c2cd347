"use server";

import { revalidatePath } from "next/cache";
import { after } from "next/server";
import { z } from "zod";
import { authedAction } from "@/lib/actions/authed-action";
import { chooseImportColumns, confirmImport } from "@/lib/import/manage-import";
import { columnMappingSchema } from "@/lib/import/mapped-csv";
import { confirmImportSchema } from "@/lib/validations/import";

const saveMapping = authedAction(z.object({ importId: z.uuid(), mapping: columnMappingSchema }), (input, ctx) =>
  chooseImportColumns(input, { ...ctx, later: after }),
);

const commit = authedAction(confirmImportSchema, confirmImport);

export async function saveImportMappingAction(input: Parameters<typeof saveMapping>[0]) {
  return saveMapping(input);
}

export async function commitImportAction(input: Parameters<typeof commit>[0]) {
  const result = await commit(input);
  // New contacts, circles and successes show on most pages.
  if (result.ok) revalidatePath("/", "layout");
  return result;
}
