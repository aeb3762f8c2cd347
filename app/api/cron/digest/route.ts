import { timingSafeEqual } from "node:crypto";
import { getDb } from "@/db/client";
import { runScheduledDigests } from "@/lib/digest/scheduler";
import { refreshDailyHealth } from "@/lib/digest/daily-health";
import { env } from "@/lib/env";

// For serverless hosting, where no process lives between requests: a cron
// (vercel.json) calls this with `Authorization: Bearer $CRON_SECRET`.
export const dynamic = "force-dynamic";
export const maxDuration = 300;

function isAuthorized(header: string | null, secret: string): boolean {
  const expected = Buffer.from(`Bearer ${secret}`);
  const actual = Buffer.from(header ?? "");
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

export async function GET(request: Request): Promise<Response> {
  const secret = env().CRON_SECRET;
  if (!secret) return new Response("Not found", { status: 404 });
  if (!isAuthorized(request.headers.get("authorization"), secret)) {
    return new Response("Unauthorized", { status: 401 });
  }
  const db = await getDb();
  const summary = await runScheduledDigests(db);
  // The day's health rescoring rides along (lib/digest/daily-health.ts).
  const health = await refreshDailyHealth(db);
  return Response.json({ ...summary, healthRescored: health.users });
}
