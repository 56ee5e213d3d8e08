// The operations as the contract suite reads them: plain data from the model.

import type { Model, OperationModel, ParameterModel, ResponseModel } from "../../model/types.js";

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
    responses: Object.fromEntries([...operation.success, ...operation.errors].map((response) => [String(response.status), responseOf(response)])),
  }));
}

function parameter(model: ParameterModel) {
  const type = model.type.kind === "primitive" && model.type.type !== "null" && model.type.type !== "unknown" ? model.type.type : "other";
  return { name: model.name, codeName: model.codeName, ...(model.format ? { format: model.format } : {}), type, required: model.required };
}

function responseOf(response: ResponseModel) {
  if (!response.contentType) return {};
  return { contentType: response.contentType, ...(response.body?.kind === "model" ? { schema: response.body.name } : {}) };
}
