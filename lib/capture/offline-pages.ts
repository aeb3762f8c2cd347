// What the service worker (app/sw.ts) keeps for offline use, shared with the
// page that clears it at sign-out (components/capture/offline-status.tsx).

export const OFFLINE_PAGES_CACHE = "kith-pages";
export const OFFLINE_PATH = "/offline";

// A page opened by a client-side navigation never passes the worker as a
// document: the page asks the worker to fetch a copy, marked with this header.
export const OFFLINE_COPY_HEADER = "x-kith-offline-copy";

// Pages that are only ever fresh or personal to a moment: signing in, the
// local outbox, links from emails, the share target (it redirects), and the
// API. Every other page of the app may open offline as last seen.
const NEVER_OFFLINE = ["/api/", "/sign-in", "/outbox", "/unsubscribe", "/digest/", "/share", "/serwist/"];

export function servesOffline(pathname: string): boolean {
  return !NEVER_OFFLINE.some((prefix) => pathname === prefix.replace(/\/$/, "") || pathname.startsWith(prefix));
}
