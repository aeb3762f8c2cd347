import { randomUUID } from "node:crypto";
import { Ajv2020, type ValidateFunction } from "ajv/dist/2020";
import addFormats from "ajv-formats";
import { GET as openApiRoute } from "@/app/api/v1/openapi.json/route";
import type { Db } from "@/db/client";
import type { AnyApiOperation } from "@/lib/api/operation";
import type { ApiTokenAccess } from "@/lib/domain/api-tokens";
import { callOperation, issueToken } from "./api";
import type { ApiRequest, DocParameter, RequestShape } from "./api-contract-inputs";
import type { JsonSchema } from "./schema-arbitrary";
import { describe as describeValue, FRESH_KEY, jsonCopy } from "./api-contract-inputs";
import type { Fingerprint } from "./db-fingerprint";

// The contract test's view of the API: the OpenAPI document as a client
// fetches it, each documented operation matched to the code that serves it,
// answers checked against the document's own schemas with ajv (JSON Schema
// 2020-12, as OpenAPI 3.1 speaks it).

type DocOperation = {
  operationId: string;
  parameters?: DocParameter[];
  requestBody?: { content: Record<string, { schema: JsonSchema }> };
  responses: Record<string, { content?: Record<string, { schema: JsonSchema }> }>;
};

export type OpenApiDocument = {
  openapi: string;
  paths: Record<string, Record<string, DocOperation>>;
  components: { schemas: Record<string, JsonSchema> };
};

export type Documented = RequestShape & { method: string; operationId: string; statuses: number[]; successStatus: number };

export async function fetchDocument(): Promise<OpenApiDocument> {
  const response = openApiRoute();
  if (response.status !== 200) throw new Error(`GET /api/v1/openapi.json answered ${response.status}`);
  return (await response.json()) as OpenApiDocument;
}

/** Each operation of the document with the code that serves it; `missing` names what is in one and not the other. */
export function documentedOperations(document: OpenApiDocument, operations: readonly AnyApiOperation[]) {
  const found: Documented[] = [];
  const missing: string[] = [];
  for (const [path, item] of Object.entries(document.paths)) {
    for (const [method, documented] of Object.entries(item)) {
      const operation = operations.find((candidate) => candidate.operationId === documented.operationId);
      if (!operation || operation.path !== path || operation.method.toLowerCase() !== method) {
        missing.push(`${method.toUpperCase()} ${path} (${documented.operationId}) is documented but not served so`);
        continue;
      }
      const statuses = Object.keys(documented.responses).map(Number);
      found.push({
        operation,
        path,
        method: operation.method,
        operationId: operation.operationId,
        parameters: documented.parameters ?? [],
        body: documented.requestBody?.content["application/json"]?.schema,
        statuses,
        successStatus: Math.min(...statuses.filter((status) => status < 300)),
      });
    }
  }
  for (const operation of operations) {
    if (!found.some((entry) => entry.operation === operation)) missing.push(`${operation.method} ${operation.path} (${operation.operationId}) is not in the document`);
  }
  return { found, missing };
}

export type Answer = { status: number; contentType: string | null; wwwAuthenticate: string | null; text: string; json: unknown };

/** Calls the operation's route handler; the body goes as JSON unless `raw.body` gives the text to send instead. */
export async function send(
  entry: Documented,
  request: ApiRequest,
  token: string | undefined,
  raw: { body?: string; headers?: Record<string, string> } = {},
): Promise<Answer> {
  const sent = request.body === undefined ? undefined : JSON.stringify(jsonCopy(request.body))?.replaceAll(FRESH_KEY, () => randomUUID());
  const body = raw.body ?? sent;
  const response = await callOperation(entry.operation, { token, params: request.params, query: request.query, body, headers: raw.headers });
  const text = await response.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return {
    status: response.status,
    contentType: response.headers.get("content-type"),
    wwwAuthenticate: response.headers.get("www-authenticate"),
    text,
    json,
  };
}

/** Validators of the document's answers: each operation's success schema, and the Problem every refusal is. */
export function answerValidators(document: OpenApiDocument) {
  const ajv = new Ajv2020({ strict: false, allErrors: true, unicodeRegExp: false });
  addFormats(ajv);
  const problemSchema = document.components.schemas.Problem;
  if (!problemSchema) throw new Error("the document has no Problem schema");
  const problem = ajv.compile(problemSchema);
  const successes = new Map<string, ValidateFunction>();
  const errorsOf = (validate: ValidateFunction) =>
    (validate.errors ?? []).slice(0, 5).map((error) => `${error.instancePath || "/"} ${error.message ?? ""}`).join("; ");
  return {
    success(entry: Documented, json: unknown): string | null {
      let validate = successes.get(entry.operationId);
      if (!validate) {
        const documented = document.paths[entry.path]?.[entry.method.toLowerCase()];
        const schema = documented?.responses[String(entry.successStatus)]?.content?.["application/json"]?.schema;
        if (!schema) return `no application/json schema for ${entry.successStatus}`;
        validate = ajv.compile(schema);
        successes.set(entry.operationId, validate);
      }
      return validate(json) ? null : errorsOf(validate);
    },
    problem(json: unknown): string | null {
      return problem(json) ? null : errorsOf(problem);
    },
  };
}

export type Validators = ReturnType<typeof answerValidators>;

/** Why an answer is not the documented success (null when it is). */
export function successProblem(entry: Documented, answer: Answer, validators: Validators): string | null {
  if (answer.status !== entry.successStatus) return `answered ${answer.status}, not ${entry.successStatus}: ${answer.text.slice(0, 400)}`;
  if (!answer.contentType?.startsWith("application/json")) return `answered ${answer.contentType}`;
  const mismatch = validators.success(entry, answer.json);
  return mismatch ? `the answer does not match the document: ${mismatch}; answer ${answer.text.slice(0, 400)}` : null;
}

/** Why an answer is not a problem+json with one of these statuses (null when it is). */
export function problemProblem(answer: Answer, statuses: number[], validators: Validators): string | null {
  if (!statuses.includes(answer.status)) return `answered ${answer.status}, not ${statuses.join(" or ")}: ${answer.text.slice(0, 400)}`;
  if (answer.contentType !== "application/problem+json") return `answered ${answer.status} as ${answer.contentType}`;
  const mismatch = validators.problem(answer.json);
  if (mismatch) return `the problem does not match the document: ${mismatch}`;
  return (answer.json as { status?: unknown }).status === answer.status ? null : "the problem's status is not the answer's";
}

/** Another user's ids, names or address in an answer, unless the request carried them itself. */
export function leakIn(answer: Answer, request: ApiRequest, secrets: readonly string[]): string | null {
  const given = JSON.stringify(jsonCopy(request));
  const leaked = secrets.find((secret) => answer.text.includes(secret) && !given.includes(secret));
  return leaked ? `the answer shows another user's ${leaked}` : null;
}

export function describeRequest(entry: Documented, request: ApiRequest): string {
  const query = new URLSearchParams(request.query).toString();
  const body = request.body === undefined ? "" : ` ${describeValue(request.body)}`;
  const path = entry.path.replace(/\{(\w+)\}/g, (_, name: string) => request.params[name] ?? "");
  return `${entry.method} ${path}${query ? `?${query.slice(0, 200)}` : ""}${body}`;
}

// The token's own rate limit (300 a minute) is far below what the contract
// test sends: a fresh token of the same user every 250 requests.
export class TokenPool {
  private tokens = new Map<ApiTokenAccess, { token: string; uses: number }>();

  constructor(
    private readonly db: Db,
    private readonly userId: string,
  ) {}

  async token(access: ApiTokenAccess = "read-write"): Promise<string> {
    const current = this.tokens.get(access);
    if (current && current.uses < 250) {
      current.uses++;
      return current.token;
    }
    const token = await issueToken(this.db, this.userId, access);
    this.tokens.set(access, { token, uses: 1 });
    return token;
  }
}

/** A user's rows but their tokens, whose "last used" an accepted request may move. */
export function withoutTokens(fingerprint: Fingerprint): Fingerprint {
  return Object.fromEntries(Object.entries(fingerprint).filter(([table]) => table !== "api_tokens"));
}

export function changedTables(before: Fingerprint, after: Fingerprint): string[] {
  return Object.keys({ ...before, ...after }).filter((table) => before[table] !== after[table]);
}
