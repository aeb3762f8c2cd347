// Reads an upload's body while counting the bytes that actually arrive. A
// chunked body declares no Content-Length and a declared one can lie, so
// `request.formData()` would buffer whatever a client sends before any size
// check could run; here reading stops, and the stream is cancelled, at the
// first byte past the limit.

export type LimitedBody = { ok: true; bytes: Uint8Array<ArrayBuffer> } | { ok: false; reason: "too-large" };

export type LimitedFormData = { ok: true; form: FormData } | { ok: false; reason: "too-large" | "not-multipart" };

export async function readLimitedBody(request: Request, maxBytes: number): Promise<LimitedBody> {
  // A declared length over the limit is refused before a byte is read.
  const declared = Number(request.headers.get("content-length"));
  if (Number.isFinite(declared) && declared > maxBytes) {
    await request.body?.cancel().catch(() => undefined);
    return { ok: false, reason: "too-large" };
  }
  if (!request.body) return { ok: true, bytes: new Uint8Array(0) };
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let received = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    received += value.byteLength;
    if (received > maxBytes) {
      await reader.cancel().catch(() => undefined);
      return { ok: false, reason: "too-large" };
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(received);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return { ok: true, bytes };
}

// The multipart form in a body of at most maxBytes, parsed from the bytes
// kept: "not-multipart" when the body is not a form at all.
export async function readLimitedFormData(request: Request, maxBytes: number): Promise<LimitedFormData> {
  const body = await readLimitedBody(request, maxBytes);
  if (!body.ok) return body;
  const contentType = request.headers.get("content-type");
  if (!contentType) return { ok: false, reason: "not-multipart" };
  try {
    const form = await new Response(body.bytes, { headers: { "content-type": contentType } }).formData();
    return { ok: true, form };
  } catch {
    return { ok: false, reason: "not-multipart" };
  }
}
