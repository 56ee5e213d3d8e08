// JSON Schema to TypeRef. FastAPI writes optional values as `anyOf: [X, {type: null}]`
// and OpenAPI 3.0 as `nullable: true`; both become `{ kind: "nullable" }` so emitters
// see one shape.

import { isObject, parsePointer } from "../openapi.js";
import type { PrimitiveType, PropertyModel, TypeRef } from "./types.js";

const UNKNOWN: TypeRef = { kind: "primitive", type: "unknown" };

export function toTypeRef(schema: unknown): TypeRef {
  if (!isObject(schema)) return UNKNOWN;
  const bare = schema.nullable === true ? toTypeRef({ ...schema, nullable: false }) : undefined;
  if (bare) return nullable(bare);
  if (typeof schema.$ref === "string") return { kind: "model", name: parsePointer(schema.$ref).at(-1) ?? "" };
  if ("const" in schema) return { kind: "literal", value: schema.const as string | number | boolean | null };
  if (Array.isArray(schema.enum)) return { kind: "enum", values: schema.enum as Array<string | number | boolean | null> };
  const alternatives = (schema.anyOf ?? schema.oneOf) as unknown;
  if (Array.isArray(alternatives)) return unionOf({ alternatives, discriminator: schema.discriminator });
  if (Array.isArray(schema.allOf)) {
    const parts = schema.allOf.map(toTypeRef);
    return parts.length === 1 ? parts[0]! : { kind: "intersection", parts };
  }
  if (Array.isArray(schema.type)) return typeList(schema);
  return byType(schema);
}

function nullable(inner: TypeRef): TypeRef {
  return inner.kind === "nullable" ? inner : { kind: "nullable", inner };
}

function isNullSchema(schema: unknown): boolean {
  return isObject(schema) && schema.type === "null" && Object.keys(schema).every((k) => k === "type" || k === "title" || k === "description");
}

function unionOf(options: { alternatives: unknown[]; discriminator: unknown }): TypeRef {
  const nonNull = options.alternatives.filter((alternative) => !isNullSchema(alternative));
  const hasNull = nonNull.length < options.alternatives.length;
  const variants = nonNull.map(toTypeRef);
  const discriminator =
    isObject(options.discriminator) && typeof options.discriminator.propertyName === "string"
      ? options.discriminator.propertyName
      : undefined;
  const core: TypeRef =
    variants.length === 1 ? variants[0]! : { kind: "union", variants, ...(discriminator ? { discriminator } : {}) };
  return hasNull ? nullable(core) : core;
}

function typeList(schema: Record<string, unknown>): TypeRef {
  const types = (schema.type as unknown[]).filter((type): type is string => typeof type === "string");
  const variants = types.filter((type) => type !== "null").map((type) => byType({ ...schema, type }));
  const core: TypeRef = variants.length === 1 ? variants[0]! : { kind: "union", variants };
  return types.includes("null") ? nullable(core) : core;
}

function byType(schema: Record<string, unknown>): TypeRef {
  switch (schema.type) {
    case "array":
      return { kind: "array", items: toTypeRef(schema.items) };
    case "object":
      return objectOf(schema);
    case "string":
    case "number":
    case "integer":
    case "boolean":
    case "null":
      return primitive(schema.type, schema.format);
    default:
      return isObject(schema.properties) ? objectOf(schema) : UNKNOWN;
  }
}

function primitive(type: PrimitiveType, format: unknown): TypeRef {
  return typeof format === "string" ? { kind: "primitive", type, format } : { kind: "primitive", type };
}

function objectOf(schema: Record<string, unknown>): TypeRef {
  const required = Array.isArray(schema.required) ? schema.required : [];
  const properties: PropertyModel[] = Object.entries(isObject(schema.properties) ? schema.properties : {})
    .map(([name, property]) => ({ name, required: required.includes(name), type: toTypeRef(property) }))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  if (properties.length === 0 && isObject(schema.additionalProperties)) {
    return { kind: "map", values: toTypeRef(schema.additionalProperties) };
  }
  return { kind: "object", properties };
}
