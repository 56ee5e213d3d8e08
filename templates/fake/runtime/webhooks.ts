// The fake's webhooks: after each change the store reports, the events Polar would send
// (webhook-events.ts) get deterministic ids, a timestamp from the fake's clock, and a
// place in the delivery queue (webhook-delivery.ts). Building them never fails a
// request: a fault is reported through `log` and the response goes out as usual.

import { SEEDING_DATE, SEEDING_TIME } from "./seed.js";
import { sha256Hex } from "./sha256.js";
import { timestamp, type StoreState } from "./store.js";
import { createWebhookQueue, type WebhookOptions, type WebhookRecord } from "./webhook-delivery.js";
import { eventsOf, type StoreChange, type WebhookEventSpec } from "./webhook-events.js";

export interface FakeWebhooks {
  /** Called by the store after each change, with the state right after it. */
  emit(options: { change: StoreChange; state: StoreState }): void;
  records(): WebhookRecord[];
  /** Resolves once every event so far is delivered or has failed for good. */
  settled(): Promise<void>;
  /** Stops retrying; what is still pending fails. */
  close(): void;
}

export function createWebhooks(options: {
  webhooks: WebhookOptions | undefined;
  /** By event type: only these are sent. */
  specs: ReadonlyMap<string, WebhookEventSpec>;
  now: () => Date;
  /** Replaces the samples' time placeholders, as seeding does. */
  seedingTime: Date;
}): FakeWebhooks {
  const { now } = options;
  const webhooks = options.webhooks ?? {};
  const specs = withTimes({ specs: options.specs, at: options.seedingTime });
  const queue = createWebhookQueue({ webhooks, timestamp });
  let sequence = 0;
  return {
    emit({ change, state }) {
      try {
        const payloads = eventsOf({
          change,
          state,
          specs,
          timestamp: timestamp(now()),
        });
        queue.send(payloads.map((payload) => ({ id: eventId(++sequence), payload })));
      } catch (error) {
        webhooks.log?.(
          `webhook: no events for ${change.kind}: ${error instanceof Error ? error.message : String(error)}`,
        );
      }
    },
    records: queue.records,
    settled: queue.settled,
    close: queue.close,
  };
}

/** A UUID (version 4 layout, as Polar's event ids) from the event's number: the same on every run. */
export function eventId(sequence: number): string {
  const hex = sha256Hex(`webhook-event:${sequence}`);
  const variant = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

function withTimes(options: {
  specs: ReadonlyMap<string, WebhookEventSpec>;
  at: Date;
}): Map<string, WebhookEventSpec> {
  const at = timestamp(options.at);
  const revive = (value: unknown): unknown =>
    value === undefined
      ? undefined
      : JSON.parse(JSON.stringify(value), (_key, field: unknown) =>
          field === SEEDING_TIME ? at : field === SEEDING_DATE ? at.slice(0, 10) : field,
        );
  return new Map(
    [...options.specs].map(([type, spec]) => [
      type,
      {
        check: spec.check,
        sample: revive(spec.sample) as WebhookEventSpec["sample"],
        item: revive(spec.item),
      },
    ]),
  );
}
