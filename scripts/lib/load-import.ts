import fs from "node:fs";
import path from "node:path";
import { type Recorder, timed, WrongAnswer } from "./load-recorder";
import { type LoadUser, REQUEST_TIMEOUT_MS, sleep } from "./load-user";

export const IMPORT_KINDS = [
  "POST /api/imports (upload)",
  "GET /api/imports/:id (poll)",
  "POST /import/:id (commit action)",
] as const;
// The page polls every half second (components/import/import-progress.tsx).
const POLL_MS = 500;
const READY_WITHIN_MS = 180_000;
const COMMIT_TIMEOUT_MS = 120_000;

type ManifestEntry = { exportedName?: string; filename?: string; workers?: Record<string, unknown> };

// The id Next gave a server action in this build, as the browser finds it in
// the page's JavaScript: server-reference-manifest.json maps ids to the
// module and export they call.
export function serverActionId(params: { file: string; exportedName: string }): string {
  const manifestPath = path.resolve(".next/server/server-reference-manifest.json");
  const manifest = JSON.parse(fs.readFileSync(manifestPath, "utf8")) as { node?: Record<string, ManifestEntry> };
  const found = Object.entries(manifest.node ?? {}).filter(
    ([, entry]) => entry.exportedName === params.exportedName && entry.filename === params.file,
  );
  const [first] = found;
  if (!first || found.length > 1) {
    throw new Error(`${manifestPath} has ${found.length} actions ${params.exportedName} of ${params.file}, not one`);
  }
  return first[0];
}

export type ImportOutcome = { importId?: string; created?: number; seconds: number };

// Imports a file as the browser does it: the upload as multipart form data
// from the same origin, the progress polled until the plan is ready, then the
// import page's commit action over HTTP (the Next-Action header, the
// arguments as a JSON array). Every step goes to the next server in turn.
export async function importThroughBrowserRequests(params: {
  origin: () => string;
  recorder: Recorder;
  user: LoadUser;
  file: Uint8Array;
  fileName: string;
  actionId: string;
}): Promise<ImportOutcome> {
  const { recorder, user } = params;
  const started = performance.now();
  const seconds = () => (performance.now() - started) / 1000;
  const importId = await timed(recorder, IMPORT_KINDS[0], async () => {
    const origin = params.origin();
    const form = new FormData();
    form.set("file", new Blob([new Uint8Array(params.file)], { type: "text/csv" }), params.fileName);
    const response = await fetch(`${origin}/api/imports`, {
      method: "POST",
      headers: { cookie: user.cookie, origin },
      body: form,
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
    const text = await response.text();
    if (response.status !== 201) throw new WrongAnswer(`POST /api/imports answered ${response.status}: ${text.slice(0, 200)}`);
    const id = (JSON.parse(text) as { id?: unknown }).id;
    if (typeof id !== "string") throw new WrongAnswer("POST /api/imports answered 201 without an id");
    return id;
  });
  if (importId === undefined) return { seconds: seconds() };

  const deadline = performance.now() + READY_WITHIN_MS;
  let status = "parsing";
  while (status === "parsing") {
    if (performance.now() > deadline) {
      recorder.fail(IMPORT_KINDS[1], `import ${importId} was not ready within ${READY_WITHIN_MS / 1000} s`);
      return { importId, seconds: seconds() };
    }
    await sleep(POLL_MS);
    const polled = await timed(recorder, IMPORT_KINDS[1], async () => {
      const response = await fetch(`${params.origin()}/api/imports/${importId}`, {
        headers: { cookie: user.cookie },
        signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
      });
      const text = await response.text();
      if (response.status !== 200) throw new WrongAnswer(`GET /api/imports/${importId} answered ${response.status}`);
      return (JSON.parse(text) as { status: string; errors?: string[] }).status;
    });
    if (polled !== undefined) status = polled;
  }
  if (status !== "ready") {
    recorder.fail(IMPORT_KINDS[1], `import ${importId} ended ${status}, not ready`);
    return { importId, seconds: seconds() };
  }

  const created = await timed(recorder, IMPORT_KINDS[2], async () => {
    const origin = params.origin();
    const response = await fetch(`${origin}/import/${importId}`, {
      method: "POST",
      headers: {
        cookie: user.cookie,
        origin,
        accept: "text/x-component",
        "content-type": "text/plain;charset=UTF-8",
        "next-action": params.actionId,
      },
      body: JSON.stringify([{ importId, circleIds: [], newCircle: "", keepInTouch: "regular", cadenceDays: null }]),
      signal: AbortSignal.timeout(COMMIT_TIMEOUT_MS),
    });
    const text = await response.text();
    const count = /"ok":true,"data":\{[^}]*"created":(\d+)/.exec(text)?.[1];
    if (response.status !== 200 || count === undefined) {
      throw new WrongAnswer(`the commit action answered ${response.status} without "ok":true: ${text.slice(0, 300)}`);
    }
    return Number(count);
  });
  return { importId, created, seconds: seconds() };
}
