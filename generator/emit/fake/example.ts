// The fake's answer for an operation it does not model: the lowest documented 2xx,
// with its media type's `example` or `examples` where one fits the schema, else a
// deterministic sample built from the schema (sample.ts); no body where none is
// documented. The fit here is a quick one (matches.ts); the fake holds a named schema's
// candidates to the generated validators at run time. `undefined` when nothing fits:
// the fake then answers 501 (NotModelled).

import { ownValue } from "../../json.js";
import { resolve } from "../../model/operations.js";
import type { OperationModel } from "../../model/types.js";
import { isObject, type OpenApiDocument } from "../../openapi.js";
import { JSON_MEDIA } from "../server/body.js";
import { atEpoch } from "../server/error-bodies.js";
import { matchesSchema } from "./matches.js";
import { sampleOf } from "./sample.js";

export interface ExampleAnswer {
  status: number;
  /** Candidate bodies in order (the spec's examples, then the sample): the first the fake's check accepts is sent. */
  bodies?: unknown[];
  /** The component schema the body must match, checked by the fake with the generated validators. */
  schema?: string;
}

export function exampleAnswer(options: { document: OpenApiDocument; operation: OperationModel }): ExampleAnswer | undefined {
  const { document, operation } = options;
  const success = operation.success
    .filter((response): response is typeof response & { status: number } => typeof response.status === "number" && response.status >= 200 && response.status < 300)
    .sort((a, b) => a.status - b.status)[0];
  if (!success) return undefined;
  const { status } = success;
  if (!success.contentType) return { status };
  const media = mediaObject({ document, operation, status, contentType: success.contentType });
  const schema = ownValue(media, "schema");
  const json = JSON_MEDIA.test(success.contentType);
  const fits = (value: unknown) => (json ? value !== undefined : typeof value === "string") && (schema === undefined || matchesSchema({ document, schema, value }));
  const candidates = [...examplesOf({ document, media }), atEpoch(sampleOf({ document, schema: schema ?? {}, path: [operation.id, String(status)] }))];
  const named = success.body?.kind === "model" && json ? { schema: success.body.name } : {};
  const seen = new Set<string>();
  const bodies = candidates.filter(fits).filter((body) => !seen.has(JSON.stringify(body)) && !!seen.add(JSON.stringify(body)));
  if (bodies.length === 0) return undefined;
  // Without a generated check to choose with, the first candidate that fits is the answer.
  return { status, bodies: named.schema ? bodies : bodies.slice(0, 1), ...named };
}

function mediaObject(options: { document: OpenApiDocument; operation: OperationModel; status: number; contentType: string }): unknown {
  const { document, operation } = options;
  const responses = ownValue(ownValue(ownValue(document.paths, operation.path), operation.method), "responses");
  const response = resolve(document, ownValue(responses, String(options.status)));
  return ownValue(ownValue(response, "content"), options.contentType);
}

/**
 * The media type's `example`, then each of its `examples` (Example Objects, `$ref`s
 * followed), then the schema's own `example` and `examples` (JSON Schema's list).
 */
function examplesOf(options: { document: OpenApiDocument; media: unknown }): unknown[] {
  const { document, media } = options;
  if (!isObject(media)) return [];
  const found: unknown[] = [];
  if (media.example !== undefined) found.push(media.example);
  if (isObject(media.examples))
    for (const key of Object.keys(media.examples).sort()) {
      const example = resolve(document, media.examples[key]);
      if (isObject(example) && example.value !== undefined) found.push(example.value);
    }
  const schema = resolve(document, media.schema);
  if (isObject(schema)) {
    if (schema.example !== undefined) found.push(schema.example);
    if (Array.isArray(schema.examples)) found.push(...(schema.examples as unknown[]));
  }
  return found;
}
