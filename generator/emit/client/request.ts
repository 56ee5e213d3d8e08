// What the client sends beyond path and scalar query parameters, as the descriptor's text:
// the encoder of array and object query parameters, header parameters, the request body's
// step (by media type), and the runtime functions those need imported (only those, so a
// client whose operations use none of them bundles none).

import type { Model, OperationModel, ParameterModel, TypeRef } from "../../model/types.js";
import { stringLiteral } from "../escape.js";

const JSON_TYPE = /^application\/(?:[\w.+-]*\+)?json\b/i;
const ANY_SCALAR = "boolean|number|string";

/** A `model` reference followed to the schema it names (a few levels: aliases of aliases). */
export function resolveType(options: { model: Model; type: TypeRef | undefined }): TypeRef | undefined {
  let { type } = options;
  for (let depth = 0; depth < 8 && type?.kind === "model"; depth++) {
    const name = type.name;
    type = options.model.schemas.find((schema) => schema.name === name)?.type;
  }
  return type;
}

/** The types a value may take, nulls and model references unwrapped, arrays' items included. */
function variantsOf(options: { model: Model; type: TypeRef | undefined }): TypeRef[] {
  const type = resolveType(options);
  if (type === undefined) return [];
  if (type.kind === "nullable") return variantsOf({ model: options.model, type: type.inner });
  if (type.kind === "union") return type.variants.flatMap((variant) => variantsOf({ model: options.model, type: variant }));
  return [type];
}

function typeofOf(type: TypeRef): string | undefined {
  if (type.kind === "primitive") return type.type === "integer" ? "number" : type.type === "unknown" || type.type === "null" ? undefined : type.type;
  if (type.kind === "literal" || type.kind === "enum") {
    const values = (type.kind === "enum" ? type.values : [type.value]).filter((value) => value !== null);
    const types = new Set(values.map((value) => typeof value));
    return types.size === 1 ? [...types][0] : undefined;
  }
  return undefined;
}

/** `typeof`s a query value (or each item of an array) may have: what the schema allows, or any primitive when it is not that simple. */
function scalarTypes(options: { model: Model; type: TypeRef }): string {
  const variants = variantsOf(options).flatMap((variant) => (variant.kind === "array" ? variantsOf({ model: options.model, type: variant.items }) : [variant]));
  const types = variants.map(typeofOf);
  if (!types.length || types.some((type) => type === undefined)) return ANY_SCALAR;
  return [...new Set(types)].sort().join("|");
}

/** The encoder call for a parameter that may be an array or an object, else undefined (a scalar, encoded by url.ts). */
function queryEncoder(options: { model: Model; parameter: ParameterModel }): string | undefined {
  const { parameter } = options;
  const variants = variantsOf({ model: options.model, type: parameter.type });
  if (parameter.style === "deepObject" && variants.some((variant) => variant.kind === "object" || variant.kind === "map")) return "queryDeep";
  if (!variants.some((variant) => variant.kind === "array")) return undefined;
  if (parameter.explode) return "queryList()";
  const separator = parameter.style === "spaceDelimited" ? "%20" : parameter.style === "pipeDelimited" ? "|" : ",";
  return `queryList(${stringLiteral(separator)})`;
}

/** `name: [field, types, encoder?]` entries of the descriptor's `query`, values printed, with the tuple's type. */
export function queryEntries(options: { model: Model; operation: OperationModel }): Array<[string, string, string]> {
  return options.operation.query.map((parameter) => {
    const deep = parameter.style === "deepObject";
    const encoder = queryEncoder({ model: options.model, parameter });
    const types = deep ? ANY_SCALAR : scalarTypes({ model: options.model, type: parameter.type });
    const value = [stringLiteral(parameter.codeName), stringLiteral(types), ...(encoder ? [encoder] : [])].join(", ");
    const encoderType = encoder === undefined ? "" : encoder === "queryDeep" ? ", typeof queryDeep" : ", ReturnType<typeof queryList>";
    return [encodeURIComponent(parameter.name), `[${value}]`, `as [string, string${encoderType}]`];
  });
}

/** The runtime function that encodes the operation's body, by its media type. */
export function bodyStep(operation: OperationModel): string | undefined {
  const type = operation.requestBody?.contentType;
  if (type === undefined) return undefined;
  if (JSON_TYPE.test(type)) return "jsonBody";
  if (/^application\/x-www-form-urlencoded\b/i.test(type)) return "formBody";
  if (/^multipart\/form-data\b/i.test(type)) return "multipartBody";
  return "rawBody";
}

/** The descriptor's `encode`: the body's encoder (which sets header parameters too), else `headerParams` when there are some. */
export function encoder(operation: OperationModel): string | undefined {
  return bodyStep(operation) ?? (operation.headers.length ? "headerParams" : undefined);
}

/** The descriptor's `body`: media type, whether required, the named schema validators check it against. */
export function bodyDescriptor(operation: OperationModel): string | undefined {
  const body = operation.requestBody;
  if (!body) return undefined;
  const members = [
    `type: ${stringLiteral(body.contentType)}`,
    ...(body.required ? ["required: true"] : []),
    ...(body.type?.kind === "model" ? [`schema: ${stringLiteral(body.type.name)}`] : []),
  ];
  return `{ ${members.join(", ")} }`;
}

/** Runtime functions the descriptors use, by module, sorted: imported by client.ts. */
export function runtimeImports(options: { model: Model }): { query: string[]; steps: string[] } {
  const query = new Set<string>();
  const used = new Set<string>();
  for (const operation of options.model.operations) {
    for (const parameter of operation.query) {
      const encoder = queryEncoder({ model: options.model, parameter });
      if (encoder) query.add(encoder.replace(/\(.*$/, ""));
    }
    const encode = encoder(operation);
    if (encode) used.add(encode);
  }
  return { query: [...query].sort(), steps: [...used].sort() };
}
