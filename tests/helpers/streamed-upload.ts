// A multipart body that arrives in chunks with no Content-Length, as a
// client streaming a file sends it, counting how many chunks were pulled.
export function streamedUpload(url: string, options: { chunks: number; chunkBytes: number; contentLength?: string }) {
  const boundary = "kith-test-boundary";
  const encoder = new TextEncoder();
  const head = encoder.encode(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="big.csv"\r\nContent-Type: text/csv\r\n\r\n`,
  );
  const tail = encoder.encode(`\r\n--${boundary}--\r\n`);
  const chunk = new Uint8Array(options.chunkBytes).fill(0x61);
  const stream = { pulled: 0, cancelled: false };
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      stream.pulled += 1;
      if (stream.pulled === 1) controller.enqueue(head);
      else if (stream.pulled <= options.chunks + 1) controller.enqueue(chunk);
      else if (stream.pulled === options.chunks + 2) controller.enqueue(tail);
      else controller.close();
    },
    cancel() {
      stream.cancelled = true;
    },
  });
  const headers: Record<string, string> = { "content-type": `multipart/form-data; boundary=${boundary}` };
  if (options.contentLength) headers["content-length"] = options.contentLength;
  const request = new Request(url, { method: "POST", body, headers, duplex: "half" } as RequestInit);
  return { request, stream };
}
