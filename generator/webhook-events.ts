// Which webhook events each selected operation makes Polar send (docs/server.md lists
// the order and where in Polar's server each comes from), and where the spec documents
// each event's payload. The selection keeps exactly these entries of the spec's
// `webhooks`, so types and validators exist for the events a handler will receive.

import { cloneJson } from "./json.js";
import { isObject, parsePointer, type OpenApiDocument } from "./openapi.js";

/** A deletion revokes the customer's billable subscriptions, then deletes the customer. */
const DELETE_EVENTS = ["subscription.updated", "subscription.canceled", "subscription.revoked", "customer.deleted", "customer.state_changed"];
/** A cancellation at the end of the period. */
const CANCEL_EVENTS = ["subscription.updated", "subscription.canceled", "customer.state_changed"];

const TRIGGERED: ReadonlyMap<string, readonly string[]> = new Map([
  ["customers:delete", DELETE_EVENTS],
  ["customers:delete_external", DELETE_EVENTS],
  ["customer_portal:subscriptions:cancel", CANCEL_EVENTS],
]);

/** The events the operations trigger, sorted, each once. */
export function triggeredEvents(operationIds: readonly string[]): string[] {
  return [...new Set(operationIds.flatMap((id) => TRIGGERED.get(id) ?? []))].sort();
}

/** The spec's `webhooks` entries for those events, reduced to what code reads: the payload. */
export function selectWebhooks(options: { document: OpenApiDocument; operationIds: readonly string[]; copy?: <T>(value: T) => T }): Record<string, unknown> | undefined {
  const copy = options.copy ?? cloneJson;
  const { webhooks } = options.document;
  if (!isObject(webhooks)) return undefined;
  const selected: Record<string, unknown> = {};
  for (const event of triggeredEvents(options.operationIds)) {
    const item = Object.hasOwn(webhooks, event) ? webhooks[event] : undefined;
    const post = isObject(item) && isObject(item.post) ? item.post : undefined;
    if (!post || !isObject(post.requestBody)) continue;
    // No operationId: openapi-typescript would list the webhook among the API's operations.
    const kept: Record<string, unknown> = {};
    for (const key of ["description", "requestBody", "summary"]) if (post[key] !== undefined) kept[key] = copy(post[key]);
    // Keys from TRIGGERED, never from the spec.
    selected[event] = { post: kept };
  }
  return selected;
}

export interface WebhookPayload {
  event: string;
  /** The component schema of the payload, when the spec names one. */
  schemaName: string | undefined;
}

/** The selected subset's webhook events, sorted, with the schema of each one's JSON payload. */
export function webhookPayloads(subset: OpenApiDocument): WebhookPayload[] {
  const webhooks = isObject(subset.webhooks) ? subset.webhooks : {};
  return Object.keys(webhooks)
    .sort()
    .map((event) => {
      const item = webhooks[event];
      const post = isObject(item) && isObject(item.post) ? item.post : {};
      const content = isObject(post.requestBody) && isObject(post.requestBody.content) ? post.requestBody.content : {};
      const media = content["application/json"];
      const ref = isObject(media) && isObject(media.schema) ? media.schema.$ref : undefined;
      const segments = typeof ref === "string" ? parsePointer(ref) : [];
      const named = segments.length === 3 && segments[0] === "components" && segments[1] === "schemas";
      return { event, schemaName: named ? segments[2] : undefined };
    });
}
