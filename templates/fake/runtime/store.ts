// The fake Polar's in-memory state and what Polar does to it. Deleting a customer
// (`CustomerService.delete`) soft-deletes it, moves its external id into the metadata
// (`__external_id`), anonymises it on request, and revokes its billable subscriptions
// at once (`SubscriptionService.cancel_customer`, a background job in Polar). Cancelling
// from the portal (`SubscriptionService.cancel`) schedules the end at the period's end.
// Deterministic: the clock is injected and nothing is random.

import { anonymize, recordOf, type CustomerRecord } from "./anonymize.js";
import {
  credentialOf,
  type Credential,
  type CredentialSeed,
  type Credentials,
} from "./credentials.js";
import type { StoreChange } from "./webhook-events.js";

export type { CustomerRecord } from "./anonymize.js";
export type { AccessTokenRecord, MemberSessionRecord, SessionRecord } from "./credentials.js";

export interface SubscriptionRecord {
  id: string;
  customer_id: string;
  [field: string]: unknown;
}

export interface StoreSeed extends CredentialSeed {
  customers?: readonly CustomerRecord[] | undefined;
  subscriptions?: readonly SubscriptionRecord[] | undefined;
}

export interface StoreState extends Credentials {
  customers: CustomerRecord[];
  subscriptions: SubscriptionRecord[];
}

export type CancelResult =
  | { kind: "not-found" }
  | { kind: "already-canceled" }
  | { kind: "canceled"; subscription: SubscriptionRecord };

export interface Store {
  /** False when no live customer matches. */
  deleteCustomer(input: { by: "id" | "external_id"; value: string; anonymize: boolean }): boolean;
  /** Cancels at the end of the period: only a subscription of `customerId`. */
  cancelSubscription(input: { id: string; customerId: string | undefined }): CancelResult;
  /** What a bearer token is; `undefined` when Polar would not know it (or no longer does). */
  credential(token: string): Credential | undefined;
  state(): StoreState;
}

/** `SubscriptionStatus.billable_statuses()`: what a deletion revokes and a cancel accepts. */
const BILLABLE = /* @__PURE__ */ new Set(["trialing", "active", "past_due"]);
/** `EXTERNAL_ID_METADATA_KEY`: where a deleted customer's external id is kept. */
const EXTERNAL_ID_KEY = "__external_id";

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
  const seededAt = timestamp(now());
  const customers = new Map<string, CustomerRecord>();
  for (const customer of seed.customers ?? []) customers.set(customer.id, copy(customer));
  const subscriptions = new Map<string, SubscriptionRecord>();
  for (const subscription of seed.subscriptions ?? [])
    subscriptions.set(subscription.id, copy(subscription));
  const credentials: Credentials = {
    access_tokens: copy([...(seed.access_tokens ?? [])]),
    customer_sessions: copy([...(seed.customer_sessions ?? [])]),
    member_sessions: copy([...(seed.member_sessions ?? [])]),
  };
  const live = (customer: CustomerRecord | undefined) =>
    customer && !customer["deleted_at"] ? customer : undefined;

  return {
    deleteCustomer({ by, value, anonymize: wanted }) {
      const customer =
        by === "id"
          ? live(customers.get(value))
          : [...customers.values()].find((one) => one.external_id === value && live(one));
      if (!customer) return false;
      const at = now();
      const revokedIds: string[] = [];
      for (const subscription of subscriptions.values())
        if (subscription.customer_id === customer.id && canCancel(subscription, true)) {
          cancel({ subscription, at, immediately: true });
          revokedIds.push(subscription.id);
        }
      softDelete({ customer, at });
      if (wanted) Object.assign(customer, anonymize({ customer, createdAt: seededAt, now: at }));
      onChange?.({ kind: "customer-deleted", customerId: customer.id, revokedIds });
      return true;
    },
    cancelSubscription({ id, customerId }) {
      const subscription = subscriptions.get(id);
      if (!subscription || customerId === undefined || subscription.customer_id !== customerId)
        return { kind: "not-found" };
      if (!canCancel(subscription, false)) return { kind: "already-canceled" };
      cancel({ subscription, at: now(), immediately: false });
      onChange?.({ kind: "subscription-canceled", subscriptionId: id });
      return { kind: "canceled", subscription: copy(subscription) };
    },
    credential: (token) =>
      credentialOf({
        token,
        seed: credentials,
        isLive: (id) => live(customers.get(id)) !== undefined,
      }),
    state: () => ({
      customers: sorted(customers.values()),
      subscriptions: sorted(subscriptions.values()),
      access_tokens: byToken(credentials.access_tokens),
      customer_sessions: byToken(credentials.customer_sessions),
      member_sessions: byToken(credentials.member_sessions),
    }),
  };
}

/** `Subscription.can_cancel`: billable and not ended; for a cancel at the period's end, not already ending. */
function canCancel(subscription: SubscriptionRecord, immediately: boolean): boolean {
  if (!BILLABLE.has(String(subscription["status"])) || subscription["ended_at"]) return false;
  return immediately || !(subscription["cancel_at_period_end"] || subscription["ends_at"]);
}

/** `SubscriptionService._perform_cancellation`: `cancel_at_period_end` is kept when it ends at once. */
function cancel(options: {
  subscription: SubscriptionRecord;
  at: Date;
  immediately: boolean;
}): void {
  const { subscription, immediately } = options;
  const at = timestamp(options.at);
  const common = { canceled_at: at, pause_at_period_end: false, resumes_at: null, modified_at: at };
  update(
    subscription,
    immediately
      ? { ...common, ends_at: at, ended_at: at, status: "canceled" }
      : {
          ...common,
          cancel_at_period_end: true,
          ends_at: subscription["current_period_end"] ?? null,
        },
  );
}

/** `CustomerRepository.soft_delete`: the external id is freed for reuse and kept in the metadata. */
function softDelete(options: { customer: CustomerRecord; at: Date }): void {
  const { customer } = options;
  const at = timestamp(options.at);
  const changes: Partial<CustomerRecord> = { deleted_at: at, modified_at: at };
  if (customer.external_id) {
    changes["metadata"] = {
      ...recordOf(customer["metadata"]),
      [EXTERNAL_ID_KEY]: customer.external_id,
    };
    changes.external_id = null;
  }
  Object.assign(customer, changes);
}

/** Sets only the fields the schema has (present in the completed record) or the seed gave. */
function update(record: SubscriptionRecord, changes: Record<string, unknown>): void {
  for (const [field, value] of Object.entries(changes))
    if (Object.hasOwn(record, field)) record[field] = value;
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

function byToken<T extends { token: string }>(records: readonly T[]): T[] {
  return records.map(copy).sort((a, b) => compare(a.token, b.token));
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
