import type { CallToolResult, Tool } from "@modelcontextprotocol/sdk/types.js";
import { z } from "zod";
import { withoutNul } from "@/lib/actions/define-action";
import { type ActionResult, type FieldErrors, invalid, notFoundResult } from "@/lib/actions/result";
import type { AnyApiOperation, ApiContext } from "@/lib/api/operation";
import type { ApiTokenScope } from "@/lib/domain/api-tokens";

// A tool of Kith's MCP server: what tools/list shows of it, and its call.
export type KithTool = {
  definition: Tool;
  scope: ApiTokenScope;
  call: (args: Record<string, unknown>, ctx: ApiContext) => Promise<CallToolResult>;
};

type JsonSchema = Record<string, unknown>;
type ObjectJsonSchema = { type: "object"; properties: Record<string, object>; required?: string[]; definitions?: Record<string, object> };

// Draft-07, not OpenAPI's 2020-12: the SDK's client compiles each tool's
// output schema with a default Ajv, which knows draft-07 only and refuses a
// schema that names 2020-12 as its dialect.
function jsonSchema(schema: z.ZodType, io: "input" | "output"): JsonSchema {
  const converted: JsonSchema = z.toJSONSchema(schema, { io, unrepresentable: "any", target: "draft-7" });
  delete converted.$schema;
  return converted;
}

function objectSchema(schema: z.ZodType, io: "input" | "output", what: string): ObjectJsonSchema {
  const converted = jsonSchema(schema, io);
  if (converted.type !== "object" || typeof converted.properties !== "object") {
    throw new Error(`${what} is not a JSON object schema, so it cannot be a tool's arguments or answer`);
  }
  return converted as ObjectJsonSchema;
}

type OperationPart = "params" | "query" | "body";
const PARTS: readonly OperationPart[] = ["params", "query", "body"];

/** Descriptions for arguments whose schema has none, like a path's bare id. */
export type ArgumentNotes = Record<string, string>;

// One flat object of arguments for the model: the operation's path
// parameters, query and body side by side, each with its own description
// (or the tool's note, where a path id says nothing of what it names).
export function operationInputSchema(operation: AnyApiOperation, notes: ArgumentNotes = {}): Tool["inputSchema"] {
  const merged: ObjectJsonSchema = { type: "object", properties: {}, required: [] };
  for (const part of PARTS) {
    const schema = operation[part];
    if (!schema) continue;
    const converted = objectSchema(schema, "input", `${operation.operationId}'s ${part}`);
    for (const [name, property] of Object.entries(converted.properties)) {
      if (name in merged.properties) throw new Error(`${operation.operationId}: "${name}" is in more than one part of its input`);
      merged.properties[name] = notes[name] && !("description" in property) ? { description: notes[name], ...property } : property;
    }
    merged.required?.push(...(converted.required ?? []));
    if (converted.definitions) merged.definitions = { ...merged.definitions, ...converted.definitions };
  }
  if (merged.required?.length === 0) delete merged.required;
  return merged;
}

export function outputSchemaOf(schema: z.ZodType, what: string): Tool["outputSchema"] {
  return objectSchema(schema, "output", what);
}

const NOT_FOUND = "Nothing was found with that id for this token.";

const namesOf = new WeakMap<z.ZodType, Set<string>>();

// Which arguments belong to a part: the names its JSON Schema lists,
// converted once per schema.
function propertyNames(schema: z.ZodType | undefined): Set<string> {
  if (!schema) return new Set();
  let names = namesOf.get(schema);
  if (!names) {
    names = new Set(Object.keys(objectSchema(schema, "input", "a part of an input").properties));
    namesOf.set(schema, names);
  }
  return names;
}

function pick(args: Record<string, unknown>, keep: (name: string) => boolean): Record<string, unknown> {
  return Object.fromEntries(Object.entries(args).filter(([name]) => keep(name)));
}

// A query's schema parses a URL's strings: a model's 10 or true is sent as
// "10" or "true", as a script's URL would carry it.
function asQueryString(values: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(values).map(([name, value]) => [name, typeof value === "number" || typeof value === "boolean" ? String(value) : value]),
  );
}

// What the REST route does with a request, done with a tool's arguments:
// each part through its own schema (NUL characters dropped first, as the
// route and the forms do), then the operation's use case. A path id that
// does not parse is "not found", as on the REST API; a bad query or body
// names every field to fix.
export async function runOperation(
  operation: AnyApiOperation,
  args: Record<string, unknown>,
  ctx: ApiContext,
): Promise<ActionResult<unknown>> {
  const clean = withoutNul(args) as Record<string, unknown>;
  const paramNames = propertyNames(operation.params);
  const queryNames = propertyNames(operation.query);
  const params = operation.params ? operation.params.safeParse(pick(clean, (name) => paramNames.has(name))) : { success: true as const, data: {} };
  if (!params.success) return notFoundResult(NOT_FOUND);
  const query = operation.query ? operation.query.safeParse(asQueryString(pick(clean, (name) => queryNames.has(name)))) : { success: true as const, data: {} };
  const rest = pick(clean, (name) => !paramNames.has(name) && !queryNames.has(name));
  const body = operation.body ? operation.body.safeParse(rest) : { success: true as const, data: {} };
  const issues = [...(query.success ? [] : query.error.issues), ...(body.success ? [] : body.error.issues)];
  if (!query.success || !body.success) return invalid(new z.ZodError(issues));
  return operation.handle({ params: params.data, query: query.data, body: body.data }, ctx);
}

function fieldLines(fieldErrors: FieldErrors | undefined): string[] {
  return Object.entries(fieldErrors ?? {})
    .filter(([, messages]) => messages && messages.length > 0)
    .map(([field, messages]) => `- ${field}: ${messages?.join(" ")}`);
}

// A refusal as the model reads it: what was wrong and, for a refused input,
// each field with what to fix, so it can correct the call and try again.
export function refusal(result: Extract<ActionResult<unknown>, { ok: false }>): CallToolResult {
  const detail = result.formError ?? "The arguments need fixing.";
  const lead = result.notFound ? `Not found: ${detail}` : result.conflict ? `Conflict: ${detail}` : detail;
  const lines = [lead, ...fieldLines(result.fieldErrors)];
  return { isError: true, content: [{ type: "text", text: lines.join("\n") }] };
}

// An answer: the operation's JSON as structured content, and the same JSON
// after one short sentence as text, for clients that show the model text only.
export function answer(sentence: string, data: Record<string, unknown>): CallToolResult {
  return { structuredContent: data, content: [{ type: "text", text: `${sentence}\n${JSON.stringify(data)}` }] };
}

type OperationToolSpec = {
  name: string;
  title: string;
  description: string;
  operation: AnyApiOperation;
  notes?: ArgumentNotes;
  /** One sentence about the answer, ahead of its JSON in the text content. */
  sentence: (data: Record<string, unknown>) => string;
};

// A tool that is exactly one REST operation: its arguments are the
// operation's inputs, its answer the operation's JSON.
export function operationTool({ name, title, description, operation, notes, sentence }: OperationToolSpec): KithTool {
  const isRead = operation.scope === "read";
  return {
    scope: operation.scope,
    definition: {
      name,
      title,
      description,
      inputSchema: operationInputSchema(operation, notes),
      outputSchema: outputSchemaOf(operation.success.schema, `${operation.operationId}'s answer`),
      annotations: { title, readOnlyHint: isRead, destructiveHint: false, idempotentHint: isRead, openWorldHint: false },
    },
    async call(args, ctx) {
      const result = await runOperation(operation, args, ctx);
      if (!result.ok) return refusal(result);
      const data = result.data as Record<string, unknown>;
      return answer(sentence(data), data);
    },
  };
}
