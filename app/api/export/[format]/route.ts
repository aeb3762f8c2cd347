import { getDb } from "@/db/client";
import { currentUserId } from "@/lib/auth";
import { exportDownload } from "@/lib/export/export-files";

// GET /api/export/kith.json | contacts.csv | contacts.vcf: the signed-in
// user's data as a download, streamed a page at a time.
export const dynamic = "force-dynamic";

export async function GET(_request: Request, context: { params: Promise<{ format: string }> }): Promise<Response> {
  const userId = await currentUserId();
  const { format } = await context.params;
  return exportDownload(getDb, { userId, format, now: new Date() });
}
