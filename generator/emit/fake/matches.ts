// Does a sampled value match a schema? Just enough of JSON Schema to choose a `oneOf`
// branch whose sample matches that branch alone: Polar's prices are `oneOf` a legacy
// recurring price and a product price, and a legacy fixed price is also a valid product
// fixed price (nothing forbids its extra fields), so the obvious first choice is a
// value no strict validator accepts. Keywords it does not know count as satisfied.

import { ownValue } from "../../json.js";
import { isObject, parsePointer, type OpenApiDocument } from "../../openapi.js";

export function matchesSchema(options: { document: OpenApiDocument; schema: unknown; value: unknown }): boolean {
  return matches({ document: options.document, schema: options.schema, value: options.value, depth: 0 });
}

function matches(options: { document: OpenApiDocument; schema: unknown; value: unknown; depth: number }): boolean {
  const { document, value, depth } = options;
  if (!isObject(options.schema) || depth > 64) return true;
  const schema = options.schema;
  const nested = (child: unknown, childValue: unknown) => matches({ document, schema: child, value: childValue, depth: depth + 1 });
  if (typeof schema.$ref === "string" && !nested(resolveRef({ document, ref: schema.$ref }), value)) return false;
  if ("const" in schema && JSON.stringify(schema.const) !== JSON.stringify(value)) return false;
  if (Array.isArray(schema.enum) && !schema.enum.some((item) => JSON.stringify(item) === JSON.stringify(value))) return false;
  if (schema.type !== undefined && !typeMatches({ type: schema.type, value })) return false;
  if (Array.isArray(schema.allOf) && !schema.allOf.every((part) => nested(part, value))) return false;
  if (Array.isArray(schema.anyOf) && !schema.anyOf.some((part) => nested(part, value))) return false;
  if (Array.isArray(schema.oneOf) && schema.oneOf.filter((part) => nested(part, value)).length !== 1) return false;
  if (isObject(value)) {
    if (Array.isArray(schema.required) && !schema.required.every((name) => typeof name !== "string" || Object.hasOwn(value, name))) return false;
    const properties = isObject(schema.properties) ? schema.properties : {};
    for (const [name, child] of Object.entries(properties)) if (Object.hasOwn(value, name) && !nested(child, value[name])) return false;
  }
  if (Array.isArray(value) && schema.items !== undefined && !value.every((item) => nested(schema.items, item))) return false;
  return true;
}

function typeMatches(options: { type: unknown; value: unknown }): boolean {
  const types = Array.isArray(options.type) ? options.type : [options.type];
  const { value } = options;
  return types.some((type) => {
    switch (type) {
      case "null":
        return value === null;
      case "object":
        return isObject(value);
      case "array":
        return Array.isArray(value);
      case "integer":
        return Number.isInteger(value);
      case "number":
        return typeof value === "number";
      default:
        return typeof value === type;
    }
  });
}

export function resolveRef(options: { document: OpenApiDocument; ref: string }): Record<string, unknown> {
  let node: unknown = options.document;
  for (const token of parsePointer(options.ref)) node = ownValue(node, token);
  if (!isObject(node)) throw new Error(`fake: cannot resolve ${options.ref}`);
  return node;
}
