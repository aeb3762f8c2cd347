import type { TokenPool } from "./token-pool";

// A client of a running Kith: the REST API with a pool of tokens, and the
// pages with a signed-in session's cookie.
export type ApiClient = { origin: string; tokens: TokenPool; cookie: string };

export type Sent = { method: "GET" | "POST"; path: string; body?: unknown; expect: number };

// One request to /api/v1 with a token taken beforehand, so making a fresh
// token is never timed. The body is read in full, as a client would; the
// status is checked every time, since an error answers fast and would pass
// for a good time.
export async function send(api: ApiClient, token: string, request: Sent): Promise<unknown> {
  const response = await fetch(`${api.origin}/api/v1${request.path}`, {
    method: request.method,
    headers: {
      authorization: `Bearer ${token}`,
      ...(request.body === undefined ? {} : { "content-type": "application/json" }),
    },
    body: request.body === undefined ? undefined : JSON.stringify(request.body),
  });
  const text = await response.text();
  if (response.status !== request.expect) {
    throw new Error(`${request.method} /api/v1${request.path} answered ${response.status}, not ${request.expect}: ${text.slice(0, 300)}`);
  }
  return JSON.parse(text) as unknown;
}

export async function sendOnce(api: ApiClient, request: Sent): Promise<unknown> {
  return send(api, await api.tokens.next(), request);
}

// A page as the signed-in user; `marker` is text only the page with its data
// renders, so a redirect or an error page never passes for it.
export async function fetchSignedIn(api: ApiClient, pathname: string, marker: string): Promise<void> {
  const response = await fetch(`${api.origin}${pathname}`, { headers: { cookie: api.cookie }, redirect: "manual" });
  const body = await response.text();
  if (response.status !== 200 || !body.includes(marker)) throw new Error(`GET ${pathname} answered ${response.status} without "${marker}"`);
}

export type ListAnswer = { data: { id: string }[]; nextCursor: string | null };

export function asList(answer: unknown, what: string): ListAnswer {
  const list = answer as Partial<ListAnswer>;
  if (!Array.isArray(list.data) || list.nextCursor === undefined) throw new Error(`${what} is not { data, nextCursor }`);
  return list as ListAnswer;
}

export function sameIds(what: string, api: readonly { id: string }[], floor: readonly { id: string }[]): void {
  if (api.map((row) => row.id).join() !== floor.map((row) => row.id).join()) {
    throw new Error(`${what}: the API and the floor found different contacts`);
  }
}
