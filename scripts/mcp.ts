// npm run mcp: Kith's MCP server on stdio, for a desktop assistant that
// starts its servers as commands. It opens no database: PGlite's data
// directory has one owner, the running Kith (npm run dev or start), and a
// second opener would lose writes. So this is a bridge: each JSON-RPC
// message read on stdin is posted to Kith's /api/mcp with the token, and
// each answer written to stdout. The tools are defined once, on the server,
// and the bridge works as well against a Kith on another machine.
//
//   KITH_URL    where Kith runs (default http://localhost:3000)
//   KITH_TOKEN  a personal access token from Settings → API (required)
//
// stdout carries the protocol and nothing else; messages go to stderr.
import process from "node:process";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import { StdioServerTransport } from "@modelcontextprotocol/sdk/server/stdio.js";
import {
  ErrorCode,
  isInitializeRequest,
  isJSONRPCRequest,
  isJSONRPCResultResponse,
  type JSONRPCMessage,
  type RequestId,
} from "@modelcontextprotocol/sdk/types.js";

function log(message: string): void {
  process.stderr.write(`[kith mcp] ${message}\n`);
}

function endpoint(base: string): URL {
  try {
    return new URL("/api/mcp", base);
  } catch {
    log(`KITH_URL is not a URL: ${base}`);
    process.exit(1);
  }
}

async function main(): Promise<void> {
  const token = process.env.KITH_TOKEN?.trim();
  if (!token) {
    log("KITH_TOKEN is not set: create a personal access token in Kith (Settings → API) and set KITH_TOKEN to it.");
    process.exit(1);
  }
  const url = endpoint(process.env.KITH_URL?.trim() || "http://localhost:3000");

  const stdio = new StdioServerTransport();
  const kith = new StreamableHTTPClientTransport(url, { requestInit: { headers: { Authorization: `Bearer ${token}` } } });
  // The initialize requests in flight: their answers carry the protocol
  // version, which every later POST must name in a header.
  const initializing = new Set<RequestId>();

  kith.onmessage = (message) => {
    if (isJSONRPCResultResponse(message) && initializing.delete(message.id)) {
      const version = (message.result as { protocolVersion?: unknown }).protocolVersion;
      if (typeof version === "string") kith.setProtocolVersion(version);
    }
    stdio.send(message).catch((error: unknown) => log(`could not write to stdout: ${String(error)}`));
  };
  kith.onerror = (error) => log(`Kith at ${url.origin}: ${error.message}`);

  // A request Kith did not answer (unreachable, token refused) still gets an
  // answer, with the reason, so the assistant shows it instead of waiting.
  async function forward(message: JSONRPCMessage): Promise<void> {
    if (isJSONRPCRequest(message) && isInitializeRequest(message)) initializing.add(message.id);
    try {
      await kith.send(message);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      // kith.onerror has logged it already.
      const problem = `Kith at ${url.origin} refused or did not answer: ${reason}`;
      if (isJSONRPCRequest(message)) {
        initializing.delete(message.id);
        await stdio.send({
          jsonrpc: "2.0",
          id: message.id,
          error: { code: ErrorCode.InternalError, message: problem },
        });
      }
    }
  }

  stdio.onmessage = (message) => void forward(message);
  stdio.onerror = (error) => log(`stdin: ${error.message}`);
  stdio.onclose = () => void kith.close();
  process.stdin.on("end", () => void stdio.close());

  await kith.start();
  await stdio.start();
  log(`bridging stdio to ${url.href}`);
}

main().catch((error: unknown) => {
  log(`stopped: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
