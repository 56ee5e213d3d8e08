// Faults in the selected part of the spec that the emitters would trip over far from
// their cause: a security requirement naming a scheme that is not defined, a schema
// `type` that is no JSON Schema type (`strin`), and text in the wrong shape (text-checks.ts). Found here, on the subset, so they come
// back as problems with the spec's line and column; the rest of the spec is not judged.
// The subset keeps the document's paths and component names, so its pointers are the
// document's.

import { HTTP_METHODS, isObject, toPointer, type OpenApiDocument } from "./openapi.js";
import { problem, type Problem } from "./problems.js";
import { closestMatches } from "./text/closest.js";
import { eachSchemaPosition, subschemas } from "./schema-walk.js";
import { checkStructure } from "./structure-checks.js";
import { annotationProblems, schemaTextProblems } from "./text-checks.js";

const SCHEMA_TYPES = ["array", "boolean", "integer", "null", "number", "object", "string"];

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

/** Every schema of the subset and the annotations around them; the structure checks have bounded their depth. */
function invalidTypes(subset: OpenApiDocument): Problem[] {
  const problems: Problem[] = [];
  const visitSchema = (schema: unknown, at: Array<string | number>): void => {
    if (!isObject(schema)) return;
    checkType({ schema, at, problems });
    problems.push(...schemaTextProblems({ schema, at }));
    for (const child of subschemas(schema)) visitSchema(child.schema, [...at, ...child.key]);
  };
  eachSchemaPosition({ document: subset, visit: visitSchema, annotated: (node, at) => problems.push(...annotationProblems({ node, at })) });
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
