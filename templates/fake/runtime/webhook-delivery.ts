// Delivers the fake's webhook events as Polar does: one at a time per receiver, in the
// order they were made (Polar holds an event back while an earlier one is pending), each
// retried with exponential backoff until it is accepted or its attempts run out. Nothing
// here is awaited by a request: the API answers first, delivery follows. Every attempt is
// recorded. Timers do not keep a process alive; `settled()` waits for the queue.

import { webhookHeaders } from "./webhook-signing.js";
import type { WebhookPayload } from "./webhook-events.js";

/** An event as an in-process receiver gets it; `headers` are signed when a secret is given. */
export interface WebhookDelivery {
  id: string;
  type: string;
  payload: WebhookPayload;
  /** The exact JSON text an HTTP receiver gets (what the signature covers). */
  body: string;
  headers: Record<string, string>;
}

export interface WebhookOptions {
  /** POST each event here. */
  url?: string | undefined;
  /** The endpoint's secret, as Polar shows it; without one, `webhook-signature` is left out. */
  secret?: string | undefined;
  /** Hand each event to this function; a throw or rejection counts as a failed attempt. */
  onEvent?: ((delivery: WebhookDelivery) => unknown) | undefined;
  /** Attempts per event and receiver. Default 10, as Polar. */
  maxAttempts?: number | undefined;
  /** Wait before attempt `attempt + 1` (ms). Default: 2 s doubling per attempt, at most 20 min, as Polar (without its jitter). */
  retryDelayMs?: ((attempt: number) => number) | undefined;
  /** An HTTP attempt that has no answer by then fails (ms). Default 10 000, as Polar. */
  timeoutMs?: number | undefined;
  /** Default: the global `fetch`. */
  fetch?: typeof fetch | undefined;
  /**
   * The time of each delivery attempt: its \`webhook-timestamp\`, which receivers compare
   * with their own clock to refuse replays (the SDK allows five minutes). Default: the
   * real clock. Event ids and payload timestamps come from the fake's clock regardless.
   */
  clock?: (() => Date) | undefined;
  /** Called once per attempt with a one-line summary. */
  log?: ((line: string) => void) | undefined;
}

export interface WebhookAttempt {
  /** When it was made (\`clock\`). */
  at: string;
  /** The HTTP status, when the receiver answered. */
  status?: number;
  /** Why it failed, when it did. */
  error?: string;
}

export interface WebhookReceiverRecord {
  /** The URL, or `onEvent`. */
  receiver: string;
  outcome: "pending" | "delivered" | "failed";
  attempts: WebhookAttempt[];
}

export interface WebhookRecord {
  id: string;
  type: string;
  timestamp: string;
  payload: WebhookPayload;
  /** One per receiver; empty when none is configured. */
  deliveries: WebhookReceiverRecord[];
}

export interface WebhookQueue {
  send(events: Array<{ id: string; payload: WebhookPayload }>): void;
  records(): WebhookRecord[];
  /** Resolves once every event made so far is delivered or has failed for good. */
  settled(): Promise<void>;
  /** Stops retrying: pending deliveries fail at their next attempt. */
  close(): void;
}

const POLAR_MAX_ATTEMPTS = 10;
const polarDelay = (attempt: number) => Math.min(2_000 * 2 ** (attempt - 1), 20 * 60_000);

export function createWebhookQueue(options: {
  webhooks: WebhookOptions;
  timestamp: (date: Date) => string;
}): WebhookQueue {
  const { webhooks, timestamp } = options;
  const now = webhooks.clock ?? (() => new Date());
  const records: WebhookRecord[] = [];
  const receivers: Array<{
    name: string;
    attempt: (delivery: WebhookDelivery) => Promise<{ status?: number }>;
  }> = [];
  if (webhooks.url !== undefined)
    receivers.push({
      name: receiverName(webhooks.url),
      attempt: (delivery) => post({ webhooks, url: webhooks.url!, delivery }),
    });
  if (webhooks.onEvent)
    receivers.push({
      name: "onEvent",
      attempt: async (delivery) => (await webhooks.onEvent!(delivery), {}),
    });
  const maxAttempts = Math.max(1, webhooks.maxAttempts ?? POLAR_MAX_ATTEMPTS);
  const delay = webhooks.retryDelayMs ?? polarDelay;
  let closed = false;
  const timers = new Map<ReturnType<typeof setTimeout>, () => void>();
  const tails = receivers.map(() => Promise.resolve());

  const wait = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(() => (timers.delete(timer), resolve()), ms);
      timers.set(timer, resolve);
      (timer as { unref?: () => void }).unref?.();
    });

  async function deliver(options: { record: WebhookRecord; index: number }): Promise<void> {
    const { record, index } = options;
    const receiver = receivers[index]!;
    const entry = record.deliveries[index]!;
    const body = JSON.stringify(record.payload);
    for (let attempt = 1; attempt <= maxAttempts; attempt++) {
      const at = now();
      const outcome: WebhookAttempt = { at: timestamp(at) };
      try {
        if (closed) throw new Error("the fake's webhooks were closed");
        const headers = await headersFor({
          id: record.id,
          at,
          body,
          secret: webhooks.secret,
        });
        const { status } = await receiver.attempt({
          id: record.id,
          type: record.type,
          payload: record.payload,
          body,
          headers,
        });
        if (status !== undefined) outcome.status = status;
        if (status !== undefined && (status < 200 || status > 299))
          outcome.error = `answered ${status}`;
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        // fetch's own messages quote the URL whole (its user info, its query).
        outcome.error =
          webhooks.url === undefined ? message : message.split(webhooks.url).join(receiver.name);
      }
      entry.attempts.push(outcome);
      const last = outcome.error === undefined || attempt === maxAttempts || closed;
      if (outcome.error === undefined) entry.outcome = "delivered";
      else if (last) entry.outcome = "failed";
      webhooks.log?.(
        `webhook ${record.type} ${record.id} -> ${receiver.name}: ${outcome.error ?? `${outcome.status ?? "ok"}`} (attempt ${attempt}/${maxAttempts}${last ? "" : ", retrying"})`,
      );
      if (last) return;
      await wait(delay(attempt));
    }
  }

  return {
    send(events) {
      for (const { id, payload } of events) {
        const record: WebhookRecord = {
          id,
          type: payload.type,
          timestamp: payload.timestamp,
          payload,
          deliveries: receivers.map((receiver) => ({
            receiver: receiver.name,
            outcome: "pending",
            attempts: [],
          })),
        };
        records.push(record);
        // Chained per receiver: an event waits for the one before it, as Polar's delivery does.
        receivers.forEach(
          (_, index) => (tails[index] = tails[index]!.then(() => deliver({ record, index }))),
        );
      }
    },
    records: () => JSON.parse(JSON.stringify(records)) as WebhookRecord[],
    async settled() {
      for (
        let seen: Array<Promise<void>> = [];
        tails.some((tail, index) => tail !== seen[index]);
      ) {
        seen = [...tails];
        await Promise.all(seen);
      }
    },
    close() {
      closed = true;
      // Waiting retries go on at once, and fail: `settled()` never waits on a closed queue.
      for (const [timer, resolve] of timers) (clearTimeout(timer), resolve());
      timers.clear();
    },
  };
}

async function headersFor(options: {
  id: string;
  at: Date;
  body: string;
  secret: string | undefined;
}): Promise<Record<string, string>> {
  return { ...(await webhookHeaders(options)) };
}

async function post(options: {
  webhooks: WebhookOptions;
  url: string;
  delivery: WebhookDelivery;
}): Promise<{ status: number }> {
  const { webhooks, url, delivery } = options;
  const send = webhooks.fetch ?? fetch;
  const response = await send(url, {
    method: "POST",
    headers: delivery.headers,
    body: delivery.body,
    signal: AbortSignal.timeout(webhooks.timeoutMs ?? 10_000),
  });
  // The body is read (and dropped) so the connection is free for the next delivery.
  await response.arrayBuffer().catch(() => undefined);
  return { status: response.status };
}

/** The receiver as logs and records show it: no user info or query, which may hold a secret. */
function receiverName(url: string): string {
  try {
    const parsed = new URL(url);
    const path = parsed.pathname === "/" && !/^[^?#]*\/$/.test(url) ? "" : parsed.pathname;
    return `${parsed.origin}${path}`;
  } catch {
    return "webhook URL";
  }
}
