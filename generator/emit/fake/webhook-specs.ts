// The fake's table of webhook events, as TypeScript text: for each event the selected
// operations trigger and the spec documents, the generated validator of its payload and
// a schema-valid sample payload to fall back on (fake-runtime/webhook-conform.ts). With
// no `webhooks` in the spec, every triggered event, unchecked, built from state alone.

import type { Model } from "../../model/types.js";
import { isObject, parsePointer, type OpenApiDocument } from "../../openapi.js";
import { triggeredEvents, webhookPayloads } from "../../webhook-events.js";
import { stringLiteral } from "../escape.js";
import { Code, jsLiteralLines } from "../js-literal.js";
import { resolveRef } from "./matches.js";
import { sampleSchema } from "./sample.js";

export function webhookEventsFunction(options: { model: Model; document: OpenApiDocument }): string {
  const { document } = options;
  // The source was JSON.stringify's: strings and keys as it writes them, objects on one line where they fit.
  const entry = (event: string, spec: Record<string, unknown>) => jsLiteralLines([event, spec], { depth: 2, suffix: ",", json: true });
  const entries = isObject(document.webhooks)
    ? webhookPayloads(document).map(({ event, schemaName }) => {
        if (!schemaName) return entry(event, {});
        const spec: Record<string, unknown> = { check: new Code(`validators[${stringLiteral(schemaName)}]`), sample: sampleSchema({ document, schemaName }) };
        const item = stateItemSchema({ document, schemaName });
        if (item) spec.item = sampleSchema({ document, schemaName: item });
        return entry(event, spec);
      })
    : triggeredEvents(options.model.operations.map((operation) => operation.id)).map((event) => entry(event, {}));
  // A function, not a constant: reading \`validators[...]\` at module level is a side effect to a bundler.
  return `
/** The webhook events the fake sends (fake-runtime/webhook-events.ts), each with its payload's check and sample. */
function webhookEvents(): Map<string, WebhookEventSpec> {
  return new Map<string, WebhookEventSpec>([
    ${entries.join("\n")}
  ]);
}`;
}

/** The schema of a customer state's `active_subscriptions` items, when the payload's data has that list. */
function stateItemSchema(options: { document: OpenApiDocument; schemaName: string }): string | undefined {
  const { document } = options;
  const follow = (schema: unknown): Record<string, unknown> | undefined => {
    if (!isObject(schema)) return undefined;
    return typeof schema.$ref === "string" ? follow(resolveRef({ document, ref: schema.$ref })) : schema;
  };
  const payload = follow({ $ref: `#/components/schemas/${options.schemaName}` });
  const data = follow(isObject(payload?.properties) ? payload.properties.data : undefined);
  const branches = [data, ...[data?.oneOf, data?.anyOf, data?.allOf].flatMap((list) => (Array.isArray(list) ? list.map(follow) : []))];
  for (const branch of branches) {
    const list = isObject(branch?.properties) ? branch.properties.active_subscriptions : undefined;
    const items = isObject(list) && isObject(list.items) ? list.items.$ref : undefined;
    const segments = typeof items === "string" ? parsePointer(items) : [];
    if (segments.length === 3 && segments[1] === "schemas") return segments[2];
  }
  return undefined;
}
