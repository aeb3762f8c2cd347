import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";
import boundaries from "eslint-plugin-boundaries";

// The layers of README.md's "Map of the code", one element type each. A file
// takes the first type whose pattern matches its whole path from the project
// root. `mode: "full"` because some layers are single files (lib/env.ts,
// db/client.ts, lib/health/model.ts, app/**/actions.ts): v7's replacement,
// `partialMatch: false`, matches folders only.
const layers = [
  { type: "vocabulary", pattern: ["lib/domain/**", "lib/validations/**", "lib/health/model.ts"] },
  { type: "env", pattern: "lib/env.ts" },
  { type: "ui-helpers", pattern: "lib/utils.ts" },
  { type: "use-case", pattern: "lib/*/**", capture: ["feature"] },
  { type: "queries", pattern: "db/queries/**" },
  { type: "schema", pattern: "db/schema/**" },
  { type: "client", pattern: ["db/client.ts", "db/pglite-lock.ts", "db/migrate.ts"] },
  { type: "script", pattern: ["db/seed/**", "db/seed.ts", "db/migrate-cli.ts", "scripts/**"] },
  { type: "action", pattern: "app/**/actions.ts" },
  { type: "route", pattern: ["app/**", "proxy.ts", "instrumentation.ts"] },
  { type: "component", pattern: "components/**" },
  { type: "email", pattern: "emails/**" },
  { type: "test", pattern: "tests/**" },
  { type: "config", pattern: ["*.config.ts", "*.config.mjs"] },
].map((layer) => ({ ...layer, mode: "full" }));

// What each layer may import (anything not listed is refused).
const mayImport = {
  route: ["route", "action", "component", "use-case", "queries", "client", "vocabulary", "env", "ui-helpers", "email"],
  action: ["use-case", "vocabulary", "client", "env"],
  component: ["component", "action", "use-case", "vocabulary", "ui-helpers"],
  email: ["email", "use-case", "vocabulary"],
  "use-case": ["use-case", "queries", "schema", "client", "vocabulary", "env", "email"],
  queries: ["queries", "schema", "client", "vocabulary"],
  schema: ["schema", "vocabulary"],
  client: ["client", "schema", "env"],
  vocabulary: ["vocabulary"],
  env: [],
  "ui-helpers": [],
  // Benchmarks render what a page renders (bench:journal times the review pack's HTML).
  script: ["script", "use-case", "queries", "schema", "client", "vocabulary", "env", "email", "component"],
  test: layers.map((layer) => layer.type),
  config: layers.map((layer) => layer.type),
};

const layerPolicies = Object.entries(mayImport).map(([from, to]) => ({
  from: { element: { type: from } },
  allow: { to: { element: { types: to } } },
}));

function layerRule(...extraPolicies) {
  return {
    default: "disallow",
    // A file in a folder no layer names is refused too, until the map names it.
    checkUnknownLocals: true,
    message: "{{from.type}} may not import {{to.type}} ({{to.path}}): see the layers in README.md's Map of the code.",
    policies: [
      ...layerPolicies,
      // A route may name a row type the schema infers, never use a table.
      {
        from: { element: { type: "route" } },
        allow: { to: { element: { type: "schema" } }, dependency: { kind: "type" } },
      },
      ...extraPolicies,
    ],
  };
}

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  globalIgnores([
    ".next/**",
    ".data/**",
    "test-results/**",
    "playwright-report/**",
    "next-env.d.ts",
    "db/migrations/**",
  ]),
  {
    rules: {
      "@typescript-eslint/consistent-type-imports": "error",
      "@typescript-eslint/no-non-null-assertion": "error",
    },
  },
  {
    files: ["**/*.{ts,tsx,mjs}"],
    plugins: { boundaries },
    settings: {
      "boundaries/elements": layers,
      // Silences the notice that `mode` is deprecated (see above).
      "boundaries/legacy-warnings": false,
    },
    rules: { "boundaries/dependencies": ["error", layerRule()] },
  },
]);
