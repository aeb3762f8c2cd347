import type { Db } from "@/db/client";
import { createImport } from "@/db/queries/imports";
import { processImport } from "./process";
import { hitHourlyLimit, retryAfterText } from "@/lib/http/hourly-limit";
import { readLimitedFormData } from "@/lib/http/read-limited-body";
import { decodeFile, FILE_SIZE_LIMIT_BYTES, fileTooLargeMessage } from "./decode";
import { detectSource } from "./detect";

// Room for the multipart framing around a file of the largest size.
const MULTIPART_OVERHEAD_BYTES = 64 * 1024;

// 20 an hour: a person importing LinkedIn, Google and a few vCards, or
// retrying a file they fixed, stays far below it; each import is a stored
// file of up to 20 MB and a parse, so one account cannot start hundreds.
export const IMPORT_UPLOAD_LIMITS = { perHour: 20, maxBodyBytes: FILE_SIZE_LIMIT_BYTES + MULTIPART_OVERHEAD_BYTES };

export type ImportUploadLimits = typeof IMPORT_UPLOAD_LIMITS;

const error = (message: string, status: number, headers?: HeadersInit) =>
  Response.json({ error: message }, { status, headers });

const limitMB = FILE_SIZE_LIMIT_BYTES / 1024 / 1024;
const TOO_LARGE = `This upload is larger than ${limitMB} MB; Kith imports files up to ${limitMB} MB. Split it into smaller files and import them one after another.`;

// POST /api/imports: the file is stored with its import and read later, by
// `later` (next/server's after() in the route: once the response is sent).
export async function receiveImportUpload(
  request: Request,
  context: {
    userId: string | null;
    db: () => Promise<Db>;
    later: (work: () => Promise<void>) => void;
    now?: Date;
    limits?: ImportUploadLimits;
  },
): Promise<Response> {
  if (!context.userId) return error("Your session has ended. Sign in again to continue.", 401);
  const limits = context.limits ?? IMPORT_UPLOAD_LIMITS;
  const db = await context.db();
  const verdict = await hitImportLimit(db, { userId: context.userId, now: context.now ?? new Date(), limits });
  if (!verdict.allowed) {
    await request.body?.cancel().catch(() => undefined);
    return error(tooManyImportsMessage(limits, verdict.retryAfterSeconds), 429, { "Retry-After": String(verdict.retryAfterSeconds) });
  }
  const body = await readLimitedFormData(request, limits.maxBodyBytes);
  if (!body.ok) return body.reason === "too-large" ? error(TOO_LARGE, 413) : error("Choose a file to import.", 400);
  const file = body.form.get("file");
  if (!(file instanceof File)) return error("Choose a file to import.", 400);
  if (file.size === 0) return error("This file is empty.", 400);
  if (file.size > FILE_SIZE_LIMIT_BYTES) return error(fileTooLargeMessage(file.size), 413);

  const created = await startImport(db, { userId: context.userId, file, later: context.later });
  return Response.json(created, { status: 201 });
}

// Counts one import against the account's hourly budget (see IMPORT_UPLOAD_LIMITS).
export function hitImportLimit(db: Db, params: { userId: string; now: Date; limits?: ImportUploadLimits }) {
  const perHour = (params.limits ?? IMPORT_UPLOAD_LIMITS).perHour;
  return hitHourlyLimit(db, { key: `import:user:${params.userId}`, perHour, now: params.now });
}

export function tooManyImportsMessage(limits: ImportUploadLimits, retryAfterSeconds: number): string {
  return `You have started ${limits.perHour} imports in the last hour, the most Kith takes. Try again ${retryAfterText(retryAfterSeconds)}.`;
}

// A file within the size limit stored as the user's import: read later
// (by `later`) when its source is known, or left for its columns to be chosen.
export async function startImport(
  db: Db,
  params: { userId: string; file: File; later: (work: () => Promise<void>) => void },
): ReturnType<typeof createImport> {
  const { file } = params;
  const content = decodeFile(new Uint8Array(await file.arrayBuffer()));
  const fileName = file.name.slice(0, 255) || "import";
  const created = await createImport(db, {
    userId: params.userId,
    source: detectSource(fileName, content),
    fileName,
    fileSize: file.size,
    content,
  });
  if (created.status === "parsing") params.later(() => processImport(db, { importId: created.id }));
  return { id: created.id, status: created.status };
}
