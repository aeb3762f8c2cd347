import { createHash } from "node:crypto";
import { readdirSync } from "node:fs";
import path from "node:path";
import { createSerwistRoute } from "@serwist/turbopack";

// The offline page changes with each build, and every server of one build
// must serve the very same worker (a worker that differs by a byte installs
// again): its revision is a fingerprint of the build's static files, whose
// names carry their content's hash.
function buildFingerprint(): string {
  try {
    const files = readdirSync(path.join(process.cwd(), ".next", "static"), { recursive: true }).map(String);
    return createHash("sha256").update(files.sort().join("\n")).digest("hex").slice(0, 20);
  } catch {
    return "development";
  }
}

// Serwist's Turbopack integration: the worker (app/sw.ts) is bundled with
// esbuild by this route, with the list of the build's static files to
// precache, and served as /serwist/sw.js.
export const { dynamic, dynamicParams, revalidate, generateStaticParams, GET } = createSerwistRoute({
  swSrc: "app/sw.ts",
  useNativeEsbuild: true,
  additionalPrecacheEntries: [{ url: "/offline", revision: buildFingerprint() }],
});
