// The fake's error answers (404 ResourceNotFound, 403 AlreadyCanceledSubscription) as
// the spec documents them. Polar's shape is `{ error, detail }`; a spec whose error
// schema requires more, or answers with no body or another media type, gets a body
// sampled from its own schema, so the handler's typed outcome compiles and the answer
// validates. An error the fake cannot express (an object schema sent as text) leaves
// the operation without behaviour.

import { ownValue } from "../../json.js";
import { isObject, type OpenApiDocument } from "../../openapi.js";
import { resolve } from "../../model/operations.js";
import type { OperationModel } from "../../model/types.js";
import { matchesSchema } from "./matches.js";
import { SEEDING_DATE, SEEDING_TIME, sampleOf } from "./sample.js";
import { jsonValueCode, literalFits } from "./json-value.js";
import { stringLiteral } from "../escape.js";

const JSON_TYPE = /^application\/(?:[\w.+-]*\+)?json\b/i;

/** `standard`: Polar's own `{ error, detail }` fits, the shared constant answers; else the outcome's code. */
export type ErrorOutcome = { kind: "standard" } | { kind: "code"; code: string };

export function errorOutcome(options: {
  document: OpenApiDocument;
  operation: OperationModel;
  status: number;
  body: { error: string; detail: string };
}): ErrorOutcome | undefined {
  const { document, operation, status } = options;
  const response = [...operation.success, ...operation.errors].find((each) => each.status === status);
  if (!response) return undefined;
  if (!response.contentType) return { kind: "code", code: `{ status: ${status} }` };
  const schema = responseSchema({ document, operation, status, contentType: response.contentType });
  const sampled = atFakeEpoch(sampleOf({ document, schema, path: [operation.id, String(status)] }));
  if (!JSON_TYPE.test(response.contentType)) {
    // The runtime sends a non-JSON body only as a string.
    if (typeof sampled !== "string") return undefined;
    const text = matchesSchema({ document, schema, value: options.body.detail }) ? options.body.detail : sampled;
    return { kind: "code", code: `{ status: ${status}, body: ${stringLiteral(text)} }` };
  }
  const body = withPolarFields({ document, schema, sampled, fields: options.body });
  if (JSON.stringify(body) === JSON.stringify(options.body) && literalFits({ document, value: body })) return { kind: "standard" };
  return { kind: "code", code: `{ status: ${status}, body: ${jsonValueCode({ document, value: body })} }` };
}

/** An error body is answered as it is, never seeded: its times are the fake's default clock (fake.ts DEFAULT_NOW). */
function atFakeEpoch(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value) ?? "null", (_key, item: unknown) => (item === SEEDING_TIME ? "2026-01-01T00:00:00Z" : item === SEEDING_DATE ? "2026-01-01" : item));
}

function responseSchema(options: { document: OpenApiDocument; operation: OperationModel; status: number; contentType: string }): unknown {
  const { document, operation } = options;
  const item = ownValue(document.paths, operation.path);
  const responses = ownValue(ownValue(item, operation.method), "responses");
  const response = resolve(document, ownValue(responses, String(options.status)));
  return ownValue(ownValue(ownValue(response, "content"), options.contentType), "schema");
}

/** Polar's `error` and `detail` over the sample, where the schema takes them. */
function withPolarFields(options: { document: OpenApiDocument; schema: unknown; sampled: unknown; fields: Record<string, string> }): unknown {
  const { document, schema, sampled } = options;
  if (!isObject(sampled)) return sampled;
  const merged: Record<string, unknown> = { ...sampled };
  for (const [name, value] of Object.entries(options.fields)) {
    if (!Object.hasOwn(merged, name)) continue;
    const candidate = { ...merged, [name]: value };
    if (matchesSchema({ document, schema, value: candidate })) merged[name] = value;
  }
  return merged;
}
