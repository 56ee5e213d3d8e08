// What the client needs per operation, as TypeScript text: the parameter and result
// types (by indexed access into openapi-typescript's `operations`), the descriptor
// the runtime sends from, and the JSDoc.

import type { Model, OperationModel, ParameterModel, ResponseModel } from "../../model/types.js";
import { upperFirst } from "../../model/naming.js";
import { blockComment, jsDoc, propertyKey, stringLiteral } from "../escape.js";
import { jsLiteral } from "../js-literal.js";
import { bodyDescriptor, bodyStep, encoder, queryEntries } from "./request.js";
import { bearerOnly, credentialNames, placementsLiteral } from "./security.js";

/** Methods whose repetition has no further effect (RFC 9110, section 9.2.2): safe to retry after a network error. */
const IDEMPOTENT = new Set(["get", "head", "put", "delete", "options", "trace"]);
const JSON_TYPE = /^application\/(?:[\w.+-]*\+)?json\b/i;

export function pascalCase(name: string): string {
  return upperFirst(name);
}

function operationRef(operation: OperationModel): string {
  return `operations[${stringLiteral(operation.id)}]`;
}

/** Documented responses with a numeric status; ranges and `default` are left to `unexpected-status`. */
function numbered(operation: OperationModel): Array<ResponseModel & { status: number }> {
  return [...operation.success, ...operation.errors]
    .filter((response): response is ResponseModel & { status: number } => typeof response.status === "number")
    .sort((a, b) => a.status - b.status);
}

function parameterType(options: { operation: OperationModel; parameter: ParameterModel }): string {
  const { operation, parameter } = options;
  const name = stringLiteral(parameter.name);
  const location = `${operationRef(operation)}["parameters"][${stringLiteral(parameter.in)}]`;
  return parameter.required ? `${location}[${name}]` : `NonNullable<${location}>[${name}]`;
}

export function paramsType(operation: OperationModel): string {
  const members = [...operation.pathParams, ...operation.query, ...operation.headers].map((parameter) => {
    const docs = parameter.description ? `${jsDoc(parameter.description)}\n` : "";
    const optional = parameter.required ? "" : "?";
    return `${docs}${propertyKey(parameter.codeName)}${optional}: ${parameterType({ operation, parameter })};`;
  });
  const body = operation.requestBody;
  if (body) {
    const docs = body.description ? `${jsDoc(body.description)}\n` : "";
    const owner = body.required ? `${operationRef(operation)}["requestBody"]` : `NonNullable<${operationRef(operation)}["requestBody"]>`;
    const type = `${owner}["content"][${stringLiteral(body.contentType)}]`;
    members.push(`${docs}body${body.required ? "" : "?"}: ${bodyStep(operation) === "multipartBody" ? `Multipart<${type}>` : type};`);
  }
  return `{\n${members.join("\n")}\n}`;
}

function bodyType(options: { operation: OperationModel; response: ResponseModel & { status: number } }): string {
  const { response } = options;
  if (!response.contentType) return "undefined";
  if (responseCode(response) === "3") return "Blob";
  return `${operationRef(options.operation)}["responses"][${response.status}]["content"][${stringLiteral(response.contentType)}]`;
}

export function resultType(options: { model: Model; operation: OperationModel }): string {
  const { operation } = options;
  const done = doneStatus(options);
  const variants = numbered(operation).flatMap((response) => {
    const body = bodyType({ operation, response });
    // A 2xx whose body is not JSON is still the success (the mutation happened), without data.
    const json = response.contentType !== undefined && JSON_TYPE.test(response.contentType);
    if (response.status < 300) return [`Success<${response.status}, ${body}${json ? " | undefined" : ""}>`];
    const failure = `Failure<${response.status}, ${body}>`;
    return response.status === done ? [failure, `ProbablySucceeded<${response.status}, ${body}>`] : [failure];
  });
  return `Result<${variants.length ? variants.join(" | ") : "never"}>`;
}

/**
 * Constant properties of a documented error body's schema (`error: "ResourceNotFound"`):
 * the runtime checks them, so a body without them (a proxy's 404) is not taken for it.
 */
export function bodyConstants(options: { model: Model; response: ResponseModel }): Record<string, unknown> | undefined {
  const { model, response } = options;
  const { body } = response;
  const type = body?.kind === "model" ? model.schemas.find((schema) => schema.name === body.name)?.type : undefined;
  if (type?.kind !== "object") return undefined;
  const constants = type.properties.flatMap((property) => (property.required && property.type.kind === "literal" ? [[property.name, property.type.value]] : []));
  return constants.length ? Object.fromEntries(constants) : undefined;
}

/**
 * The status a retry gets when an earlier attempt already did the work: a documented
 * "already ..." error (cancel answers 403 AlreadyCanceledSubscription), else 404 for a
 * DELETE, whose resource is gone once it has succeeded. Only with constants to tell that
 * body from another answer with the same status: Polar's 403 also means "no permission".
 */
export function doneStatus(options: { model: Model; operation: OperationModel }): number | undefined {
  const { model, operation } = options;
  const known = operation.errors.filter(
    (response): response is ResponseModel & { status: number } => typeof response.status === "number" && !!bodyConstants({ model, response }),
  );
  const already = known.find((response) => response.body?.kind === "model" && /^Already/.test(response.body.name));
  if (already) return already.status;
  return operation.method === "delete" && known.some((response) => response.status === 404) ? 404 : undefined;
}

/** `SpecInfo.constants`: the constants of every named error body the operations document, by schema name. */
export function specConstants(model: Model): Array<[string, Record<string, unknown>]> {
  const byName = new Map<string, Record<string, unknown>>();
  for (const response of model.operations.flatMap((operation) => operation.errors)) {
    const constants = bodyConstants({ model, response });
    if (constants && response.body?.kind === "model") byName.set(response.body.name, constants);
  }
  return [...byName].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

/** 0 no body, 1 JSON, 2 text (`text/*`), 3 anything else (a `Blob`, as hey-api reads binary), or the JSON body's schema name. */
function responseCode(response: ResponseModel): string {
  if (!response.contentType) return "0";
  if (/^text\//i.test(response.contentType)) return "2";
  if (!JSON_TYPE.test(response.contentType)) return "3";
  return response.body?.kind === "model" ? stringLiteral(response.body.name) : "1";
}

/** The `OperationInfo` literal: what the runtime needs that never varies per call. */
export function descriptor(options: { model: Model; operation: OperationModel }): string {
  const { operation } = options;
  const uuids = operation.pathParams.flatMap((parameter) => (/^uuid4?$/.test(parameter.format ?? "") ? [[parameter.codeName, stringLiteral(parameter.format!)] as [string, string]] : []));
  const responses = numbered(operation).map((response) => `${response.status}: ${responseCode(response)}`);
  const done = doneStatus(options);
  const headers = operation.headers.map((parameter) => [parameter.name.toLowerCase(), stringLiteral(parameter.codeName)] as [string, string]);
  const body = bodyDescriptor(operation);
  // Basic or an API key: `signed` (runtime/auth.ts) sets the credential, then the body's encoder runs.
  const bearer = bearerOnly(options);
  const step = encoder(operation);
  const encode = bearer ? step : `signed(${[placementsLiteral(options), ...(step ? [step] : [])].join(", ")})`;
  const lines = [
    `id: ${stringLiteral(operation.id)}`,
    `method: ${stringLiteral(operation.method.toUpperCase())}`,
    `path: ${jsLiteral(pathParts(operation))}`,
    ...(uuids.length ? [`uuids: ${typedRecord({ entries: uuids, type: "as const" })}`] : []),
    ...(operation.query.length ? [`query: ${typedRecord({ entries: queryEntries(options) })}`] : []),
    ...(headers.length ? [`headers: ${typedRecord({ entries: headers })}`] : []),
    ...(body ? [`body: ${body}`] : []),
    ...(encode ? [`encode: ${encode}`] : []),
    `auth: ${jsLiteral(bearer ? credentialNames(options) : [])}`,
    `responses: ${responses.length ? `{ ${responses.join(", ")} }` : "{}"}`,
    ...(done === undefined ? [] : [`done: ${done}`]),
    ...(IDEMPOTENT.has(operation.method) ? [] : ["once: true"]),
  ];
  return `{\n${lines.join(",\n")},\n}`;
}

/**
 * `{ key: value, … }` of values printed already, for a record typed by an index signature.
 * TypeScript gives a value no literal type from that signature when its key is a member of
 * `Object.prototype` (`constructor`, `toString`): such a value carries its type itself.
 */
function typedRecord(options: { entries: ReadonlyArray<readonly [key: string, value: string, type?: string]>; type?: string }): string {
  const members = options.entries.map(([key, value, type = options.type]) => `${propertyKey(key)}: ${value}${type && key in Object.prototype ? ` ${type}` : ""}`);
  return `{ ${members.join(", ")} }`;
}

/** `/v1/customers/external/{external_id}` → `["/v1/customers/external/", "externalId", ""]`. */
function pathParts(operation: OperationModel): string[] {
  const codeNames = new Map(operation.pathParams.map((parameter) => [parameter.name, parameter.codeName]));
  return operation.path.split(/[{}]/).map((part, index) => {
    if (index % 2 === 0) return part;
    const codeName = codeNames.get(part);
    if (codeName === undefined) throw new Error(`client: ${operation.id}: path parameter "${part}" is not declared`);
    return codeName;
  });
}

/** Text for a JSDoc: `*\/` and every line break but LF escaped (escape.ts), blank space around it dropped. */
export function escapeDoc(text: string): string {
  return blockComment(text).trim();
}

/** Summary, description, irreversibility, credentials and scopes, from the spec. */
export function operationDocs(options: { model: Model; operation: OperationModel }): string {
  const { operation } = options;
  const parts = [operation.summary, operation.description].filter((text): text is string => !!text?.trim());
  if (operation.method === "delete" && operation.errors.some((response) => response.status === 404)) parts.push("**This cannot be undone.**");
  const credentials = credentialNames(options).map((name) => `\`${name}\``);
  parts.push(credentials.length ? `Credentials: ${credentials.join(" or ")}.` : "No credentials needed.");
  // Polar's descriptions often end with "**Scopes**: `customers:write`" already.
  const described = parts.join("\n");
  if (!operation.scopes.every((scope) => described.includes(scope))) parts.push(`Scopes: ${operation.scopes.map((scope) => `\`${scope}\``).join(", ")}.`);
  if (operation.deprecated) parts.push("@deprecated");
  parts.push(`\`${operation.method.toUpperCase()} ${operation.path}\` (\`${operation.id}\`)`);
  return escapeDoc(parts.join("\n\n"));
}
