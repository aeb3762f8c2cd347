import type { Db } from "@/db/client";
import { createImport, processImport } from "@/db/queries/imports";
import { decodeFile, FILE_SIZE_LIMIT_BYTES, fileTooLargeMessage } from "./decode";
import { detectSource } from "./detect";

const error = (message: string, status: number) => Response.json({ error: message }, { status });

// POST /api/imports: the file is stored with its import and read later, by
// `later` (next/server's after() in the route: once the response is sent).
export async function receiveImportUpload(
  request: Request,
  context: { userId: string | null; db: () => Promise<Db>; later: (work: () => Promise<void>) => void },
): Promise<Response> {
  if (!context.userId) return error("Your session has ended. Sign in again to continue.", 401);
  const declared = Number(request.headers.get("content-length") ?? 0);
  if (declared > FILE_SIZE_LIMIT_BYTES + 64 * 1024) return error(fileTooLargeMessage(declared), 413);
  let file: FormDataEntryValue | null;
  try {
    file = (await request.formData()).get("file");
  } catch {
    return error("Choose a file to import.", 400);
  }
  if (!(file instanceof File)) return error("Choose a file to import.", 400);
  if (file.size === 0) return error("This file is empty.", 400);
  if (file.size > FILE_SIZE_LIMIT_BYTES) return error(fileTooLargeMessage(file.size), 413);

  const content = decodeFile(new Uint8Array(await file.arrayBuffer()));
  const fileName = file.name.slice(0, 255) || "import";
  const db = await context.db();
  const created = await createImport(db, {
    userId: context.userId,
    source: detectSource(fileName, content),
    fileName,
    fileSize: file.size,
    content,
  });
  if (created.status === "parsing") context.later(() => processImport(db, { importId: created.id }));
  return Response.json({ id: created.id, status: created.status }, { status: 201 });
}
