// What the client needs per operation, as TypeScript text: the parameter and result
// types (by indexed access into openapi-typescript's `operations`), the descriptor
// the runtime sends from, and the JSDoc.

import type { Model, OperationModel, ParameterModel, ResponseModel } from "../../model/types.js";
import { credentialNames } from "./security.js";

/** Methods whose repetition has no further effect (RFC 9110, section 9.2.2): safe to retry after a network error. */
const IDEMPOTENT = new Set(["get", "head", "put", "delete", "options", "trace"]);
const JSON_TYPE = /^application\/(?:[\w.+-]*\+)?json\b/i;

export function pascalCase(name: string): string {
  return name[0]!.toUpperCase() + name.slice(1);
}

function operationRef(operation: OperationModel): string {
  return `operations[${JSON.stringify(operation.id)}]`;
}

/** Documented responses with a numeric status; ranges and `default` are left to `unexpected-status`. */
function numbered(operation: OperationModel): Array<ResponseModel & { status: number }> {
  return [...operation.success, ...operation.errors]
    .filter((response): response is ResponseModel & { status: number } => typeof response.status === "number")
    .sort((a, b) => a.status - b.status);
}

function parameterType(options: { operation: OperationModel; parameter: ParameterModel }): string {
  const { operation, parameter } = options;
  const name = JSON.stringify(parameter.name);
  const location = `${operationRef(operation)}["parameters"][${JSON.stringify(parameter.in)}]`;
  return parameter.required ? `${location}[${name}]` : `NonNullable<${location}>[${name}]`;
}

export function paramsType(operation: OperationModel): string {
  const members = [...operation.pathParams, ...operation.query].map((parameter) => {
    const docs = parameter.description ? `/** ${escapeDoc(parameter.description)} */\n` : "";
    const optional = parameter.required ? "" : "?";
    return `${docs}${parameter.codeName}${optional}: ${parameterType({ operation, parameter })};`;
  });
  return `{\n${members.join("\n")}\n}`;
}

function bodyType(options: { operation: OperationModel; response: ResponseModel & { status: number } }): string {
  const { response } = options;
  if (!response.contentType) return "undefined";
  return `${operationRef(options.operation)}["responses"][${response.status}]["content"][${JSON.stringify(response.contentType)}]`;
}

export function resultType(operation: OperationModel): string {
  const done = doneStatus(operation);
  const variants = numbered(operation).flatMap((response) => {
    const body = bodyType({ operation, response });
    if (response.status < 300) return [`Success<${response.status}, ${body}>`];
    const failure = `Failure<${response.status}, ${body}>`;
    return response.status === done ? [failure, `ProbablySucceeded<${response.status}, ${body}>`] : [failure];
  });
  return `Result<${variants.length ? variants.join(" | ") : "never"}>`;
}

/**
 * The status a retry gets when an earlier attempt already did the work: a documented
 * "already ..." error (cancel answers 403 AlreadyCanceledSubscription), else 404 for a
 * DELETE, whose resource is gone once it has succeeded.
 */
export function doneStatus(operation: OperationModel): number | undefined {
  const already = operation.errors.find((response) => response.body?.kind === "model" && /^Already/.test(response.body.name));
  if (typeof already?.status === "number") return already.status;
  const notFound = operation.errors.some((response) => response.status === 404);
  return operation.method === "delete" && notFound ? 404 : undefined;
}

function responseCode(response: ResponseModel): string {
  if (!response.contentType) return "0";
  if (!JSON_TYPE.test(response.contentType)) return "2";
  return response.body?.kind === "model" ? JSON.stringify(response.body.name) : "1";
}

/** The `OperationInfo` literal: what the runtime needs that never varies per call. */
export function descriptor(options: { model: Model; operation: OperationModel }): string {
  const { operation } = options;
  const uuids = operation.pathParams.filter((parameter) => /^uuid\d?$/.test(parameter.format ?? ""));
  const responses = numbered(operation).map((response) => `${response.status}: ${responseCode(response)}`);
  const done = doneStatus(operation);
  const queryEntries = operation.query.map((parameter) => [encodeURIComponent(parameter.name), parameter.codeName]);
  const lines = [
    `id: ${JSON.stringify(operation.id)}`,
    `method: ${JSON.stringify(operation.method.toUpperCase())}`,
    `path: ${JSON.stringify(pathParts(operation))}`,
    ...(uuids.length ? [`uuids: ${JSON.stringify(uuids.map((parameter) => parameter.codeName))}`] : []),
    ...(operation.query.length ? [`query: ${JSON.stringify(Object.fromEntries(queryEntries))}`] : []),
    `auth: ${JSON.stringify(credentialNames(options))}`,
    `responses: { ${responses.join(", ")} }`,
    ...(done === undefined ? [] : [`done: ${done}`]),
    ...(IDEMPOTENT.has(operation.method) ? [] : ["once: true"]),
  ];
  return `{\n${lines.join(",\n")},\n}`;
}

/** `/v1/customers/external/{external_id}` → `["/v1/customers/external/", "externalId", ""]`. */
function pathParts(operation: OperationModel): string[] {
  const codeNames = new Map(operation.pathParams.map((parameter) => [parameter.name, parameter.codeName]));
  return operation.path.split(/[{}]/).map((part, index) => {
    if (index % 2 === 0) return part;
    const codeName = codeNames.get(part);
    if (!codeName) throw new Error(`client: ${operation.id}: path parameter "${part}" is not declared`);
    return codeName;
  });
}

export function escapeDoc(text: string): string {
  return text.replace(/\*\//g, "*\\/").trim();
}

/** Summary, description, irreversibility, credentials and scopes, from the spec. */
export function operationDocs(options: { model: Model; operation: OperationModel }): string {
  const { operation } = options;
  const parts = [operation.summary, operation.description].filter((text): text is string => !!text?.trim());
  if (operation.method === "delete" && doneStatus(operation) === 404) parts.push("**This cannot be undone.**");
  const credentials = credentialNames(options).map((name) => `\`${name}\``);
  parts.push(credentials.length ? `Credentials: ${credentials.join(" or ")}.` : "No credentials needed.");
  if (operation.scopes.length) parts.push(`Scopes: ${operation.scopes.map((scope) => `\`${scope}\``).join(", ")}.`);
  if (operation.deprecated) parts.push("@deprecated");
  parts.push(`\`${operation.method.toUpperCase()} ${operation.path}\` (\`${operation.id}\`)`);
  return escapeDoc(parts.join("\n\n"));
}
