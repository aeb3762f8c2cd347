import type { z } from "zod";
import type { Db } from "@/db/client";
import type { ActionResult } from "@/lib/actions/result";
import type { ApiTokenScope } from "@/lib/domain/api-tokens";

export type HttpMethod = "GET" | "POST" | "PATCH" | "DELETE";

export type ApiContext = { userId: string; db: Db; now: Date };

type AnyObject = z.ZodType<Record<string, unknown>, Record<string, unknown>>;
type Output<S> = S extends z.ZodType ? z.output<S> : Record<string, never>;

export type ApiInput<P, Q, B> = { params: Output<P>; query: Output<Q>; body: Output<B> };

// One operation of the REST API under /api/v1: what it accepts, what it
// answers and what it does, in one place. The route file serves it
// (lib/api/serve.ts), the OpenAPI document is written from it
// (lib/api/openapi.ts), the MCP tools call the same `handle`, and the
// contract test walks them all: none of them can drift from the code.
export type ApiOperation<
  P extends AnyObject | undefined = AnyObject | undefined,
  Q extends AnyObject | undefined = AnyObject | undefined,
  B extends z.ZodType | undefined = z.ZodType | undefined,
  R extends z.ZodType = z.ZodType,
> = {
  operationId: string;
  method: HttpMethod;
  /** The OpenAPI path under /api/v1, with {name} for each path parameter. */
  path: `/${string}`;
  tag: string;
  summary: string;
  description?: string;
  scope: ApiTokenScope;
  /** Path parameters: a value that does not parse answers 404, as an unknown id does. */
  params?: P;
  query?: Q;
  /** A JSON body, parsed by the same zod schema as the form that does the same. */
  body?: B;
  success: { status: 200 | 201; description: string; schema: R };
  /** When the data can refuse a valid request with 409 Conflict (a likely duplicate): what it means, for the document. */
  conflict?: string;
  handle: (input: ApiInput<P, Q, B>, ctx: ApiContext) => Promise<ActionResult<z.output<R>>>;
};

export function defineOperation<
  P extends AnyObject | undefined = undefined,
  Q extends AnyObject | undefined = undefined,
  B extends z.ZodType | undefined = undefined,
  R extends z.ZodType = z.ZodType,
>(operation: ApiOperation<P, Q, B, R>): ApiOperation<P, Q, B, R> {
  return operation;
}

// The operations' common type, for the code that walks them all.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyApiOperation = ApiOperation<any, any, any, any>;
