// Reading the OpenAPI document's JSON Schemas (zod's own output, draft
// 2020-12) as the rows of a table a person reads: each field with its type
// in words, whether it is required, and what it means. Nested objects and
// lists of objects become dotted rows (emails[].label), as the API's error
// paths name them.

export type JsonSchema = { [key: string]: unknown };

export type FieldRow = {
  name: string;
  type: string;
  /** Allowed values, when the field takes one of a fixed few. */
  values: string[];
  isRequired: boolean;
  description: string;
};

// Deeper than this, the OpenAPI document says it better than a table.
const MAX_DEPTH = 3;

const isSchema = (value: unknown): value is JsonSchema =>
  typeof value === "object" && value !== null && !Array.isArray(value);

const schemaList = (value: unknown): JsonSchema[] => (Array.isArray(value) ? value.filter(isSchema) : []);

const FORMAT_WORDS: Record<string, string> = {
  uuid: "id (UUID)",
  "date-time": "date and time (ISO 8601)",
  date: "date (YYYY-MM-DD)",
  email: "email address",
  uri: "URL",
  url: "URL",
};

// A local $ref (zod writes #/$defs/… for a schema used twice) read from the
// schema it sits in; anything else is left as it is.
function resolve(schema: JsonSchema, root: JsonSchema): JsonSchema {
  const ref = schema.$ref;
  if (typeof ref !== "string" || !ref.startsWith("#/")) return schema;
  let target: unknown = root;
  for (const part of ref.slice(2).split("/")) target = isSchema(target) ? target[part] : undefined;
  return isSchema(target) ? target : schema;
}

// The alternatives a value may take, flattened (zod nests anyOf for a
// nullable optional union), with null and the empty string split off.
function variantsOf(schema: JsonSchema, root: JsonSchema): { variants: JsonSchema[]; isNullable: boolean; allowsEmpty: boolean } {
  const variants: JsonSchema[] = [];
  let isNullable = false;
  let allowsEmpty = false;
  const walk = (current: JsonSchema) => {
    const resolved = resolve(current, root);
    const alternatives = [...schemaList(resolved.anyOf), ...schemaList(resolved.oneOf)];
    if (alternatives.length > 0) return alternatives.forEach(walk);
    if (Array.isArray(resolved.type) && resolved.type.includes("null")) {
      isNullable = true;
      const rest = resolved.type.filter((type) => type !== "null");
      if (rest.length > 0) variants.push({ ...resolved, type: rest.length === 1 ? rest[0] : rest });
      return;
    }
    if (resolved.type === "null") isNullable = true;
    else if (resolved.const === "") allowsEmpty = true;
    else variants.push(resolved);
  };
  walk(schema);
  return { variants, isNullable, allowsEmpty };
}

// zod bounds every integer by the safe range, which is no limit worth reading.
const isBound = (value: unknown): value is number => typeof value === "number" && Math.abs(value) < Number.MAX_SAFE_INTEGER;

function range(low: unknown, high: unknown, unit: string): string | null {
  const hasLow = isBound(low);
  const hasHigh = isBound(high);
  if (hasLow && hasHigh) return low === high ? `exactly ${low}${unit}` : `${low}–${high}${unit}`;
  if (hasHigh) return `at most ${high}${unit}`;
  if (hasLow && low > 0) return `at least ${low}${unit}`;
  return null;
}

function singleLabel(schema: JsonSchema, root: JsonSchema): string {
  if (schema.const !== undefined) return JSON.stringify(schema.const);
  const type = Array.isArray(schema.type) ? schema.type.join(" or ") : schema.type;
  if (type === "array") {
    const items = isSchema(schema.items) ? `list of ${typeLabel(schema.items, root)}` : "list";
    const count = range(schema.minItems, schema.maxItems, " items");
    return count ? `${items}, ${count}` : items;
  }
  if (type === "string") {
    const format = typeof schema.format === "string" ? FORMAT_WORDS[schema.format] : undefined;
    if (format) return format;
    const length = range(schema.minLength, schema.maxLength, " characters");
    return length ? `text, ${length}` : "text";
  }
  if (type === "integer" || type === "number") {
    const word = type === "integer" ? "whole number" : "number";
    const bounds = range(schema.minimum, schema.maximum, "");
    return bounds ? `${word}, ${bounds}` : word;
  }
  if (type === "boolean") return "true or false";
  if (type === "object") return "object";
  return typeof type === "string" ? type : "any JSON value";
}

/** A schema's type in words: "text, at most 200 characters or null". */
export function typeLabel(schema: JsonSchema, root: JsonSchema = schema): string {
  const { variants, isNullable, allowsEmpty } = variantsOf(schema, root);
  const labels = [...new Set(variants.map((variant) => (Array.isArray(variant.enum) ? "one of the values" : singleLabel(variant, root))))];
  if (allowsEmpty) labels.push('"" (none)');
  if (isNullable) labels.push("null");
  return labels.length > 0 ? labels.join(" or ") : "any JSON value";
}

function allowedValues(schema: JsonSchema, root: JsonSchema): string[] {
  const values = variantsOf(schema, root).variants.flatMap((variant) => (Array.isArray(variant.enum) ? variant.enum : []));
  return [...new Set(values.filter((value) => value !== "").map((value) => String(value)))];
}

function descriptionOf(schema: JsonSchema, root: JsonSchema): string {
  const notes: string[] = [];
  const resolved = resolve(schema, root);
  const own = typeof resolved.description === "string" ? resolved.description : undefined;
  const inner = variantsOf(schema, root).variants.find((variant) => typeof variant.description === "string")?.description;
  if (own ?? inner) notes.push(String(own ?? inner));
  if (resolved.default !== undefined) notes.push(`Default: ${JSON.stringify(resolved.default)}.`);
  return notes.join(" ");
}

// The object a field holds, directly or as each item of a list, so its own
// fields can be listed under it.
function nestedObject(schema: JsonSchema, root: JsonSchema): { object: JsonSchema; suffix: string } | null {
  for (const variant of variantsOf(schema, root).variants) {
    if (isSchema(variant.properties)) return { object: variant, suffix: "" };
    if (variant.type === "array" && isSchema(variant.items)) {
      const items = variantsOf(variant.items, root).variants.find((item) => isSchema(item.properties));
      if (items) return { object: items, suffix: "[]" };
    }
  }
  return null;
}

/** One field as a row: its type in words, allowed values, and description with any default. */
export function fieldRow(name: string, schema: JsonSchema, isRequired: boolean, root: JsonSchema = schema): FieldRow {
  return {
    name,
    type: typeLabel(schema, root),
    values: allowedValues(schema, root),
    isRequired,
    description: descriptionOf(schema, root),
  };
}

/** The fields of an object schema, nested ones included, in the schema's order. */
export function schemaFields(schema: JsonSchema, root: JsonSchema = schema, prefix = "", depth = 0): FieldRow[] {
  const object = resolve(schema, root);
  const properties = isSchema(object.properties) ? object.properties : {};
  const required = new Set(Array.isArray(object.required) ? object.required : []);
  const rows: FieldRow[] = [];
  for (const [key, property] of Object.entries(properties)) {
    if (!isSchema(property)) continue;
    const name = `${prefix}${key}`;
    rows.push(fieldRow(name, property, required.has(key), root));
    const nested = depth < MAX_DEPTH ? nestedObject(property, root) : null;
    if (nested) rows.push(...schemaFields(nested.object, root, `${name}${nested.suffix}.`, depth + 1));
  }
  return rows;
}

/** A body or answer as rows: its fields, or one row for a value that is not an object. */
export function bodyFields(schema: JsonSchema): FieldRow[] {
  const resolved = resolve(schema, schema);
  if (isSchema(resolved.properties)) return schemaFields(resolved, schema);
  return [fieldRow("(the whole body)", schema, true)];
}
