import { z } from "zod";
import { getDb } from "@/db/client";
import { getImport, listImportRows } from "@/db/queries/imports";
import { currentUserId } from "@/lib/auth";
import { importReportCsv } from "@/lib/import/report";

export const dynamic = "force-dynamic";

// Every row of the file and what the import did with it, as CSV.
export async function GET(_request: Request, context: RouteContext<"/api/imports/[id]/report">): Promise<Response> {
  const userId = await currentUserId();
  if (!userId) return new Response("Sign in to download this report.", { status: 401 });
  const { id } = await context.params;
  if (!z.uuid().safeParse(id).success) return new Response("Import not found.", { status: 404 });
  const db = await getDb();
  const found = await getImport(db, { userId, importId: id });
  if (!found) return new Response("Import not found.", { status: 404 });
  const rows = await listImportRows(db, { userId, importId: id });
  const base = found.fileName.replace(/\.[^.]+$/, "").replace(/[^\w.-]+/g, "-") || "import";
  return new Response(importReportCsv(rows, found.status === "done"), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="kith-import-report-${base}.csv"`,
    },
  });
}
