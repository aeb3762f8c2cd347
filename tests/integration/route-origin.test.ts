import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

// Every route handler that takes a POST, PUT, PATCH or DELETE refuses a
// request from another site before it reads a session or a body, found
// from the files themselves so a new route is covered the day it lands.
const APP = path.resolve("app");
const WRITE_METHODS = ["POST", "PUT", "PATCH", "DELETE"] as const;

// Each exception names what stands in for the Origin check.
const CROSS_SITE_ALLOWED: Record<string, string> = {
  "api/auth/[...nextauth]": "Auth.js checks its own double-submit CSRF token on every POST",
  "api/unsubscribe": "RFC 8058 one-click: the mail provider posts from its own servers; the signed token is the authority",
};

// The REST API and MCP take a personal access token in the Authorization
// header and never a cookie: a page on another site cannot send one, so
// there is no ambient authority to forge. Without a token they answer 401.
const BEARER_ONLY = /^api\/(v1|mcp)(\/|$)/;

const routes = fs
  .readdirSync(APP, { recursive: true, encoding: "utf8" })
  .filter((file) => path.basename(file) === "route.ts")
  .map((file) => path.dirname(file).split(path.sep).join("/"))
  .sort();

describe("route handlers refuse cross-site writes", () => {
  it("finds the route handlers", () => {
    expect(routes).toContain("api/restore");
    expect(routes).toContain("api/imports");
  });

  for (const route of routes) {
    it(`${route}`, async () => {
      const mod = (await import(/* @vite-ignore */ path.join(APP, route, "route.ts"))) as Record<string, unknown>;
      for (const method of WRITE_METHODS) {
        const handler = mod[method];
        if (typeof handler !== "function") continue;
        if (route in CROSS_SITE_ALLOWED) continue;
        const expected = BEARER_ONLY.test(route) ? 401 : 403;
        const url = `http://localhost:3000/${route.replace(/\[[^\]]+\]/g, "00000000-0000-4000-8000-000000000000")}`;
        const request = new Request(url, {
          method,
          headers: { origin: "https://evil.example", host: "localhost:3000", "content-type": "application/json" },
          body: "{}",
        });
        const params = Promise.resolve(new Proxy({}, { get: () => "00000000-0000-4000-8000-000000000000" }));
        const response = (await handler(request, { params })) as Response;
        expect(response.status, `${method} /${route}`).toBe(expected);
      }
    });
  }

  it("keeps the allow-list to routes that exist", () => {
    for (const route of Object.keys(CROSS_SITE_ALLOWED)) expect(routes).toContain(route);
  });
});
