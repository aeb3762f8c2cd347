import type { z } from "zod";
import { getDb } from "@/db/client";
import { withoutNul } from "@/lib/actions/define-action";
import { type ActionResult, invalid } from "@/lib/actions/result";
import { readLimitedBody } from "@/lib/http/read-limited-body";
import { authenticateApiRequest } from "./authenticate";
import type { AnyApiOperation } from "./operation";
import { problemResponse } from "./problem";

// A body is one record (a contact with its rows, a touch with 50 people):
// far under this, as the forms' own action bodies are.
export const API_BODY_LIMIT = 256 * 1024;

type RouteContext = { params: Promise<Record<string, string | string[] | undefined>> };
type Refusal = { ok: false; response: Response };
type Parsed<T> = { ok: true; value: T } | Refusal;

const NOT_FOUND = "Nothing was found at this address for this token.";

function refusedInput(error: z.ZodError, where: "body" | "query"): Refusal {
  const result = invalid(error);
  const detail = where === "body" ? "The request body needs fixing: see errors." : "The query needs fixing: see errors.";
  return { ok: false, response: problemResponse(400, result.ok ? detail : (result.formError ?? detail), {}, result.ok ? undefined : result.fieldErrors) };
}

function parseQuery(operation: AnyApiOperation, url: URL): Parsed<unknown> {
  if (!operation.query) return { ok: true, value: {} };
  const parsed = operation.query.safeParse(withoutNul(Object.fromEntries(url.searchParams)));
  return parsed.success ? { ok: true, value: parsed.data } : refusedInput(parsed.error, "query");
}

async function parseBody(operation: AnyApiOperation, request: Request): Promise<Parsed<unknown>> {
  if (!operation.body) return { ok: true, value: {} };
  const type = request.headers.get("content-type")?.split(";")[0]?.trim().toLowerCase();
  if (type !== "application/json") {
    return { ok: false, response: problemResponse(415, "Send the body as JSON, with Content-Type: application/json.") };
  }
  const read = await readLimitedBody(request, API_BODY_LIMIT);
  if (!read.ok) {
    return { ok: false, response: problemResponse(413, `Keep the body under ${API_BODY_LIMIT / 1024} KiB.`) };
  }
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(read.bytes));
  } catch {
    return { ok: false, response: problemResponse(400, "The body is not valid JSON.") };
  }
  const parsed = operation.body.safeParse(withoutNul(json));
  return parsed.success ? { ok: true, value: parsed.data } : refusedInput(parsed.error, "body");
}

// What a use case's answer becomes: its data as JSON with the operation's
// status; a record that is not the token owner's (or is gone) 404; a clash
// with what is stored 409; any other refusal 400, with the fields to fix.
export function answer(operation: AnyApiOperation, result: ActionResult<unknown>): Response {
  if (result.ok) {
    return Response.json(result.data, { status: operation.success.status, headers: { "Cache-Control": "no-store" } });
  }
  const detail = result.formError ?? "The request needs fixing: see errors.";
  const status = result.notFound ? 404 : result.conflict ? 409 : 400;
  return problemResponse(status, detail, {}, result.fieldErrors);
}

// The route handler of one operation: the token first (nothing is read
// before it), then path, query and body through their schemas, then the
// use case with the token owner's id. An error of ours is a 500 problem,
// never a stack trace.
export function serveOperation(operation: AnyApiOperation) {
  return async function handler(request: Request, context: RouteContext): Promise<Response> {
    try {
      const auth = await authenticateApiRequest(request, operation.scope);
      if (!auth.ok) return auth.response;
      const params = operation.params ? operation.params.safeParse(await context.params) : { success: true, data: {} };
      if (!params.success) return problemResponse(404, NOT_FOUND);
      const query = parseQuery(operation, new URL(request.url));
      if (!query.ok) return query.response;
      const body = await parseBody(operation, request);
      if (!body.ok) return body.response;
      const db = await getDb();
      const result = await operation.handle(
        { params: params.data, query: query.value, body: body.value },
        { userId: auth.userId, db, now: new Date() },
      );
      return answer(operation, result);
    } catch (error) {
      console.error(`[api] ${operation.operationId} failed`, error);
      return problemResponse(500, "Something went wrong on our side. Try again; if it keeps happening, the server's log says why.");
    }
  };
}
