// A server action call is a POST with a `next-action` header whose body is
// the arguments as React encodes them (`encodeReply`): a JSON array, as text
// or as field "0" of a multipart body whose other fields hold the rows it
// refers to. Next's decoder throws on anything else, before any Kith code
// runs, and the response is a 500. Only hostile clients send such bodies, so
// the proxy answers them 400 instead.

// Next's own limit on an action's body. Anything larger is left to Next,
// which answers 413 without decoding it.
export const ACTION_BODY_LIMIT = 1024 * 1024;

// Strings that stand for a value by themselves (React's parseModelString):
// an escaped "$", undefined, NaN, ±Infinity, -0, a date, a bigint, a
// temporary reference, an empty FormData. Every other "$…" refers to another
// row of the body.
const SELF_CONTAINED = /^\$(?:\$|u|H|T|I|N|-0$|-Infinity$|D|K|n-?\d{0,300}$)/s;

// `$1f`, `$@1a`, `$Q2`: the hex id of a row holding JSON (a value, a
// promise's, a Map's entries, a Set's or an iterator's items, a server
// reference). `$B3`, `$o4`: a blob or typed array, whose row is a file.
// `$R5`: a stream, whose rows are its chunks.
const JSON_REFERENCE = /^\$([@hQWi]?)([0-9a-f]+)$/;
const BLOB_REFERENCE = /^\$[ABOoUSsLlGgMmV]([0-9a-f]+)$/;
const STREAM_REFERENCE = /^\$[RrXx]([0-9a-f]+)$/;

type Row = string | Blob;
type RowKind = "value" | "entries" | "iterable" | "server-reference" | "blob" | "stream";
type Reference = { id: string; kind: RowKind };

const JSON_KINDS: Record<string, RowKind> = { "": "value", "@": "value", Q: "entries", W: "iterable", i: "iterable", h: "server-reference" };

function referenceOf(value: string): Reference | null {
  const id = (hex: string) => String(Number.parseInt(hex, 16));
  const json = JSON_REFERENCE.exec(value);
  if (json) return { id: id(json[2] ?? ""), kind: JSON_KINDS[json[1] ?? ""] ?? "value" };
  const blob = BLOB_REFERENCE.exec(value);
  if (blob) return { id: id(blob[1] ?? ""), kind: "blob" };
  const stream = STREAM_REFERENCE.exec(value);
  if (stream) return { id: id(stream[1] ?? ""), kind: "stream" };
  return null;
}

function referencesOf(value: unknown, found: Reference[]): boolean {
  if (typeof value === "string") {
    if (!value.startsWith("$") || SELF_CONTAINED.test(value)) return true;
    const reference = referenceOf(value);
    if (reference) found.push(reference);
    return reference !== null;
  }
  if (Array.isArray(value)) return value.every((item) => referencesOf(item, found));
  if (typeof value === "object" && value !== null) return Object.values(value).every((item) => referencesOf(item, found));
  return true;
}

// What the decoder builds from a row of each kind, and so must find there.
function fitsKind(value: unknown, kind: RowKind): boolean {
  switch (kind) {
    case "entries":
      return Array.isArray(value) && value.every((entry) => typeof entry === "object" && entry !== null);
    case "iterable":
      return Array.isArray(value) || typeof value === "string";
    case "server-reference":
      return typeof value === "object" && value !== null && typeof (value as { id?: unknown }).id === "string";
    default:
      return true;
  }
}

function parseJson(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false };
  }
}

// The root row must be an array (the arguments); every row it reaches must
// be present, and be JSON when it is text. A key sent twice is checked in
// each of its values, whichever one the decoder reads.
function isArgumentRows(rows: Map<string, Row[]>): boolean {
  const roots = rows.get("0") ?? [];
  if (roots.length === 0) return false;
  const pending: unknown[] = [];
  for (const root of roots) {
    const parsed = typeof root === "string" ? parseJson(root) : { ok: false as const };
    if (!parsed.ok || !Array.isArray(parsed.value)) return false;
    pending.push(parsed.value);
  }
  const seen = new Set<string>();
  while (pending.length > 0) {
    const references: Reference[] = [];
    if (!referencesOf(pending.pop(), references)) return false;
    for (const { id, kind } of references) {
      const values = rows.get(id);
      if (!values) return false;
      if (kind === "stream") continue;
      if (kind === "blob") {
        if (!values.every((value) => value instanceof Blob)) return false;
        continue;
      }
      for (const value of values) {
        const parsed = typeof value === "string" ? parseJson(value) : { ok: false as const };
        if (!parsed.ok || !fitsKind(parsed.value, kind)) return false;
        if (!seen.has(`${id}:${kind}`)) pending.push(parsed.value);
      }
      seen.add(`${id}:${kind}`);
    }
  }
  return true;
}

// A text body: one row, so it may refer to no other.
export function isActionArgumentText(text: string): boolean {
  return isArgumentRows(new Map([["0", [text]]]));
}

export function isActionArgumentForm(form: FormData): boolean {
  const rows = new Map<string, Row[]>();
  for (const [key, value] of form.entries()) rows.set(key, [...(rows.get(key) ?? []), value]);
  return isArgumentRows(rows);
}

async function readUpTo(request: Request, limit: number): Promise<Uint8Array<ArrayBuffer> | null> {
  const reader = request.body?.getReader();
  if (!reader) return new Uint8Array();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      // Not awaited: a clone's cancel settles only once the original is read too.
      reader.cancel().catch(() => undefined);
      return null;
    }
    chunks.push(value);
  }
  const body = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return body;
}

// A 400 for an action call whose body Next could not decode, or null to let
// the request through (not an action call, or well formed, or too large).
export async function refuseMalformedActionBody(request: Request): Promise<Response | null> {
  if (request.method !== "POST" || !request.headers.has("next-action")) return null;
  const declared = Number(request.headers.get("content-length") ?? 0);
  if (declared > ACTION_BODY_LIMIT) return null;
  // Read from a clone: Next buffers the body for the proxy, and the action reads it again.
  const body = await readUpTo(request.clone(), ACTION_BODY_LIMIT);
  if (body === null) return null;
  const contentType = request.headers.get("content-type") ?? "";
  if (contentType.startsWith("multipart/form-data")) {
    const form = await new Response(body, { headers: { "Content-Type": contentType } }).formData().catch(() => null);
    if (form !== null && isActionArgumentForm(form)) return null;
  } else if (isActionArgumentText(new TextDecoder().decode(body))) {
    return null;
  }
  return new Response("This request's body is not a server action's arguments.\n", {
    status: 400,
    headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" },
  });
}
