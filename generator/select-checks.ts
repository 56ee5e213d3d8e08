// Faults in the selected part of the spec that the emitters would trip over far from
// their cause: a security requirement naming a scheme that is not defined, a schema
// `type` that is no JSON Schema type (`strin`), and text in the wrong shape (text-checks.ts). Found here, on the subset, so they come
// back as problems with the spec's line and column; the rest of the spec is not judged.
// The subset keeps the document's paths and component names, so its pointers are the
// document's.

import { HTTP_METHODS, isObject, toPointer, type OpenApiDocument } from "./openapi.js";
import { problem, type Problem } from "./problems.js";
import { closestMatches } from "./text/closest.js";
import { checkStructure } from "./structure-checks.js";
import { annotationProblems, schemaTextProblems } from "./text-checks.js";

const SCHEMA_TYPES = ["array", "boolean", "integer", "null", "number", "object", "string"];
const SCHEMA_LISTS = ["allOf", "anyOf", "oneOf", "prefixItems"];
const SCHEMA_MAPS = ["properties", "patternProperties", "$defs", "definitions"];
const SCHEMA_KEYS = ["items", "additionalProperties", "not", "contains", "if", "then", "else"];
/** Component sections whose entries hold a schema (or content with one), not a schema themselves. */
const HOLDER_SECTIONS = ["headers", "parameters", "requestBodies", "responses"];

export function checkSelection(input: { document: OpenApiDocument; subset: OpenApiDocument }): Problem[] {
  // The structure first: the type walk below recurses per level.
  const structure = checkStructure(input.subset);
  if (structure.length > 0) return structure;
  return [...undefinedSchemes(input), ...invalidTypes(input.subset)];
}

function undefinedSchemes(input: { document: OpenApiDocument; subset: OpenApiDocument }): Problem[] {
  const defined = Object.keys(input.document.components?.securitySchemes ?? {});
  const problems: Problem[] = [];
  for (const [path, item] of Object.entries(input.subset.paths ?? {})) {
    for (const method of HTTP_METHODS) {
      const operation = item[method];
      if (!isObject(operation)) continue;
      const own = Array.isArray(operation.security);
      const requirements: unknown[] = own ? (operation.security as unknown[]) : (input.document.security ?? []);
      requirements.forEach((requirement, index) => {
        for (const name of Object.keys(isObject(requirement) ? requirement : {}).filter((scheme) => !defined.includes(scheme))) {
          const at = own ? ["paths", path, method, "security", index, name] : ["security", index, name];
          const near = closestMatches({ word: name, candidates: defined, limit: 1 });
          const hint = near.length > 0 ? `; did you mean "${near[0]}"?` : defined.length > 0 ? `; defined: ${defined.join(", ")}` : "";
          const message = `${String(operation.operationId)}: security scheme "${name}" is not defined in components.securitySchemes${hint}`;
          problems.push(problem({ code: "security-scheme-undefined", message, path: toPointer(at) }));
        }
      });
    }
  }
  return problems;
}

/** Every schema position of the subset: parameters, bodies, responses, headers, components. */
function invalidTypes(subset: OpenApiDocument): Problem[] {
  const problems: Problem[] = [];
  const visitSchema = (schema: unknown, at: Array<string | number>): void => {
    if (!isObject(schema)) return;
    checkType({ schema, at, problems });
    problems.push(...schemaTextProblems({ schema, at }));
    for (const key of SCHEMA_KEYS) visitSchema(schema[key], [...at, key]);
    for (const key of SCHEMA_LISTS) if (Array.isArray(schema[key])) schema[key].forEach((child: unknown, index: number) => visitSchema(child, [...at, key, index]));
    for (const key of SCHEMA_MAPS) if (isObject(schema[key])) for (const [name, child] of Object.entries(schema[key])) visitSchema(child, [...at, key, name]);
  };
  const visitHolder = (holder: unknown, at: Array<string | number>): void => {
    if (!isObject(holder)) return;
    problems.push(...annotationProblems({ node: holder, at }));
    visitSchema(holder.schema, [...at, "schema"]);
    if (isObject(holder.content)) for (const [type, media] of Object.entries(holder.content)) visitHolder(media, [...at, "content", type]);
    if (isObject(holder.headers)) for (const [name, header] of Object.entries(holder.headers)) visitHolder(header, [...at, "headers", name]);
  };
  for (const [path, item] of Object.entries(subset.paths ?? {})) {
    problems.push(...annotationProblems({ node: item, at: ["paths", path] }));
    eachEntry(item.parameters, (parameter, index) => visitHolder(parameter, ["paths", path, "parameters", index]));
    for (const method of HTTP_METHODS) {
      const operation = item[method];
      if (!isObject(operation)) continue;
      problems.push(...annotationProblems({ node: operation, at: ["paths", path, method] }));
      eachEntry(operation.parameters, (parameter, index) => visitHolder(parameter, ["paths", path, method, "parameters", index]));
      visitHolder(operation.requestBody, ["paths", path, method, "requestBody"]);
      eachEntry(operation.responses, (response, status) => visitHolder(response, ["paths", path, method, "responses", status]));
    }
  }
  for (const [section, entries] of Object.entries(subset.components ?? {})) {
    if (section === "schemas") eachEntry(entries, (schema, name) => visitSchema(schema, ["components", section, name]));
    else if (HOLDER_SECTIONS.includes(section)) eachEntry(entries, (holder, name) => visitHolder(holder, ["components", section, name]));
  }
  return problems;
}

function checkType(input: { schema: Record<string, unknown>; at: Array<string | number>; problems: Problem[] }): void {
  const types = Array.isArray(input.schema.type) ? input.schema.type : input.schema.type === undefined ? [] : [input.schema.type];
  for (const type of types.filter((entry: unknown) => typeof entry !== "string" || !SCHEMA_TYPES.includes(entry))) {
    const near = typeof type === "string" ? closestMatches({ word: type, candidates: SCHEMA_TYPES, limit: 1 }) : [];
    const hint = near.length > 0 ? `; did you mean "${near[0]}"?` : `; it must be one of ${SCHEMA_TYPES.join(", ")}`;
    input.problems.push(problem({ code: "schema-type-invalid", message: `schema type ${JSON.stringify(type)} is not a JSON Schema type${hint}`, path: toPointer([...input.at, "type"]) }));
  }
}

function eachEntry(value: unknown, visit: (entry: unknown, key: string | number) => void): void {
  if (Array.isArray(value)) value.forEach((entry, index) => visit(entry, index));
  else if (isObject(value)) for (const [key, entry] of Object.entries(value)) visit(entry, key);
}
