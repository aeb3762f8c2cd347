import { randomUUID } from "node:crypto";
import type { TokenPool } from "./token-pool";
import { type Recorder, timed, WrongAnswer } from "./load-recorder";

export const REQUEST_TIMEOUT_MS = 30_000;
// Type-ahead as a person types it, over names the demo seed uses.
const SEARCHES = ["n", "na", "naka", "pat", "chen", "grace", "ros", "ibrahim", "mur", "sofia", "o'c", "kow"];
// Only a rendered list holds a link to a contact; a redirect, an error page
// or an empty shell does not.
const CONTACT_LINK = /href="\/contacts\/[0-9a-f-]{36}"/;
// Only the dashboard with data says this.
export const DASHBOARD_MARKER = "How your network is doing";
const SEARCH_MARKERS = [CONTACT_LINK, /No contacts match/];

// A signed-in person of the load: a session cookie for the pages, a pool of
// API tokens (each under the API's per-minute limit) for the REST API, and
// their own contacts to log touches with.
export type LoadUser = {
  index: number;
  userId: string;
  cookie: string;
  tokens: TokenPool;
  contactIds: string[];
  /** Where pages in the second half of the list start, as the page's Next links give them. */
  deepPages: { page: number; after: string }[];
};

// One touch the load sent: `answeredId` is set when the server said it was
// stored (2xx); without it the touch may or may not have been stored.
export type SentTouch = { userId: string; key: string; summary: string; contactIds: string[]; answeredId?: string };

export type LoadContext = {
  /** The next server to send to, round-robin over the running ones. */
  origin: () => string;
  recorder: Recorder;
  touches: SentTouch[];
  phase: string;
  thinkMs: number;
};

export const REQUEST_KINDS = [
  "GET /dashboard",
  "GET /contacts",
  "GET /contacts?q=… (search)",
  "GET /contacts?after=… (deep page)",
  "POST /api/v1/touches",
  "POST /api/v1/touches (retry, same key)",
  "GET /api/v1/me (floor)",
  "GET /bench-floor (floor page)",
] as const;
export type RequestKind = (typeof REQUEST_KINDS)[number];

// How often each is picked; a retry follows one touch in ten instead.
const WEIGHTS: [RequestKind, number][] = [
  ["GET /dashboard", 20],
  ["GET /contacts", 20],
  ["GET /contacts?q=… (search)", 20],
  ["GET /contacts?after=… (deep page)", 15],
  ["POST /api/v1/touches", 15],
  ["GET /api/v1/me (floor)", 5],
  ["GET /bench-floor (floor page)", 5],
];
const RETRY_EVERY = 10;

const pickOne = <T>(list: readonly T[]): T => list[Math.floor(Math.random() * list.length)] as T;
export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function pickKind(): RequestKind {
  let roll = Math.random() * WEIGHTS.reduce((sum, [, weight]) => sum + weight, 0);
  for (const [kind, weight] of WEIGHTS) {
    roll -= weight;
    if (roll < 0) return kind;
  }
  return "GET /dashboard";
}

async function page(origin: string, user: LoadUser, path: string, markers: readonly (string | RegExp)[]) {
  const response = await fetch(`${origin}${path}`, {
    headers: { cookie: user.cookie },
    redirect: "manual",
    signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
  });
  const body = await response.text();
  if (response.status !== 200) throw new WrongAnswer(`GET ${path} answered ${response.status}`);
  const found = markers.some((marker) => (typeof marker === "string" ? body.includes(marker) : marker.test(body)));
  if (!found) throw new WrongAnswer(`GET ${path} answered 200 without ${markers.join(" or ")}`);
}

async function api(origin: string, token: string, method: "GET" | "POST", path: string, body?: unknown) {
  const response = await fetch(`${origin}/api/v1${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { "content-type": "application/json" }) },
    body: body === undefined ? undefined : JSON.stringify(body),
    signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
  });
  const text = await response.text();
  return { status: response.status, text };
}

function touchBody(user: LoadUser, phase: string) {
  const count = 2 + Math.floor(Math.random() * 3);
  const contactIds = [...new Set(Array.from({ length: count }, () => pickOne(user.contactIds)))];
  const key = randomUUID();
  return {
    key,
    body: {
      contactIds,
      occurredOn: new Date().toISOString().slice(0, 10),
      channel: "message",
      summary: `bench:load ${phase} ${key}`,
      idempotencyKey: key,
    },
  };
}

async function logTouch(ctx: LoadContext, user: LoadUser, sentSoFar: number) {
  const { key, body } = touchBody(user, ctx.phase);
  const sent: SentTouch = { userId: user.userId, key, summary: body.summary, contactIds: body.contactIds };
  ctx.touches.push(sent);
  const post = async (origin: string, token: string) => {
    const answer = await api(origin, token, "POST", "/touches", body);
    if (answer.status !== 201) throw new WrongAnswer(`POST /api/v1/touches answered ${answer.status}: ${answer.text.slice(0, 200)}`);
    const id = (JSON.parse(answer.text) as { id?: unknown }).id;
    if (typeof id !== "string") throw new WrongAnswer("POST /api/v1/touches answered 201 without an id");
    return id;
  };
  const token = await user.tokens.next();
  const id = await timed(ctx.recorder, "POST /api/v1/touches", () => post(ctx.origin(), token));
  if (id === undefined) return;
  sent.answeredId = id;
  if (sentSoFar % RETRY_EVERY !== 0) return;
  // A client that lost the answer sends the same touch again, maybe to the
  // other server: it must get the same touch back and store nothing new.
  const retryToken = await user.tokens.next();
  await timed(ctx.recorder, "POST /api/v1/touches (retry, same key)", async () => {
    const again = await post(ctx.origin(), retryToken);
    if (again !== id) throw new WrongAnswer(`the retry of ${key} answered touch ${again}, not ${id}`);
  });
}

// One request of the given kind, timed and recorded.
export async function act(ctx: LoadContext, user: LoadUser, kind: RequestKind, touchesSent: number): Promise<void> {
  const origin = ctx.origin();
  switch (kind) {
    case "GET /dashboard":
      await timed(ctx.recorder, kind, () => page(origin, user, "/dashboard", [DASHBOARD_MARKER]));
      return;
    case "GET /contacts":
      await timed(ctx.recorder, kind, () => page(origin, user, "/contacts", [CONTACT_LINK]));
      return;
    case "GET /contacts?q=… (search)":
      await timed(ctx.recorder, kind, () => page(origin, user, `/contacts?q=${encodeURIComponent(pickOne(SEARCHES))}`, SEARCH_MARKERS));
      return;
    case "GET /contacts?after=… (deep page)": {
      // The second half of the list, where an offset cost the most.
      const deep = pickOne(user.deepPages);
      const path = deep ? `/contacts?after=${deep.after}&page=${deep.page}` : "/contacts";
      await timed(ctx.recorder, kind, () => page(origin, user, path, [CONTACT_LINK]));
      return;
    }
    case "POST /api/v1/touches":
    case "POST /api/v1/touches (retry, same key)":
      await logTouch(ctx, user, touchesSent);
      return;
    case "GET /api/v1/me (floor)": {
      const token = await user.tokens.next();
      await timed(ctx.recorder, kind, async () => {
        const answer = await api(origin, token, "GET", "/me");
        if (answer.status !== 200 || !answer.text.includes('"email"')) throw new WrongAnswer(`GET /api/v1/me answered ${answer.status}`);
      });
      return;
    }
    case "GET /bench-floor (floor page)":
      await timed(ctx.recorder, kind, () => page(origin, user, "/bench-floor", ["<html"]));
      return;
  }
}

// Browses and logs touches until the deadline, pausing between requests as a
// person reads a page (uniformly 0.5–1.5× the think time).
export async function browse(ctx: LoadContext, user: LoadUser, deadline: number): Promise<void> {
  let touchesSent = 0;
  await sleep(Math.random() * ctx.thinkMs);
  while (performance.now() < deadline) {
    const kind = pickKind();
    if (kind === "POST /api/v1/touches") touchesSent += 1;
    await act(ctx, user, kind, touchesSent);
    if (ctx.thinkMs > 0) await sleep(ctx.thinkMs * (0.5 + Math.random()));
  }
}
