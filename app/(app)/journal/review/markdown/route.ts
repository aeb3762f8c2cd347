import { getDb } from "@/db/client";
import { currentUserId } from "@/lib/auth";
import { reviewMarkdownDownload } from "@/lib/journal/load-review-pack";

// GET /journal/review/markdown?range=…: the review pack the page shows, as a
// Markdown file. It only reads, so it needs no cross-site check.
export const dynamic = "force-dynamic";

export async function GET(request: Request): Promise<Response> {
  const userId = await currentUserId();
  return reviewMarkdownDownload(getDb, { userId, searchParams: new URL(request.url).searchParams, now: new Date() });
}
