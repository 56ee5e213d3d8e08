// webhooks.ts: the webhook events the selected operations make Polar send, typed from
// the spec's `webhooks` section, so a handler can be written against them; and which
// generated validator checks each payload. Nothing when the spec documents none.

import type { EmitContext, GeneratedFile } from "../stages.js";
import { webhookPayloads } from "../webhook-events.js";
import { propertyKey, stringLiteral } from "./escape.js";

export function emitWebhooks(context: EmitContext): GeneratedFile[] {
  const payloads = webhookPayloads(context.subset).filter((payload) => payload.schemaName !== undefined);
  if (payloads.length === 0) return [];
  // Keys unquoted where prettier unquotes them: the file is in the statement-lines layout.
  const members = payloads.map(({ event, schemaName }) => `${propertyKey(event)}: components["schemas"][${stringLiteral(schemaName!)}];`);
  const schemas = payloads.map(({ event, schemaName }) => `${propertyKey(event)}: ${stringLiteral(schemaName!)},`);
  const text = `import type { components } from "./types.js";

/** The payload of each webhook event the selected operations make Polar send, by event type. */
export interface PolarWebhookEvents {
${members.join("\n")}
}

export type PolarWebhookEventType = keyof PolarWebhookEvents;

/** Any of those payloads; switch on \`type\`. */
export type PolarWebhookEvent = PolarWebhookEvents[PolarWebhookEventType];

/** The component schema of each payload: \`validators[webhookPayloadSchemas[type]](payload)\` (validators.ts) checks one. */
export const webhookPayloadSchemas = {
${schemas.join("\n")}
} as const satisfies Record<PolarWebhookEventType, string>;
`;
  return [{ path: "webhooks.ts", contents: text, layout: "statement-lines" }];
}
