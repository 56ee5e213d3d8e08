// The webhook events Polar sends for a change the fake made, in the order it sends them
// (docs/server.md names the functions of Polar's server each comes from), with payloads
// built from the fake's state right after the change:
// - a deletion: for each subscription it revokes, `subscription.updated`,
//   `subscription.canceled`, `subscription.revoked`; then `customer.deleted` and the
//   `customer.state_changed` that follows it; then, when subscriptions were revoked, the
//   `customer.state_changed` their updates queued;
// - a cancellation: `subscription.updated`, `subscription.canceled`,
//   `customer.state_changed`.
// Only the events the spec documents are sent (all of them when it has no webhooks).

import type { CustomerRecord, StoreState, SubscriptionRecord } from "./store.js";
import { conform, type PayloadCheck } from "./webhook-conform.js";

/** What the store reports after a change, by id: the payloads are read from the state. */
export type StoreChange =
  | { kind: "customer-deleted"; customerId: string; revokedIds: string[] }
  | { kind: "subscription-canceled"; subscriptionId: string };

/** Per event type: the generated validator of its payload and a schema-valid sample payload. */
export interface WebhookEventSpec {
  check?: PayloadCheck | undefined;
  sample?: { data?: unknown; [field: string]: unknown } | undefined;
  /** A sample of one of `customer.state_changed`'s `active_subscriptions`. */
  item?: unknown;
}

export interface WebhookPayload {
  type: string;
  timestamp: string;
  data: Record<string, unknown>;
}

/** Statuses in which a subscription grants access: the ones a customer's state lists. */
const GRANTING = /* @__PURE__ */ new Set(["active", "trialing"]);

export function eventsOf(options: {
  change: StoreChange;
  state: StoreState;
  specs: ReadonlyMap<string, WebhookEventSpec>;
  timestamp: string;
}): WebhookPayload[] {
  const { change, state, specs, timestamp } = options;
  const customers = new Map(state.customers.map((customer) => [customer.id, customer]));
  const subscriptions = new Map(
    state.subscriptions.map((subscription) => [subscription.id, subscription]),
  );
  const events: Array<[string, (spec: WebhookEventSpec) => Draft]> = [];
  const subscriptionEvents = (subscription: SubscriptionRecord, types: string[]) => {
    const customer = customers.get(subscription.customer_id);
    for (const type of types)
      events.push([type, (spec) => subscriptionDraft({ spec, subscription, customer })]);
  };
  const stateChanged = (customer: CustomerRecord) =>
    events.push([
      "customer.state_changed",
      (spec) => stateDraft({ spec, customer, subscriptions: state.subscriptions }),
    ]);

  if (change.kind === "customer-deleted") {
    const customer = customers.get(change.customerId);
    for (const id of change.revokedIds) {
      const subscription = subscriptions.get(id);
      if (subscription)
        subscriptionEvents(subscription, [
          "subscription.updated",
          "subscription.canceled",
          "subscription.revoked",
        ]);
    }
    if (customer) {
      events.push(["customer.deleted", (spec) => recordDraft({ spec, record: customer })]);
      stateChanged(customer);
      if (change.revokedIds.length > 0) stateChanged(customer);
    }
  } else {
    const subscription = subscriptions.get(change.subscriptionId);
    const customer = subscription && customers.get(subscription.customer_id);
    if (subscription)
      subscriptionEvents(subscription, ["subscription.updated", "subscription.canceled"]);
    if (customer) stateChanged(customer);
  }
  return events
    .filter(([type]) => specs.has(type))
    .map(([type, draft]) => {
      const spec = specs.get(type)!;
      return payloadOf({ type, timestamp, spec, draft: draft(spec) });
    });
}

/** The payload's data from the state, and the schema-valid shape to fall back on part by part. */
interface Draft {
  data: Record<string, unknown>;
  fallback: unknown;
}

function payloadOf(options: {
  type: string;
  timestamp: string;
  spec: WebhookEventSpec;
  draft: Draft;
}): WebhookPayload {
  const { type, timestamp, spec, draft } = options;
  const value = { ...spec.sample, type, timestamp, data: draft.data };
  if (!spec.check) return value;
  const fallback = { ...spec.sample, type, timestamp, data: draft.fallback };
  return conform({ value, fallback, check: spec.check }) as WebhookPayload;
}

function sampleData(spec: WebhookEventSpec): Record<string, unknown> {
  const data = spec.sample?.data;
  return typeof data === "object" && data !== null && !Array.isArray(data)
    ? (data as Record<string, unknown>)
    : {};
}

function recordDraft(options: { spec: WebhookEventSpec; record: object }): Draft {
  const sample = sampleData(options.spec);
  return { data: { ...sample, ...options.record }, fallback: sample };
}

/** A subscription as webhooks carry it: with its customer. */
function subscriptionDraft(options: {
  spec: WebhookEventSpec;
  subscription: SubscriptionRecord;
  customer: CustomerRecord | undefined;
}): Draft {
  const sample = sampleData(options.spec);
  const sampleCustomer = sample["customer"];
  const data: Record<string, unknown> = { ...sample, ...options.subscription };
  if (options.customer && typeof sampleCustomer === "object" && sampleCustomer !== null)
    data["customer"] = { ...sampleCustomer, ...options.customer };
  return { data, fallback: sample };
}

/** The customer with the subscriptions that still grant access; the fake grants no benefits and has no meters. */
function stateDraft(options: {
  spec: WebhookEventSpec;
  customer: CustomerRecord;
  subscriptions: SubscriptionRecord[];
}): Draft {
  const { spec, customer } = options;
  const sample = sampleData(spec);
  const granting = options.subscriptions.filter(
    (subscription) =>
      subscription.customer_id === customer.id && GRANTING.has(String(subscription["status"])),
  );
  const item =
    typeof spec.item === "object" && spec.item !== null
      ? (spec.item as Record<string, unknown>)
      : {};
  // A state lists a subscription by the fields of its own schema (no product, no customer).
  const listed = (subscription: SubscriptionRecord) =>
    Object.keys(item).length === 0
      ? { ...subscription }
      : Object.fromEntries(
          Object.keys(item).map((field) => [
            field,
            Object.hasOwn(subscription, field) ? subscription[field] : item[field],
          ]),
        );
  const data: Record<string, unknown> = {
    ...sample,
    ...customer,
    active_subscriptions: granting.map(listed),
    granted_benefits: [],
    active_meters: [],
  };
  const fallback = {
    ...sample,
    active_subscriptions: granting.map(() => item),
  };
  return { data, fallback };
}
