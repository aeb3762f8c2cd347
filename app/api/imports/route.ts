import { after } from "next/server";
import { getDb } from "@/db/client";
import { createImport, processImport } from "@/db/queries/imports";
import { currentUserId } from "@/lib/auth";
import { decodeFile, FILE_SIZE_LIMIT_BYTES, fileTooLargeMessage } from "@/lib/import/decode";
import { detectSource } from "@/lib/import/detect";

// Upload: a route handler, since HTTP (a multipart file) is the interface.
// The file is stored with its import and read in the background (after the
// response); the page polls GET /api/imports/:id for progress.
export const dynamic = "force-dynamic";

export async function POST(request: Request): Promise<Response> {
  const userId = await currentUserId();
  if (!userId) return Response.json({ error: "Your session has ended. Sign in again to continue." }, { status: 401 });
  const declared = Number(request.headers.get("content-length") ?? 0);
  if (declared > FILE_SIZE_LIMIT_BYTES + 64 * 1024) {
    return Response.json({ error: fileTooLargeMessage(declared) }, { status: 413 });
  }
  let file: FormDataEntryValue | null;
  try {
    file = (await request.formData()).get("file");
  } catch {
    return Response.json({ error: "Choose a file to import." }, { status: 400 });
  }
  if (!(file instanceof File) || file.size === 0) {
    return Response.json({ error: file instanceof File ? "This file is empty." : "Choose a file to import." }, { status: 400 });
  }
  if (file.size > FILE_SIZE_LIMIT_BYTES) return Response.json({ error: fileTooLargeMessage(file.size) }, { status: 413 });

  const content = decodeFile(new Uint8Array(await file.arrayBuffer()));
  const fileName = file.name.slice(0, 255) || "import";
  const db = await getDb();
  const created = await createImport(db, {
    userId,
    source: detectSource(fileName, content),
    fileName,
    fileSize: file.size,
    content,
  });
  if (created.status === "parsing") after(() => processImport(db, { importId: created.id }));
  return Response.json({ id: created.id, status: created.status }, { status: 201 });
}
