import { z } from "zod";
import type { AnyApiOperation } from "./operation";

// The OpenAPI 3.1 document of /api/v1, written from the operations
// themselves: every request schema is the zod schema the route parses with
// (as JSON Schema 2020-12, which OpenAPI 3.1 speaks), every response schema
// the one the contract test holds answers to.

type JsonSchema = Record<string, unknown>;

export const API_VERSION = "1.0.0";

function jsonSchema(schema: z.ZodType, io: "input" | "output"): JsonSchema {
  // The document names the dialect once (OpenAPI 3.1's own), not per schema.
  const converted: JsonSchema = z.toJSONSchema(schema, { io, unrepresentable: "any", target: "draft-2020-12" });
  delete converted.$schema;
  return converted;
}

const problemSchema: JsonSchema = {
  type: "object",
  description: "RFC 9457 problem details.",
  properties: {
    type: { type: "string" },
    title: { type: "string" },
    status: { type: "integer" },
    detail: { type: "string", description: "What happened, and what to do about it." },
    errors: {
      type: "object",
      description: "For a refused input: each field to fix (its path, as in emails.0.email) with its messages.",
      additionalProperties: { type: "array", items: { type: "string" } },
    },
  },
  required: ["type", "title", "status", "detail"],
};

const problem = (description: string) => ({
  description,
  content: { "application/problem+json": { schema: { $ref: "#/components/schemas/Problem" } } },
});

function parameters(operation: AnyApiOperation): JsonSchema[] {
  const list: JsonSchema[] = [];
  for (const [where, schema] of [
    ["path", operation.params],
    ["query", operation.query],
  ] as const) {
    if (!schema) continue;
    const object = jsonSchema(schema, "input") as { properties?: Record<string, JsonSchema & { description?: string }>; required?: string[] };
    for (const [name, property] of Object.entries(object.properties ?? {})) {
      const { description, ...propertySchema } = property;
      list.push({
        name,
        in: where,
        required: where === "path" || (object.required ?? []).includes(name),
        ...(description ? { description } : {}),
        schema: propertySchema,
      });
    }
  }
  return list;
}

function responses(operation: AnyApiOperation): JsonSchema {
  const documented: JsonSchema = {
    [operation.success.status]: {
      description: operation.success.description,
      content: { "application/json": { schema: jsonSchema(operation.success.schema, "output") } },
    },
    401: problem("No token, or a token that is unknown, revoked or expired."),
    429: problem("Over the token's rate limit: wait for Retry-After seconds."),
  };
  if (operation.scope === "write") documented[403] = problem("A read-only token asked to write.");
  if (operation.body || operation.query) documented[400] = problem("The input needs fixing: `errors` names each field.");
  if (operation.params || operation.method !== "GET") documented[404] = problem("Not found: not this token owner's, or gone.");
  if (operation.conflict) documented[409] = problem(operation.conflict);
  if (operation.body) {
    documented[413] = problem("The body is too large.");
    documented[415] = problem("The body is not JSON.");
  }
  return documented;
}

export function openApiDocument(operations: readonly AnyApiOperation[], serverUrl = "/api/v1"): JsonSchema {
  const paths: Record<string, Record<string, JsonSchema>> = {};
  for (const operation of operations) {
    const item = (paths[operation.path] ??= {});
    item[operation.method.toLowerCase()] = {
      operationId: operation.operationId,
      tags: [operation.tag],
      summary: operation.summary,
      ...(operation.description ? { description: operation.description } : {}),
      security: [{ bearerToken: [operation.scope] }],
      parameters: parameters(operation),
      ...(operation.body
        ? { requestBody: { required: true, content: { "application/json": { schema: jsonSchema(operation.body, "input") } } } }
        : {}),
      responses: responses(operation),
    };
  }
  return {
    openapi: "3.1.0",
    info: {
      title: "Kith API",
      version: API_VERSION,
      description:
        "Your own Kith data, for your scripts and assistants. Authenticate with a personal access token from Settings → API, sent as Authorization: Bearer <token>. Read operations need a token with read access; writes need read and write.",
    },
    servers: [{ url: serverUrl }],
    security: [{ bearerToken: [] }],
    tags: [...new Set(operations.map((operation) => operation.tag))].map((name) => ({ name })),
    paths,
    components: {
      securitySchemes: {
        bearerToken: { type: "http", scheme: "bearer", description: "A personal access token (kith_…) from Settings → API." },
      },
      schemas: { Problem: problemSchema },
    },
  };
}
