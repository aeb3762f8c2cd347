import http from "node:http";
import type { AddressInfo } from "node:net";

export type BatchServer = {
  url: string;
  /** Requests answered and the emails they carried. */
  counts: () => { requests: number; emails: number; idempotencyKeys: number };
  close: () => Promise<void>;
};

// A stand-in for Resend's POST /emails/batch on 127.0.0.1: the real SDK talks
// to it over HTTP and gets one id per email back, as Resend answers. Only
// counts are kept, so tens of thousands of emails cost no memory.
export async function startBatchServer(): Promise<BatchServer> {
  let requests = 0;
  let emails = 0;
  let nextId = 0;
  const keys = new Set<string>();
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      if (req.method !== "POST" || req.url !== "/emails/batch") {
        res.writeHead(404, { "content-type": "application/json" });
        res.end(JSON.stringify({ name: "not_found", message: `${req.method} ${req.url}`, statusCode: 404 }));
        return;
      }
      const batch = JSON.parse(Buffer.concat(chunks).toString("utf8")) as unknown[];
      requests += 1;
      emails += batch.length;
      const key = req.headers["idempotency-key"];
      if (typeof key === "string") keys.add(key);
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify({ data: batch.map(() => ({ id: `bench_${(nextId += 1)}` })) }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    counts: () => ({ requests, emails, idempotencyKeys: keys.size }),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
