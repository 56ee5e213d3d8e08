// Where schemas sit in an OpenAPI document, and which schemas sit inside a schema.
// Shared by the selection checks; each step is one level, so callers bound their depth.

import { HTTP_METHODS, isObject, type OpenApiDocument } from "./openapi.js";

const SCHEMA_KEYS = ["items", "additionalProperties", "not", "contains", "if", "then", "else", "propertyNames", "unevaluatedItems", "unevaluatedProperties"];
const SCHEMA_LISTS = ["allOf", "anyOf", "oneOf", "prefixItems", "items"];
const SCHEMA_MAPS = ["properties", "patternProperties", "$defs", "definitions", "dependentSchemas"];
/** Component sections whose entries hold a schema (or content with one), not a schema themselves. */
const HOLDER_SECTIONS = ["headers", "parameters", "requestBodies", "responses"];

/** The schemas directly inside `schema`, each with the pointer tokens that lead to it. */
export function subschemas(schema: unknown): Array<{ schema: unknown; key: Array<string | number> }> {
  if (!isObject(schema)) return [];
  const found: Array<{ schema: unknown; key: Array<string | number> }> = [];
  for (const key of SCHEMA_KEYS) if (Object.hasOwn(schema, key) && isObject(schema[key])) found.push({ schema: schema[key], key: [key] });
  for (const key of SCHEMA_LISTS) if (Array.isArray(schema[key])) schema[key].forEach((child: unknown, index: number) => found.push({ schema: child, key: [key, index] }));
  for (const key of SCHEMA_MAPS) {
    const map = Object.hasOwn(schema, key) ? schema[key] : undefined;
    if (isObject(map)) for (const [name, child] of Object.entries(map)) found.push({ schema: child, key: [key, name] });
  }
  return found;
}

type Visit<T> = (node: T, at: Array<string | number>) => void;

/**
 * Every outermost schema of the document: parameters, bodies, responses, headers,
 * components; and, to `annotated`, every object around them that carries annotations
 * (path items, operations, parameters, responses, media types, headers).
 */
export function eachSchemaPosition(input: { document: OpenApiDocument; visit: Visit<unknown>; annotated?: Visit<Record<string, unknown>> }): void {
  const { document, visit, annotated } = input;
  const visitHolder = (holder: unknown, at: Array<string | number>): void => {
    if (!isObject(holder)) return;
    annotated?.(holder, at);
    if (Object.hasOwn(holder, "schema")) visit(holder.schema, [...at, "schema"]);
    if (isObject(holder.content)) for (const [type, media] of Object.entries(holder.content)) visitHolder(media, [...at, "content", type]);
    if (isObject(holder.headers)) for (const [name, header] of Object.entries(holder.headers)) visitHolder(header, [...at, "headers", name]);
  };
  const eachEntry = (value: unknown, each: (entry: unknown, key: string | number) => void): void => {
    if (Array.isArray(value)) value.forEach((entry, index) => each(entry, index));
    else if (isObject(value)) for (const [key, entry] of Object.entries(value)) each(entry, key);
  };
  for (const [path, item] of Object.entries(document.paths ?? {})) {
    if (!isObject(item)) continue;
    annotated?.(item, ["paths", path]);
    eachEntry(item.parameters, (parameter, index) => visitHolder(parameter, ["paths", path, "parameters", index]));
    for (const method of HTTP_METHODS) {
      const operation = item[method];
      if (!isObject(operation)) continue;
      annotated?.(operation, ["paths", path, method]);
      eachEntry(operation.parameters, (parameter, index) => visitHolder(parameter, ["paths", path, method, "parameters", index]));
      visitHolder(operation.requestBody, ["paths", path, method, "requestBody"]);
      eachEntry(operation.responses, (response, status) => visitHolder(response, ["paths", path, method, "responses", status]));
    }
  }
  for (const [section, entries] of Object.entries(document.components ?? {})) {
    if (section === "schemas") eachEntry(entries, (schema, name) => visit(schema, ["components", section, name]));
    else if (HOLDER_SECTIONS.includes(section)) eachEntry(entries, (holder, name) => visitHolder(holder, ["components", section, name]));
  }
}
