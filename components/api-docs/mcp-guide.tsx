import { CodeBlock, Section } from "./api-guide";

// Assistants reach the same operations through MCP: over HTTP for those
// that speak Streamable HTTP, or through a small local process for desktop
// assistants that only start commands.
export function McpGuide({ origin }: { origin: string }) {
  const httpConfig = JSON.stringify(
    { mcpServers: { kith: { type: "http", url: `${origin}/api/mcp`, headers: { Authorization: "Bearer kith_…" } } } },
    null,
    2,
  );
  const localConfig = JSON.stringify(
    {
      mcpServers: {
        kith: {
          command: "npm",
          args: ["run", "--silent", "mcp"],
          cwd: "/path/to/kith",
          env: { KITH_URL: origin, KITH_TOKEN: "kith_…" },
        },
      },
    },
    null,
    2,
  );
  return (
    <Section id="mcp" title="MCP, for assistants">
      <p>
        Kith is also an MCP server: an assistant works with your Kith through tools that run the operations on this
        page, with the same token, access and limits. With a read-only token, a tool that would change something
        refuses and changes nothing.
      </p>
      <h3 className="text-lg font-semibold">Over HTTP</h3>
      <p>
        For assistants that speak Streamable HTTP, add a server at{" "}
        <code className="font-mono text-[0.875em] break-all">{origin}/api/mcp</code> with the header{" "}
        <code className="font-mono text-[0.875em]">Authorization: Bearer kith_…</code>. In a client that reads an{" "}
        <code className="font-mono text-[0.875em]">mcpServers</code> file, that is:
      </p>
      <CodeBlock label="MCP over HTTP: configuration">{httpConfig}</CodeBlock>
      <h3 className="text-lg font-semibold">On your computer</h3>
      <p>
        For desktop assistants that start a local server, run <code className="font-mono text-[0.875em]">npm run mcp</code>{" "}
        in Kith&rsquo;s folder with <code className="font-mono text-[0.875em]">KITH_URL</code> (this server) and{" "}
        <code className="font-mono text-[0.875em]">KITH_TOKEN</code> (your token) set; it speaks MCP on its standard
        input and output and calls this server for you.
      </p>
      <CodeBlock label="Local MCP server: configuration">{localConfig}</CodeBlock>
    </Section>
  );
}
