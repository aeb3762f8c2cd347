import { WebStandardStreamableHTTPServerTransport } from "@modelcontextprotocol/sdk/server/webStandardStreamableHttp.js";
import { getDb } from "@/db/client";
import { authenticateApiRequest } from "@/lib/api/authenticate";
import { problemResponse } from "@/lib/api/problem";
import { API_BODY_LIMIT } from "@/lib/api/serve";
import { createKithMcpServer } from "@/lib/mcp/server";

export const dynamic = "force-dynamic";

const ourSide = () =>
  problemResponse(500, "Something went wrong on our side. Try again; if it keeps happening, the server's log says why.");

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
    const server = createKithMcpServer({ userId: auth.userId, scopes: auth.scopes, db: await getDb() });
    const transport = new WebStandardStreamableHTTPServerTransport({
      sessionIdGenerator: undefined,
      enableJsonResponse: true,
      // The SDK counts the bytes as they arrive (a declared length over the
      // bound is refused unread), with the REST API's bound instead of 4 MiB.
      maxRequestBodySize: API_BODY_LIMIT,
    });
    await server.connect(transport);
    try {
      return await transport.handleRequest(request);
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
  return Response.json(
    { jsonrpc: "2.0", error: { code: -32000, message: "Method not allowed: this MCP server is stateless, send each message with POST." }, id: null },
    { status: 405, headers: { Allow: "POST" } },
  );
}

export const GET = methodNotAllowed;
export const DELETE = methodNotAllowed;
