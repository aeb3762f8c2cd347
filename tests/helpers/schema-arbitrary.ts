import fc from "fast-check";
import { z } from "zod";

// Inputs generated from (and around) a zod 4 schema, by hand: the
// zod-fast-check bridge does not support zod 4. The schema goes through its
// JSON Schema (as input), then each node gives valid values mixed with the
// values a hostile client sends instead: wrong types, nulls, huge strings,
// prototype keys, NaN, dates, maps, blobs, functions (React's reply decoder
// makes all of these from an action's body), and ids of someone else's rows.

export type Pools = {
  /** Ids to put where a uuid goes, in groups tried equally often (another user's contacts, one's own circles…). */
  uuids: readonly (readonly string[])[];
  /** The signed-in user's own ids, by kind: what a well-formed request carries. */
  own?: readonly (readonly string[])[];
  /** Addresses to put where an email goes. */
  emails: readonly string[];
  /** Other strings worth trying anywhere text goes (signed tokens, say). */
  strings?: readonly string[];
  /** Values a property of that name takes elsewhere (see enumHints). */
  hints?: Record<string, unknown[]>;
};

export type JsonSchema = {
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
  // What React's decoder makes of "$@1" when row 1 is `null`.
  () => Promise.resolve(null),
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

// What a field's name says it holds, for values a refinement would accept
// (JSON Schema cannot say "a phone number" or "a date in the past").
const byName: [RegExp, fc.Arbitrary<string>][] = [
  [/email/i, fc.oneof(fc.stringMatching(/^[a-z]{1,8}(\.[a-z]{1,5})?@[a-z]{2,8}\.(com|org|co\.uk)$/), fc.constant(""))],
  [/phone/i, fc.oneof(fc.constantFrom("+44 20 7946 0958", "020 7946 0958 ext. 12", ""), fc.stringMatching(/^\+?\d{3,12}$/))],
  [/url|link/i, fc.oneof(fc.stringMatching(/^(https?:\/\/)?[a-z]{2,8}\.(com|dev)(\/[a-z]{1,6})?$/), fc.constantFrom("linkedin.com/in/ada", ""))],
  [/(On|Date|until)$/, fc.date({ min: new Date("1901-01-01"), max: new Date(), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10))],
  [/timeZone/i, fc.constantFrom("Europe/London", "America/New_York", "Pacific/Kiritimati", "UTC")],
  [/^name$|title|company|role|location|label|summary|notes?$|place|q$/i, fc.string({ minLength: 1, maxLength: 40 })],
  [/circles/i, fc.constantFrom("Alumni, Volunteering", "alumni", "")],
  [/followUpDays|cadence|Days$/i, fc.integer({ min: 1, max: 365 }).map(String)],
];

type Context = { pools: Pools; depth: number; key?: string; isClean: boolean };

function stringArbitrary(node: JsonSchema, context: Context): fc.Arbitrary<unknown> {
  const { pools, key, isClean } = context;
  const minLength = node.minLength ?? 0;
  const maxLength = node.maxLength ?? 300;
  const sized = fc.string({ minLength: Math.min(minLength, 50), maxLength: Math.min(maxLength, 50) });
  const hint = key === undefined ? undefined : pools.hints?.[key];
  const named = key === undefined ? undefined : byName.find(([pattern]) => pattern.test(key))?.[1];
  const options: fc.WeightedArbitrary<unknown>[] = [{ arbitrary: sized, weight: 4 }];
  if (hint && hint.length > 0) options.push({ arbitrary: fc.constantFrom(...hint), weight: isClean ? 40 : 8 });
  if (named) options.push({ arbitrary: named, weight: isClean ? 40 : 8 });
  if (!isClean) {
    options.push(
      { arbitrary: fc.string({ unit: "grapheme", maxLength: 30 }), weight: 1 },
      { arbitrary: fc.constantFrom(...meaningfulStrings), weight: 3 },
      { arbitrary: fc.constant("y".repeat(maxLength + 1)), weight: 1 },
      { arbitrary: fc.constant(" ".repeat(Math.max(minLength, 1))), weight: 1 },
    );
    if (pools.emails.length > 0) options.push({ arbitrary: fc.constantFrom(...pools.emails), weight: 2 });
    if (pools.strings && pools.strings.length > 0) options.push({ arbitrary: fc.constantFrom(...pools.strings), weight: 2 });
  }
  if (node.format === "uuid") {
    const groups = isClean && pools.own ? pools.own : pools.uuids;
    for (const group of groups.filter((ids) => ids.length > 0)) options.push({ arbitrary: fc.constantFrom(...group), weight: isClean ? 40 : 8 });
    options.push({ arbitrary: fc.uuid(), weight: 4 });
  } else if (node.format === "email") {
    options.push({ arbitrary: fc.emailAddress(), weight: 8 });
  }
  if (node.pattern && node.format !== "uuid") {
    options.push({ arbitrary: fc.stringMatching(new RegExp(node.pattern)).map((value) => value.slice(0, 100)), weight: 8 });
  }
  if (pools.strings && pools.strings.length > 0 && node.maxLength !== undefined && node.maxLength >= 1000) {
    // Long free text where a signed token would fit: give the tokens a real chance.
    options.push({ arbitrary: fc.constantFrom(...pools.strings), weight: 20 });
  }
  return fc.oneof(...options);
}

// Numbers whose valid range depends on another field or on today.
const numberByName: [RegExp, number, number][] = [
  [/Year$/, 1950, 2005],
  [/Day$/, 1, 28],
];

function numberArbitrary(node: JsonSchema, isInteger: boolean, context: Context): fc.Arbitrary<unknown> {
  const { isClean, key } = context;
  const named = key === undefined ? undefined : numberByName.find(([pattern]) => pattern.test(key));
  const min = (isClean ? named?.[1] : undefined) ?? node.minimum ?? node.exclusiveMinimum ?? -1000;
  const max = (isClean ? named?.[2] : undefined) ?? node.maximum ?? node.exclusiveMaximum ?? 1000;
  const low = Math.max(min, -1e6);
  const high = Math.min(max, 1e6);
  const inRange = fc.integer({ min: Math.ceil(low), max: Math.floor(high) });
  if (isClean) return fc.oneof(inRange, inRange.map(String));
  return fc.oneof(
    { arbitrary: inRange, weight: 6 },
    { arbitrary: fc.constantFrom(min - 1, max + 1, min, max), weight: 2 },
    { arbitrary: isInteger ? fc.constant(low + 0.5) : fc.double({ noNaN: true, min: low, max: high }), weight: 1 },
    { arbitrary: inRange.map(String), weight: 2 },
  );
}

function objectArbitrary(node: JsonSchema, context: Context): fc.Arbitrary<unknown> {
  const properties = node.properties ?? {};
  const keys = Object.keys(properties);
  const options: fc.WeightedArbitrary<unknown>[] = [];
  if (keys.length > 0) {
    const model: Record<string, fc.Arbitrary<unknown>> = {};
    for (const key of keys) model[key] = build(properties[key] ?? {}, { ...context, depth: context.depth + 1, key });
    const required = (node.required ?? []).filter((key) => keys.includes(key));
    options.push(
      { arbitrary: fc.record(model, { requiredKeys: required }), weight: 8 },
      // Every key present: the paths where all fields are given.
      { arbitrary: fc.record(model), weight: 4 },
    );
    if (!context.isClean) {
      // Extra keys a client may add, the prototype's among them.
      options.push({
        arbitrary: fc
          .tuple(fc.record(model), fc.constantFrom("__proto__", "constructor", "prototype", "userId", "user_id", "id"), hostileValue)
          .map(([value, key, extra]) => {
            const copy: Record<string, unknown> = { ...value };
            Object.defineProperty(copy, key, { value: extra, enumerable: true, writable: true, configurable: true });
            return copy;
          }),
        weight: 1,
      });
    }
  }
  const extra = node.additionalProperties;
  if (extra && typeof extra === "object") {
    const pattern = node.propertyNames?.pattern;
    const matching = pattern ? fc.stringMatching(new RegExp(pattern)) : fc.string({ maxLength: 10 });
    const keyArbitrary = context.isClean ? matching : fc.oneof(matching, fc.string({ maxLength: 5 }));
    options.push({
      arbitrary: fc.dictionary(keyArbitrary, build(extra, { ...context, depth: context.depth + 1, key: undefined }), { maxKeys: 8 }),
      weight: keys.length > 0 ? 2 : 10,
    });
  }
  if (options.length === 0) options.push({ arbitrary: fc.dictionary(fc.string({ maxLength: 8 }), hostileValue, { maxKeys: 4 }), weight: 1 });
  return fc.oneof(...options);
}

function arrayArbitrary(node: JsonSchema, context: Context): fc.Arbitrary<unknown> {
  const item = node.items ? build(node.items, { ...context, depth: context.depth + 1 }) : hostileValue;
  const minLength = node.minItems ?? 0;
  const maxLength = Math.max(minLength, Math.min(node.maxItems ?? 6, context.isClean ? 3 : 6));
  const options: fc.WeightedArbitrary<unknown>[] = [{ arbitrary: fc.array(item, { minLength, maxLength }), weight: 8 }];
  // One past the limit, made of one repeated item to stay cheap.
  if (!context.isClean && node.maxItems !== undefined && node.maxItems < 500) {
    const over = node.maxItems + 1;
    options.push({ arbitrary: item.map((value) => new Array(over).fill(value)), weight: 1 });
  }
  return fc.oneof(...options);
}

function typedArbitrary(type: string, node: JsonSchema, context: Context): fc.Arbitrary<unknown> {
  switch (type) {
    case "string":
      return stringArbitrary(node, context);
    case "integer":
      return numberArbitrary(node, true, context);
    case "number":
      return numberArbitrary(node, false, context);
    case "boolean":
      return context.isClean ? fc.boolean() : fc.oneof(fc.boolean(), fc.constantFrom("true", "on", "1", "false"));
    case "null":
      return fc.constant(null);
    case "array":
      return arrayArbitrary(node, context);
    case "object":
      return objectArbitrary(node, context);
    default:
      return hostileValue;
  }
}

// Valid-looking values most of the time; a hostile one at any depth sometimes.
function build(node: JsonSchema, context: Context): fc.Arbitrary<unknown> {
  if (context.isClean) return validish(node, context);
  return fc.oneof(
    { arbitrary: validish(node, context), weight: context.depth === 0 ? 6 : 16 },
    { arbitrary: hostileValue, weight: 1 },
  );
}

function validish(node: JsonSchema, context: Context): fc.Arbitrary<unknown> {
  if (context.depth > 6) return hostileValue;
  const union = node.anyOf ?? node.oneOf;
  if (union && union.length > 0) return fc.oneof(...union.map((member) => build(member, context)));
  if (node.allOf && node.allOf.length > 0) return build({ ...node, allOf: undefined, ...node.allOf[0] }, context);
  if (node.const !== undefined) return fc.constant(node.const);
  if (node.enum && node.enum.length > 0) {
    if (context.isClean) return fc.constantFrom(...node.enum);
    return fc.oneof(
      { arbitrary: fc.constantFrom(...node.enum), weight: 8 },
      { arbitrary: fc.constantFrom(...node.enum.map((value) => ` ${String(value).toUpperCase()} `)), weight: 1 },
    );
  }
  const types = Array.isArray(node.type) ? node.type : node.type ? [node.type] : [];
  if (types.length === 0) {
    if (node.properties) return objectArbitrary(node, context);
    if (node.items) return arrayArbitrary(node, context);
    return context.isClean ? fc.constant(undefined) : hostileValue;
  }
  return fc.oneof(...types.map((type) => typedArbitrary(type, node, context)));
}

/** Values for one JSON Schema node: a third of them well formed, the rest with hostile values mixed in at any depth. */
export function fromJsonSchema(node: JsonSchema, pools: Pools, key?: string): fc.Arbitrary<unknown> {
  return fc.oneof(
    { arbitrary: build(node, { pools, depth: 0, key, isClean: true }), weight: 1 },
    { arbitrary: build(node, { pools, depth: 0, key, isClean: false }), weight: 2 },
  );
}

export function jsonSchemaOf(schema: z.ZodType, io: "input" | "output" = "input"): JsonSchema {
  return z.toJSONSchema(schema, { io, unrepresentable: "any" }) as JsonSchema;
}

export function arbitraryFromSchema(schema: z.ZodType, pools: Pools): fc.Arbitrary<unknown> {
  return fromJsonSchema(jsonSchemaOf(schema), pools);
}

// The values each property name takes where some schema spells them out (an
// enum), input or output side: `channel` is a plain string on a form's input
// side but one of the channels once piped.
export function enumHints(schemas: z.ZodType[]): Record<string, unknown[]> {
  const hints: Record<string, Set<unknown>> = {};
  const visit = (node: unknown, key: string | undefined) => {
    if (typeof node !== "object" || node === null) return;
    const json = node as JsonSchema;
    if (key !== undefined && json.enum) for (const value of json.enum) (hints[key] ??= new Set()).add(value);
    for (const [name, child] of Object.entries(json.properties ?? {})) visit(child, name);
    for (const child of [...(json.anyOf ?? []), ...(json.oneOf ?? []), ...(json.allOf ?? [])]) visit(child, key);
    if (json.items) visit(json.items, key);
  };
  for (const schema of schemas) {
    for (const io of ["input", "output"] as const) {
      try {
        visit(jsonSchemaOf(schema, io), undefined);
      } catch {
        // A schema JSON Schema cannot describe on this side gives no hints.
      }
    }
  }
  return Object.fromEntries(Object.entries(hints).map(([key, values]) => [key, [...values]]));
}
