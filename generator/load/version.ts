// What kind of document this is: only OpenAPI 3.0.x and 3.1.x objects go further.

import { isObject } from "../openapi.js";
import { problem, type Problem } from "../problems.js";
import type { Source } from "./source.js";

export function checkDocumentKind(source: Source): Problem[] {
  const value = source.parsed.value;
  const at = (pointer: string) => {
    const position = source.parsed.locate(pointer);
    return { path: pointer, ...(position ? { position } : {}) };
  };
  if (!isObject(value)) {
    const kind = value === null ? "null" : Array.isArray(value) ? "an array" : `a ${typeof value}`;
    const message = `${source.label} is not an OpenAPI document: expected an object at the top level, found ${kind}`;
    return [problem({ code: "spec-not-object", message, ...at("") })];
  }
  if (value.swagger !== undefined) {
    const message =
      "Swagger 2.0 is not supported; convert it to OpenAPI 3 (for example with swagger2openapi or https://converter.swagger.io) and try again";
    return [problem({ code: "swagger-2", message, ...at("/swagger") })];
  }
  if (value.openapi === undefined) {
    const message = `${source.label} has no "openapi" field; expected an OpenAPI 3.0 or 3.1 document`;
    return [problem({ code: "openapi-missing", message, ...at("") })];
  }
  if (typeof value.openapi !== "string" || !/^3\.[01](\.\d+)?(-.+)?$/.test(value.openapi)) {
    const message = `OpenAPI version ${JSON.stringify(value.openapi)} is not supported; expected 3.0.x or 3.1.x`;
    return [problem({ code: "openapi-unsupported", message, ...at("/openapi") })];
  }
  return [];
}
