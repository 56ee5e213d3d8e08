// The operations as the contract suite reads them: plain data from the model.

import type { Model, OperationModel, ParameterModel, ResponseModel, TypeRef } from "../../model/types.js";

export function contractOperations(model: Model): unknown[] {
  const credentialOf = new Map(model.securitySchemes.map((scheme) => [scheme.name, scheme.credential]));
  return model.operations.map((operation: OperationModel) => ({
    id: operation.id,
    clientPath: operation.group,
    method: operation.method.toUpperCase(),
    path: operation.path,
    pathParams: operation.pathParams.map(parameter),
    query: operation.query.map(parameter),
    credentials: [...new Set(operation.security.flatMap((alternative) => alternative.schemes.map((each) => credentialOf.get(each.scheme) ?? each.scheme)))].sort(),
    responses: Object.fromEntries([...operation.success, ...operation.errors].map((response) => [String(response.status), responseOf({ model, response })])),
  }));
}

function parameter(model: ParameterModel) {
  const type = model.type.kind === "primitive" && model.type.type !== "null" && model.type.type !== "unknown" ? model.type.type : "other";
  return { name: model.name, codeName: model.codeName, ...(model.format ? { format: model.format } : {}), type, required: model.required };
}

function responseOf(options: { model: Model; response: ResponseModel }) {
  const { model, response } = options;
  if (!response.contentType) return {};
  if (response.body?.kind !== "model") return { contentType: response.contentType };
  const schema = response.body.name;
  // A success body's fields, for the checks of what it must say (a cancelled subscription's `canceled_at`).
  const success = typeof response.status === "number" && response.status < 300;
  const type = model.schemas.find((each) => each.name === schema)?.type;
  return { contentType: response.contentType, schema, ...(success && type ? { properties: propertyNames(type) } : {}) };
}

function propertyNames(type: TypeRef): string[] {
  if (type.kind === "object") return type.properties.map((property) => property.name).sort();
  if (type.kind === "intersection") return [...new Set(type.parts.flatMap(propertyNames))].sort();
  return [];
}
