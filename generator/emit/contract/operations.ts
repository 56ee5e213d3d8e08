// The operations as the contract suite reads them: plain data from the model.

import type { Model, OperationModel, ParameterModel, ResponseModel, TypeRef } from "../../model/types.js";
import type { OpenApiDocument } from "../../openapi.js";
import { contractSecurity } from "./credentials.js";
import { bodyFacts, parameterFacts } from "./samples.js";

/** The operations whose behaviour the suite's outcome sequences know, on Polar's spec only. */
const MODELLED = new Set(["customers:delete", "customers:delete_external", "customer_portal:subscriptions:cancel"]);

export function contractOperations(options: { model: Model; document: OpenApiDocument }): unknown[] {
  const { model, document } = options;
  return model.operations.map((operation: OperationModel) => {
    const body = operation.requestBody && bodyFacts({ model, body: operation.requestBody, document });
    const security = contractSecurity({ model, operation });
    return {
      id: operation.id,
      clientPath: operation.group,
      method: operation.method.toUpperCase(),
      path: operation.path,
      modelled: model.polar && MODELLED.has(operation.id),
      pathParams: operation.pathParams.map((each) => parameter({ model, parameter: each })),
      query: operation.query.map((each) => parameter({ model, parameter: each })),
      headers: operation.headers.map((each) => parameter({ model, parameter: each })),
      ...(body ? { body } : {}),
      credentials: [...new Set(security.map((each) => each.credential))].sort(),
      security: security.map(({ scopes: _scopes, ...each }) => each),
      responses: Object.fromEntries([...operation.success, ...operation.errors].map((response) => [String(response.status), responseOf({ model, response })])),
    };
  });
}

function parameter(options: { model: Model; parameter: ParameterModel }) {
  const { parameter: model } = options;
  const { type, enum: values, samples, invalid } = parameterFacts({ parameter: model, model: options.model });
  return { name: model.name, codeName: model.codeName, ...(model.format ? { format: model.format } : {}), type, ...(values ? { enum: values } : {}), required: model.required, samples, invalid };
}

function responseOf(options: { model: Model; response: ResponseModel }) {
  const { model, response } = options;
  if (!response.contentType) return {};
  const items = response.body?.kind === "array" && response.body.items.kind === "model" ? response.body.items.name : undefined;
  if (items) return { contentType: response.contentType, items };
  if (response.body?.kind !== "model") return { contentType: response.contentType };
  const schema = response.body.name;
  // A success body's fields, for the checks of what it must say (a cancelled subscription's `canceled_at`).
  const success = typeof response.status === "number" && response.status < 300;
  const type = model.schemas.find((each) => each.name === schema)?.type;
  return { contentType: response.contentType, schema, ...(success && type ? { properties: propertyNames(type) } : {}) };
}

function propertyNames(type: TypeRef): string[] {
  if (type.kind === "intersection") return [...new Set(type.parts.flatMap(propertyNames))].sort();
  if (type.kind === "object") return type.properties.map((property) => property.name).sort();
  return [];
}
