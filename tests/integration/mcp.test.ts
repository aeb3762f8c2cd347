import { execFile } from "node:child_process";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { Readable } from "node:stream";
import { promisify } from "node:util";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StdioClientTransport } from "@modelcontextprotocol/sdk/client/stdio.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as mcpRoute from "@/app/api/mcp/route";
import { apiTokens, interactionContacts, interactions, successes, wins } from "@/db/schema";
import { KITH_TOOLS } from "@/lib/mcp/tools";
import { createContact, createUser } from "../factories";
import { issueToken } from "../helpers/api";
import { releaseAppDb, useAsAppDb } from "../helpers/app-db";
import { databaseFingerprint } from "../helpers/db-fingerprint";
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

const MCP_URL = "http://localhost:3000/api/mcp";

// The route file's handlers, as Next would call them for /api/mcp.
async function serveRoute(request: Request): Promise<Response> {
  switch (request.method) {
    case "POST":
      return mcpRoute.POST(request);
    case "GET":
      return mcpRoute.GET(request);
    case "DELETE":
      return mcpRoute.DELETE(request);
    default:
      return new Response(null, { status: 405 });
  }
}

// An SDK client over Streamable HTTP whose fetch is the route handler itself.
async function connect(token: string | undefined): Promise<Client> {
  const client = new Client({ name: "kith-test", version: "1.0.0" });
  const transport = new StreamableHTTPClientTransport(new URL(MCP_URL), {
    requestInit: token ? { headers: { Authorization: `Bearer ${token}` } } : {},
    fetch: (url, init) => serveRoute(new Request(url, init)),
  });
  await client.connect(transport);
  return client;
}

async function call(client: Client, name: string, args: Record<string, unknown>): Promise<CallToolResult> {
  return (await client.callTool({ name, arguments: args })) as CallToolResult;
}

function textOf(result: CallToolResult): string {
  return result.content.map((part) => (part.type === "text" ? part.text : "")).join("\n");
}

function structured<T>(result: CallToolResult): T {
  expect(result.isError, textOf(result)).toBeFalsy();
  return result.structuredContent as T;
}

const TODAY = new Date().toISOString().slice(0, 10);

// Every table but the API's own bookkeeping: each request counts against the
// token's rate limit and may mark it used, refused or not.
async function dataFingerprint(): Promise<Record<string, string>> {
  const bookkeeping = new Set(["rate_limits", "api_tokens"]);
  return Object.fromEntries(Object.entries(await databaseFingerprint(t.db)).filter(([table]) => !bookkeeping.has(table)));
}

describe("MCP over Streamable HTTP at /api/mcp", () => {
  it("lists every tool with a description and an input schema", async () => {
    const user = await createUser(t.db);
    const client = await connect(await issueToken(t.db, user.id, "read"));
    const { tools } = await client.listTools();
    expect(tools.map((tool) => tool.name).sort()).toEqual(KITH_TOOLS.map((tool) => tool.definition.name).sort());
    for (const tool of tools) {
      expect(tool.description?.length, tool.name).toBeGreaterThan(80);
      expect(tool.inputSchema.type).toBe("object");
      expect(tool.outputSchema?.type).toBe("object");
    }
    const getContact = tools.find((tool) => tool.name === "get_contact");
    expect(getContact?.inputSchema).toMatchObject({ required: ["id"], properties: { id: { description: expect.stringMatching(/contact's id/) } } });
    await client.close();
  });

  it("refuses to connect without a token, or with a revoked one", async () => {
    await expect(connect(undefined)).rejects.toThrow(/401|Bearer/);
    const user = await createUser(t.db);
    const token = await issueToken(t.db, user.id, "read-write");
    const client = await connect(token);
    await client.close();
    await t.db.update(apiTokens).set({ revokedAt: new Date() }).where(eq(apiTokens.userId, user.id));
    await expect(connect(token)).rejects.toThrow(/401|revoked/);
  });

  it("answers 405 to GET and DELETE with a token (stateless: no stream, no session) and 401 without", async () => {
    const user = await createUser(t.db);
    const token = await issueToken(t.db, user.id, "read");
    for (const method of ["GET", "DELETE"]) {
      const signedOut = await serveRoute(new Request(MCP_URL, { method, headers: { accept: "text/event-stream" } }));
      expect(signedOut.status).toBe(401);
      const response = await serveRoute(new Request(MCP_URL, { method, headers: { authorization: `Bearer ${token}`, accept: "text/event-stream" } }));
      expect(response.status).toBe(405);
    }
  });

  it("refuses a body over 256 KiB, a body that is not JSON, and a batch of messages", async () => {
    const user = await createUser(t.db);
    const token = await issueToken(t.db, user.id, "read");
    const post = (body: string, type = "application/json") =>
      serveRoute(
        new Request(MCP_URL, {
          method: "POST",
          headers: { authorization: `Bearer ${token}`, "content-type": type, accept: "application/json, text/event-stream" },
          body,
        }),
      );
    const ping = (id: number, pad = "") => ({ jsonrpc: "2.0", id, method: "ping", params: pad ? { pad } : {} });
    expect((await post(JSON.stringify(ping(1, "x".repeat(300 * 1024))))).status).toBe(413);
    expect((await post("{not json")).status).toBe(400);
    expect((await post(JSON.stringify(ping(1)), "text/plain")).status).toBe(415);
    const batch = await post(JSON.stringify([ping(1), ping(2)]));
    expect(batch.status).toBe(400);
    expect(await batch.json()).toMatchObject({ error: { message: expect.stringMatching(/batches are not supported/) } });
  });
});

describe("the tools, end to end", () => {
  it("search_contacts finds a contact by name, with the id the other tools take", async () => {
    const user = await createUser(t.db);
    const ada = await createContact(t.db, { userId: user.id, name: "Ada Lovelace", company: "Analytical" });
    await createContact(t.db, { userId: user.id, name: "Grace Hopper" });
    const client = await connect(await issueToken(t.db, user.id, "read"));
    const found = structured<{ data: { id: string; name: string }[]; nextCursor: string | null }>(
      await call(client, "search_contacts", { q: "lovelace", limit: 10 }),
    );
    expect(found.data.map((contact) => contact.id)).toEqual([ada.id]);
    // A model sends JSON's true where a URL would carry "true".
    const overdue = structured<{ data: unknown[] }>(await call(client, "search_contacts", { overdue: true, limit: 10 }));
    expect(overdue.data).toEqual([]);
    const refused = await call(client, "search_contacts", { sort: "shoe size" });
    expect(refused.isError).toBe(true);
    expect(textOf(refused)).toMatch(/- sort: /);
    await client.close();
  });

  it("log_touch logs a touch with its contacts; get_contact shows it in the recent timeline", async () => {
    const user = await createUser(t.db);
    const ada = await createContact(t.db, { userId: user.id, name: "Ada Lovelace" });
    const grace = await createContact(t.db, { userId: user.id, name: "Grace Hopper" });
    const client = await connect(await issueToken(t.db, user.id, "read-write"));
    const touch = structured<{ id: string; contacts: { id: string }[] }>(
      await call(client, "log_touch", { contactIds: [ada.id, grace.id], occurredOn: TODAY, channel: "call", summary: "Talked engines" }),
    );
    const [row] = await t.db.select().from(interactions).where(eq(interactions.id, touch.id));
    expect(row).toMatchObject({ userId: user.id, summary: "Talked engines" });
    const linked = await t.db.select().from(interactionContacts).where(eq(interactionContacts.interactionId, touch.id));
    expect(linked.map((link) => link.contactId).sort()).toEqual([ada.id, grace.id].sort());

    const contact = structured<{ contact: { id: string; name: string }; recentTouches: { data: { id: string }[] } }>(
      await call(client, "get_contact", { id: ada.id }),
    );
    expect(contact.contact).toMatchObject({ id: ada.id, name: "Ada Lovelace" });
    expect(contact.recentTouches.data.map((entry) => entry.id)).toEqual([touch.id]);
    expect(textOf(await call(client, "get_contact", { id: "not-an-id" }))).toMatch(/^Not found: /);
    await client.close();
  });

  it("record_success records a contact's success and congratulate marks it congratulated", async () => {
    const user = await createUser(t.db);
    const ada = await createContact(t.db, { userId: user.id });
    const client = await connect(await issueToken(t.db, user.id, "read-write"));
    const success = structured<{ id: string }>(
      await call(client, "record_success", { contactId: ada.id, kind: "new_job", title: "Joined Acme as CTO", occurredOn: TODAY }),
    );
    const [recorded] = await t.db.select().from(successes).where(eq(successes.id, success.id));
    expect(recorded).toMatchObject({ userId: user.id, contactId: ada.id, congratulatedByInteractionId: null });

    const touch = structured<{ id: string; contacts: { id: string }[] }>(
      await call(client, "congratulate", { id: success.id, channel: "message", summary: "Congrats!" }),
    );
    expect(touch.contacts.map((contact) => contact.id)).toEqual([ada.id]);
    const [congratulated] = await t.db.select().from(successes).where(eq(successes.id, success.id));
    expect(congratulated?.congratulatedByInteractionId).toBe(touch.id);
    await client.close();
  });

  it("reconnect_this_week lists the overdue with their reasons", async () => {
    const user = await createUser(t.db);
    const overdue = await createContact(t.db, { userId: user.id, name: "Overdue Olga", nextDueAt: new Date(Date.now() - 5 * 86_400_000) });
    const client = await connect(await issueToken(t.db, user.id, "read"));
    const result = structured<{ total: number; data: { contact: { id: string }; health: { reasons: string[] } }[] }>(
      await call(client, "reconnect_this_week", {}),
    );
    expect(result.total).toBe(1);
    expect(result.data[0]?.contact.id).toBe(overdue.id);
    expect(result.data[0]?.health.reasons.length).toBeGreaterThan(0);
    await client.close();
  });

  it("add_journal_win records a win with its people; a bad argument names the field", async () => {
    const user = await createUser(t.db);
    const helper = await createContact(t.db, { userId: user.id });
    const client = await connect(await issueToken(t.db, user.id, "read-write"));
    const win = structured<{ id: string; title: string; people: { contactId: string }[] }>(
      await call(client, "add_journal_win", {
        occurredOn: TODAY,
        kind: "delivered",
        title: "Shipped the importer",
        people: [{ contactId: helper.id, part: "helped_me" }],
      }),
    );
    expect(win.people.map((person) => person.contactId)).toEqual([helper.id]);
    const [row] = await t.db.select().from(wins).where(eq(wins.id, win.id));
    expect(row).toMatchObject({ userId: user.id, title: "Shipped the importer" });

    const refused = await call(client, "add_journal_win", { occurredOn: TODAY, kind: "delivered", title: " " });
    expect(refused.isError).toBe(true);
    expect(textOf(refused)).toMatch(/- title: /);
    await client.close();
  });

  it("weekly_summary answers this week's summary", async () => {
    const user = await createUser(t.db);
    const client = await connect(await issueToken(t.db, user.id, "read"));
    const summary = structured<{ period: string }>(await call(client, "weekly_summary", {}));
    expect(summary.period).toMatch(/^\d{4}-W\d{2}$/);
    await client.close();
  });
});

describe("what a token may do", () => {
  it("a read-only token reads, and a write tool refuses it and changes nothing", async () => {
    const user = await createUser(t.db);
    const helper = await createContact(t.db, { userId: user.id });
    const client = await connect(await issueToken(t.db, user.id, "read"));
    expect((await call(client, "weekly_summary", {})).isError).toBeFalsy();
    expect(structured<{ contact: { id: string } }>(await call(client, "get_contact", { id: helper.id })).contact.id).toBe(helper.id);
    const before = await dataFingerprint();
    const refused = await call(client, "add_journal_win", {
      occurredOn: TODAY,
      kind: "delivered",
      title: "Not allowed",
      people: [{ contactId: helper.id, part: "helped_me" }],
    });
    expect(refused.isError).toBe(true);
    expect(textOf(refused)).toMatch(/read-only/);
    const touch = await call(client, "log_touch", { contactIds: [helper.id], occurredOn: TODAY, channel: "call" });
    expect(touch.isError).toBe(true);
    expect(await dataFingerprint()).toEqual(before);
    await client.close();
  });

  it("another user's ids are not found, and nothing changes", async () => {
    const owner = await createUser(t.db);
    const theirs = await createContact(t.db, { userId: owner.id });
    const ownerClient = await connect(await issueToken(t.db, owner.id, "read-write"));
    const theirSuccess = structured<{ id: string }>(
      await call(ownerClient, "record_success", { contactId: theirs.id, kind: "launch", title: "Launched", occurredOn: TODAY }),
    );
    await ownerClient.close();
    const me = await createUser(t.db);
    const client = await connect(await issueToken(t.db, me.id, "read-write"));
    const before = await dataFingerprint();
    const calls: [string, Record<string, unknown>][] = [
      ["get_contact", { id: theirs.id }],
      ["log_touch", { contactIds: [theirs.id], occurredOn: TODAY, channel: "call" }],
      ["record_success", { contactId: theirs.id, kind: "launch", title: "Theirs", occurredOn: TODAY }],
      ["congratulate", { id: theirSuccess.id, channel: "message" }],
      ["add_journal_win", { occurredOn: TODAY, kind: "delivered", title: "With theirs", people: [{ contactId: theirs.id, part: "helped_me" }] }],
    ];
    for (const [name, args] of calls) {
      const refused = await call(client, name, args);
      expect(refused.isError, name).toBe(true);
      expect(textOf(refused), name).toMatch(/^Not found: /);
    }
    expect(await dataFingerprint()).toEqual(before);
    await client.close();
  });
});

// --- stdio ------------------------------------------------------------------

const ROOT = path.resolve(__dirname, "../..");
const TSX = path.join(ROOT, "node_modules/.bin/tsx");
const SCRIPT = path.join(ROOT, "scripts/mcp.ts");

// A real HTTP server on 127.0.0.1 in front of the route handler, for the
// bridge process to reach as it would reach a running Kith.
async function startKith(): Promise<{ url: string; close: () => Promise<void> }> {
  const server = http.createServer((incoming, outgoing) => {
    const headers = new Headers();
    for (const [name, value] of Object.entries(incoming.headers)) if (typeof value === "string") headers.set(name, value);
    const hasBody = incoming.method !== "GET" && incoming.method !== "HEAD";
    const request = new Request(`http://localhost${incoming.url ?? "/"}`, {
      method: incoming.method,
      headers,
      body: hasBody ? (Readable.toWeb(incoming) as ReadableStream<Uint8Array>) : undefined,
      duplex: "half",
    } as RequestInit);
    void serveRoute(request).then(async (response) => {
      outgoing.writeHead(response.status, Object.fromEntries(response.headers));
      outgoing.end(Buffer.from(await response.arrayBuffer()));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

describe("npm run mcp: the stdio bridge", () => {
  it("lists the tools and calls a read and a write tool through a running Kith", async () => {
    const kith = await startKith();
    try {
      const user = await createUser(t.db);
      const token = await issueToken(t.db, user.id, "read-write");
      const client = new Client({ name: "kith-stdio-test", version: "1.0.0" });
      await client.connect(
        new StdioClientTransport({ command: TSX, args: [SCRIPT], cwd: ROOT, env: { KITH_URL: kith.url, KITH_TOKEN: token }, stderr: "pipe" }),
      );
      const { tools } = await client.listTools();
      expect(tools.map((tool) => tool.name)).toContain("add_journal_win");
      expect(structured<{ period: string }>(await call(client, "weekly_summary", {})).period).toMatch(/-W/);
      const win = structured<{ id: string }>(await call(client, "add_journal_win", { occurredOn: TODAY, kind: "delivered", title: "Over stdio" }));
      const [row] = await t.db.select().from(wins).where(eq(wins.id, win.id));
      expect(row).toMatchObject({ userId: user.id, title: "Over stdio" });
      await client.close();
    } finally {
      await kith.close();
    }
  }, 60_000);

  it("answers the assistant with Kith's refusal of a bad token instead of leaving it waiting", async () => {
    const kith = await startKith();
    try {
      const client = new Client({ name: "kith-stdio-test", version: "1.0.0" });
      const transport = new StdioClientTransport({
        command: TSX,
        args: [SCRIPT],
        cwd: ROOT,
        env: { KITH_URL: kith.url, KITH_TOKEN: "kith_not-a-real-token" },
        stderr: "pipe",
      });
      await expect(client.connect(transport)).rejects.toThrow(/401/);
      await client.close();
    } finally {
      await kith.close();
    }
  }, 60_000);

  it("exits 1 with a message on stderr without KITH_TOKEN", async () => {
    const run = promisify(execFile)(TSX, [SCRIPT], { cwd: ROOT, env: { PATH: process.env.PATH ?? "", NODE_ENV: "test" } });
    await expect(run).rejects.toMatchObject({ code: 1, stdout: "", stderr: expect.stringMatching(/KITH_TOKEN is not set/) });
  }, 30_000);
});
