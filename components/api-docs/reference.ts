import type { AnyApiOperation, HttpMethod } from "@/lib/api/operation";
import type { ApiTokenScope } from "@/lib/domain/api-tokens";
import { bodyFields, type FieldRow, fieldRow, type JsonSchema } from "./schema-fields";

// What the docs page shows of each operation, read from the operations
// (what they are) and the OpenAPI document written from them (their inputs
// and answers as JSON Schema): the page and the document cannot disagree.

export type ParameterRow = FieldRow & { location: "path" | "query" };

export type OperationReference = {
  operationId: string;
  method: HttpMethod;
  path: string;
  summary: string;
  description: string | null;
  scope: ApiTokenScope;
  parameters: ParameterRow[];
  body: FieldRow[] | null;
  success: { status: number; description: string; fields: FieldRow[] };
};

export type TagReference = { tag: string; operations: OperationReference[] };

type DocumentedOperation = {
  parameters?: { name: string; in: "path" | "query"; required?: boolean; description?: string; schema?: JsonSchema }[];
  requestBody?: { content?: { "application/json"?: { schema?: JsonSchema } } };
  responses?: Record<string, { content?: { "application/json"?: { schema?: JsonSchema } } }>;
};

function documented(document: JsonSchema, operation: AnyApiOperation): DocumentedOperation {
  const paths = (document.paths ?? {}) as Record<string, Record<string, DocumentedOperation>>;
  return paths[operation.path]?.[operation.method.toLowerCase()] ?? {};
}

function parameterRows(entry: DocumentedOperation): ParameterRow[] {
  return (entry.parameters ?? []).map((parameter) => {
    const row = fieldRow(parameter.name, parameter.schema ?? {}, parameter.required === true);
    // The document lifts a parameter's description out of its schema.
    const description = [parameter.description, row.description].filter(Boolean).join(" ");
    return { ...row, location: parameter.in, description };
  });
}

export function operationReference(operation: AnyApiOperation, document: JsonSchema): OperationReference {
  const entry = documented(document, operation);
  const bodySchema = entry.requestBody?.content?.["application/json"]?.schema;
  const answerSchema = entry.responses?.[String(operation.success.status)]?.content?.["application/json"]?.schema;
  return {
    operationId: operation.operationId,
    method: operation.method,
    path: operation.path,
    summary: operation.summary,
    description: operation.description ?? null,
    scope: operation.scope,
    parameters: parameterRows(entry),
    body: bodySchema ? bodyFields(bodySchema) : null,
    success: {
      status: operation.success.status,
      description: operation.success.description,
      fields: answerSchema ? bodyFields(answerSchema) : [],
    },
  };
}

/** The operations grouped by tag, tags and operations in the registry's order. */
export function apiReference(operations: readonly AnyApiOperation[], document: JsonSchema): TagReference[] {
  const tags = new Map<string, OperationReference[]>();
  for (const operation of operations) {
    const list = tags.get(operation.tag) ?? [];
    list.push(operationReference(operation, document));
    tags.set(operation.tag, list);
  }
  return [...tags].map(([tag, list]) => ({ tag, operations: list }));
}
