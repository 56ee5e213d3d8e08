// The request body an operation takes, as the runtime reads it: per media type, how
// (JSON, a form, multipart, text, bytes) and, for forms, how each field's text becomes
// a value. The handler's `body` type, by indexed access into openapi-typescript's types.

import { ownValue } from "../../json.js";
import { toTypeRef } from "../../model/type-ref.js";
import type { Model, OperationModel, TypeRef } from "../../model/types.js";
import type { OpenApiDocument } from "../../openapi.js";
import { stringLiteral } from "../escape.js";
import { resolve } from "../../model/operations.js";
import { resolved, valueShape, type Shape } from "./shape.js";

export const JSON_MEDIA = /^application\/(?:[\w.+-]*\+)?json\b/i;

export interface BodyMediaInfo {
  type: string;
  kind: "json" | "form" | "multipart" | "text" | "binary";
  fields?: Record<string, Shape>;
}

export function mediaKind(type: string): BodyMediaInfo["kind"] {
  const lower = type.toLowerCase();
  if (JSON_MEDIA.test(lower) || lower === "*/*") return "json";
  if (lower === "application/x-www-form-urlencoded") return "form";
  if (lower.startsWith("multipart/")) return "multipart";
  if (lower.startsWith("text/")) return "text";
  return "binary";
}

/** The raw schema of one media type of the operation's body. */
export function bodySchema(options: { document: OpenApiDocument; operation: OperationModel; media: string }): unknown {
  const { document, operation } = options;
  const raw = ownValue(ownValue(ownValue(document.paths, operation.path), operation.method), "requestBody");
  return ownValue(ownValue(ownValue(resolve(document, raw), "content"), options.media), "schema");
}

export function bodyInfo(options: { model: Model; document: OpenApiDocument; operation: OperationModel }): { required: boolean; media: BodyMediaInfo[] } | undefined {
  const { model, document, operation } = options;
  const body = operation.requestBody;
  if (!body) return undefined;
  const media = body.contentTypes.map((type): BodyMediaInfo => {
    const kind = mediaKind(type);
    if (kind !== "form" && kind !== "multipart") return { type, kind };
    const fields = fieldShapes({ model, type: toTypeRef(bodySchema({ document, operation, media: type })) });
    return Object.keys(fields).length ? { type, kind, fields } : { type, kind };
  });
  return { required: body.required, media };
}

/** Each property of an object body (of every branch of a union) with a shape; others stay text. */
function fieldShapes(options: { model: Model; type: TypeRef }): Record<string, Shape> {
  const { model } = options;
  const fields: Record<string, Shape> = {};
  const pending = [options.type];
  for (let seen = 0, type = pending.pop(); type !== undefined && seen < 64; seen++, type = pending.pop()) {
    const found = resolved({ model, type });
    if (found.kind === "union") pending.push(...found.variants);
    else if (found.kind === "intersection") pending.push(...found.parts);
    else if (found.kind === "object")
      for (const property of found.properties) {
        const shape = valueShape({ model, type: property.type, format: undefined });
        if (shape && !Object.hasOwn(fields, property.name)) Object.defineProperty(fields, property.name, { value: shape, enumerable: true, writable: true });
      }
  }
  return Object.fromEntries(Object.entries(fields).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** `body`'s type: each media type's content, `undefined` too when the body is optional. */
export function bodyType(operation: OperationModel): string {
  const body = operation.requestBody;
  if (!body) return "undefined";
  const content = `NonNullable<operations[${stringLiteral(operation.id)}]["requestBody"]>["content"]`;
  const types = body.contentTypes.map((type) => `${content}[${stringLiteral(type)}]`);
  return [...types, ...(body.required ? [] : ["undefined"])].join(" | ");
}
