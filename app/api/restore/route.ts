import { revalidatePath } from "next/cache";
import { getDb } from "@/db/client";
import { invalid } from "@/lib/actions/result";
import { currentUserId } from "@/lib/auth";
import { restoreExport } from "@/lib/export/restore-export";
import { RESTORE_MAX_BYTES, restoreExportInputSchema } from "@/lib/validations/account";

// Restoring a Kith export: a route handler, since HTTP (a file of up to
// 60 MB) is the interface; server actions keep Next's 1 MB body limit,
// which every public action (sign-in, unsubscribe) benefits from.
export const dynamic = "force-dynamic";
export const maxDuration = 300;

export async function POST(request: Request): Promise<Response> {
  const userId = await currentUserId();
  if (!userId) {
    return Response.json({ ok: false, formError: "Your session has ended. Sign in again to continue." }, { status: 401 });
  }
  if (Number(request.headers.get("content-length") ?? 0) > RESTORE_MAX_BYTES + 64 * 1024) {
    const message = `This file is larger than ${RESTORE_MAX_BYTES / 1024 / 1024} MB, more than a Kith export can be.`;
    return Response.json({ ok: false, formError: message, fieldErrors: { file: [message] } }, { status: 413 });
  }
  let file: FormDataEntryValue | null = null;
  try {
    file = (await request.formData()).get("file");
  } catch {
    // Not multipart: handled as "no file chosen" below.
  }
  const parsed = restoreExportInputSchema.safeParse({ file });
  if (!parsed.success) return Response.json(invalid(parsed.error), { status: 400 });
  const result = await restoreExport(parsed.data, { userId, db: await getDb() });
  if (result.ok) revalidatePath("/", "layout");
  return Response.json(result, { status: result.ok ? 200 : 400 });
}
