// For an API that is not Polar, the runtime answers its own errors (401, 422...) in
// FastAPI's plain `{"detail": ...}`. Where the spec documents another body for such a
// status on an operation, the route carries a sample of that body instead (or `null`
// for a documented empty response), so every answer conforms to the spec.

import { ownValue } from "../../json.js";
import { resolve } from "../../model/operations.js";
import type { OperationModel } from "../../model/types.js";
import type { OpenApiDocument } from "../../openapi.js";
import { matchesSchema } from "../fake/matches.js";
import { sampleOf, SEEDING_DATE, SEEDING_TIME } from "../fake/sample.js";
import { JSON_MEDIA } from "./body.js";

/** The statuses the runtime answers by itself once a request has reached a route. */
const RUNTIME_STATUSES = [400, 401, 403, 413, 415, 422, 501];

const PLAIN_DETAIL = { detail: "Not authenticated" };
const PLAIN_INVALID = { detail: [{ type: "missing", loc: ["query", "name"], msg: "Field required", input: null }] };

export function errorBodies(options: { document: OpenApiDocument; operation: OperationModel }): Record<number, unknown> | undefined {
  const { document, operation } = options;
  const bodies: Record<number, unknown> = {};
  for (const response of [...operation.success, ...operation.errors]) {
    if (typeof response.status !== "number" || !RUNTIME_STATUSES.includes(response.status)) continue;
    if (!response.contentType) {
      bodies[response.status] = null;
      continue;
    }
    if (!JSON_MEDIA.test(response.contentType)) continue;
    const schema = responseSchema({ document, operation, status: response.status, contentType: response.contentType });
    if (schema === undefined) continue;
    // Without a documented 422 the runtime refuses a bad request with 400 (core.ts): both plain bodies must fit it.
    const validationAt400 = response.status === 400 && !operation.errors.some((each) => each.status === 422);
    const plain = response.status === 422 ? [PLAIN_INVALID] : validationAt400 ? [PLAIN_DETAIL, PLAIN_INVALID] : [PLAIN_DETAIL];
    if (plain.every((value) => matchesSchema({ document, schema, value }))) continue;
    const sample = atEpoch(sampleOf({ document, schema, path: [operation.id, String(response.status)] }));
    if (matchesSchema({ document, schema, value: sample })) bodies[response.status] = sample;
  }
  return Object.keys(bodies).length ? bodies : undefined;
}

/** The schema of one documented response's media type. */
export function responseSchema(options: { document: OpenApiDocument; operation: OperationModel; status: number; contentType: string }): unknown {
  const { document, operation } = options;
  const responses = ownValue(ownValue(ownValue(document.paths, operation.path), operation.method), "responses");
  const response = resolve(document, ownValue(responses, String(options.status)));
  return ownValue(ownValue(ownValue(response, "content"), options.contentType), "schema");
}

/** Sampled times at the fake's fixed clock: an answer that is never seeded keeps no placeholder. */
export function atEpoch(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value) ?? "null", (_key, item: unknown) => (item === SEEDING_TIME ? "2026-01-01T00:00:00Z" : item === SEEDING_DATE ? "2026-01-01" : item));
}
