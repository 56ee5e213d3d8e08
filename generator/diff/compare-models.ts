// Compare the selected operations of two specs: what a client of them would notice.

import type { Model, OperationModel, ParameterModel, ResponseModel, SchemaModel } from "../model/types.js";
import { sortChanges, type Change } from "./change.js";
import { compareTypes } from "./compare-types.js";

interface Side {
  operation: OperationModel;
  schemas: ReadonlyMap<string, SchemaModel>;
}

export function compareModels(input: { before: Model; after: Model }): Change[] {
  return sortChanges([...compareOperations(input), ...compareServers(input)]);
}

function compareOperations(input: { before: Model; after: Model }): Change[] {
  const beforeOps = new Map(input.before.operations.map((operation) => [operation.id, operation]));
  const afterOps = new Map(input.after.operations.map((operation) => [operation.id, operation]));
  const beforeSchemas = new Map(input.before.schemas.map((schema) => [schema.name, schema]));
  const afterSchemas = new Map(input.after.schemas.map((schema) => [schema.name, schema]));
  const changes: Change[] = [];
  for (const [id, operation] of beforeOps) {
    const now = afterOps.get(id);
    if (!now) changes.push({ operation: id, kind: "operation-removed", breaking: true, message: "operation removed" });
    else changes.push(...compareOperation({ before: { operation, schemas: beforeSchemas }, after: { operation: now, schemas: afterSchemas } }));
  }
  for (const id of afterOps.keys()) {
    if (!beforeOps.has(id)) changes.push({ operation: id, kind: "operation-added", breaking: false, message: "operation added" });
  }
  return changes;
}

/** The generated client sends every call to a server of the spec: one moved or gone breaks calls that work today. */
function compareServers(input: { before: Model; after: Model }): Change[] {
  const after = new Map(input.after.servers.map((server) => [server.id, server]));
  const beforeIds = new Set(input.before.servers.map((server) => server.id));
  const changes: Change[] = [];
  const base = { operation: "*", location: "servers" };
  for (const old of input.before.servers) {
    const now = after.get(old.id);
    if (!now) changes.push({ ...base, kind: "server-removed", breaking: true, message: `server ${old.id} (${old.url}) removed` });
    else if (now.url !== old.url) changes.push({ ...base, kind: "server-url-changed", breaking: true, message: `server ${old.id} URL changed: ${old.url} → ${now.url}` });
  }
  for (const added of input.after.servers.filter((server) => !beforeIds.has(server.id))) {
    changes.push({ ...base, kind: "server-added", breaking: false, message: `server ${added.id} (${added.url}) added` });
  }
  return changes;
}

function compareOperation(input: { before: Side; after: Side }): Change[] {
  const { before, after } = input;
  const id = before.operation.id;
  const changes: Change[] = [];
  if (before.operation.method !== after.operation.method || before.operation.path !== after.operation.path) {
    const from = `${before.operation.method.toUpperCase()} ${before.operation.path}`;
    const to = `${after.operation.method.toUpperCase()} ${after.operation.path}`;
    changes.push({ operation: id, kind: "operation-moved", breaking: true, message: `moved from ${from} to ${to}` });
  }
  changes.push(...compareParameters(input), ...compareSecurity({ id, before: before.operation, after: after.operation }), ...compareResponses(input));
  return changes;
}

function parameters(operation: OperationModel): ParameterModel[] {
  return [...operation.pathParams, ...operation.query];
}

function compareParameters(input: { before: Side; after: Side }): Change[] {
  const id = input.before.operation.id;
  const key = (parameter: ParameterModel) => `${parameter.in}:${parameter.name}`;
  const afterByKey = new Map(parameters(input.after.operation).map((parameter) => [key(parameter), parameter]));
  const beforeKeys = new Set(parameters(input.before.operation).map(key));
  const changes: Change[] = [];
  for (const old of parameters(input.before.operation)) {
    const location = `${old.in} parameter ${old.name}`;
    const now = afterByKey.get(key(old));
    if (!now) {
      changes.push({ operation: id, kind: "parameter-removed", breaking: true, location, message: `${location} removed` });
      continue;
    }
    if (!old.required && now.required) changes.push({ operation: id, kind: "parameter-required", breaking: true, location, message: `${location} is now required` });
    const differences = compareTypes({ before: old.type, after: now.type, beforeSchemas: input.before.schemas, afterSchemas: input.after.schemas, direction: "request", at: "", seen: new Set() });
    for (const difference of differences) {
      changes.push({ operation: id, kind: `parameter-${difference.kind}`, breaking: difference.breaking, location, message: `${location}${difference.at}: ${inSchema(difference)}${difference.message}` });
    }
  }
  for (const added of parameters(input.after.operation).filter((parameter) => !beforeKeys.has(key(parameter)))) {
    const location = `${added.in} parameter ${added.name}`;
    const what = added.required ? "required" : "optional";
    changes.push({ operation: id, kind: "parameter-added", breaking: added.required, location, message: `${what} ${location} added` });
  }
  return changes;
}

function alternatives(operation: OperationModel): Map<string, string[]> {
  return new Map(
    operation.security.map((alternative) => [
      alternative.schemes.map((scheme) => scheme.scheme).sort().join(" + "),
      [...new Set(alternative.schemes.flatMap((scheme) => scheme.scopes))].sort(),
    ]),
  );
}

function compareSecurity(input: { id: string; before: OperationModel; after: OperationModel }): Change[] {
  const before = alternatives(input.before);
  const after = alternatives(input.after);
  const removed = [...before.keys()].filter((name) => !after.has(name)).sort();
  const added = [...after.keys()].filter((name) => !before.has(name)).sort();
  const changes: Change[] = [];
  const base = { operation: input.id, location: "security" };
  if (removed.length > 0 && added.length > 0) {
    changes.push({ ...base, kind: "security-scheme-replaced", breaking: true, message: `security ${removed.join(", ")} replaced by ${added.join(", ")}` });
  } else if (removed.length > 0) {
    changes.push({ ...base, kind: "security-scheme-removed", breaking: true, message: `security ${removed.join(", ")} no longer accepted` });
  } else if (added.length > 0) {
    changes.push({ ...base, kind: "security-scheme-added", breaking: false, message: `security ${added.join(", ")} now also accepted` });
  }
  for (const [name, scopes] of before) {
    const now = after.get(name);
    const newScopes = now?.filter((scope) => !scopes.includes(scope)) ?? [];
    // Conservative on purpose: a token without a newly required scope is refused.
    if (newScopes.length > 0) changes.push({ ...base, kind: "security-scopes-added", breaking: true, message: `${name} now requires scopes ${newScopes.join(", ")}` });
  }
  return changes;
}

function compareResponses(input: { before: Side; after: Side }): Change[] {
  const id = input.before.operation.id;
  const all = (side: Side) => [...side.operation.success, ...side.operation.errors];
  const afterByStatus = new Map(all(input.after).map((response) => [String(response.status), response]));
  const beforeStatuses = new Set(all(input.before).map((response) => String(response.status)));
  const changes: Change[] = [];
  for (const old of all(input.before)) {
    const now = afterByStatus.get(String(old.status));
    const location = `response ${old.status}`;
    if (!now) changes.push({ operation: id, kind: "response-status-removed", breaking: true, location, message: `${location} removed` });
    else changes.push(...compareBodies({ id, location, before: old, after: now, input }));
  }
  for (const added of all(input.after).filter((response) => !beforeStatuses.has(String(response.status)))) {
    changes.push({ operation: id, kind: "response-status-added", breaking: false, location: `response ${added.status}`, message: `response ${added.status} added` });
  }
  return changes;
}

function compareBodies(options: { id: string; location: string; before: ResponseModel; after: ResponseModel; input: { before: Side; after: Side } }): Change[] {
  const { before, after, id, location } = options;
  if (!before.body || !after.body) {
    if (Boolean(before.body) === Boolean(after.body)) return [];
    return [{ operation: id, kind: "response-body-changed", breaking: Boolean(before.body), location, message: before.body ? `${location} no longer has a body` : `${location} now has a body` }];
  }
  // A client reads the body as the media type it knows (JSON): another one is unreadable.
  if (before.contentType !== after.contentType) {
    return [{ operation: id, kind: "response-content-type-changed", breaking: true, location, message: `${location} content type changed: ${before.contentType} → ${after.contentType}` }];
  }
  const differences = compareTypes({
    before: before.body,
    after: after.body,
    beforeSchemas: options.input.before.schemas,
    afterSchemas: options.input.after.schemas,
    direction: "response",
    at: "",
    seen: new Set(),
  });
  return differences.map((difference) => ({
    operation: id,
    kind: `response-${difference.kind}`,
    breaking: difference.breaking,
    location: `${location} body ${difference.at || "/"}`,
    message: `${location} body ${difference.at || "/"}: ${inSchema(difference)}${difference.message}`,
  }));
}

/** `schema CustomerSubscription changed: `, when the difference lies in a named schema. */
function inSchema(difference: { schema?: string }): string {
  return difference.schema === undefined ? "" : `schema ${difference.schema} changed: `;
}
