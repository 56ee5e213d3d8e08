// A minimal, schema-valid, deterministic value for a schema of the selected subset,
// computed at generation time so the fake never reads the spec: the spec's examples
// where it has them, `null` where allowed, empty arrays, only required properties,
// ids derived from their JSON path, times left to the fake's clock. `x_id` fields copy the id of a
// sibling object `x` (`product_id` = `product.id`) so the record reads as one whole.

import { createHash } from "node:crypto";
import { ownValue, setOwn } from "../../json.js";
import { isObject, type OpenApiDocument } from "../../openapi.js";
import { matchesSchema, resolveRef } from "./matches.js";
import { sampleForPattern } from "./pattern-sample.js";

/**
 * Placeholders for sampled times, replaced by the fake's clock when it seeds a record
 * (fake-runtime/seed.ts holds the same strings), so no date is frozen into the output.
 */
export const SEEDING_TIME = "(seeding time)";
export const SEEDING_DATE = "(seeding date)";

type Schema = Record<string, unknown>;

interface Walk {
  document: OpenApiDocument;
  /** `$ref`s being expanded, to cut cycles. */
  expanding: string[];
}

export function sampleSchema(options: { document: OpenApiDocument; schemaName: string }): unknown {
  const walk: Walk = { document: options.document, expanding: [] };
  return sample({ walk, schema: { $ref: `#/components/schemas/${options.schemaName}` }, path: [options.schemaName] });
}

/** A sample of any schema of the document (a response body's, say). */
export function sampleOf(options: { document: OpenApiDocument; schema: unknown; path: string[] }): unknown {
  return sample({ walk: { document: options.document, expanding: [] }, schema: options.schema, path: options.path });
}

/** The enum of one property of a named schema, following \`$ref\`s. */
export function propertyEnum(options: { document: OpenApiDocument; schemaName: string; property: string }): unknown[] | undefined {
  const walk: Walk = { document: options.document, expanding: [] };
  const follow = (schema: unknown): Schema | undefined => {
    if (!isObject(schema)) return undefined;
    return typeof schema.$ref === "string" ? follow(resolve({ walk, ref: schema.$ref })) : schema;
  };
  const owner = follow({ $ref: `#/components/schemas/${options.schemaName}` });
  const property = follow(ownValue(owner?.properties, options.property));
  return Array.isArray(property?.enum) ? property.enum : undefined;
}

function resolve(options: { walk: Walk; ref: string }): Schema {
  return resolveRef({ document: options.walk.document, ref: options.ref });
}

function sample(options: { walk: Walk; schema: unknown; path: string[] }): unknown {
  const { walk, path } = options;
  if (!isObject(options.schema)) return null;
  const schema = options.schema;
  if ("const" in schema) return schema.const;
  const example = exampleOf(schema);
  if (example !== undefined) return example;
  if (typeof schema.$ref === "string") {
    if (walk.expanding.includes(schema.$ref)) return null;
    walk.expanding.push(schema.$ref);
    try {
      return sample({ walk, schema: resolve({ walk, ref: schema.$ref }), path });
    } finally {
      walk.expanding.pop();
    }
  }
  if (Array.isArray(schema.enum) && schema.enum.length > 0) return schema.enum.find((value) => value !== null) ?? null;
  const variants = (schema.anyOf ?? schema.oneOf) as unknown[] | undefined;
  if (Array.isArray(variants)) {
    if (variants.some((variant) => isObject(variant) && variant.type === "null")) return null;
    return Array.isArray(schema.oneOf) ? sampleOneOf({ walk, variants, path }) : sample({ walk, schema: variants[0], path });
  }
  if (Array.isArray(schema.allOf)) {
    const merged: Record<string, unknown> = {};
    for (const part of schema.allOf.map((each) => sample({ walk, schema: each, path })).filter(isObject)) for (const [key, item] of Object.entries(part)) setOwn(merged, key, item);
    return merged;
  }
  const type = Array.isArray(schema.type) ? (schema.type.includes("null") ? "null" : schema.type[0]) : schema.type;
  return sampleOfType({ walk, schema, path, type });
}

/** The first branch's sample that matches that branch alone; `oneOf` fails on a value two branches accept. */
function sampleOneOf(options: { walk: Walk; variants: unknown[]; path: string[] }): unknown {
  const { walk, variants, path } = options;
  const samples = variants.map((variant) => sample({ walk, schema: variant, path }));
  const alone = samples.find((value) => variants.filter((variant) => matchesSchema({ document: walk.document, schema: variant, value })).length === 1);
  return alone === undefined ? samples[0] : alone;
}

/** An example for a scalar (an object's example is often partial, so objects are built instead). */
function exampleOf(schema: Schema): unknown {
  const example = Array.isArray(schema.examples) && schema.examples.length > 0 ? schema.examples[0] : schema.example;
  return example === undefined || typeof example === "object" ? undefined : example;
}

function sampleOfType(options: { walk: Walk; schema: Schema; path: string[]; type: unknown }): unknown {
  const { walk, schema, path } = options;
  switch (options.type) {
    case "object":
      return sampleObject({ walk, schema, path });
    case "array": {
      const count = typeof schema.minItems === "number" ? schema.minItems : 0;
      return Array.from({ length: count }, (_, index) => sample({ walk, schema: schema.items, path: [...path, String(index)] }));
    }
    case "string":
      return sampleString({ schema, path });
    case "integer":
    case "number":
      return sampleNumber(schema);
    case "boolean":
      return false;
    default:
      return isObject(schema.properties) ? sampleObject({ walk, schema, path }) : null;
  }
}

function sampleObject(options: { walk: Walk; schema: Schema; path: string[] }): Record<string, unknown> {
  const { walk, schema, path } = options;
  const properties = isObject(schema.properties) ? schema.properties : {};
  const required = Array.isArray(schema.required) ? (schema.required as string[]) : [];
  const value: Record<string, unknown> = {};
  for (const name of required) setOwn(value, name, sample({ walk, schema: ownValue(properties, name) ?? {}, path: [...path, name] }));
  for (const name of required) {
    const sibling = /^(.+)_id$/.exec(name)?.[1];
    const target = sibling === undefined ? undefined : ownValue(value, sibling);
    if (isObject(target) && typeof target.id === "string" && typeof value[name] === "string") value[name] = target.id;
  }
  return value;
}

function sampleString(options: { schema: Schema; path: string[] }): string {
  const { schema, path } = options;
  switch (schema.format) {
    case "date-time":
      return SEEDING_TIME;
    case "date":
      return SEEDING_DATE;
    case "email":
      return "customer@example.com";
    case "uri":
    case "url":
      return "https://example.com/";
    case "uuid":
    case "uuid4":
      return uuidFor(path);
  }
  const min = typeof schema.minLength === "number" ? schema.minLength : 0;
  const max = typeof schema.maxLength === "number" ? schema.maxLength : Infinity;
  const base = (path.at(-1) ?? "text").padEnd(min, "x").slice(0, max);
  if (typeof schema.pattern !== "string") return base;
  return sampleForPattern({ pattern: schema.pattern, preferred: base }) ?? base;
}

/** The least value the bounds allow (0 when they allow it), one past an exclusive bound. */
function sampleNumber(schema: Schema): number {
  const number = (value: unknown) => (typeof value === "number" ? value : undefined);
  // OpenAPI 3.0 writes an exclusive bound as `exclusiveMinimum: true` beside `minimum`.
  const minimum = number(schema.minimum) === undefined ? undefined : number(schema.minimum)! + (schema.exclusiveMinimum === true ? 1 : 0);
  const maximum = number(schema.maximum) === undefined ? undefined : number(schema.maximum)! - (schema.exclusiveMaximum === true ? 1 : 0);
  const lows = [minimum, (number(schema.exclusiveMinimum) ?? -Infinity) + 1].filter((value): value is number => value !== undefined);
  const highs = [maximum, (number(schema.exclusiveMaximum) ?? Infinity) - 1].filter((value): value is number => value !== undefined);
  const low = Math.max(-Infinity, ...lows);
  const high = Math.min(Infinity, ...highs);
  if (low <= 0 && high >= 0) return 0;
  return low > 0 ? low : high;
}

/** A version-4 UUID that depends only on where in the record it sits. */
export function uuidFor(path: string[]): string {
  const hex = createHash("sha256").update(path.join("/")).digest("hex");
  const variant = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
