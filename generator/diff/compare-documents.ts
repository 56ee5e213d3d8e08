// What the model leaves out but a client still depends on, compared on the two selected
// subsets: header and cookie parameters (the generated client cannot send one that is
// newly required), the constraints of every parameter and body, and what each security
// scheme an operation uses is (a bearer token is no API key, whatever the scheme's name).

import { isObject, parsePointer, type OpenApiDocument } from "../openapi.js";
import { findOperations } from "../select.js";
import type { Change } from "./change.js";
import { compareConstraints } from "./compare-constraints.js";
import { ownValue } from "../json.js";

interface Side {
  document: OpenApiDocument;
  operation: Record<string, unknown>;
  shared: unknown;
}

type Documents = { before: OpenApiDocument; after: OpenApiDocument };

export function compareDocuments(documents: Documents): Change[] {
  const after = new Map(findOperations(documents.after).map((found) => [found.id, found]));
  const changes: Change[] = [];
  for (const old of findOperations(documents.before)) {
    const now = after.get(old.id);
    if (!now) continue;
    const sides = {
      before: { document: documents.before, operation: old.operation, shared: documents.before.paths?.[old.path]?.parameters },
      after: { document: documents.after, operation: now.operation, shared: documents.after.paths?.[now.path]?.parameters },
    };
    changes.push(...compareParameters({ id: old.id, ...sides }), ...compareBodies({ id: old.id, ...sides }), ...compareSchemes({ id: old.id, documents, ...sides }));
  }
  return changes;
}

/** Header and cookie parameters as path and query ones are compared in the model; constraints of all. */
function compareParameters(input: { id: string; before: Side; after: Side }): Change[] {
  const beforeList = parametersOf(input.before);
  const afterList = parametersOf(input.after);
  const changes: Change[] = [];
  for (const [key, now] of afterList) {
    const location = `${now.in} parameter ${now.name}`;
    const old = beforeList.get(key);
    const modelled = now.in === "path" || now.in === "query";
    if (!old) {
      if (!modelled) changes.push({ operation: input.id, kind: "parameter-added", breaking: now.required === true, location, message: `${now.required === true ? "required" : "optional"} ${location} added` });
      continue;
    }
    if (!modelled && old.required !== true && now.required === true) changes.push({ operation: input.id, kind: "parameter-required", breaking: true, location, message: `${location} is now required` });
    const documents = { before: input.before.document, after: input.after.document };
    for (const found of compareConstraints({ before: old.schema, after: now.schema, documents, direction: "request" })) {
      changes.push({ operation: input.id, kind: found.kind, breaking: found.breaking, location, message: `${location}${found.at}: ${schemaNamed(found.schema)}${found.message}` });
    }
  }
  return changes;
}

function compareBodies(input: { id: string; before: Side; after: Side }): Change[] {
  const documents = { before: input.before.document, after: input.after.document };
  const changes: Change[] = [];
  const request = { before: mediaSchema(input.before.document, input.before.operation.requestBody), after: mediaSchema(input.after.document, input.after.operation.requestBody) };
  for (const found of compareConstraints({ ...request, documents, direction: "request" })) {
    changes.push({ operation: input.id, kind: found.kind, breaking: found.breaking, location: "request body", message: `request body ${found.at || "/"}: ${schemaNamed(found.schema)}${found.message}` });
  }
  const responses = { before: objectAt(input.before.operation.responses), after: objectAt(input.after.operation.responses) };
  for (const status of Object.keys(responses.before).filter((code) => Object.hasOwn(responses.after, code)).sort()) {
    const pair = { before: mediaSchema(input.before.document, responses.before[status]), after: mediaSchema(input.after.document, responses.after[status]) };
    for (const found of compareConstraints({ ...pair, documents, direction: "response" })) {
      const location = `response ${status} body ${found.at || "/"}`;
      changes.push({ operation: input.id, kind: `response-${found.kind}`, breaking: found.breaking, location, message: `${location}: ${schemaNamed(found.schema)}${found.message}` });
    }
  }
  return changes;
}

/** A scheme kept under its name but redefined (bearer → API key, another header): tokens sent today are refused. */
function compareSchemes(input: { id: string; documents: Documents; before: Side; after: Side }): Change[] {
  const used = (side: Side) => new Set(requirementsOf(side).flatMap((requirement) => Object.keys(requirement)));
  const afterUsed = used(input.after);
  const changes: Change[] = [];
  for (const name of [...used(input.before)].filter((scheme) => afterUsed.has(scheme)).sort()) {
    const old = describeScheme(ownValue(input.documents.before.components?.securitySchemes, name));
    const now = describeScheme(ownValue(input.documents.after.components?.securitySchemes, name));
    if (old === now) continue;
    changes.push({ operation: input.id, kind: "security-scheme-redefined", breaking: true, location: "security", message: `security scheme ${name} redefined: ${old} → ${now}` });
  }
  return changes;
}

function requirementsOf(side: Side): Array<Record<string, unknown>> {
  const list = Array.isArray(side.operation.security) ? side.operation.security : (side.document.security ?? []);
  return list.filter(isObject);
}

/** What a client must send for a scheme, in words; descriptions left out. */
function describeScheme(value: unknown): string {
  if (!isObject(value)) return "undefined";
  if (value.type === "http") return `http ${String(value.scheme ?? "").toLowerCase()}${value.bearerFormat ? ` (${String(value.bearerFormat)})` : ""}`;
  if (value.type === "apiKey") return `apiKey in ${String(value.in)} ${String(value.name)}`;
  if (value.type === "openIdConnect") return `openIdConnect ${String(value.openIdConnectUrl)}`;
  if (value.type === "oauth2") return `oauth2 ${JSON.stringify(value.flows ?? {})}`;
  return String(value.type);
}

function parametersOf(side: Side): Map<string, Record<string, unknown>> {
  const byKey = new Map<string, Record<string, unknown>>();
  for (const list of [side.shared, side.operation.parameters]) {
    for (const raw of Array.isArray(list) ? list : []) {
      const parameter = resolve(side.document, raw);
      if (isObject(parameter) && typeof parameter.name === "string" && typeof parameter.in === "string") byKey.set(`${parameter.in}:${parameter.name}`, parameter);
    }
  }
  return byKey;
}

/** The schema of a request body or response: its JSON media type's, else its first. */
function mediaSchema(document: OpenApiDocument, value: unknown): unknown {
  const content = objectAt(objectAt(resolve(document, value)).content);
  const type = Object.keys(content).find((name) => name.includes("json")) ?? Object.keys(content)[0];
  return type === undefined ? undefined : objectAt(content[type]).schema;
}

function schemaNamed(name: string | undefined): string {
  return name === undefined ? "" : `schema ${name} changed: `;
}

function objectAt(value: unknown): Record<string, unknown> {
  return isObject(value) ? value : {};
}

function resolve(document: OpenApiDocument, value: unknown): unknown {
  let current = value;
  for (let hops = 0; hops < 16 && isObject(current) && typeof current.$ref === "string"; hops++) {
    current = parsePointer(current.$ref).reduce<unknown>((node, segment) => (isObject(node) ? node[segment] : undefined), document);
  }
  return current;
}
