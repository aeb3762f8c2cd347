import { availableParallelism } from "node:os";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: { tsconfigPaths: true },
  test: {
    setupFiles: ["./tests/setup.ts"],
    // Vitest leaves a core to itself by default, which on a 2-core machine
    // runs the files one at a time while the main process mostly waits.
    maxWorkers: Math.max(2, availableParallelism() - 1),
    // next-auth imports "next/server" without an extension, which Node's ESM
    // resolver refuses; inlined, Vite resolves it as Next's own bundler does.
    server: { deps: { inline: ["next-auth"] } },
    projects: [
      {
        extends: true,
        test: { name: "unit", include: ["tests/unit/**/*.test.{ts,tsx}"], environment: "node" },
      },
      {
        extends: true,
        test: {
          name: "integration",
          include: ["tests/integration/**/*.test.{ts,tsx}"],
          globalSetup: ["./tests/global-setup.ts"],
          environment: "node",
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
