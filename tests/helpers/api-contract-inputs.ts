import fc from "fast-check";
import type { z } from "zod";
import { withoutNul } from "@/lib/actions/define-action";
import type { AnyApiOperation } from "@/lib/api/operation";
import { idKindOfName, idKindOfPathParameter, type World } from "./api-contract-world";
import { hostileValue, type JsonSchema } from "./schema-arbitrary";

// Requests for one operation, generated from the JSON Schemas of the OpenAPI
// document (what a client reads), judged by the operation's own zod schemas
// (what the server parses with, refinements included). Valid requests carry
// the token owner's own ids of the right kind; invalid ones are a valid
// request with one thing broken.

export type DocParameter = { name: string; in: "path" | "query"; required: boolean; schema: JsonSchema };

export type ApiRequest = { params: Record<string, string>; query: Record<string, string>; body?: unknown };

/** What was broken in an invalid request: a path id answers 404, the rest 400 unless zod accepts it after all. */
export type Broken = { request: ApiRequest; where: "path" | "query" | "body"; what: string };

/**
 * Stands for a new idempotency key, made when the request is sent: a key sent
 * again answers the first request's answer whatever the body (as it should),
 * and fast-check sends the same values again while it shrinks.
 */
export const FRESH_KEY = "00000000-0000-4000-8000-00000000f5e5";

const DAY_MS = 24 * 60 * 60 * 1000;
// Two days back: a "not in the future" rule counts from the earliest zone's today.
const pastDay = fc.date({ min: new Date("2000-01-01"), max: new Date(Date.now() - 2 * DAY_MS), noInvalidDate: true });

// What a field's name says it holds, where JSON Schema cannot say it (a
// string piped into a date, a "true"/"false" flag in a query).
const BY_NAME: [RegExp, fc.Arbitrary<unknown>][] = [
  [/email/i, fc.stringMatching(/^[a-z]{3,8}\.[a-z]{2,6}@example\.(com|org)$/)],
  [/phone/i, fc.constantFrom("+44 20 7946 0958", "+1 415 555 0100", "020 7946 0958")],
  [/url|link|website/i, fc.stringMatching(/^https:\/\/[a-z]{3,8}\.(com|dev)\/[a-z]{1,8}$/)],
  [/(On|Date)$|^(from|to|since|until|date|day)$/, pastDay.map((date) => date.toISOString().slice(0, 10))],
  [/At$/, pastDay.map((date) => date.toISOString())],
  [/timeZone/i, fc.constantFrom("Europe/London", "America/New_York", "Pacific/Kiritimati", "UTC")],
  [/^circles$/, fc.constantFrom("Alumni, Volunteering", "Climbing", "")],
  [/Days$|cadence/i, fc.integer({ min: 1, max: 365 })],
  [/^(overdue|archived|all|include\w*|is[A-Z]\w*|has[A-Z]\w*)$/, fc.constantFrom("true", "false")],
  [/Year$/, fc.integer({ min: 1990, max: 2020 })],
];

const text = (min: number, max: number) =>
  fc.oneof(
    { arbitrary: fc.string({ minLength: min, maxLength: max }), weight: 3 },
    { arbitrary: fc.string({ unit: "grapheme", minLength: min, maxLength: max }), weight: 1 },
  );

type Context = { world: World; key?: string; unknownIds: Set<string> };

function idArbitrary(context: Context): fc.Arbitrary<unknown> {
  const { key = "", world } = context;
  if (/idempotency/i.test(key)) return fc.constant(FRESH_KEY);
  const kind = idKindOfName(key);
  const ids = kind ? world.ids[kind] : [];
  if (!kind || ids.length === 0) {
    context.unknownIds.add(key);
    return fc.uuid({ version: 4 });
  }
  return fc.constantFrom(...ids);
}

function stringArbitrary(node: JsonSchema, context: Context): fc.Arbitrary<unknown> {
  if (node.format === "uuid") return idArbitrary(context);
  if (node.format === "date") return pastDay.map((date) => date.toISOString().slice(0, 10));
  if (node.format === "date-time") return pastDay.map((date) => date.toISOString());
  if (node.format === "email") return BY_NAME[0]?.[1] ?? fc.emailAddress();
  if (node.pattern) return fc.stringMatching(new RegExp(node.pattern)).map((value) => value.slice(0, node.maxLength ?? 100));
  const min = node.minLength ?? 0;
  const max = Math.max(min, Math.min(node.maxLength ?? 40, 40));
  const named = context.key === undefined ? undefined : BY_NAME.find(([pattern]) => pattern.test(context.key ?? ""))?.[1];
  const options: fc.WeightedArbitrary<unknown>[] = [{ arbitrary: text(min, max), weight: 2 }];
  if (named) options.push({ arbitrary: named.map((value) => (typeof value === "string" ? value : String(value))), weight: 8 });
  return fc.oneof(...options);
}

function numberArbitrary(node: JsonSchema, context: Context): fc.Arbitrary<unknown> {
  const min = Math.max(node.minimum ?? (node.exclusiveMinimum ?? -1001) + 1, -1e6);
  const max = Math.min(node.maximum ?? (node.exclusiveMaximum ?? 1001) - 1, 1e6);
  const named = context.key === undefined ? undefined : BY_NAME.find(([pattern]) => pattern.test(context.key ?? ""))?.[1];
  const inRange = fc.integer({ min: Math.ceil(min), max: Math.floor(max) });
  return named ? fc.oneof(inRange, named) : inRange;
}

function objectArbitrary(node: JsonSchema, context: Context, shape?: Record<string, z.ZodType>): fc.Arbitrary<unknown> {
  const model: Record<string, fc.Arbitrary<unknown>> = {};
  for (const [key, property] of Object.entries(node.properties ?? {})) {
    const arbitrary = validArbitrary(property, { ...context, key });
    const field = shape?.[key];
    model[key] = field ? accepted(arbitrary, (value) => field.safeParse(withoutNul(jsonCopy(value))).success) : arbitrary;
  }
  const required = (node.required ?? []).filter((key) => key in model);
  return fc.record(model, { requiredKeys: required });
}

/** Values a JSON Schema node describes, well formed only. */
export function validArbitrary(node: JsonSchema, context: Context): fc.Arbitrary<unknown> {
  const union = node.anyOf ?? node.oneOf;
  if (union && union.length > 0) return fc.oneof(...union.map((member) => validArbitrary(member, context)));
  if (node.allOf?.[0]) return validArbitrary({ ...node, allOf: undefined, ...node.allOf[0] }, context);
  if (node.const !== undefined) return fc.constant(node.const);
  if (node.enum && node.enum.length > 0) return fc.constantFrom(...node.enum);
  const types = Array.isArray(node.type) ? node.type : node.type ? [node.type] : [];
  if (types.length === 0 && node.properties) return objectArbitrary(node, context);
  if (types.length === 0) return fc.oneof(text(1, 20), fc.integer(), fc.boolean());
  return fc.oneof(
    ...types.map((type): fc.Arbitrary<unknown> => {
      if (type === "string") return stringArbitrary(node, context);
      if (type === "integer" || type === "number") return numberArbitrary(node, context);
      if (type === "boolean") return fc.boolean();
      if (type === "null") return fc.constant(null);
      if (type === "object") return objectArbitrary(node, context);
      if (type === "array") {
        const item = node.items ? validArbitrary(node.items, context) : fc.constant(null);
        const minLength = node.minItems ?? 0;
        return fc.array(item, { minLength, maxLength: Math.max(minLength, Math.min(node.maxItems ?? 3, 3)) });
      }
      return fc.constant(null);
    }),
  );
}

// The first of a few tries the judge accepts (or the first, for the request's
// own check to turn down): a bounded search, so a field no generator can fill
// fails the run instead of hanging it.
function accepted(arbitrary: fc.Arbitrary<unknown>, judge: (value: unknown) => boolean): fc.Arbitrary<unknown> {
  return fc.array(arbitrary, { minLength: 6, maxLength: 6 }).map((tries) => tries.find(judge) ?? tries[0]);
}

/** The value as the server reads it: through JSON (a bigint as its digits). */
export function jsonCopy(value: unknown): unknown {
  const serialized = JSON.stringify(value, (_, item: unknown) => (typeof item === "bigint" ? String(item) : item));
  return serialized === undefined ? undefined : JSON.parse(serialized);
}

function shapeOf(schema: z.ZodType | undefined): Record<string, z.ZodType> | undefined {
  const shape = (schema as { shape?: unknown } | undefined)?.shape;
  return typeof shape === "object" && shape !== null ? (shape as Record<string, z.ZodType>) : undefined;
}

const asQueryValue = (value: unknown) => (typeof value === "string" ? value : JSON.stringify(value));

/** Whether the operation's own schemas take the request, as the server parses it. */
export function zodAccepts(operation: AnyApiOperation, request: ApiRequest): boolean {
  if (operation.query && !operation.query.safeParse(withoutNul(request.query)).success) return false;
  if (operation.body && !operation.body.safeParse(withoutNul(jsonCopy(request.body))).success) return false;
  return true;
}

export type RequestShape = { operation: AnyApiOperation; path: string; parameters: DocParameter[]; body?: JsonSchema };

/** Valid requests: the owner's ids in the path, query parameters and a body the operation's schemas accept. */
export function validRequests(shape: RequestShape, world: World, unknownIds: Set<string>): fc.Arbitrary<ApiRequest> {
  const { operation, parameters } = shape;
  const params: Record<string, fc.Arbitrary<string>> = {};
  const query: Record<string, fc.Arbitrary<string | undefined>> = {};
  const queryShape = shapeOf(operation.query);
  for (const parameter of parameters) {
    if (parameter.in === "path") {
      const kind = idKindOfPathParameter(shape.path, parameter.name);
      const ids = kind ? world.ids[kind] : [];
      if (ids.length === 0) unknownIds.add(`${shape.path} {${parameter.name}}`);
      params[parameter.name] = ids.length > 0 ? fc.constantFrom(...ids) : fc.uuid({ version: 4 });
    } else if (parameter.name !== "cursor") {
      const field = queryShape?.[parameter.name];
      const value = validArbitrary(parameter.schema, { world, key: parameter.name, unknownIds }).map(asQueryValue);
      const checked = accepted(value, (text) => field?.safeParse(text).success ?? true) as fc.Arbitrary<string>;
      // Filters left out more often than not, so a list has something in it.
      query[parameter.name] = parameter.required
        ? checked
        : fc.oneof({ arbitrary: fc.constant(undefined), weight: 3 }, { arbitrary: checked, weight: 2 });
    }
  }
  const body = shape.body
    ? shape.body.type === "object" || shape.body.properties
      ? objectArbitrary(shape.body, { world, unknownIds }, shapeOf(operation.body))
      : validArbitrary(shape.body, { world, unknownIds })
    : fc.constant(undefined);
  return fc
    .record({ params: fc.record(params), query: fc.record(query), body })
    .map(({ query: given, ...request }) => ({
      ...request,
      query: Object.fromEntries(Object.entries(given).filter((entry): entry is [string, string] => entry[1] !== undefined)),
    }))
    .map((request) => congratulatingItsContact(request, world));
}

// A touch that congratulates a success must name the success's contact (the
// use case checks it against the data): a relation no schema can express.
function congratulatingItsContact(request: ApiRequest, world: World): ApiRequest {
  const body = request.body as { successId?: unknown; contactIds?: unknown } | undefined;
  if (typeof body !== "object" || body === null || typeof body.successId !== "string" || !Array.isArray(body.contactIds)) return request;
  const contactId = world.successContact.get(body.successId);
  if (!contactId || body.contactIds.includes(contactId)) return request;
  return { ...request, body: { ...body, contactIds: [...body.contactIds.slice(0, 49), contactId] } };
}

// Dates at the edges too: a pattern may pass a year the database's date type refuses.
const BAD_STRINGS = [
  ...["", " ", "abc", "-1", "0", "1.5", "1e999", "NaN", "null", "not-a-uuid", "__proto__", "100000", "true1"],
  ...["2026-13-01", "2026-02-29", "0000-01-01", "1899-12-31", "9999-12-31", "0000-01-01T00:00:00Z", "2026-11-12T25:00:00Z"],
];

const badValue: fc.Arbitrary<unknown> = fc.oneof(
  { arbitrary: hostileValue, weight: 4 },
  { arbitrary: fc.constantFrom<unknown>(...BAD_STRINGS, 12, -1, true, null, [], {}, ["x"], { a: 1 }), weight: 4 },
  { arbitrary: fc.constantFrom("not-one-of-the-choices", "y".repeat(2001), "y".repeat(20_001)), weight: 2 },
);

// Every place in a body a value sits (each key, each array item), up to a depth.
function placesIn(value: unknown, schema: JsonSchema | undefined, prefix: (string | number)[] = []): (string | number)[][] {
  if (prefix.length > 3 || typeof value !== "object" || value === null) return [];
  const keys = Array.isArray(value)
    ? value.map((_, index) => index)
    : [...new Set([...Object.keys(value), ...(prefix.length === 0 ? Object.keys(schema?.properties ?? {}) : [])])];
  return keys.flatMap((key) => [[...prefix, key], ...placesIn((value as Record<string, unknown>)[key], undefined, [...prefix, key])]);
}

function withChange(value: unknown, place: (string | number)[], change: { remove: true } | { set: unknown }): unknown {
  const [head, ...rest] = place;
  if (head === undefined) return "set" in change ? change.set : undefined;
  if (Array.isArray(value)) {
    const copy = [...(value as unknown[])];
    if (rest.length === 0 && "remove" in change) copy.splice(Number(head), 1);
    else copy[Number(head)] = withChange(copy[Number(head)], rest, change);
    return copy;
  }
  const copy: Record<string, unknown> = { ...(value as Record<string, unknown>) };
  if (rest.length === 0 && "remove" in change) delete copy[head];
  else copy[head] = withChange(copy[head], rest, change);
  return copy;
}

/** A valid request with one thing broken: a path id, a query parameter, a body field or the whole body. */
export function brokenRequests(shape: RequestShape, world: World, unknownIds: Set<string>): fc.Arbitrary<Broken> {
  const queryNames = shape.parameters.filter((parameter) => parameter.in === "query").map((parameter) => parameter.name);
  const pathNames = shape.parameters.filter((parameter) => parameter.in === "path").map((parameter) => parameter.name);
  const valid = validRequests(shape, world, unknownIds).filter((request) => zodAccepts(shape.operation, request));
  return valid.chain((request) => {
    const options: fc.Arbitrary<Broken>[] = [];
    if (pathNames.length > 0) {
      // Not an id, nobody's id, or one of the owner's records of another kind.
      const otherKinds = (name: string) => [...world.kindOf].filter(([, kind]) => kind !== idKindOfPathParameter(shape.path, name)).map(([id]) => id);
      const id = (name: string) =>
        fc.oneof(fc.uuid({ version: 4 }), fc.constantFrom("not-an-id", "0", "..", "%00", " ", "x".repeat(300)), fc.constantFrom(...otherKinds(name)));
      options.push(
        fc.constantFrom(...pathNames).chain((name) => id(name).map((value) => [name, value] as const)).map(([name, value]) => ({
          request: { ...request, params: { ...request.params, [name]: value } },
          where: "path" as const,
          what: `path ${name} = ${JSON.stringify(value)}`,
        })),
      );
    }
    if (queryNames.length > 0) {
      const bad = fc.oneof(fc.constantFrom(...BAD_STRINGS, "y".repeat(5000)), fc.string({ maxLength: 12 }));
      options.push(
        fc.tuple(fc.constantFrom(...queryNames), bad).map(([name, value]) => ({
          request: { ...request, query: { ...request.query, [name]: value } },
          where: "query" as const,
          what: `query ${name} = ${JSON.stringify(value.slice(0, 40))}`,
        })),
      );
    }
    if (shape.body) {
      const places = placesIn(request.body, shape.body);
      const whole = fc.constantFrom<unknown>(null, [], "text", 42, true, {}).map((body) => ({
        request: { ...request, body },
        where: "body" as const,
        what: `body = ${JSON.stringify(body)}`,
      }));
      options.push(whole);
      if (places.length > 0) {
        const change = fc.oneof(
          { arbitrary: fc.constant<{ remove: true }>({ remove: true }), weight: 1 },
          { arbitrary: badValue.map((set) => ({ set })), weight: 4 },
        );
        options.push(
          fc.tuple(fc.constantFrom(...places), change).map(([place, how]) => ({
            request: { ...request, body: withChange(request.body, place, how) },
            where: "body" as const,
            what: `body ${place.join(".")} ${"remove" in how ? "removed" : `= ${describe(how.set)}`}`,
          })),
        );
      }
    }
    return options.length > 0 ? fc.oneof(...options) : fc.constant({ request, where: "query" as const, what: "nothing to break" });
  });
}

export function describe(value: unknown): string {
  const json = JSON.stringify(jsonCopy(value)) ?? String(value);
  return json.length > 120 ? `${json.slice(0, 120)}… (${json.length} chars)` : json;
}
