import { randomUUID } from "node:crypto";
import { createSerwistRoute } from "@serwist/turbopack";

// Serwist's Turbopack integration: the worker (app/sw.ts) is bundled with
// esbuild when `next build` prerenders this route, with the list of the
// build's static files to precache, and served as /serwist/sw.js.
export const { dynamic, dynamicParams, revalidate, generateStaticParams, GET } = createSerwistRoute({
  swSrc: "app/sw.ts",
  useNativeEsbuild: true,
  // The offline page changes with each build; its revision tells the worker
  // to fetch it again.
  additionalPrecacheEntries: [{ url: "/offline", revision: randomUUID() }],
});
