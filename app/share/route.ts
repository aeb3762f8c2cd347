import { after } from "next/server";
import { getDb } from "@/db/client";
import { currentUserId } from "@/lib/auth";
import { receiveShare, receiveSharedLink, shareRefusal } from "@/lib/capture/share";

// The Web Share Target the manifest declares: what the phone's share sheet
// sends to Kith. The route checks the session itself; the proxy only
// redirects visitors who have no session cookie at all.
export const dynamic = "force-dynamic";

export async function GET(request: Request): Promise<Response> {
  return receiveSharedLink(request, { userId: await currentUserId() });
}

export async function POST(request: Request): Promise<Response> {
  return shareRefusal(request) ?? receiveShare(request, { userId: await currentUserId(), db: getDb, later: after });
}
