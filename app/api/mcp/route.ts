import { WebStandardStreamableHTTPServerTransport } from "@modelcontextprotocol/sdk/server/webStandardStreamableHttp.js";
import { getDb } from "@/db/client";
import { authenticateApiRequest } from "@/lib/api/authenticate";
import { problemResponse } from "@/lib/api/problem";
import { API_BODY_LIMIT } from "@/lib/api/serve";
import { readLimitedBody } from "@/lib/http/read-limited-body";
import { createKithMcpServer } from "@/lib/mcp/server";

export const dynamic = "force-dynamic";

const ourSide = () =>
  problemResponse(500, "Something went wrong on our side. Try again; if it keeps happening, the server's log says why.");

function jsonRpcError(status: number, code: number, message: string, headers: Record<string, string> = {}): Response {
  return Response.json({ jsonrpc: "2.0", error: { code, message }, id: null }, { status, headers });
}

type Message = { ok: true; message: unknown } | { ok: false; response: Response };

// The body, read by Kith's bounded reader, as one JSON-RPC message. A batch
// (an array) is refused: the protocol dropped batching in 2025-06-18, and
// one POST carrying a hundred tool calls would count once against the
// token's rate limit.
async function readMessage(request: Request): Promise<Message> {
  const type = request.headers.get("content-type")?.split(";")[0]?.trim().toLowerCase();
  if (type !== "application/json") {
    return { ok: false, response: jsonRpcError(415, -32000, "Send the message as JSON, with Content-Type: application/json.") };
  }
  const read = await readLimitedBody(request, API_BODY_LIMIT);
  if (!read.ok) return { ok: false, response: jsonRpcError(413, -32000, `Keep the body under ${API_BODY_LIMIT / 1024} KiB.`) };
  let message: unknown;
  try {
    message = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(read.bytes));
  } catch {
    return { ok: false, response: jsonRpcError(400, -32700, "Parse error: the body is not JSON.") };
  }
  if (Array.isArray(message)) {
    return { ok: false, response: jsonRpcError(400, -32600, "Send one JSON-RPC message per request: batches are not supported.") };
  }
  return { ok: true, message };
}

// MCP over Streamable HTTP, stateless: every POST gets a fresh server and
// transport for its token's owner, and nothing outlives the request, so any
// web server behind a load balancer can answer any message. Answers are
// plain JSON (no SSE stream): no tool sends progress or asks the client
// anything mid-call. A token that may read lets the request in; each tool
// that writes then checks for write itself.
export async function POST(request: Request): Promise<Response> {
  try {
    const auth = await authenticateApiRequest(request, "read");
    if (!auth.ok) return auth.response;
    const body = await readMessage(request);
    if (!body.ok) return body.response;
    const server = createKithMcpServer({ userId: auth.userId, scopes: auth.scopes, db: await getDb() });
    const transport = new WebStandardStreamableHTTPServerTransport({ sessionIdGenerator: undefined, enableJsonResponse: true });
    await server.connect(transport);
    try {
      return await transport.handleRequest(request, { parsedBody: body.message });
    } finally {
      await server.close();
    }
  } catch (error) {
    console.error("[mcp] request failed", error);
    return ourSide();
  }
}

// No session means no stream to open with GET and nothing to end with
// DELETE: the SDK's clients read 405 as "this server has no SSE stream".
// The token is still checked first, as on every API route.
async function methodNotAllowed(request: Request): Promise<Response> {
  try {
    const auth = await authenticateApiRequest(request, "read");
    if (!auth.ok) return auth.response;
  } catch (error) {
    console.error("[mcp] request failed", error);
    return ourSide();
  }
  return jsonRpcError(405, -32000, "Method not allowed: this MCP server is stateless, send each message with POST.", { Allow: "POST" });
}

export const GET = methodNotAllowed;
export const DELETE = methodNotAllowed;
