// The fake Polar's in-memory state and what Polar does to it: deleting a customer
// revokes its active subscriptions, clears its external id and (on request) anonymises
// it; cancelling a subscription schedules it to end with the period. Deterministic: the
// clock is injected and nothing is random.

import { anonymize, type CustomerRecord } from "./anonymize.js";
import type { StoreChange } from "./webhook-events.js";

export type { CustomerRecord } from "./anonymize.js";

export interface SubscriptionRecord {
  id: string;
  customer_id: string;
  [field: string]: unknown;
}

export interface SessionRecord {
  token: string;
  customer_id: string;
}

export interface StoreSeed {
  customers?: readonly CustomerRecord[] | undefined;
  subscriptions?: readonly SubscriptionRecord[] | undefined;
  customer_sessions?: readonly SessionRecord[] | undefined;
}

export interface StoreState {
  customers: CustomerRecord[];
  subscriptions: SubscriptionRecord[];
  customer_sessions: SessionRecord[];
}

export type CancelResult =
  | { kind: "not-found" }
  | { kind: "already-canceled" }
  | { kind: "canceled"; subscription: SubscriptionRecord };

export interface Store {
  /** False when no live customer matches. */
  deleteCustomer(input: { by: "id" | "external_id"; value: string; anonymize: boolean }): boolean;
  /** Cancels at the end of the period, for the session's customer only. */
  cancelSubscription(input: { id: string; customerId: string | undefined }): CancelResult;
  /** The live customer a session token acts for; `undefined` for any other token. */
  customerOfSession(token: string): string | undefined;
  /** A session token of a deleted customer: Polar no longer accepts it at all. */
  isRevokedSession(token: string): boolean;
  state(): StoreState;
}

/** Statuses in which a subscription still bills and grants: the ones a deletion revokes. */
const ACTIVE = /* @__PURE__ */ new Set(["active", "trialing", "past_due"]);

/**
 * `seed`: checked, its subscriptions complete (fake-runtime/seed.ts). `onChange`: told
 * after each change, for the webhooks it makes Polar send (fake-runtime/webhooks.ts).
 */
export function createStore(options: {
  seed: StoreSeed;
  now: () => Date;
  onChange?: ((change: StoreChange) => void) | undefined;
}): Store {
  const { seed, now, onChange } = options;
  const customers = new Map<string, CustomerRecord>();
  for (const customer of seed.customers ?? []) customers.set(customer.id, copy(customer));
  const subscriptions = new Map<string, SubscriptionRecord>();
  for (const subscription of seed.subscriptions ?? [])
    subscriptions.set(subscription.id, copy(subscription));
  const sessions = new Map(
    (seed.customer_sessions ?? []).map((session) => [session.token, session.customer_id]),
  );
  const live = (customer: CustomerRecord | undefined) =>
    customer && !customer.deleted_at ? customer : undefined;

  return {
    deleteCustomer({ by, value, anonymize: wanted }) {
      const customer =
        by === "id"
          ? live(customers.get(value))
          : [...customers.values()].find((one) => one.external_id === value && live(one));
      if (!customer) return false;
      const at = timestamp(now());
      const revokedIds: string[] = [];
      for (const subscription of subscriptions.values()) {
        if (subscription.customer_id === customer.id && ACTIVE.has(String(subscription.status))) {
          revoke({ subscription, at });
          revokedIds.push(subscription.id);
        }
      }
      Object.assign(
        customer,
        { external_id: null, deleted_at: at, modified_at: at },
        wanted ? anonymize(customer) : {},
      );
      onChange?.({ kind: "customer-deleted", customerId: customer.id, revokedIds });
      return true;
    },
    cancelSubscription({ id, customerId }) {
      const subscription = subscriptions.get(id);
      if (!subscription || customerId === undefined || subscription.customer_id !== customerId)
        return { kind: "not-found" };
      if (
        subscription.cancel_at_period_end === true ||
        subscription.ended_at ||
        subscription.status === "canceled"
      )
        return { kind: "already-canceled" };
      const at = timestamp(now());
      update(subscription, {
        cancel_at_period_end: true,
        canceled_at: at,
        ends_at: subscription.current_period_end ?? at,
        modified_at: at,
      });
      onChange?.({ kind: "subscription-canceled", subscriptionId: id });
      return { kind: "canceled", subscription: copy(subscription) };
    },
    customerOfSession: (token) => {
      const id = sessions.get(token);
      return id !== undefined && live(customers.get(id)) ? id : undefined;
    },
    isRevokedSession: (token) => {
      const id = sessions.get(token);
      return id !== undefined && !live(customers.get(id));
    },
    state: () => ({
      customers: sorted(customers.values()),
      subscriptions: sorted(subscriptions.values()),
      customer_sessions: [...sessions]
        .map(([token, customer_id]) => ({ token, customer_id }))
        .sort((a, b) => compare(a.token, b.token)),
    }),
  };
}

/** Polar revokes a deleted customer's subscriptions at once, not at the end of the period. */
function revoke(options: { subscription: SubscriptionRecord; at: string }): void {
  const { subscription, at } = options;
  update(subscription, {
    status: "canceled",
    cancel_at_period_end: false,
    canceled_at: subscription.canceled_at ?? at,
    ends_at: at,
    ended_at: at,
    modified_at: at,
  });
}

/** Sets only the fields the schema has (present in the completed record) or the seed gave. */
function update(record: SubscriptionRecord, changes: Record<string, unknown>): void {
  for (const [field, value] of Object.entries(changes)) if (field in record) record[field] = value;
}

/** As Polar writes times: UTC, `Z`, no fraction when there is none. */
export function timestamp(date: Date): string {
  return date.toISOString().replace(".000Z", "Z");
}

function copy<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

function sorted<T extends { id: string }>(records: Iterable<T>): T[] {
  return [...records].map(copy).sort((a, b) => compare(a.id, b.id));
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
