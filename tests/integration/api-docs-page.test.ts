import { isValidElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import ApiReferencePage from "@/app/(app)/settings/api/page";
import { apiReference } from "@/components/api-docs/reference";
import { ok } from "@/lib/actions/result";
import { openApiDocument } from "@/lib/api/openapi";
import { defineOperation } from "@/lib/api/operation";
import { API_OPERATIONS } from "@/lib/api/v1";

// The API reference at /settings/api as the server sends it: every
// operation of the registry, whatever it holds, with its inputs and answer
// read from the OpenAPI document, and examples at the page's own origin.

const session = vi.hoisted(() => ({ userId: null as string | null }));
vi.mock("@/lib/auth", () => ({ currentUserId: async () => session.userId }));
vi.mock("next/headers", () => ({
  headers: async () => new Headers({ host: "kith.example", "x-forwarded-proto": "https" }),
}));

async function renderPage(): Promise<string> {
  const element = await ApiReferencePage();
  expect(isValidElement(element)).toBe(true);
  return renderToStaticMarkup(element);
}

const decode = (html: string) =>
  html.replace(/&quot;/g, '"').replace(/&#x27;/g, "'").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");

beforeEach(() => {
  session.userId = null;
});

describe("the API reference page", () => {
  it("is not found without a session", async () => {
    await expect(ApiReferencePage()).rejects.toMatchObject({ digest: expect.stringContaining("404") });
  });

  it("lists every operation of the registry with its method, path, access and success status", async () => {
    session.userId = "00000000-0000-4000-8000-000000000001";
    const html = decode(await renderPage());
    expect(API_OPERATIONS.length).toBeGreaterThan(0);
    for (const operation of API_OPERATIONS) {
      const start = html.indexOf(`id="operation-${operation.operationId}"`);
      expect(start, operation.operationId).toBeGreaterThan(-1);
      const section = html.slice(start, html.indexOf("</article>", start));
      expect(section).toContain(operation.summary);
      expect(section).toContain(`/api/v1${operation.path}`);
      expect(section).toContain(`>${operation.method}<`);
      expect(section).toContain(operation.scope === "write" ? "a read-and-write token" : "Read: any token");
      expect(section).toContain(`>${operation.success.status}<`);
    }
  });

  it("shows the examples at the page's own origin, with the OpenAPI document and MCP", async () => {
    session.userId = "00000000-0000-4000-8000-000000000001";
    const html = decode(await renderPage());
    expect(html).toContain('curl -H "Authorization: Bearer kith_…" https://kith.example/api/v1/me');
    expect(html).toContain('href="/api/v1/openapi.json"');
    expect(html).toContain("https://kith.example/api/mcp");
    expect(html).toContain('"KITH_URL": "https://kith.example"');
    expect(html).toContain("300 requests a minute");
  });

  it("keeps headings in order and gives every table a caption and scoped headers", async () => {
    session.userId = "00000000-0000-4000-8000-000000000001";
    const html = await renderPage();
    const levels = [...html.matchAll(/<h([1-6])[\s>]/g)].map((match) => Number(match[1]));
    expect(levels[0]).toBe(1);
    levels.forEach((level, index) => {
      if (index > 0) expect(level, `heading ${index}`).toBeLessThanOrEqual((levels[index - 1] ?? 1) + 1);
    });
    const tables = html.split("<table").slice(1);
    expect(tables.length).toBeGreaterThan(0);
    for (const table of tables) {
      expect(table).toMatch(/^[^>]*><caption/);
      expect(table.slice(0, table.indexOf("</table>"))).not.toMatch(/<th(?=[\s>])(?![^>]*scope=)/);
    }
  });
});

// A made-up operation with the shapes real ones have: path and query
// parameters, a body with an enum, a default, a nullable field and a list of
// objects, and an answer with a page of items.
const sample = defineOperation({
  operationId: "sampleWrite",
  method: "POST",
  path: "/samples/{id}",
  tag: "Samples",
  summary: "Write a sample",
  scope: "write",
  params: z.object({ id: z.uuid().describe("The sample's id.") }),
  query: z.object({ cursor: z.string().optional().describe("From nextCursor.") }),
  body: z.object({
    channel: z.enum(["call", "email"]),
    notes: z.string().max(200).nullish().describe("Anything to remember."),
    isPinned: z.boolean().default(false),
    emails: z.array(z.object({ email: z.email(), label: z.string().max(40).nullish() })).max(20),
  }),
  success: {
    status: 201,
    description: "Written.",
    schema: z.object({
      items: z.array(z.object({ id: z.uuid(), on: z.iso.date() })),
      total: z.int(),
      nextCursor: z.string().nullable(),
    }),
  },
  async handle() {
    return ok({ items: [], total: 0, nextCursor: null });
  },
});

describe("an operation's tables, from its JSON Schema", () => {
  const [tag] = apiReference([sample], openApiDocument([sample]));
  const reference = tag?.operations[0];

  it("lists path and query parameters with where they go and what they mean", () => {
    expect(tag?.tag).toBe("Samples");
    expect(reference?.parameters).toEqual([
      { name: "id", location: "path", type: "id (UUID)", values: [], isRequired: true, description: "The sample's id." },
      { name: "cursor", location: "query", type: "text", values: [], isRequired: false, description: "From nextCursor." },
    ]);
  });

  it("lists the body's fields, nested ones by their path, with types in words", () => {
    const rows = Object.fromEntries((reference?.body ?? []).map((row) => [row.name, row]));
    expect(Object.keys(rows)).toEqual(["channel", "notes", "isPinned", "emails", "emails[].email", "emails[].label"]);
    expect(rows.channel).toMatchObject({ type: "one of the values", values: ["call", "email"], isRequired: true });
    expect(rows.notes).toMatchObject({ type: "text, at most 200 characters or null", isRequired: false, description: "Anything to remember." });
    expect(rows.isPinned).toMatchObject({ type: "true or false", isRequired: false, description: "Default: false." });
    expect(rows.emails).toMatchObject({ type: "list of object, at most 20 items", isRequired: true });
    expect(rows["emails[].email"]).toMatchObject({ type: "email address", isRequired: true });
    expect(rows["emails[].label"]).toMatchObject({ type: "text, at most 40 characters or null", isRequired: false });
  });

  it("lists the answer's fields under its status", () => {
    expect(reference?.success.status).toBe(201);
    expect(reference?.success.fields.map((row) => [row.name, row.type])).toEqual([
      ["items", "list of object"],
      ["items[].id", "id (UUID)"],
      ["items[].on", "date (YYYY-MM-DD)"],
      ["total", "whole number"],
      ["nextCursor", "text or null"],
    ]);
  });
});
