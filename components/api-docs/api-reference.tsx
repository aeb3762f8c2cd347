import { ApiGuide, type ApiLimits, Section } from "./api-guide";
import { McpGuide } from "./mcp-guide";
import { OperationSection, operationAnchor } from "./operation-section";
import type { TagReference } from "./reference";

const tagAnchor = (tag: string) => `tag-${tag.toLowerCase().replace(/[^a-z0-9]+/g, "-")}`;

const linkClass = "text-primary underline underline-offset-4";

// The readable reference of /api/v1: the shared rules, then every operation
// by tag, then MCP. Plain HTML with no script: it is read, not used.
export function ApiReference({ origin, limits, tags }: { origin: string; limits: ApiLimits; tags: TagReference[] }) {
  return (
    <div className="grid max-w-4xl grid-cols-1 gap-10">
      <nav aria-label="On this page" className="rounded-lg border p-4 text-sm">
        <p className="mb-2 font-medium">On this page</p>
        <ul className="grid gap-1 sm:grid-cols-2">
          <li>
            <a href="#authenticate" className={linkClass}>
              Authenticate
            </a>
          </li>
          <li>
            <a href="#answers" className={linkClass}>
              Answers and errors
            </a>
          </li>
          <li>
            <a href="#paging" className={linkClass}>
              Pages of results
            </a>
          </li>
          <li>
            <a href="#try-it" className={linkClass}>
              Try it
            </a>
          </li>
          {tags.map(({ tag, operations }) => (
            <li key={tag}>
              <a href={`#${tagAnchor(tag)}`} className={linkClass}>
                {tag}
              </a>{" "}
              <span className="text-muted-foreground">
                ({operations.length === 1 ? "1 operation" : `${operations.length} operations`})
              </span>
            </li>
          ))}
          <li>
            <a href="#mcp" className={linkClass}>
              MCP, for assistants
            </a>
          </li>
        </ul>
      </nav>
      <ApiGuide origin={origin} limits={limits} />
      {tags.map(({ tag, operations }) => (
        <Section key={tag} id={tagAnchor(tag)} title={tag}>
          <ul className="grid gap-1 text-sm">
            {operations.map((operation) => (
              <li key={operation.operationId} className="flex flex-wrap gap-x-2">
                <span className="w-14 shrink-0 font-mono text-xs leading-5 font-semibold">{operation.method}</span>
                <a href={`#${operationAnchor(operation.operationId)}`} className={linkClass}>
                  {operation.summary}
                </a>
              </li>
            ))}
          </ul>
          {operations.map((operation) => (
            <OperationSection key={operation.operationId} operation={operation} />
          ))}
        </Section>
      ))}
      <McpGuide origin={origin} />
    </div>
  );
}
