import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";

const NEXT_BIN = path.resolve("node_modules/.bin/next");
const BUILD_DIR = path.resolve(".next");
const OUTPUT_KEPT = 20_000;

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "localhost", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

// The app routes a production build holds, as "/(app)/dashboard/page".
function builtRoutes(): Set<string> | undefined {
  if (!fs.existsSync(path.join(BUILD_DIR, "BUILD_ID"))) return undefined;
  try {
    const manifest = JSON.parse(fs.readFileSync(path.join(BUILD_DIR, "server/app-paths-manifest.json"), "utf8")) as Record<
      string,
      string
    >;
    return new Set(Object.keys(manifest));
  } catch {
    return undefined;
  }
}

/**
 * Runs `next build` when there is no production build, one without the given
 * routes, or when asked to; returns whether it built. With `lockFile`, the
 * build runs under `flock` on it, so builds on a shared machine take turns.
 */
export function ensureBuild(params: { routes: readonly string[]; force: boolean; lockFile?: string }): boolean {
  const routes = builtRoutes();
  const missing = routes ? params.routes.filter((route) => !routes.has(route)) : params.routes;
  if (!params.force && routes && missing.length === 0) return false;
  const why = params.force
    ? "--build was given"
    : routes
      ? `the build in .next has no ${missing.join(", ")}`
      : "there is no production build (.next/BUILD_ID)";
  console.log(`Running next build, as ${why} (about half a minute on two cores)…`);
  const command = params.lockFile ? "flock" : NEXT_BIN;
  const args = params.lockFile ? [params.lockFile, NEXT_BIN, "build"] : ["build"];
  const result = spawnSync(command, args, {
    stdio: "inherit",
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", NODE_ENV: "production" },
  });
  if (result.status !== 0) {
    throw new Error(
      `next build failed (exit ${result.status ?? result.signal}); if another build holds .next, wait for it and run again`,
    );
  }
  const built = builtRoutes();
  const stillMissing = params.routes.filter((route) => !built?.has(route));
  if (stillMissing.length > 0) throw new Error(`next build finished without ${stillMissing.join(", ")}`);
  return true;
}

export type NextServer = {
  origin: string;
  /** The server's process id, also its process group's (it runs detached). */
  pid: number | undefined;
  /** What the server printed, for an error message. */
  output: () => string;
  stop: () => Promise<void>;
};

// `next start` in its own process group, so stopping it also stops any
// worker it spawned; stopped on exit too, should the caller fail to.
export async function startNextServer(params: {
  port: number;
  env: Record<string, string>;
  readyPath: string;
  timeoutMs?: number;
}): Promise<NextServer> {
  const origin = `http://localhost:${params.port}`;
  const child = spawn(NEXT_BIN, ["start", "-H", "localhost", "-p", String(params.port)], {
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...process.env, ...params.env },
  });
  let output = "";
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-OUTPUT_KEPT);
  };
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));

  const killGroup = (signal: NodeJS.Signals) => {
    if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
    try {
      process.kill(-child.pid, signal);
    } catch {
      // Already gone.
    }
  };
  const onExit = () => killGroup("SIGKILL");
  process.once("exit", onExit);

  const stop = async () => {
    process.removeListener("exit", onExit);
    killGroup("SIGTERM");
    const timer = setTimeout(() => killGroup("SIGKILL"), 5_000);
    await exited;
    clearTimeout(timer);
  };

  try {
    await waitUntilReady(child, `${origin}${params.readyPath}`, params.timeoutMs ?? 60_000);
  } catch (error) {
    await stop();
    throw new Error(`${(error as Error).message}\n--- next start printed ---\n${output}`);
  }
  return { origin, pid: child.pid, output: () => output, stop };
}

async function waitUntilReady(child: ChildProcess, url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`next start exited (${child.exitCode ?? child.signalCode}) before it answered`);
    }
    try {
      const response = await fetch(url, { redirect: "manual" });
      await response.arrayBuffer();
      return;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
  throw new Error(`next start did not answer ${url} within ${timeoutMs / 1000} s`);
}

// Any fixed string of 32 characters or more: a bench server only reads the
// sessions its bench wrote.
const BENCH_AUTH_SECRET = "kith-bench-server-secret-not-for-production-use";

// `next start` as every bench runs it: production, the outbox instead of
// email, /bench-floor served, signed in by a sessions row the bench writes.
export function startBenchServer(params: { port: number; database: Record<string, string>; env?: Record<string, string> }) {
  return startNextServer({
    port: params.port,
    readyPath: "/sign-in",
    env: {
      ...params.database,
      AUTH_SECRET: BENCH_AUTH_SECRET,
      AUTH_URL: `http://localhost:${params.port}`,
      NEXT_TELEMETRY_DISABLED: "1",
      NODE_ENV: "production",
      KITH_OUTBOX: "true",
      KITH_BENCH_PAGES: "true",
      ...params.env,
    },
  });
}
