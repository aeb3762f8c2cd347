import { revalidatePath } from "next/cache";
import { getDb } from "@/db/client";
import { currentUserId } from "@/lib/auth";
import { receiveRestoreUpload } from "@/lib/export/restore-upload";
import { crossSiteRefusal } from "@/lib/http/same-origin";

// Restoring a Kith export: a route handler, since HTTP (a file of up to
// 60 MB) is the interface; server actions keep Next's 1 MB body limit,
// which every public action (sign-in, unsubscribe) benefits from.
export const dynamic = "force-dynamic";
export const maxDuration = 300;

export async function POST(request: Request): Promise<Response> {
  return (
    crossSiteRefusal(request) ??
    receiveRestoreUpload(request, {
      userId: await currentUserId(),
      db: getDb,
      onRestored: () => revalidatePath("/", "layout"),
    })
  );
}
