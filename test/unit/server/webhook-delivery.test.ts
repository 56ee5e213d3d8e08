// The fake's webhooks over HTTP, to a real receiver on 127.0.0.1: signed so that the
// official SDK's `validateEvent` accepts every delivery unchanged; delivered in order;
// retried with backoff while the receiver fails, a bounded number of times; and never
// in the way of the API's response, even when the receiver never answers.

import { afterEach, describe, expect, it } from "vitest";
import { webhooks as sdkWebhooks } from "polar-sdk-v1/2026-10";
import { validateEvent as validateEventV0, WebhookVerificationError as VerificationErrorV0 } from "polar-sdk-v0/webhooks";
import { createPolarServer, toNodeListener } from "../../../generated/polar/index.js";
import { createFakePolar, type FakePolar, type FakePolarOptions } from "../../../generated/polar/fake.js";
import { listen, rawRequest, type Listening } from "../../fixtures/server/listen.js";
import { CUSTOMER, ORG_TOKEN, seed, SESSION_ADA, SUBSCRIPTION } from "../../fixtures/server/polar.js";
import { startReceiver, stringHeaders, type Receiver } from "../../fixtures/webhooks/receiver.js";

const open: Array<{ close(): Promise<void> | void }> = [];
afterEach(async () => {
  for (const one of open.splice(0).reverse()) await one.close();
});

async function serveFake(webhooks: FakePolarOptions["webhooks"]): Promise<{ fake: FakePolar; api: Listening }> {
  const fake = createFakePolar({ seed: seed(), webhooks: { clock: () => new Date(START), ...webhooks } });
  open.push({ close: () => fake.webhooks.close() });
  const api = await listen(toNodeListener(createPolarServer(fake)) as never);
  open.push(api);
  return { fake, api };
}

async function receiver(answer?: Parameters<typeof startReceiver>[0]): Promise<Receiver> {
  const started = await startReceiver(answer);
  open.push(started);
  return started;
}

const deleteCustomer = (api: Listening) =>
  rawRequest({ port: api.port, target: `/v1/customers/${CUSTOMER}`, method: "DELETE", headers: { authorization: `Bearer ${ORG_TOKEN}` } });

/** The SDK checks the timestamp against the real clock: deliveries are stamped with this moment. */
const START = Date.now();

describe("webhooks over HTTP", () => {
  it("names the receiver in its records without the URL's user info or query, which may hold a secret", async () => {
    const hook = await receiver();
    const url = new URL(hook.url);
    url.username = "user";
    url.password = "s3cret";
    url.searchParams.set("token", "t0ken");
    // fetch refuses a URL with user info: one attempt, failed, is enough to be recorded.
    const { fake, api } = await serveFake({ url: url.href, maxAttempts: 1 });
    expect((await deleteCustomer(api)).status).toBe(204);
    await fake.webhooks.settled();
    const names = fake.state().webhooks.flatMap((record) => record.deliveries.map((delivery) => delivery.receiver));
    expect(names.length).toBeGreaterThan(0);
    expect(new Set(names)).toStrictEqual(new Set([`${url.origin}${url.pathname === "/" && !hook.url.endsWith("/") ? "" : url.pathname}`]));
    expect(JSON.stringify(fake.state().webhooks)).not.toMatch(/s3cret|t0ken/);
  });

  it.each([
    ["a plain secret", "polar-webhook-secret"],
    ["a whsec_ secret, as Polar's dashboard shows one", "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"],
    ["a secret with non-ASCII text", "geheimnis-ä-✓"],
  ])("with %s, validateEvent from @polar-sh/sdk accepts every delivery, as sent", async (_name, secret) => {
    const hook = await receiver();
    const { fake, api } = await serveFake({ url: hook.url, secret });
    expect((await deleteCustomer(api)).status).toBe(204);
    await fake.webhooks.settled();
    const records = fake.state().webhooks;
    expect(hook.received.map(({ headers }) => headers["webhook-id"])).toStrictEqual(records.map(({ id }) => id));
    for (const [index, { headers, body }] of hook.received.entries()) {
      expect(headers["content-type"]).toBe("application/json");
      expect(headers["webhook-timestamp"]).toBe(String(Math.floor(START / 1000)));
      expect(headers["webhook-signature"]).toMatch(/^v1,[A-Za-z\d+/]+={0,2}$/);
      const event = await sdkWebhooks.validateEvent(body, stringHeaders(headers), secret);
      expect(event).toStrictEqual(records[index]!.payload);
    }
    // The 0.x SDK verifies with the standardwebhooks package, then parses with its own
    // models (older than this spec's subscription): no delivery fails its verification.
    for (const { headers, body } of hook.received) {
      const outcome = (() => {
        try {
          return validateEventV0(body, stringHeaders(headers), secret).type;
        } catch (error) {
          return error instanceof VerificationErrorV0 ? "verification failed" : "parsed by an older model";
        }
      })();
      expect(outcome).not.toBe("verification failed");
    }
    const deleted = hook.received.find(({ body }) => body.includes('"customer.deleted"'))!;
    expect(validateEventV0(deleted.body, stringHeaders(deleted.headers), secret).type).toBe("customer.deleted");
  });

  it("a delivery signed with another secret is refused by the SDK", async () => {
    const hook = await receiver();
    const { fake, api } = await serveFake({ url: hook.url, secret: "the-real-secret" });
    await deleteCustomer(api);
    await fake.webhooks.settled();
    const { headers, body } = hook.received[0]!;
    await expect(sdkWebhooks.validateEvent(body, stringHeaders(headers), "another-secret")).rejects.toThrow(/signature/);
  });

  it("a receiver that fails then recovers gets every event, in order, after retries with growing delays", async () => {
    const hook = await receiver((index) => (index < 2 ? 503 : 200));
    const delays: number[] = [];
    let clock = START;
    const { fake, api } = await serveFake({
      url: hook.url,
      secret: "s",
      retryDelayMs: (attempt) => (delays.push(attempt), 2 ** attempt),
      clock: () => new Date((clock += 1000)),
    });
    await deleteCustomer(api);
    await fake.webhooks.settled();
    const records = fake.state().webhooks;
    expect(records[0]!.deliveries[0]!.attempts.map(({ status, error }) => [status, error])).toStrictEqual([
      [503, "answered 503"],
      [503, "answered 503"],
      [200, undefined],
    ]);
    expect(records.map(({ deliveries }) => deliveries[0]!.outcome)).toStrictEqual(records.map(() => "delivered"));
    expect(delays).toStrictEqual([1, 2]);
    // Each attempt is stamped (and signed) at its own time; the event keeps its id.
    const firstId = records[0]!.id;
    const attemptsOfFirst = hook.received.filter(({ headers }) => headers["webhook-id"] === firstId);
    expect(new Set(attemptsOfFirst.map(({ headers }) => headers["webhook-timestamp"])).size).toBe(3);
    // In order: nothing after the first event went out before it got through.
    expect(hook.received.map(({ headers }) => headers["webhook-id"])).toStrictEqual([firstId, firstId, ...records.map(({ id }) => id)]);
  });

  it("a receiver that never answers: the API answers at once; each attempt times out, and the event fails after the last", async () => {
    const hook = await receiver(() => "hang");
    const { fake, api } = await serveFake({ url: hook.url, secret: "s", timeoutMs: 100, maxAttempts: 2, retryDelayMs: () => 1 });
    const started = performance.now();
    const response = await deleteCustomer(api);
    const elapsed = performance.now() - started;
    expect(response.status).toBe(204);
    expect(elapsed).toBeLessThan(80);
    expect(fake.state().webhooks[0]!.deliveries[0]!.outcome).toBe("pending");
    await fake.webhooks.settled();
    const first = fake.state().webhooks[0]!.deliveries[0]!;
    expect(first.outcome).toBe("failed");
    expect(first.attempts).toHaveLength(2);
    expect(first.attempts.every(({ status, error }) => status === undefined && typeof error === "string")).toBe(true);
  });

  it("a receiver that is down: the attempts fail with the connection error and are recorded", async () => {
    const down = await receiver();
    const url = down.url;
    await down.close();
    const { fake, api } = await serveFake({ url, maxAttempts: 3, retryDelayMs: () => 1 });
    expect((await deleteCustomer(api)).status).toBe(204);
    await fake.webhooks.settled();
    const records = fake.state().webhooks;
    expect(records.every(({ deliveries }) => deliveries[0]!.outcome === "failed" && deliveries[0]!.attempts.length === 3)).toBe(true);
  });

  it("an onEvent that throws is retried like a failing receiver; a cancel still answers 200", async () => {
    let calls = 0;
    const { fake, api } = await serveFake({
      onEvent: () => {
        if (++calls === 1) throw new Error("handler crashed");
      },
      retryDelayMs: () => 1,
    });
    const response = await rawRequest({ port: api.port, target: `/v1/customer-portal/subscriptions/${SUBSCRIPTION}`, method: "DELETE", headers: { authorization: `Bearer ${SESSION_ADA}` } });
    expect(response.status).toBe(200);
    await fake.webhooks.settled();
    expect(fake.state().webhooks[0]!.deliveries[0]!.attempts.map(({ error }) => error)).toStrictEqual(["handler crashed", undefined]);
  });
});
