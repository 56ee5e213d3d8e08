// The webhooks the fake sends (committed generated/polar, the embedded spec): which
// events and in which order, payloads from the fake's state that validate against the
// spec's webhook schemas, deterministic ids and timestamps, and in-process delivery.

import { afterEach, describe, expect, it } from "vitest";
import { createPolarServer, toNodeListener } from "../../../generated/polar/index.js";
import { createFakePolar, type FakePolar, type FakeWebhookDelivery } from "../../../generated/polar/fake.js";
import { validators } from "../../../generated/polar/validators.js";
import { webhookPayloadSchemas, type PolarWebhookEvent } from "../../../generated/polar/webhooks.js";
import { listen, rawRequest, type Listening } from "../../fixtures/server/listen.js";
import { CUSTOMER, ORG_TOKEN, OTHER_CUSTOMER, seed, SESSION_ADA, SESSION_OTHER, SUBSCRIPTION } from "../../fixtures/server/polar.js";

const THIRD_SUBSCRIPTION = "7e1a3c5d-9b2f-4d6e-8a0c-2e4f6a8b0c1d";
const PAST_DUE = "3f5a7c9e-1b3d-4f5a-9c7e-9b1d3f5a7c9e";
const CANCELED = "8c0e2a4b-6d8f-4a1c-8e3a-5b7d9f1a3c5e";
const CLOCK = new Date("2026-03-04T05:06:07Z");

let server: Listening | undefined;
let fake: FakePolar | undefined;
afterEach(async () => {
  fake?.webhooks.close();
  await server?.close();
  server = fake = undefined;
});

/** The fake over a socket, its events handed in-process to a list. */
async function start(extra: { subscriptions?: NonNullable<ReturnType<typeof seed>["subscriptions"]> } = {}) {
  const events: FakeWebhookDelivery[] = [];
  const base = seed();
  fake = createFakePolar({
    seed: { ...base, subscriptions: [...(base.subscriptions ?? []), ...(extra.subscriptions ?? [])] },
    now: () => CLOCK,
    webhooks: { onEvent: (delivery) => void events.push(delivery), clock: () => CLOCK },
  });
  server = await listen(toNodeListener(createPolarServer(fake)) as never);
  const call = (target: string, token = ORG_TOKEN) =>
    rawRequest({ port: server!.port, target, method: "DELETE", headers: { authorization: `Bearer ${token}` } });
  return { fake, events, call };
}

function expectConforming(payload: PolarWebhookEvent): void {
  const schema = webhookPayloadSchemas[payload.type];
  expect({ type: payload.type, issues: validators[schema](payload) }).toStrictEqual({ type: payload.type, issues: [] });
}

describe("the fake's webhook events", () => {
  it("a deletion: per revoked subscription updated, canceled, revoked; then customer.deleted and customer.state_changed", async () => {
    const { fake, events, call } = await start({
      subscriptions: [
        { id: PAST_DUE, customer_id: CUSTOMER, status: "past_due" },
        { id: CANCELED, customer_id: CUSTOMER, status: "canceled", ended_at: "2025-12-01T00:00:00Z" },
      ],
    });
    expect((await call(`/v1/customers/${CUSTOMER}`)).status).toBe(204);
    await fake.webhooks.settled();
    const sequence = events.map(({ payload }) => [payload.type, (payload.data as { id: string }).id]);
    expect(sequence).toStrictEqual([
      ["subscription.updated", SUBSCRIPTION],
      ["subscription.canceled", SUBSCRIPTION],
      ["subscription.revoked", SUBSCRIPTION],
      ["subscription.updated", PAST_DUE],
      ["subscription.canceled", PAST_DUE],
      ["subscription.revoked", PAST_DUE],
      ["customer.deleted", CUSTOMER],
      ["customer.state_changed", CUSTOMER],
      ["customer.state_changed", CUSTOMER],
    ]);
    for (const { payload } of events) expectConforming(payload as PolarWebhookEvent);
  });

  it("payloads carry the state after the change, stamped by the fake's clock", async () => {
    const { fake, events, call } = await start();
    await call(`/v1/customers/${CUSTOMER}`);
    await fake.webhooks.settled();
    const byType = new Map(events.map(({ payload }) => [payload.type, payload]));
    expect(byType.get("subscription.revoked")).toMatchObject({
      timestamp: "2026-03-04T05:06:07Z",
      data: { id: SUBSCRIPTION, status: "canceled", ended_at: "2026-03-04T05:06:07Z", customer_id: CUSTOMER, customer: { id: CUSTOMER, deleted_at: "2026-03-04T05:06:07Z" } },
    });
    expect(byType.get("customer.deleted")).toMatchObject({
      data: { id: CUSTOMER, external_id: null, deleted_at: "2026-03-04T05:06:07Z", email: "a@example.com", name: "Ada Lovelace" },
    });
    expect(byType.get("customer.state_changed")?.data).toMatchObject({ id: CUSTOMER, active_subscriptions: [], granted_benefits: [], active_meters: [] });
  });

  it("by external id, the same events; with anonymize=true the deleted customer's payload is anonymised", async () => {
    const { fake, events, call } = await start();
    expect((await call("/v1/customers/external/user-42?anonymize=true")).status).toBe(204);
    await fake.webhooks.settled();
    expect(events.map(({ type }) => type)).toStrictEqual([
      "subscription.updated",
      "subscription.canceled",
      "subscription.revoked",
      "customer.deleted",
      "customer.state_changed",
      "customer.state_changed",
    ]);
    const deleted = events.find(({ type }) => type === "customer.deleted")!.payload.data as { email: string; billing_address: unknown };
    expect(deleted.email).toMatch(/^[\da-f]{64}@anonymized\.polar\.sh$/);
    expect(deleted.billing_address).toBeNull();
  });

  it("a customer without billable subscriptions: customer.deleted and one customer.state_changed", async () => {
    const { fake, events, call } = await start({
      subscriptions: [{ id: THIRD_SUBSCRIPTION, customer_id: OTHER_CUSTOMER, status: "canceled", ended_at: "2025-12-01T00:00:00Z" }],
    });
    // The other customer's active subscription goes first, by itself.
    await call(`/v1/customer-portal/subscriptions/5d7f9a1b-3c5e-4f7a-8b9c-1d3e5f7a9b0c`, SESSION_OTHER);
    await fake.webhooks.settled();
    events.length = 0;
    await call(`/v1/customers/${OTHER_CUSTOMER}`);
    await fake.webhooks.settled();
    // Cancelled at the period's end, it still bills until then: the deletion revokes it.
    expect(events.map(({ type }) => type)).toStrictEqual([
      "subscription.updated",
      "subscription.canceled",
      "subscription.revoked",
      "customer.deleted",
      "customer.state_changed",
      "customer.state_changed",
    ]);
    const alone = createFakePolar({ seed: { customers: [{ id: CUSTOMER, email: "a@example.com" }] }, now: () => CLOCK });
    const aloneServer = await listen(toNodeListener(createPolarServer(alone)) as never);
    await rawRequest({ port: aloneServer.port, target: `/v1/customers/${CUSTOMER}`, method: "DELETE", headers: { authorization: `Bearer ${ORG_TOKEN}` } });
    await aloneServer.close();
    expect(alone.state().webhooks.map(({ type }) => type)).toStrictEqual(["customer.deleted", "customer.state_changed"]);
    for (const { payload } of alone.state().webhooks) expectConforming(payload as PolarWebhookEvent);
  });

  it("a cancellation: subscription.updated, subscription.canceled, customer.state_changed listing it until the period ends", async () => {
    const { fake, events, call } = await start();
    expect((await call(`/v1/customer-portal/subscriptions/${SUBSCRIPTION}`, SESSION_ADA)).status).toBe(200);
    await fake.webhooks.settled();
    expect(events.map(({ type }) => type)).toStrictEqual(["subscription.updated", "subscription.canceled", "customer.state_changed"]);
    expect(events[1]!.payload.data).toMatchObject({ id: SUBSCRIPTION, status: "active", cancel_at_period_end: true, canceled_at: "2026-03-04T05:06:07Z" });
    const state = events[2]!.payload.data as { active_subscriptions: Array<{ id: string; cancel_at_period_end: boolean }> };
    expect(state.active_subscriptions.map(({ id, cancel_at_period_end }) => [id, cancel_at_period_end])).toStrictEqual([[SUBSCRIPTION, true]]);
    for (const { payload } of events) expectConforming(payload as PolarWebhookEvent);
    // Refused (already cancelled, not found): no events.
    await call(`/v1/customer-portal/subscriptions/${SUBSCRIPTION}`, SESSION_ADA);
    await fake.webhooks.settled();
    expect(events).toHaveLength(3);
  });

  it("ids and bodies are the same on every run; state().webhooks records each delivery", async () => {
    const runs: string[][] = [];
    for (let run = 0; run < 2; run++) {
      const { fake, events, call } = await start();
      await call(`/v1/customers/${CUSTOMER}`);
      await fake.webhooks.settled();
      runs.push(events.map(({ id, body }) => `${id} ${body}`));
      const records = fake.state().webhooks;
      expect(records.map(({ id }) => id)).toStrictEqual(events.map(({ id }) => id));
      expect(records[0]!.deliveries).toStrictEqual([{ receiver: "onEvent", outcome: "delivered", attempts: [{ at: "2026-03-04T05:06:07Z" }] }]);
      fake.webhooks.close();
      await server!.close();
      server = undefined;
    }
    expect(runs[0]).toStrictEqual(runs[1]);
    expect(new Set(runs[0]!.map((line) => line.split(" ")[0])).size).toBe(runs[0]!.length);
    expect(runs[0]![0]).toMatch(/^[\da-f]{8}-[\da-f]{4}-4[\da-f]{3}-[89ab][\da-f]{3}-[\da-f]{12} /);
  });

  it("a seed with partial records still yields conforming payloads, keeping every valid value", async () => {
    const { fake, events, call } = await start({
      subscriptions: [{ id: THIRD_SUBSCRIPTION, customer_id: CUSTOMER, status: "trialing", amount: 4200, currency: "eur" }],
    });
    await call(`/v1/customers/${CUSTOMER}`);
    await fake.webhooks.settled();
    for (const { payload } of events) expectConforming(payload as PolarWebhookEvent);
    const revoked = events.find(({ type, payload }) => type === "subscription.revoked" && (payload.data as { id: string }).id === THIRD_SUBSCRIPTION);
    expect(revoked?.payload.data).toMatchObject({ amount: 4200, currency: "eur", customer: { email: "a@example.com", name: "Ada Lovelace" } });
  });

  it("without a receiver the events are still recorded, with no deliveries", async () => {
    const quiet = createFakePolar({ seed: seed() });
    server = await listen(toNodeListener(createPolarServer(quiet)) as never);
    await rawRequest({ port: server.port, target: `/v1/customers/${CUSTOMER}`, method: "DELETE", headers: { authorization: `Bearer ${ORG_TOKEN}` } });
    expect(quiet.state().webhooks.map(({ type, deliveries }) => [type, deliveries])).toStrictEqual([
      ["subscription.updated", []],
      ["subscription.canceled", []],
      ["subscription.revoked", []],
      ["customer.deleted", []],
      ["customer.state_changed", []],
      ["customer.state_changed", []],
    ]);
  });
});
