import type { Db } from "@/db/client";
import type { RestoreCounts } from "@/lib/domain/restore";
import { type ActionResult, fail, invalid } from "@/lib/actions/result";
import { hitHourlyLimit, retryAfterText } from "@/lib/http/hourly-limit";
import { readLimitedFormData } from "@/lib/http/read-limited-body";
import { RESTORE_MAX_BYTES, restoreExportInputSchema } from "@/lib/validations/account";
import { restoreExport } from "./restore-export";

// 10 an hour: a restore only ever succeeds once (into an empty account), but
// a refused file names one problem at a time, and a person fixing it tries
// again; each attempt is up to 60 MB of JSON to parse and check.
export const RESTORE_UPLOAD_LIMITS = { perHour: 10, maxBodyBytes: RESTORE_MAX_BYTES + 64 * 1024 };

export type RestoreUploadLimits = typeof RESTORE_UPLOAD_LIMITS;

const TOO_LARGE = `This file is larger than ${RESTORE_MAX_BYTES / 1024 / 1024} MB, more than a Kith export can be. Choose the kith-export-….json file Kith downloaded.`;

function answer(result: ActionResult<RestoreCounts>, status: number, headers?: HeadersInit): Response {
  return Response.json(result, { status, headers });
}

function fileError(message: string, status: number, headers?: HeadersInit): Response {
  return answer(fail(message, { file: [message] }), status, headers);
}

// POST /api/restore: the body is an ActionResult, as the form reads it.
export async function receiveRestoreUpload(
  request: Request,
  context: {
    userId: string | null;
    db: () => Promise<Db>;
    onRestored: () => void;
    now?: Date;
    limits?: RestoreUploadLimits;
  },
): Promise<Response> {
  if (!context.userId) return answer(fail("Your session has ended. Sign in again to continue."), 401);
  const limits = context.limits ?? RESTORE_UPLOAD_LIMITS;
  const db = await context.db();
  const verdict = await hitHourlyLimit(db, {
    key: `restore:user:${context.userId}`,
    perHour: limits.perHour,
    now: context.now ?? new Date(),
  });
  if (!verdict.allowed) {
    await request.body?.cancel().catch(() => undefined);
    const message = `You have tried ${limits.perHour} restores in the last hour, the most Kith takes. Try again ${retryAfterText(verdict.retryAfterSeconds)}.`;
    return fileError(message, 429, { "Retry-After": String(verdict.retryAfterSeconds) });
  }
  const body = await readLimitedFormData(request, limits.maxBodyBytes);
  if (!body.ok && body.reason === "too-large") return fileError(TOO_LARGE, 413);
  // A body that is not multipart is "no file chosen".
  const parsed = restoreExportInputSchema.safeParse({ file: body.ok ? body.form.get("file") : null });
  if (!parsed.success) return answer(invalid(parsed.error), 400);
  const result = await restoreExport(parsed.data, { userId: context.userId, db });
  if (result.ok) context.onRestored();
  return answer(result, result.ok ? 200 : 400);
}
