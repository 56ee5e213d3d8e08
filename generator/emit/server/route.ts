// What the server needs per operation, as TypeScript text: the route descriptor the
// runtime matches and checks against, the handler's parameter and outcome types (by
// indexed access into openapi-typescript's `operations`), and the handler's JSDoc.

import type { Model, OperationModel, ParameterModel, ResponseModel, TypeRef } from "../../model/types.js";
import { escapeDoc, pascalCase } from "../client/operation.js";
import { jsDoc, propertyKey, stringLiteral } from "../escape.js";
import { jsonAsJs } from "../js-literal.js";

type Numbered = ResponseModel & { status: number };

export function numberedResponses(operation: OperationModel): Numbered[] {
  return [...operation.success, ...operation.errors]
    .filter((response): response is Numbered => typeof response.status === "number")
    .sort((a, b) => a.status - b.status);
}

function operationRef(operation: OperationModel): string {
  return `operations[${stringLiteral(operation.id)}]`;
}

/** The runtime's decoder for a parameter; throws on what a single path or query text cannot carry. */
function decoderOf(options: { operation: OperationModel; parameter: ParameterModel }): { decode: string; uuidVersion?: number } {
  const { operation, parameter } = options;
  let type: TypeRef = parameter.type;
  while (type.kind === "nullable") type = type.inner;
  if (type.kind === "enum" || type.kind === "literal") return { decode: "string" };
  if (type.kind !== "primitive" || type.type === "null" || type.type === "unknown") {
    throw new Error(`server: ${operation.id}: parameter "${parameter.name}" (${type.kind}) cannot be decoded from one value`);
  }
  if (type.type !== "string") return { decode: type.type };
  const uuid = /^uuid(\d?)$/.exec(parameter.format ?? type.format ?? "");
  if (!uuid) return { decode: "string" };
  return uuid[1] ? { decode: "uuid", uuidVersion: Number(uuid[1]) } : { decode: "uuid" };
}

/** Each alternative of the operation's security as the one bearer scheme it needs. */
function securityOf(options: { model: Model; operation: OperationModel }): Array<{ scheme: string; scopes: string[] }> {
  const { model, operation } = options;
  const bearer = new Set(model.securitySchemes.filter((scheme) => scheme.bearer).map((scheme) => scheme.name));
  const alternatives: Array<{ scheme: string; scopes: string[] }> = [];
  for (const alternative of operation.security) {
    if (alternative.schemes.length === 0) return [];
    if (alternative.schemes.length > 1) throw new Error(`server: ${operation.id}: one security alternative needs several credentials`);
    const { scheme, scopes } = alternative.schemes[0]!;
    if (!bearer.has(scheme)) throw new Error(`server: ${operation.id}: security scheme "${scheme}" is not a bearer scheme`);
    alternatives.push({ scheme, scopes: [...scopes] });
  }
  return alternatives;
}

/** The `RouteInfo` literal of an operation. */
export function routeInfo(options: { model: Model; operation: OperationModel }): string {
  const { operation } = options;
  const parameters = [...operation.pathParams, ...operation.query].map((parameter) => ({
    name: parameter.name,
    codeName: parameter.codeName,
    in: parameter.in,
    ...decoderOf({ operation, parameter }),
    required: parameter.required,
    ...(parameter.default !== undefined ? { default: parameter.default } : {}),
  }));
  const responses = Object.fromEntries(
    numberedResponses(operation).map((response) => [
      response.status,
      response.contentType ? { contentType: response.contentType, ...(response.body?.kind === "model" ? { schema: response.body.name } : {}) } : {},
    ]),
  );
  const route = {
    id: operation.id,
    handler: operation.functionName,
    method: operation.method.toUpperCase(),
    path: operation.path,
    parameters,
    security: securityOf(options),
    responses,
  };
  return jsonAsJs(route);
}

function parameterType(options: { operation: OperationModel; parameter: ParameterModel }): string {
  const { operation, parameter } = options;
  const location = `${operationRef(operation)}["parameters"][${stringLiteral(parameter.in)}]`;
  if (parameter.required) return `${location}[${stringLiteral(parameter.name)}]`;
  const optional = `NonNullable<${location}>[${stringLiteral(parameter.name)}]`;
  // The runtime fills the default in: the handler always gets a value.
  return parameter.default === undefined ? optional : `Exclude<${optional}, undefined>`;
}

export function paramsType(operation: OperationModel): string {
  const members = [...operation.pathParams, ...operation.query].map((parameter) => {
    const docs = parameter.description ? `${jsDoc(parameter.description)}\n` : "";
    const optional = parameter.required || parameter.default !== undefined ? "" : "?";
    return `${docs}${propertyKey(parameter.codeName)}${optional}: ${parameterType({ operation, parameter })};`;
  });
  return `{\n${members.join("\n")}\n}`;
}

/** The credential a handler of a secured operation gets: \`scheme\` is one of the operation's. */
export function credentialType(options: { model: Model; operation: OperationModel }): string {
  const schemes = [...new Set(securityOf(options).map((alternative) => alternative.scheme))].sort();
  if (schemes.length === 0) return "undefined";
  return `ServerCredential<${schemes.map((scheme) => stringLiteral(scheme)).join(" | ")}>`;
}

/** `{ status: 204 } | { status: 404; body: ... } | ...`: exactly the documented outcomes. */
export function outcomeType(operation: OperationModel): string {
  const variants = numberedResponses(operation).map((response) => {
    if (!response.contentType) return `{ status: ${response.status}; body?: undefined; headers?: OutcomeHeaders }`;
    const body = `${operationRef(operation)}["responses"][${response.status}]["content"][${stringLiteral(response.contentType)}]`;
    return `{ status: ${response.status}; body: ${body}; headers?: OutcomeHeaders }`;
  });
  return variants.length ? variants.join("\n| ") : "never";
}

export function handlerDocs(operation: OperationModel): string {
  const parts = [operation.summary].filter((text): text is string => !!text?.trim());
  const outcomes = numberedResponses(operation).map((response) => {
    const body = response.body?.kind === "model" ? ` ${response.body.name}` : "";
    return `- ${response.status}${body}: ${response.description.split("\n")[0]}`;
  });
  parts.push(`Outcomes:\n${outcomes.join("\n")}`);
  if (operation.deprecated) parts.push("@deprecated");
  parts.push(`\`${operation.method.toUpperCase()} ${operation.path}\` (\`${operation.id}\`)`);
  return escapeDoc(parts.join("\n\n"));
}

export function typeName(options: { operation: OperationModel; suffix: string }): string {
  return `${pascalCase(options.operation.functionName)}${options.suffix}`;
}
