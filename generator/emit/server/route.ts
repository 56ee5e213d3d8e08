// What the server needs per operation, as TypeScript text: the route descriptor the
// runtime matches and checks against (parameter shapes, body, security, error bodies),
// the handler's parameter, body and outcome types (by indexed access into
// openapi-typescript's `operations`), and the handler's JSDoc.

import type { Model, OperationModel, ParameterModel, ResponseModel } from "../../model/types.js";
import { toPointer, type OpenApiDocument } from "../../openapi.js";
import { problem, ProblemError } from "../../problems.js";
import { escapeDoc, pascalCase } from "../client/operation.js";
import { jsDoc, propertyKey, stringLiteral } from "../escape.js";
import { typeMember } from "./aliases.js";
import { bodyInfo, mediaKind } from "./body.js";
import { errorBodies } from "./error-bodies.js";
import { securityEntries, type SecurityEntry } from "../../model/security.js";
import { parameterShape } from "./shape.js";

type Numbered = ResponseModel & { status: number };

export function numberedResponses(operation: OperationModel): Numbered[] {
  return [...operation.success, ...operation.errors]
    .filter((response): response is Numbered => typeof response.status === "number")
    .sort((a, b) => a.status - b.status);
}

function operationRef(operation: OperationModel): string {
  return `operations[${stringLiteral(operation.id)}]`;
}

/** The route descriptor's view of an operation; a problem (checks.ts) when the runtime cannot serve it. */
export function routePlan(options: { model: Model; document: OpenApiDocument; operation: OperationModel }): RoutePlan | { problems: Array<{ path: string; message: string }> } {
  const { model, document, operation } = options;
  const at = toPointer(["paths", operation.path, operation.method]);
  const problems: Array<{ path: string; message: string }> = [];
  const parameters = allParameters(operation).map((parameter) => {
    const shape = parameterShape({ model, parameter });
    if ("problem" in shape) problems.push({ path: `${at}/parameters`, message: `server: ${operation.id}: parameter "${parameter.name}": ${shape.problem}` });
    return { name: parameter.name, codeName: parameter.codeName, in: parameter.in, ...("problem" in shape ? { decode: "string" } : shape), required: parameter.required, ...(parameter.default !== undefined ? { default: parameter.default } : {}) };
  });
  const security = securityEntries({ model, operation });
  // model/security.ts reported it, positioned, before any emitter ran.
  if ("problem" in security) throw new ProblemError([problem({ code: "security-scheme-unsupported", message: `${operation.id}: ${security.problem} is not supported`, path: `${at}/security` })]);
  if (problems.length) return { problems };
  return { parameters, security: security as SecurityEntry[] };
}

interface RoutePlan {
  parameters: Array<Record<string, unknown>>;
  security: SecurityEntry[];
}

function allParameters(operation: OperationModel): ParameterModel[] {
  return [...operation.pathParams, ...operation.query, ...operation.headers];
}

function planOf(options: { model: Model; document: OpenApiDocument; operation: OperationModel }): RoutePlan {
  const plan = routePlan(options);
  // checks.ts reported these with their positions before any emitter ran.
  if ("problems" in plan) throw new ProblemError(plan.problems.map((each) => problem({ code: "server-unsupported", ...each })));
  return plan;
}

/** The `RouteInfo` value of an operation. */
export function routeInfo(options: { model: Model; document: OpenApiDocument; operation: OperationModel }): Record<string, unknown> {
  const { model, document, operation } = options;
  const plan = planOf(options);
  const responses = Object.fromEntries(
    numberedResponses(operation).map((response) => [
      response.status,
      response.contentType ? { contentType: response.contentType, ...(response.body?.kind === "model" ? { schema: response.body.name } : {}) } : {},
    ]),
  );
  const body = bodyInfo({ model, document, operation });
  const errors = model.polar ? undefined : errorBodies({ document, operation });
  const route = {
    id: operation.id,
    handler: operation.functionName,
    method: operation.method.toUpperCase(),
    path: operation.path,
    parameters: plan.parameters,
    ...(body ? { body } : {}),
    security: plan.security,
    responses,
    ...(errors ? { errorBodies: errors } : {}),
  };
  return route;
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
  const members = allParameters(operation).map((parameter) => {
    const docs = parameter.description ? `${jsDoc(parameter.description)}\n` : "";
    const optional = parameter.required || parameter.default !== undefined ? "" : "?";
    return `${docs}${typeMember({ member: `${propertyKey(parameter.codeName)}${optional}: ${parameterType({ operation, parameter })};`, depth: 1 })}`;
  });
  return members.length ? `{\n${members.join("\n")}\n}` : "{}";
}

/** The credential a handler of a secured operation gets: \`scheme\` is one of the operation's. */
export function credentialType(options: { model: Model; document: OpenApiDocument; operation: OperationModel }): string {
  const schemes = [...new Set(planOf(options).security.map((alternative) => alternative.scheme))].sort();
  if (schemes.length === 0) return "undefined";
  return `ServerCredential<${schemes.map((scheme) => stringLiteral(scheme)).join(" | ")}>`;
}

/** The members of each documented outcome (`status: 404`, `body: ...`, `headers?: OutcomeHeaders`): exactly those. */
export function outcomeVariants(operation: OperationModel): string[][] {
  return numberedResponses(operation).map((response) => {
    if (!response.contentType) return [`status: ${response.status}`, "body?: undefined", "headers?: OutcomeHeaders"];
    const content = `${operationRef(operation)}["responses"][${response.status}]["content"][${stringLiteral(response.contentType)}]`;
    // Bytes travel as they are: a binary body may be a Uint8Array as well as a string.
    const body = mediaKind(response.contentType) === "binary" ? `${content} | Uint8Array` : content;
    return [`status: ${response.status}`, `body: ${body}`, "headers?: OutcomeHeaders"];
  });
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
