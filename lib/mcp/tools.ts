import type { KithTool } from "./operation-tool";

// The tools Kith's MCP server offers, each one REST operation (or two, for
// get_contact) called with the token owner's id. The descriptions are read
// by a model choosing a tool: what it does, when to use it, what it needs.
export const KITH_TOOLS: readonly KithTool[] = [];
