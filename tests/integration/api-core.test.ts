import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { defineOperation } from "@/lib/api/operation";
import { API_OPERATIONS } from "@/lib/api/v1";
import { getMe } from "@/lib/api/v1/me";
import { ok } from "@/lib/actions/result";
import { createUser } from "../factories";
import { callOperation, issueToken, jsonOf } from "../helpers/api";
import { releaseAppDb, useAsAppDb } from "../helpers/app-db";
import { createTestDb, type TestDb } from "../helpers/test-db";

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
  useAsAppDb(t);
});
afterAll(async () => {
  releaseAppDb();
  await t?.close();
});

// A made-up operation that echoes what it parsed, to try the parts every
// operation shares without depending on any one of them.
const echo = defineOperation({
  operationId: "echo",
  method: "POST",
  path: "/echo/{id}",
  tag: "Test",
  summary: "Echo",
  scope: "write",
  params: z.object({ id: z.uuid() }),
  query: z.object({ limit: z.coerce.number().int().min(1).max(10).default(5) }),
  body: z.object({ name: z.string().trim().min(1, "Enter a name.") }),
  success: { status: 201, description: "Echoed.", schema: z.object({ id: z.string(), limit: z.number(), name: z.string() }) },
  async handle({ params, query, body }) {
    return ok({ id: params.id, limit: query.limit, name: body.name });
  },
});

const ID = "6f1c1d36-8a3e-4a43-9c1a-0c1f5b7b8e11";

describe("an operation's shared parts", () => {
  it("answers the parsed input with the operation's status", async () => {
    const user = await createUser(t.db);
    const token = await issueToken(t.db, user.id);
    const response = await callOperation(echo, { token, params: { id: ID }, query: { limit: "3" }, body: { name: "  Ada " } });
    expect(await jsonOf(response, 201)).toEqual({ id: ID, limit: 3, name: "Ada" });
  });

  it("answers 404 for a path parameter that is no id, and 400 with field errors for a bad query or body", async () => {
    const user = await createUser(t.db);
    const token = await issueToken(t.db, user.id);
    expect((await callOperation(echo, { token, params: { id: "nope" }, body: { name: "Ada" } })).status).toBe(404);
    const query = await jsonOf<{ errors: Record<string, string[]> }>(
      await callOperation(echo, { token, params: { id: ID }, query: { limit: "99" }, body: { name: "Ada" } }),
      400,
    );
    expect(Object.keys(query.errors)).toEqual(["limit"]);
    const body = await jsonOf<{ errors: Record<string, string[]> }>(
      await callOperation(echo, { token, params: { id: ID }, body: { name: " " } }),
      400,
    );
    expect(body.errors).toEqual({ name: ["Enter a name."] });
  });

  it("refuses a body that is not JSON, too large, or sent as a form", async () => {
    const user = await createUser(t.db);
    const token = await issueToken(t.db, user.id);
    const call = { token, params: { id: ID } };
    expect((await callOperation(echo, { ...call, body: "{not json" })).status).toBe(400);
    expect((await callOperation(echo, { ...call, body: JSON.stringify({ name: "x".repeat(300 * 1024) }) })).status).toBe(413);
    const form = await callOperation(echo, { ...call, body: "name=Ada", headers: { "content-type": "application/x-www-form-urlencoded" } });
    expect(form.status).toBe(415);
    expect(form.headers.get("content-type")).toBe("application/problem+json");
  });

  it("checks the token before anything else", async () => {
    const response = await callOperation(echo, { params: { id: "nope" }, body: "{not json" });
    expect(response.status).toBe(401);
  });

  it("refuses a read-only token a write", async () => {
    const user = await createUser(t.db);
    const token = await issueToken(t.db, user.id, "read");
    expect((await callOperation(echo, { token, params: { id: ID }, body: { name: "Ada" } })).status).toBe(403);
  });
});

describe("GET /me", () => {
  it("names the token's owner", async () => {
    const user = await createUser(t.db, { name: "Ada Lovelace" });
    const token = await issueToken(t.db, user.id, "read");
    const me = await jsonOf(await callOperation(getMe, { token }), 200);
    expect(me).toMatchObject({ email: user.email, name: "Ada Lovelace" });
  });
});

// The route files and the list of operations name the same operations.
describe("every operation has its route, and every route its operation", () => {
  const V1 = path.resolve("app/api/v1");
  const routeFiles = fs
    .readdirSync(V1, { recursive: true, encoding: "utf8" })
    .filter((file) => path.basename(file) === "route.ts")
    .map((file) => path.dirname(file).split(path.sep).join("/"));

  const routeOf = (apiPath: string) => apiPath.slice(1).replace(/\{(\w+)\}/g, "[$1]");

  it.each(API_OPERATIONS.map((operation) => [`${operation.method} ${operation.path}`, operation] as const))(
    "%s is served by its route file",
    async (_, operation) => {
      const route = routeOf(operation.path);
      expect(routeFiles).toContain(route);
      const mod = (await import(/* @vite-ignore */ path.join(V1, route, "route.ts"))) as Record<string, unknown>;
      expect(typeof mod[operation.method]).toBe("function");
    },
  );

  it("serves no method that is not an operation (but the OpenAPI document)", async () => {
    const served = new Set(API_OPERATIONS.map((operation) => `${operation.method} ${routeOf(operation.path)}`));
    for (const route of routeFiles) {
      const mod = (await import(/* @vite-ignore */ path.join(V1, route, "route.ts"))) as Record<string, unknown>;
      for (const method of ["GET", "POST", "PUT", "PATCH", "DELETE"]) {
        if (typeof mod[method] !== "function" || route === "openapi.json") continue;
        expect(served, `${method} ${route}`).toContain(`${method} ${route}`);
      }
    }
  });

  it("gives each operation its own id", () => {
    const ids = API_OPERATIONS.map((operation) => operation.operationId);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
