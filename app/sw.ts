/// <reference lib="webworker" />
import {
  CacheableResponsePlugin,
  ExpirationPlugin,
  NetworkFirst,
  type PrecacheEntry,
  Serwist,
  type SerwistGlobalConfig,
} from "serwist";
import { OFFLINE_COPY_HEADER, OFFLINE_PAGES_CACHE, OFFLINE_PATH, servesOffline } from "@/lib/capture/offline-pages";

// Kith's service worker, bundled by app/serwist/[path]/route.ts. It keeps
// the app's own scripts and styles (precached at install, so every page can
// start offline), and the pages the person last opened: a page comes from
// the network when it can, from this cache when the network is gone. What
// a page changes is never replayed from here: captures wait in the page's
// own queue (lib/capture/queue.ts), which sends them with idempotency keys.

declare global {
  interface WorkerGlobalScope extends SerwistGlobalConfig {
    __SW_MANIFEST: (PrecacheEntry | string)[] | undefined;
  }
}

declare const self: ServiceWorkerGlobalScope;

const serwist = new Serwist({
  precacheEntries: self.__SW_MANIFEST,
  skipWaiting: true,
  clientsClaim: true,
  // No navigation preload: the browser would send every navigation twice
  // when the worker leaves it to the network (a sign-in link, an email's
  // one-time link), and the second request finds the token already spent.
  navigationPreload: false,
  runtimeCaching: [
    {
      matcher: ({ request, url, sameOrigin }) =>
        sameOrigin &&
        (request.mode === "navigate" || request.headers.has(OFFLINE_COPY_HEADER)) &&
        servesOffline(url.pathname),
      handler: new NetworkFirst({
        // No timeout: a slow server must not pass off an old copy as the
        // page; with no network at all the request fails at once anyway.
        cacheName: OFFLINE_PAGES_CACHE,
        plugins: [
          // Only a page that rendered: never a redirect to sign-in or an error.
          new CacheableResponsePlugin({ statuses: [200] }),
          new ExpirationPlugin({ maxEntries: 60, maxAgeSeconds: 14 * 24 * 60 * 60 }),
        ],
      }),
    },
  ],
  fallbacks: {
    entries: [{ url: OFFLINE_PATH, matcher: ({ request }) => request.destination === "document" }],
  },
});

serwist.addEventListeners();
