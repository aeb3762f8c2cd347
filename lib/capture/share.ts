// The Web Share Target (/share): what another app shared with Kith from the
// phone's share sheet. A vCard file becomes an import, exactly as an upload
// does, and opens its preview; a LinkedIn profile, a contact as text or any
// other text opens the new-contact form pre-filled through its query string.
// Nothing is saved without the person confirming on those pages.

import type { Db } from "@/db/client";
import { crossSiteRefusal } from "@/lib/http/same-origin";
import { readLimitedFormData } from "@/lib/http/read-limited-body";
import { FILE_SIZE_LIMIT_BYTES } from "@/lib/import/decode";
import { hitImportLimit, IMPORT_UPLOAD_LIMITS, type ImportUploadLimits, startImport } from "@/lib/import/upload";
import { parseShare, type SharedData } from "./parse";
import { prefillSearchParams } from "./prefill";

const limitMB = FILE_SIZE_LIMIT_BYTES / 1024 / 1024;

// Why a shared file did not become an import, shown on /import?share=….
export const SHARE_NOTICES = {
  "too-large": `The shared file is larger than ${limitMB} MB; Kith imports files up to ${limitMB} MB. Split it into smaller files and import them here.`,
  empty: "The shared file was empty, so there was nothing to import.",
  "too-many": `You have started ${IMPORT_UPLOAD_LIMITS.perHour} imports in the last hour, the most Kith takes. Share the file again later, or import it here then.`,
} as const;

export type ShareNotice = keyof typeof SHARE_NOTICES;

const VCARD_TYPES = new Set(["text/vcard", "text/x-vcard", "text/directory"]);

// A POST from the share sheet is a navigation the browser makes itself, sent
// with Sec-Fetch-Site: none, which no web page can forge; any other POST
// must come from Kith's own pages, as for every route that writes.
export function shareRefusal(request: Request): Response | null {
  if (request.headers.get("sec-fetch-site") === "none") return null;
  return crossSiteRefusal(request);
}

type ShareContext = {
  userId: string | null;
  db: () => Promise<Db>;
  later: (work: () => Promise<void>) => void;
  now?: Date;
  limits?: ImportUploadLimits;
};

const seeOther = (location: string) => new Response(null, { status: 303, headers: { Location: location } });

function signIn(callbackUrl: string): Response {
  return seeOther(`/sign-in?${new URLSearchParams({ callbackUrl })}`);
}

function newContactPath(shared: SharedData): string {
  const query = prefillSearchParams(parseShare(shared)).toString();
  return query ? `/contacts/new?${query}` : "/contacts/new";
}

const importNotice = (notice: ShareNotice) => seeOther(`/import?share=${notice}`);

// GET /share?title=&text=&url=: some platforms share this way. It only
// redirects, so it needs no origin check; signed out, the sign-in page
// carries the pre-filled form on as its callback.
export function receiveSharedLink(request: Request, context: Pick<ShareContext, "userId">): Response {
  const query = new URL(request.url).searchParams;
  const target = newContactPath({ title: query.get("title"), text: query.get("text"), url: query.get("url") });
  return context.userId ? seeOther(target) : signIn(target);
}

function isVCardFile(value: FormDataEntryValue): value is File {
  if (!(value instanceof File)) return false;
  return /\.(?:vcf|vcard)$/i.test(value.name.trim()) || VCARD_TYPES.has(value.type.split(";")[0]?.trim().toLowerCase() ?? "");
}

const textOf = (value: FormDataEntryValue | null) => (typeof value === "string" ? value : null);

// POST /share (multipart, as the manifest declares). Signed out, the body is
// not read at all: the person signs in and starts a new contact.
export async function receiveShare(request: Request, context: ShareContext): Promise<Response> {
  if (!context.userId) {
    await request.body?.cancel().catch(() => undefined);
    return signIn("/contacts/new");
  }
  const limits = context.limits ?? IMPORT_UPLOAD_LIMITS;
  const body = await readLimitedFormData(request, limits.maxBodyBytes);
  if (!body.ok) return body.reason === "too-large" ? importNotice("too-large") : seeOther("/contacts/new");
  const file = body.form.getAll("file").find(isVCardFile);
  if (file) {
    if (file.size === 0) return importNotice("empty");
    if (file.size > FILE_SIZE_LIMIT_BYTES) return importNotice("too-large");
    const db = await context.db();
    const verdict = await hitImportLimit(db, { userId: context.userId, now: context.now ?? new Date(), limits });
    if (!verdict.allowed) return importNotice("too-many");
    const created = await startImport(db, { userId: context.userId, file, later: context.later });
    return seeOther(`/import/${created.id}`);
  }
  const { form } = body;
  return seeOther(newContactPath({ title: textOf(form.get("title")), text: textOf(form.get("text")), url: textOf(form.get("url")) }));
}
