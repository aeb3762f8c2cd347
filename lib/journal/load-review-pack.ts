import type { Db } from "@/db/client";
import { loadReviewWins } from "@/db/queries/review-pack";
import { listRoles } from "@/db/queries/roles";
import { getUserSettings } from "@/db/queries/users";
import { todayIn } from "@/lib/domain/dates";
import type { RoleOption } from "@/lib/domain/journal";
import { reviewPackQuerySchema } from "@/lib/validations/review-pack";
import { reviewPackMarkdown } from "./review-markdown";
import { buildReviewPack, type ReviewPack } from "./review-pack";
import { type ReviewRange, resolveReviewRange } from "./review-range";

export type LoadedReviewPack = { pack: ReviewPack; range: ReviewRange; roles: RoleOption[]; today: string };

// The pack the review page's URL asks for (any URL: a bad value is the
// default range), dated by today where the user lives. Undefined when the
// user does not exist.
export async function loadReviewPack(
  db: Db,
  params: { userId: string; searchParams: unknown; now: Date },
): Promise<LoadedReviewPack | undefined> {
  const { userId, now } = params;
  const [settings, roles] = await Promise.all([getUserSettings(db, { userId }), listRoles(db, { userId })]);
  if (!settings) return undefined;
  const today = todayIn(settings.timeZone, now);
  const range = resolveReviewRange(reviewPackQuerySchema.parse(params.searchParams), { today, roles });
  const wins = await loadReviewWins(db, { userId, from: range.from, to: range.to, roleId: range.roleId });
  return { pack: buildReviewPack(wins, range), range, roles, today };
}

const SIGNED_OUT = "Sign in to download your review pack.";

// The Markdown download's answer: 401 signed out, else the pack the same
// query shows on the page, as an attachment. The user id is the session's.
export async function reviewMarkdownDownload(
  getDb: () => Promise<Db>,
  params: { userId: string | null; searchParams: URLSearchParams; now: Date },
): Promise<Response> {
  const { userId, now } = params;
  if (!userId) return Response.json({ error: SIGNED_OUT }, { status: 401 });
  const loaded = await loadReviewPack(await getDb(), { userId, searchParams: Object.fromEntries(params.searchParams), now });
  if (!loaded) return Response.json({ error: SIGNED_OUT }, { status: 401 });
  const { pack, range, today } = loaded;
  const filename = range.kind === "role" ? `review-pack-role-${today}.md` : `review-pack-${range.from}-to-${range.to}.md`;
  return new Response(reviewPackMarkdown(pack), {
    headers: {
      "Content-Type": "text/markdown; charset=utf-8",
      "Content-Disposition": `attachment; filename="${filename}"`,
      "Cache-Control": "private, no-store",
    },
  });
}
