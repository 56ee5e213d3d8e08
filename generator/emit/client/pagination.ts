// Which operations are paged lists, as Polar's are: `page` and `limit` in the query, and a
// 200 whose body has an `items` array and a `pagination` object. The client gives those a
// method `all` (runtime/paginate.ts) that walks every page.

import type { Model, OperationModel, TypeRef } from "../../model/types.js";
import { resolveType } from "./request.js";

function propertyOf(options: { model: Model; type: TypeRef | undefined; name: string }): TypeRef | undefined {
  const type = resolveType(options);
  const object = type?.kind === "nullable" ? resolveType({ model: options.model, type: type.inner }) : type;
  if (object?.kind !== "object") return undefined;
  return object.properties.find((property) => property.name === options.name)?.type;
}

export function isPaginated(options: { model: Model; operation: OperationModel }): boolean {
  const { model, operation } = options;
  const query = new Map(operation.query.map((parameter) => [parameter.name, parameter.codeName]));
  if (query.get("page") !== "page" || query.get("limit") !== "limit") return false;
  const body = operation.success.find((response) => response.status === 200)?.body;
  const items = resolveType({ model, type: propertyOf({ model, type: body, name: "items" }) });
  const pagination = propertyOf({ model, type: body, name: "pagination" });
  return items?.kind === "array" && propertyOf({ model, type: pagination, name: "max_page" }) !== undefined;
}
