import { createServer, get } from "node:http";
import type { AddressInfo } from "node:net";
import { percentile } from "./stats";

export type Latency = { p50: number; max: number; requests: number };

// How long a request made while `run` works waits for its answer: a tiny
// HTTP server in this process, asked every `everyMs`. Each latency counts
// from when the request was due, so a timer that fires late because the
// event loop was busy counts as waiting too.
export async function whileServing<T>(run: () => Promise<T>, everyMs = 50): Promise<{ result: T; latency: Latency }> {
  const server = createServer((_, response) => response.end("ok"));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  const latencies: number[] = [];
  const failures: string[] = [];
  const pending = new Set<Promise<void>>();
  const started = performance.now();
  let due = started;
  let isRunning = true;
  const ask = (at: number) =>
    new Promise<void>((resolve) => {
      get({ host: "127.0.0.1", port, path: "/", agent: false }, (response) => {
        response.resume();
        response.on("end", () => {
          latencies.push(performance.now() - at);
          resolve();
        });
      }).on("error", (error) => {
        failures.push(error.message);
        resolve();
      });
    });
  const tick = () => {
    if (!isRunning) return;
    // Of the requests that fell due while the loop was blocked, the one due
    // first is sent now and timed from then: it waited longest.
    const now = performance.now();
    const request = ask(due);
    pending.add(request);
    void request.finally(() => pending.delete(request));
    while (due <= now) due += everyMs;
    timer = setTimeout(tick, Math.max(0, due - performance.now()));
  };
  let timer = setTimeout(tick, 0);
  try {
    const result = await run();
    // A request due while the work held the loop to its very end is sent now.
    isRunning = false;
    if (due <= performance.now()) pending.add(ask(due));
    // Requests still waiting when the work ends are the ones it held up most.
    await Promise.all(pending);
    if (failures.length > 0) throw new Error(`${failures.length} requests failed: ${failures[0]}`);
    const sorted = [...latencies].sort((a, b) => a - b);
    return { result, latency: { p50: percentile(sorted, 50), max: sorted.at(-1) ?? Number.NaN, requests: sorted.length } };
  } finally {
    isRunning = false;
    clearTimeout(timer);
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}
