import { withSerwist } from "@serwist/turbopack";
import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // PGlite loads its WASM and extension bundles from its own package folder at run time.
  serverExternalPackages: ["@electric-sql/pglite"],
  poweredByHeader: false,
  // `npm run typecheck` checks the whole project (tests and scripts too) as
  // its own CI step; the build does not check it a second time.
  typescript: { ignoreBuildErrors: true },
  async headers() {
    // The Content-Security-Policy carries a per-request nonce and is set in proxy.ts.
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
          { key: "X-Frame-Options", value: "DENY" },
          { key: "Permissions-Policy", value: "camera=(self), microphone=(), geolocation=()" },
        ],
      },
    ];
  },
};

// Serwist bundles the service worker with esbuild, which stays outside the server bundle.
export default withSerwist(nextConfig);
