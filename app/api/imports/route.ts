import { after } from "next/server";
import { getDb } from "@/db/client";
import { currentUserId } from "@/lib/auth";
import { crossSiteRefusal } from "@/lib/http/same-origin";
import { receiveImportUpload } from "@/lib/import/upload";

// Upload: a route handler, since HTTP (a multipart file) is the interface.
// The file is read in the background, after the response; the page polls
// GET /api/imports/:id for progress.
export const dynamic = "force-dynamic";

export async function POST(request: Request): Promise<Response> {
  return (
    crossSiteRefusal(request) ??
    receiveImportUpload(request, { userId: await currentUserId(), db: getDb, later: after })
  );
}
