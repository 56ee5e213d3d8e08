// Operations of the selected subset, as the emitters need them: parameters resolved
// and camelCased, security as alternatives with scopes, responses split by outcome.

import { HTTP_METHODS, isObject, parsePointer, type OpenApiDocument } from "../openapi.js";
import { ownValue } from "../json.js";
import { notInherited, camelCase, operationGroup } from "./naming.js";
import { GENERATED_NAMES, operationFunctionName } from "./names.js";
import { toTypeRef } from "./type-ref.js";
import type { OperationModel, ParameterModel, RequestBodyModel, ResponseModel, SecurityRequirementModel } from "./types.js";

type Json = Record<string, unknown>;

/** OpenAPI: header parameters by these names are ignored (the media types and security carry them). */
const RESERVED_HEADERS = new Set(["accept", "content-type", "authorization"]);
const STYLES = new Set<ParameterModel["style"]>(["form", "spaceDelimited", "pipeDelimited", "deepObject", "simple", "label", "matrix"]);
const JSON_MEDIA = /^application\/(?:[\w.+-]*\+)?json\b/i;

export function buildOperations(options: { document: OpenApiDocument; apiName: string }): OperationModel[] {
  const { document, apiName } = options;
  const taken = GENERATED_NAMES(apiName);
  const operations: OperationModel[] = [];
  for (const [path, item] of Object.entries(document.paths ?? {})) {
    for (const method of HTTP_METHODS) {
      const operation = item[method];
      if (!isObject(operation)) continue;
      operations.push(buildOperation({ document, apiName, taken, path, method, operation, shared: item.parameters }));
    }
  }
  return operations.sort((a, b) => (a.id < b.id ? -1 : 1));
}

function buildOperation(options: {
  document: OpenApiDocument;
  apiName: string;
  taken: ReadonlySet<string>;
  path: string;
  method: OperationModel["method"];
  operation: Json;
  shared: unknown;
}): OperationModel {
  const { document, operation } = options;
  const id = String(operation.operationId);
  const parameters = mergeParameters({ document, shared: options.shared, own: operation.parameters });
  const security = securityAlternatives(Array.isArray(operation.security) ? operation.security : (document.security ?? []));
  const responses = buildResponses({ document, responses: operation.responses });
  return {
    id,
    group: operationGroup(id),
    functionName: operationFunctionName({ operationId: id, apiName: options.apiName, taken: options.taken }),
    method: options.method,
    path: options.path,
    ...(typeof operation.summary === "string" ? { summary: operation.summary } : {}),
    ...(typeof operation.description === "string" ? { description: operation.description } : {}),
    deprecated: operation.deprecated === true,
    pathParams: parameters.filter((parameter) => parameter.in === "path"),
    query: parameters.filter((parameter) => parameter.in === "query"),
    headers: parameters.filter((parameter) => parameter.in === "header" && !RESERVED_HEADERS.has(parameter.name.toLowerCase())),
    ...requestBodyOf({ document, raw: operation.requestBody }),
    security,
    scopes: [...new Set(security.flatMap((alternative) => alternative.schemes.flatMap((s) => s.scopes)))].sort(),
    success: responses.filter((response) => isSuccess(response.status)),
    errors: responses.filter((response) => !isSuccess(response.status)),
  };
}

/** Follow a `$ref` into the document's components, or return the value itself. */
export function resolve(document: OpenApiDocument, value: unknown): unknown {
  let current = value;
  for (let depth = 0; depth < 32 && isObject(current) && typeof current.$ref === "string"; depth++) {
    let node: unknown = document;
    for (const segment of parsePointer(current.$ref)) node = ownValue(node, segment);
    current = node;
  }
  return current;
}

function mergeParameters(options: { document: OpenApiDocument; shared: unknown; own: unknown }): ParameterModel[] {
  const byKey = new Map<string, ParameterModel>();
  for (const list of [options.shared, options.own]) {
    for (const raw of Array.isArray(list) ? list : []) {
      const parameter = resolve(options.document, raw);
      if (!isObject(parameter) || typeof parameter.name !== "string") continue;
      const model = toParameter({ document: options.document, parameter });
      if (model) byKey.set(`${model.in}:${model.name}`, model);
    }
  }
  return [...byKey.values()];
}

function toParameter(options: { document: OpenApiDocument; parameter: Json }): ParameterModel | undefined {
  const { parameter } = options;
  if (parameter.in !== "path" && parameter.in !== "query" && parameter.in !== "header") return undefined;
  const schema = resolve(options.document, parameter.schema);
  const format = isObject(schema) && typeof schema.format === "string" ? schema.format : undefined;
  const pattern = isObject(schema) && typeof schema.pattern === "string" ? schema.pattern : undefined;
  const style = typeof parameter.style === "string" && STYLES.has(parameter.style as ParameterModel["style"]) ? (parameter.style as ParameterModel["style"]) : parameter.in === "query" ? "form" : "simple";
  return {
    name: String(parameter.name),
    codeName: notInherited(camelCase(String(parameter.name))),
    in: parameter.in,
    required: parameter.in === "path" || parameter.required === true,
    style,
    explode: typeof parameter.explode === "boolean" ? parameter.explode : style === "form",
    type: toTypeRef(parameter.schema),
    ...(format ? { format } : {}),
    ...(pattern ? { pattern } : {}),
    ...(isObject(schema) && "default" in schema ? { default: schema.default } : {}),
    ...(typeof parameter.description === "string" ? { description: parameter.description } : {}),
  };
}

/** The request body, when the operation has one: the media type sent is the first JSON one, else the first. */
function requestBodyOf(options: { document: OpenApiDocument; raw: unknown }): { requestBody?: RequestBodyModel } {
  const body = resolve(options.document, options.raw);
  if (!isObject(body) || !isObject(body.content)) return {};
  const contentTypes = Object.keys(body.content);
  const contentType = contentTypes.find((type) => JSON_MEDIA.test(type)) ?? contentTypes[0];
  if (contentType === undefined) return {};
  const media = body.content[contentType];
  return {
    requestBody: {
      required: body.required === true,
      contentType,
      contentTypes,
      ...(isObject(media) && media.schema !== undefined ? { type: toTypeRef(media.schema) } : {}),
      ...(typeof body.description === "string" ? { description: body.description } : {}),
    },
  };
}

function securityAlternatives(requirements: unknown[]): SecurityRequirementModel[] {
  return requirements.filter(isObject).map((requirement) => ({
    schemes: Object.entries(requirement).map(([scheme, scopes]) => ({
      scheme,
      scopes: Array.isArray(scopes) ? scopes.map(String).sort() : [],
    })),
  }));
}

function buildResponses(options: { document: OpenApiDocument; responses: unknown }): ResponseModel[] {
  const entries = Object.entries(isObject(options.responses) ? options.responses : {});
  return entries
    .map(([code, raw]) => {
      const response = resolve(options.document, raw);
      const content = isObject(response) && isObject(response.content) ? response.content : {};
      const contentType = Object.keys(content).find((type) => type.includes("json")) ?? Object.keys(content)[0];
      const media = contentType ? content[contentType] : undefined;
      return {
        status: /^\d{3}$/.test(code) ? Number(code) : code,
        description: isObject(response) && typeof response.description === "string" ? response.description : "",
        ...(contentType ? { contentType } : {}),
        ...(isObject(media) && media.schema !== undefined ? { body: toTypeRef(media.schema) } : {}),
      };
    })
    .sort((a, b) => String(a.status).localeCompare(String(b.status)));
}

function isSuccess(status: number | string): boolean {
  return typeof status === "number" ? status >= 200 && status < 300 : /^2/i.test(status);
}
