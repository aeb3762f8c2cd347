import type { Browser, CDPSession } from "playwright-core";

// A mid-range Android phone (Lighthouse's mobile device: a Moto G Power).
export const PHONE = {
  viewport: { width: 390, height: 844 },
  deviceScaleFactor: 3,
  isMobile: true,
  hasTouch: true,
  userAgent:
    "Mozilla/5.0 (Linux; Android 11; moto g power (2022)) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36",
} as const;

// Lighthouse's "slow 4G" as it sends it through the DevTools protocol
// (throttlingMethod "devtools", lighthouse-core/config/constants.js): the
// 150 ms round trip becomes 562.5 ms of latency per request, and 1.6 Mbps
// down / 750 kbps up are taken at 90 %. The protocol wants bytes per second.
export const SLOW_4G = { latencyMs: 150 * 3.75, downloadKbps: 1.6 * 1024 * 0.9, uploadKbps: 750 * 0.9 } as const;
export const CPU_SLOWDOWN = 4;

const LONG_TASK_MS = 50;
const POLL_MS = 100;

// `wireBytes`: the compressed body as it came over the network, without the
// HTTP headers (what "gzip size" means in bundle reports); `decodedBytes`:
// the same body uncompressed.
export type ScriptFetch = { url: string; wireBytes: number; decodedBytes: number };

export type ColdLoad = {
  status: number;
  scripts: ScriptFetch[];
  /** Milliseconds from navigation start, in the page's own clock. */
  fcp: number;
  lcp: number;
  tbt: number;
  /** When the page went quiet: the later of the load event, the last long task's end and the last response. */
  quietAt: number;
};

type PageMarks = { fcp: number; lcp: number; loadEnd: number; longTasks: [start: number, duration: number][]; now: number };

// Installed before any of the page's own scripts: long tasks are not
// buffered for an observer created later, and the LCP candidate is kept as
// it changes.
const OBSERVERS = `
  window.__kithMarks = { lcp: 0, longTasks: [] };
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) window.__kithMarks.longTasks.push([entry.startTime, entry.duration]);
  }).observe({ type: "longtask", buffered: true });
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) window.__kithMarks.lcp = entry.startTime;
  }).observe({ type: "largest-contentful-paint", buffered: true });
`;

function readMarks(): PageMarks {
  const marks = (window as unknown as { __kithMarks: { lcp: number; longTasks: [number, number][] } }).__kithMarks;
  const fcp = performance.getEntriesByName("first-contentful-paint")[0]?.startTime ?? Number.NaN;
  const navigation = performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming | undefined;
  return { fcp, lcp: marks.lcp, loadEnd: navigation?.loadEventEnd ?? 0, longTasks: [...marks.longTasks], now: performance.now() };
}

// Total Blocking Time: of every long task after First Contentful Paint, the
// part beyond 50 ms (a task that began before FCP counts from FCP). The quiet
// window holds no long task, so every task up to the end is counted.
export function totalBlockingTime(fcp: number, longTasks: readonly (readonly [number, number])[]): number {
  return longTasks.reduce((total, [start, duration]) => {
    const end = start + duration;
    if (end <= fcp) return total;
    return total + Math.max(0, end - Math.max(start, fcp) - LONG_TASK_MS);
  }, 0);
}

async function throttle(cdp: CDPSession) {
  await cdp.send("Network.enable");
  await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
  await cdp.send("Network.emulateNetworkConditions", {
    offline: false,
    latency: SLOW_4G.latencyMs,
    downloadThroughput: (SLOW_4G.downloadKbps * 1024) / 8,
    uploadThroughput: (SLOW_4G.uploadKbps * 1024) / 8,
  });
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: CPU_SLOWDOWN });
}

/**
 * Loads `url` once in a new browser context (empty cache, no service worker)
 * at the phone profile, and waits until the page is quiet: the load event
 * has fired, no request is in flight and neither a response nor a long task
 * has come for `quietMs`.
 */
export async function coldLoad(
  browser: Browser,
  params: { url: string; cookies: { name: string; value: string }[]; quietMs: number; timeoutMs: number },
): Promise<ColdLoad> {
  const origin = new URL(params.url);
  // Blocked, the service worker cannot precache every chunk of the app
  // after load, which a first visit's own page does not need.
  const context = await browser.newContext({ ...PHONE, serviceWorkers: "block" });
  try {
    await context.addCookies(
      params.cookies.map((cookie) => ({ ...cookie, domain: origin.hostname, path: "/", httpOnly: true, sameSite: "Lax" as const })),
    );
    await context.addInitScript(OBSERVERS);
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await throttle(cdp);

    const requests = new Map<string, { url: string; isScript: boolean; headerBytes: number; decodedBytes: number }>();
    const scripts: ScriptFetch[] = [];
    let inFlight = 0;
    let lastNetworkAt = Date.now();
    cdp.on("Network.requestWillBeSent", (event) => {
      if (!requests.has(event.requestId)) inFlight += 1;
      requests.set(event.requestId, { url: event.request.url, isScript: event.type === "Script", headerBytes: 0, decodedBytes: 0 });
      lastNetworkAt = Date.now();
    });
    // What had arrived when the response began: its status line and headers.
    cdp.on("Network.responseReceived", (event) => {
      const request = requests.get(event.requestId);
      if (request) request.headerBytes = event.response.encodedDataLength;
    });
    cdp.on("Network.dataReceived", (event) => {
      const request = requests.get(event.requestId);
      if (request) request.decodedBytes += event.dataLength;
      lastNetworkAt = Date.now();
    });
    const settle = (requestId: string) => {
      if (!requests.delete(requestId)) return;
      inFlight -= 1;
      lastNetworkAt = Date.now();
    };
    cdp.on("Network.loadingFinished", (event) => {
      const request = requests.get(event.requestId);
      if (request?.isScript) {
        scripts.push({ url: request.url, wireBytes: event.encodedDataLength - request.headerBytes, decodedBytes: request.decodedBytes });
      }
      settle(event.requestId);
    });
    cdp.on("Network.loadingFailed", (event) => settle(event.requestId));

    const response = await page.goto(params.url, { waitUntil: "load", timeout: params.timeoutMs });
    const status = response?.status() ?? 0;
    const landed = new URL(page.url()).pathname;
    if (landed !== origin.pathname) throw new Error(`${origin.pathname} landed on ${landed} (status ${status})`);

    const deadline = Date.now() + params.timeoutMs;
    let marks = await page.evaluate(readMarks);
    for (;;) {
      if (Date.now() > deadline) throw new Error(`${origin.pathname} was not quiet within ${params.timeoutMs / 1000} s`);
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
      if (inFlight > 0 || Date.now() - lastNetworkAt < params.quietMs) continue;
      marks = await page.evaluate(readMarks);
      const lastTaskEnd = Math.max(0, ...marks.longTasks.map(([start, duration]) => start + duration));
      if (marks.now - lastTaskEnd >= params.quietMs) break;
    }
    const lastTaskEnd = Math.max(0, ...marks.longTasks.map(([start, duration]) => start + duration));
    const lastNetwork = marks.now - (Date.now() - lastNetworkAt);
    return {
      status,
      scripts,
      fcp: marks.fcp,
      lcp: marks.lcp,
      tbt: totalBlockingTime(marks.fcp, marks.longTasks),
      quietAt: Math.max(marks.loadEnd, lastTaskEnd, lastNetwork),
    };
  } finally {
    await context.close();
  }
}
