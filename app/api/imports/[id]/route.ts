import { after } from "next/server";
import { z } from "zod";
import { getDb } from "@/db/client";
import { getImport } from "@/db/queries/imports";
import { needsWorker, processImport } from "@/lib/import/process";
import { currentUserId } from "@/lib/auth";

export const dynamic = "force-dynamic";

// An import's progress, for the page's progress bar. A file whose worker
// died (the server restarted, the lease ran out) is picked up again here,
// by whichever server answers.
export async function GET(_request: Request, context: RouteContext<"/api/imports/[id]">): Promise<Response> {
  const userId = await currentUserId();
  if (!userId) return Response.json({ error: "Your session has ended. Sign in again to continue." }, { status: 401 });
  const { id } = await context.params;
  if (!z.uuid().safeParse(id).success) return Response.json({ error: "Import not found." }, { status: 404 });
  const db = await getDb();
  const found = await getImport(db, { userId, importId: id });
  if (!found) return Response.json({ error: "Import not found." }, { status: 404 });
  if (needsWorker(found, new Date())) after(() => processImport(db, { importId: id }));
  const { status, totalRows, processedRows, counts, errors } = found;
  return Response.json({ status, totalRows, processedRows, counts, errors });
}
