import { Server } from "@modelcontextprotocol/sdk/server/index.js";
import { CallToolRequestSchema, type CallToolResult, ErrorCode, ListToolsRequestSchema, McpError } from "@modelcontextprotocol/sdk/types.js";
import type { Db } from "@/db/client";
import type { ApiTokenScope } from "@/lib/domain/api-tokens";
import type { KithTool } from "./operation-tool";
import { KITH_TOOLS } from "./tools";

export const MCP_SERVER_INFO = { name: "kith", title: "Kith", version: "1.0.0" };

const INSTRUCTIONS = [
  "Kith is the user's personal relationship CRM: their contacts, the touches (calls, messages, meetings) they log with them,",
  "the successes of people they know, who is due a reconnect, and their own journal of wins.",
  "Find people with search_contacts before acting on them: the other tools take contact ids, never names.",
].join(" ");

export type McpCaller = { userId: string; scopes: readonly ApiTokenScope[]; db: Db };

const readOnly = (tool: string): CallToolResult => ({
  isError: true,
  content: [
    {
      type: "text",
      text: `${tool} changes data, and this token is read-only. Nothing was changed. Ask the user for a token with read and write access (Settings → API).`,
    },
  ],
});

const OUR_SIDE: CallToolResult = {
  isError: true,
  content: [{ type: "text", text: "Something went wrong on Kith's side. Try again; if it keeps happening, the server's log says why." }],
};

// One MCP server for one authenticated caller. The web tier builds one per
// request (stateless: any server behind a load balancer can answer), so the
// caller is fixed here and each tool call runs as the token's owner. The
// low-level Server rather than McpServer.registerTool: the tools parse their
// arguments with the REST operations' own schemas, path, query and body
// apart, and answer a bad argument with Kith's field errors.
export function createKithMcpServer(caller: McpCaller, tools: readonly KithTool[] = KITH_TOOLS): Server {
  const server = new Server(MCP_SERVER_INFO, { capabilities: { tools: {} }, instructions: INSTRUCTIONS });
  const byName = new Map(tools.map((tool) => [tool.definition.name, tool]));

  server.setRequestHandler(ListToolsRequestSchema, () => ({ tools: tools.map((tool) => tool.definition) }));

  server.setRequestHandler(CallToolRequestSchema, async (request) => {
    const { name, arguments: args = {} } = request.params;
    const tool = byName.get(name);
    if (!tool) throw new McpError(ErrorCode.InvalidParams, `There is no tool named ${name}.`);
    if (!caller.scopes.includes(tool.scope)) return readOnly(name);
    try {
      return await tool.call(args, { userId: caller.userId, db: caller.db, now: new Date() });
    } catch (error) {
      // The model sees a generic refusal, never the error's own message.
      console.error(`[mcp] ${name} failed`, error);
      return OUR_SIDE;
    }
  });
  return server;
}
