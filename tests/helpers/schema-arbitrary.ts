import fc from "fast-check";
import { z } from "zod";

// Inputs generated from (and around) a zod 4 schema, by hand: the
// zod-fast-check bridge does not support zod 4. The schema goes through its
// JSON Schema (as input), then each node gives valid values mixed with the
// values a hostile client sends instead: wrong types, nulls, huge strings,
// prototype keys, NaN, dates, maps, blobs, functions (React's reply decoder
// makes all of these from an action's body), and ids of someone else's rows.

export type Pools = {
  /** Ids to put where a uuid goes: another user's rows, one's own, none. */
  uuids: readonly string[];
  /** Addresses to put where an email goes. */
  emails: readonly string[];
};

type JsonSchema = {
  type?: string | string[];
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  enum?: unknown[];
  const?: unknown;
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  items?: JsonSchema;
  prefixItems?: JsonSchema[];
  minItems?: number;
  maxItems?: number;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: JsonSchema | boolean;
  propertyNames?: JsonSchema;
};

const HUGE = "x".repeat(100_000);

function deepObject(depth: number): unknown {
  let value: unknown = "bottom";
  for (let i = 0; i < depth; i++) value = { a: value };
  return value;
}

function deepArray(depth: number): unknown {
  let value: unknown = [];
  for (let i = 0; i < depth; i++) value = [value];
  return value;
}

// Values no schema asks for; each is built fresh so no run can change another's.
const hostileValues: (() => unknown)[] = [
  () => null,
  () => undefined,
  () => true,
  () => false,
  () => 0,
  () => -1,
  () => -0,
  () => 1.5,
  () => Number.NaN,
  () => Number.POSITIVE_INFINITY,
  () => Number.NEGATIVE_INFINITY,
  () => Number.MAX_SAFE_INTEGER + 2,
  () => 1e308,
  () => 10n,
  () => "",
  () => " \t\n ",
  () => HUGE,
  () => "\u0000",
  () => "null",
  () => "undefined",
  () => "NaN",
  () => "1e999",
  () => "__proto__",
  () => "$$",
  () => "javascript:alert(1)",
  () => "' OR 1=1 --",
  () => "\u202e\ud800",
  () => [],
  () => [null],
  () => ["a", 1, {}],
  () => new Array(2000).fill("a"),
  () => ({}),
  () => ({ length: -1 }),
  () => ({ length: 1e9, 0: "a" }),
  () => JSON.parse('{"__proto__": {"polluted": true}, "constructor": {"prototype": {"polluted": true}}}'),
  () => Object.create(null),
  () => ({ toString: "x", valueOf: "y", hasOwnProperty: 1 }),
  () => deepObject(2000),
  () => deepArray(2000),
  () => new Date(Number.NaN),
  () => new Date("2026-11-12T00:00:00Z"),
  () => new Map([["a", 1]]),
  () => new Set(["a"]),
  () => new FormData(),
  () => new Blob(["x"]),
  () => new File(["name,company\n"], "contacts.csv", { type: "text/csv" }),
  () => new Uint8Array([1, 2, 3]),
  () => () => undefined,
  () => Promise.resolve("x"),
];

export const hostileValue: fc.Arbitrary<unknown> = fc
  .integer({ min: 0, max: hostileValues.length - 1 })
  .map((index) => (hostileValues[index] ?? (() => null))());

// Strings that mean something to some field: dates, numbers, links, emails.
const meaningfulStrings = [
  "2026-11-12",
  "2026-02-29",
  "2024-02-29",
  "1899-12-31",
  "9999-12-31",
  "2026-13-01",
  "12",
  "0",
  "-5",
  "3.5",
  "1e3",
  "Infinity",
  "https://example.com/news",
  "linkedin.com/in/ada",
  "ada@example.com",
  "+44 20 7946 0958",
  "Europe/London",
  "Not/AZone",
  "inner",
  "meeting",
  "given",
  "congratulation",
  "new_job",
  "a, b, A",
];

function stringArbitrary(node: JsonSchema, pools: Pools): fc.Arbitrary<unknown> {
  const minLength = node.minLength ?? 0;
  const maxLength = node.maxLength ?? 300;
  const sized = fc.string({ minLength: Math.min(minLength, 50), maxLength: Math.min(maxLength, 50) });
  const options: fc.WeightedArbitrary<unknown>[] = [
    { arbitrary: sized, weight: 4 },
    { arbitrary: fc.string({ unit: "grapheme", maxLength: 30 }), weight: 1 },
    { arbitrary: fc.constantFrom(...meaningfulStrings), weight: 3 },
    { arbitrary: fc.constant("y".repeat(maxLength + 1)), weight: 1 },
    { arbitrary: fc.constant(" ".repeat(Math.max(minLength, 1))), weight: 1 },
  ];
  if (node.format === "uuid") {
    options.push({ arbitrary: fc.constantFrom(...pools.uuids), weight: 20 }, { arbitrary: fc.uuid(), weight: 4 });
  } else if (node.format === "email" || pools.emails.length === 0) {
    options.push({ arbitrary: fc.emailAddress(), weight: 2 });
  }
  if (pools.emails.length > 0) options.push({ arbitrary: fc.constantFrom(...pools.emails), weight: 2 });
  if (node.pattern && node.format !== "uuid") {
    options.push({ arbitrary: fc.stringMatching(new RegExp(node.pattern)).map((s) => s.slice(0, 100)), weight: 6 });
  }
  return fc.oneof(...options);
}

function numberArbitrary(node: JsonSchema, isInteger: boolean): fc.Arbitrary<unknown> {
  const min = node.minimum ?? node.exclusiveMinimum ?? -1000;
  const max = node.maximum ?? node.exclusiveMaximum ?? 1000;
  const low = Math.max(min, -1e6);
  const high = Math.min(max, 1e6);
  return fc.oneof(
    { arbitrary: fc.integer({ min: Math.ceil(low), max: Math.floor(high) }), weight: 6 },
    { arbitrary: fc.constantFrom(min - 1, max + 1, min, max), weight: 2 },
    { arbitrary: isInteger ? fc.constant(low + 0.5) : fc.double({ noNaN: true, min: low, max: high }), weight: 1 },
    { arbitrary: fc.integer({ min: Math.ceil(low), max: Math.floor(high) }).map(String), weight: 2 },
  );
}

function objectArbitrary(node: JsonSchema, pools: Pools, depth: number): fc.Arbitrary<unknown> {
  const properties = node.properties ?? {};
  const keys = Object.keys(properties);
  const options: fc.WeightedArbitrary<unknown>[] = [];
  if (keys.length > 0) {
    const model: Record<string, fc.Arbitrary<unknown>> = {};
    for (const key of keys) model[key] = fromJsonSchema(properties[key] ?? {}, pools, depth + 1);
    const required = (node.required ?? []).filter((key) => keys.includes(key));
    options.push(
      { arbitrary: fc.record(model, { requiredKeys: required }), weight: 8 },
      // Every key present: the paths where all fields are given.
      { arbitrary: fc.record(model), weight: 4 },
      // Extra keys a client may add, the prototype's among them.
      {
        arbitrary: fc
          .tuple(fc.record(model), fc.constantFrom("__proto__", "constructor", "prototype", "userId", "user_id", "id"), hostileValue)
          .map(([value, key, extra]) => {
            const copy: Record<string, unknown> = { ...value };
            Object.defineProperty(copy, key, { value: extra, enumerable: true, writable: true, configurable: true });
            return copy;
          }),
        weight: 1,
      },
    );
  }
  const extra = node.additionalProperties;
  if (extra && typeof extra === "object") {
    const keyArbitrary = node.propertyNames?.pattern
      ? fc.oneof(fc.stringMatching(new RegExp(node.propertyNames.pattern)), fc.string({ maxLength: 5 }))
      : fc.string({ maxLength: 10 });
    options.push({
      arbitrary: fc.dictionary(keyArbitrary, fromJsonSchema(extra, pools, depth + 1), { maxKeys: 8 }),
      weight: keys.length > 0 ? 2 : 10,
    });
  }
  if (options.length === 0) options.push({ arbitrary: fc.dictionary(fc.string({ maxLength: 8 }), hostileValue, { maxKeys: 4 }), weight: 1 });
  return fc.oneof(...options);
}

function arrayArbitrary(node: JsonSchema, pools: Pools, depth: number): fc.Arbitrary<unknown> {
  const item = node.items ? fromJsonSchema(node.items, pools, depth + 1) : hostileValue;
  const minLength = node.minItems ?? 0;
  const maxLength = Math.max(minLength, Math.min(node.maxItems ?? 6, 6));
  const options: fc.WeightedArbitrary<unknown>[] = [
    { arbitrary: fc.array(item, { minLength, maxLength }), weight: 8 },
  ];
  // One past the limit, made of one repeated item to stay cheap.
  if (node.maxItems !== undefined && node.maxItems < 500) {
    const over = node.maxItems + 1;
    options.push({ arbitrary: item.map((value) => new Array(over).fill(value)), weight: 1 });
  }
  return fc.oneof(...options);
}

function typedArbitrary(type: string, node: JsonSchema, pools: Pools, depth: number): fc.Arbitrary<unknown> {
  switch (type) {
    case "string":
      return stringArbitrary(node, pools);
    case "integer":
      return numberArbitrary(node, true);
    case "number":
      return numberArbitrary(node, false);
    case "boolean":
      return fc.oneof(fc.boolean(), fc.constantFrom("true", "on", "1", "false"));
    case "null":
      return fc.constant(null);
    case "array":
      return arrayArbitrary(node, pools, depth);
    case "object":
      return objectArbitrary(node, pools, depth);
    default:
      return hostileValue;
  }
}

// Valid-looking values most of the time; a hostile one at any depth sometimes.
export function fromJsonSchema(node: JsonSchema, pools: Pools, depth = 0): fc.Arbitrary<unknown> {
  return fc.oneof(
    { arbitrary: validish(node, pools, depth), weight: depth === 0 ? 6 : 12 },
    { arbitrary: hostileValue, weight: 1 },
  );
}

function validish(node: JsonSchema, pools: Pools, depth: number): fc.Arbitrary<unknown> {
  if (depth > 6) return hostileValue;
  const union = node.anyOf ?? node.oneOf;
  if (union && union.length > 0) return fc.oneof(...union.map((member) => fromJsonSchema(member, pools, depth)));
  if (node.allOf && node.allOf.length > 0) return fromJsonSchema({ ...node, allOf: undefined, ...node.allOf[0] }, pools, depth);
  if (node.const !== undefined) return fc.constant(node.const);
  if (node.enum && node.enum.length > 0) {
    return fc.oneof(
      { arbitrary: fc.constantFrom(...node.enum), weight: 8 },
      { arbitrary: fc.constantFrom(...node.enum.map((value) => ` ${String(value).toUpperCase()} `)), weight: 1 },
    );
  }
  const types = Array.isArray(node.type) ? node.type : node.type ? [node.type] : [];
  if (types.length === 0) {
    if (node.properties) return objectArbitrary(node, pools, depth);
    if (node.items) return arrayArbitrary(node, pools, depth);
    return hostileValue;
  }
  return fc.oneof(...types.map((type) => typedArbitrary(type, node, pools, depth)));
}

export function jsonSchemaOf(schema: z.ZodType): JsonSchema {
  return z.toJSONSchema(schema, { io: "input", unrepresentable: "any" }) as JsonSchema;
}

export function arbitraryFromSchema(schema: z.ZodType, pools: Pools): fc.Arbitrary<unknown> {
  return fromJsonSchema(jsonSchemaOf(schema), pools);
}
