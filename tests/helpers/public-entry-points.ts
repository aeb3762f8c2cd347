import { NextRequest } from "next/server";
import { expect } from "vitest";
import type { Db } from "@/db/client";
import { databaseFingerprint } from "./db-fingerprint";
import { outcomeOf, type RouteHandler, type ServerAction } from "./entry-points";

export type AllowListed = { reason: string; check: () => Promise<void> };

type Lookups = {
  db: () => Db;
  findAction: (id: string) => ServerAction;
  findRoute: (id: string) => RouteHandler;
  cronSecret: string;
};

// The entry points that answer signed-out callers by design
// (tests/integration/entry-points.test.ts), each with why, and with a check
// of what still guards it: what they answer, and that nothing changed.
export function publicEntryPoints({ db, findAction, findRoute, cronSecret }: Lookups): Record<string, AllowListed> {
  return {
    "app/(auth)/sign-in/actions.ts#requestSignInLink": {
      reason: "Asking for a sign-in link is what a signed-out person does; it is rate limited and sends mail only to the address given.",
      check: async () => {
        const action = findAction("app/(auth)/sign-in/actions.ts#requestSignInLink");
        const before = await databaseFingerprint(db());
        for (const input of [undefined, null, "x", {}, { email: "not an address" }, { email: ["a@b.c"] }]) {
          const outcome = await outcomeOf(() => action.fn(input));
          expect(outcome).toMatchObject({ kind: "returned", value: { ok: false } });
        }
        expect(await databaseFingerprint(db())).toEqual(before);
      },
    },
    "app/(auth)/unsubscribe/actions.ts#unsubscribeAction": {
      reason: "The weekly email's unsubscribe button works signed out: the signed token in the link is the authority.",
      check: async () => {
        const action = findAction("app/(auth)/unsubscribe/actions.ts#unsubscribeAction");
        const before = await databaseFingerprint(db());
        const form = new FormData();
        form.set("t", "forged.token");
        for (const input of [form, new FormData(), undefined, null, { t: "x" }]) {
          const outcome = await outcomeOf(() => action.fn(input));
          expect(outcome.kind).toBe("redirect");
          expect((outcome as { to: string }).to).toMatch(/^\/unsubscribe\?t=/);
        }
        expect(await databaseFingerprint(db())).toEqual(before);
      },
    },
    "/api/auth/[...nextauth] GET": {
      reason: "Auth.js's own endpoints (session, callback, csrf): they are how a session starts.",
      check: async () => {
        const route = findRoute("/api/auth/[...nextauth] GET");
        const before = await databaseFingerprint(db());
        const response = await route.handler(new NextRequest("http://localhost:3000/api/auth/session"), {
          params: Promise.resolve({ nextauth: ["session"] }),
        });
        expect(response.status).toBe(200);
        expect(await response.json()).toBeNull();
        expect(await databaseFingerprint(db())).toEqual(before);
      },
    },
    "/api/auth/[...nextauth] POST": {
      reason: "Auth.js's own endpoints; its sign-in POST, which would skip Kith's rate limit, is refused.",
      check: async () => {
        const route = findRoute("/api/auth/[...nextauth] POST");
        const before = await databaseFingerprint(db());
        const body = new URLSearchParams({ email: "someone@example.com" });
        const response = await route.handler(
          new NextRequest("http://localhost:3000/api/auth/signin/email", { method: "POST", body, headers: { origin: "http://localhost:3000" } }),
          { params: Promise.resolve({ nextauth: ["signin", "email"] }) },
        );
        expect(response.status).toBe(404);
        expect(await databaseFingerprint(db())).toEqual(before);
      },
    },
    "/api/cron/digest GET": {
      reason: "Called by a scheduler, not a person: the cronSecret bearer token is the authority.",
      check: async () => {
        const route = findRoute("/api/cron/digest GET");
        const before = await databaseFingerprint(db());
        for (const authorization of [undefined, "Bearer wrong", `Bearer ${cronSecret}x`, cronSecret]) {
          const headers = authorization ? { authorization } : undefined;
          const response = await route.handler(new NextRequest("http://localhost:3000/api/cron/digest", { headers }), {
            params: Promise.resolve({}),
          });
          expect(response.status).toBe(401);
        }
        expect(await databaseFingerprint(db())).toEqual(before);
      },
    },
    "/serwist/[path] GET": {
      reason: "The service worker's script (and its source map): one public file for every visitor, built from the app's code, holding nobody's data.",
      check: async () => {
        const route = findRoute("/serwist/[path] GET");
        const before = await databaseFingerprint(db());
        const response = await route.handler(new NextRequest("http://localhost:3000/serwist/sw.js"), {
          params: Promise.resolve({ path: "sw.js" }),
        });
        expect(response.status).toBe(200);
        expect(response.headers.get("content-type")).toMatch(/javascript/);
        expect(await response.text()).toContain("kith-pages");
        expect(await databaseFingerprint(db())).toEqual(before);
      },
    },
    "/api/v1/openapi.json GET": {
      reason: "The REST API's description is public, as any API's is: it names operations and schemas, never anyone's data.",
      check: async () => {
        const route = findRoute("/api/v1/openapi.json GET");
        const before = await databaseFingerprint(db());
        const response = await route.handler(new NextRequest("http://localhost:3000/api/v1/openapi.json"), { params: Promise.resolve({}) });
        expect(response.status).toBe(200);
        expect(await response.json()).toMatchObject({ openapi: "3.1.0" });
        expect(await databaseFingerprint(db())).toEqual(before);
      },
    },
    "/api/unsubscribe POST": {
      reason: "RFC 8058 one-click unsubscribe: mail clients POST without cookies; the signed token is the authority.",
      check: async () => {
        const route = findRoute("/api/unsubscribe POST");
        const before = await databaseFingerprint(db());
        for (const token of ["", "forged.token", "x".repeat(5000)]) {
          const response = await route.handler(
            new NextRequest(`http://localhost:3000/api/unsubscribe?t=${token}`, { method: "POST", body: "List-Unsubscribe=One-Click" }),
            { params: Promise.resolve({}) },
          );
          expect(response.status).toBe(400);
        }
        expect(await databaseFingerprint(db())).toEqual(before);
      },
    },
    "/api/unsubscribe GET": {
      reason: "A mail scanner following the one-click address: it only redirects to the page with the button.",
      check: async () => {
        const route = findRoute("/api/unsubscribe GET");
        const before = await databaseFingerprint(db());
        const response = await route.handler(new NextRequest("http://localhost:3000/api/unsubscribe?t=forged"), {
          params: Promise.resolve({}),
        });
        expect(response.status).toBe(303);
        expect(response.headers.get("location")).toBe("/unsubscribe?t=forged");
        expect(await databaseFingerprint(db())).toEqual(before);
      },
    },
  };
}
