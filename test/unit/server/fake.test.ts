// The fake's documented semantics, over a real socket: deletion (by id, by external id,
// with anonymize) revokes active subscriptions and clears the external id; a deleted
// customer is 404; cancellation schedules the end of the period, once; a customer
// session reaches only its own customer's subscriptions.

import { createHash } from "node:crypto";
import { afterEach, describe, expect, it } from "vitest";
import { createPolarServer, toNodeListener } from "../../../generated/polar/index.js";
import { createFakePolar, DEFAULT_ACCESS_TOKEN } from "../../../generated/polar/fake.js";
import { listen } from "../../fixtures/server/listen.js";
import { CUSTOMER, ORG_TOKEN, OTHER_CUSTOMER, OTHER_SUBSCRIPTION, serve, SESSION_ADA, SESSION_OTHER, SUBSCRIPTION, UNKNOWN, type Served } from "../../fixtures/server/polar.js";

const INVALID_TOKEN_HEADER = 'Bearer realm="polar", error="invalid_token", error_description="The access token provided is expired, revoked, malformed, or invalid for other reasons."';

const NOT_FOUND = { error: "ResourceNotFound", detail: "Not found" };
let served: Served;
afterEach(() => served?.close());

const customer = (id: string) => served.fake.state().customers.find((one) => one.id === id)!;
const subscription = (id: string) => served.fake.state().subscriptions.find((one) => one.id === id)!;

describe("deleting a customer", () => {
  it("by id: 204, its active subscriptions are revoked, its external id cleared, then 404", async () => {
    served = await serve();
    const first = await served.call({ target: `/v1/customers/${CUSTOMER}` });
    expect([first.status, first.text]).toStrictEqual([204, ""]);
    expect(customer(CUSTOMER)).toMatchObject({ external_id: null, metadata: { __external_id: "user-42" }, deleted_at: "2026-01-01T00:00:00Z", email: "a@example.com", name: "Ada Lovelace" });
    expect(subscription(SUBSCRIPTION)).toMatchObject({ status: "canceled", ended_at: "2026-01-01T00:00:00Z", canceled_at: "2026-01-01T00:00:00Z", cancel_at_period_end: false });
    expect(subscription(OTHER_SUBSCRIPTION)).toMatchObject({ status: "active", ended_at: null, canceled_at: null });
    const again = await served.call({ target: `/v1/customers/${CUSTOMER}` });
    expect([again.status, again.json()]).toStrictEqual([404, NOT_FOUND]);
    expect((await served.call({ target: "/v1/customers/external/user-42" })).status).toBe(404);
  });

  it("by external id: 204 once, then 404; the other customer is untouched", async () => {
    served = await serve();
    expect((await served.call({ target: "/v1/customers/external/user-42" })).status).toBe(204);
    expect((await served.call({ target: "/v1/customers/external/user-42" })).status).toBe(404);
    expect((await served.call({ target: `/v1/customers/${CUSTOMER}` })).status).toBe(404);
    expect(customer(OTHER_CUSTOMER)).toStrictEqual({ id: OTHER_CUSTOMER, external_id: "user-43", email: "b@example.com" });
  });

  it("with anonymize=true: SHA-256 of the creation time and the value, as Polar stores it, deterministically", async () => {
    served = await serve();
    expect((await served.call({ target: `/v1/customers/${CUSTOMER}?anonymize=true` })).status).toBe(204);
    const anonymized = customer(CUSTOMER);
    const hash = (value: string) => createHash("sha256").update(`2026-01-01T00:00:00+00:00${value}`).digest("hex");
    expect(anonymized).toMatchObject({
      email: `${hash("a@example.com")}@anonymized.polar.sh`,
      email_verified: false,
      name: hash("Ada Lovelace"),
      billing_address: null,
      external_id: null,
      metadata: { __external_id: "user-42", __anonymized_at: "2026-01-01T00:00:00+00:00" },
    });
    const again = await serve();
    await again.call({ target: `/v1/customers/${CUSTOMER}?anonymize=true` });
    expect(again.fake.state().customers.find((one) => one.id === CUSTOMER)).toStrictEqual(anonymized);
    await again.close();
  });

  it("an unknown id is 404 and changes nothing", async () => {
    served = await serve();
    const before = served.fake.state();
    expect((await served.call({ target: `/v1/customers/${UNKNOWN}` })).status).toBe(404);
    expect(served.fake.state()).toStrictEqual(before);
  });
});

describe("cancelling a subscription", () => {
  it("schedules it to end with the period, records the time, returns it; a second cancel is 403", async () => {
    let now = new Date("2026-03-04T05:06:07Z");
    const fake = createFakePolar({
      seed: { customers: [{ id: CUSTOMER }], subscriptions: [{ id: SUBSCRIPTION, customer_id: CUSTOMER, status: "active", amount: 1500 }], customer_sessions: [{ token: "polar_cst_s", customer_id: CUSTOMER }] },
      now: () => now,
    });
    const listening = await listen(toNodeListener(createPolarServer(fake)) as never);
    served = { ...listening, fake, call: async () => { throw new Error("unused"); } };
    now = new Date("2026-03-10T00:00:00.250Z");
    const url = `${listening.url}/v1/customer-portal/subscriptions/${SUBSCRIPTION}`;
    const first = await fetch(url, { method: "DELETE", headers: { authorization: "Bearer polar_cst_s" } });
    expect(first.status).toBe(200);
    const body = await first.json();
    expect(body).toMatchObject({
      id: SUBSCRIPTION,
      customer_id: CUSTOMER,
      status: "active",
      amount: 1500,
      cancel_at_period_end: true,
      canceled_at: "2026-03-10T00:00:00.250Z",
      created_at: "2026-03-04T05:06:07Z",
      current_period_start: "2026-03-04T05:06:07Z",
      current_period_end: "2026-04-03T05:06:07Z",
      ends_at: "2026-04-03T05:06:07Z",
    });
    expect(fake.state().subscriptions[0]).toStrictEqual(body);
    const second = await fetch(url, { method: "DELETE", headers: { authorization: "Bearer polar_cst_s" } });
    expect(second.status).toBe(403);
    expect(await second.json()).toStrictEqual({ error: "AlreadyCanceledSubscription", detail: "This subscription is already canceled or will be at the end of the period." });
  });

  it.each([
    ["another customer's session", SESSION_OTHER, SUBSCRIPTION],
    ["an unknown subscription", SESSION_ADA, UNKNOWN],
  ])("%s: 404, and the subscription is untouched", async (_, token, id) => {
    served = await serve();
    const response = await served.call({ target: `/v1/customer-portal/subscriptions/${id}`, token });
    expect([response.status, response.json()]).toStrictEqual([404, NOT_FOUND]);
    expect(subscription(SUBSCRIPTION)).toMatchObject({ cancel_at_period_end: false, canceled_at: null });
  });

  it("an organization token is no customer: 401 Unauthorized, and the subscription is untouched", async () => {
    served = await serve();
    const response = await served.call({ target: `/v1/customer-portal/subscriptions/${SUBSCRIPTION}`, token: ORG_TOKEN });
    expect([response.status, response.headers["www-authenticate"], response.json()]).toStrictEqual([401, 'Bearer realm="polar"', { error: "Unauthorized", detail: "Unauthorized" }]);
    expect(subscription(SUBSCRIPTION)).toMatchObject({ cancel_at_period_end: false, canceled_at: null });
  });

  it("a deleted customer's session is no credential: 401 for its subscriptions, revoked or not; other sessions still work", async () => {
    const unpaid = "3e1d2c4b-5a6f-4e7d-8c9b-0a1b2c3d4e5f";
    const fake = createFakePolar({
      seed: {
        customers: [{ id: CUSTOMER }, { id: OTHER_CUSTOMER }],
        // An unpaid subscription is not active: deleting the customer leaves it as it is.
        subscriptions: [{ id: SUBSCRIPTION, customer_id: CUSTOMER, status: "active" }, { id: unpaid, customer_id: CUSTOMER, status: "unpaid" }, { id: OTHER_SUBSCRIPTION, customer_id: OTHER_CUSTOMER }],
        customer_sessions: [{ token: SESSION_ADA, customer_id: CUSTOMER }, { token: SESSION_OTHER, customer_id: OTHER_CUSTOMER }],
      },
    });
    const listening = await listen(toNodeListener(createPolarServer(fake)) as never);
    served = { ...listening, fake, call: async () => { throw new Error("unused"); } };
    const cancel = (id: string, token: string) => fetch(`${listening.url}/v1/customer-portal/subscriptions/${id}`, { method: "DELETE", headers: { authorization: `Bearer ${token}` } });
    expect((await fetch(`${listening.url}/v1/customers/${CUSTOMER}`, { method: "DELETE", headers: { authorization: `Bearer ${ORG_TOKEN}` } })).status).toBe(204);
    const revoked = await cancel(SUBSCRIPTION, SESSION_ADA);
    expect([revoked.status, revoked.headers.get("www-authenticate")]).toStrictEqual([401, INVALID_TOKEN_HEADER]);
    expect((await cancel(unpaid, SESSION_ADA)).status).toBe(401);
    expect(fake.state().subscriptions.find((one) => one.id === unpaid)).toMatchObject({ status: "unpaid", cancel_at_period_end: false, canceled_at: null });
    expect((await cancel(OTHER_SUBSCRIPTION, SESSION_OTHER)).status).toBe(200);
  });
});

describe("seed and state", () => {
  it("fields given are kept; the rest of a subscription is filled in from the schema", () => {
    const fake = createFakePolar({ seed: { customers: [{ id: CUSTOMER }], subscriptions: [{ id: SUBSCRIPTION, customer_id: CUSTOMER, currency: "eur", metadata_note: "kept" } as never] } });
    const [stored] = fake.state().subscriptions;
    expect(stored).toMatchObject({ id: SUBSCRIPTION, customer_id: CUSTOMER, currency: "eur", metadata_note: "kept", status: "active", cancel_at_period_end: false });
    expect(Object.keys(stored!)).toEqual(expect.arrayContaining(["product", "prices", "product_id", "created_at"]));
    expect((stored as { product_id: string; product: { id: string } }).product_id).toBe((stored as { product: { id: string } }).product.id);
  });

  it("two fakes from the same seed are byte-identical; state() is a copy", () => {
    const seed = { customers: [{ id: CUSTOMER }], subscriptions: [{ id: SUBSCRIPTION, customer_id: CUSTOMER }] };
    const a = createFakePolar({ seed });
    const b = createFakePolar({ seed });
    expect(JSON.stringify(a.state())).toBe(JSON.stringify(b.state()));
    a.state().subscriptions[0]!.status = "canceled";
    expect(a.state().subscriptions[0]!.status).toBe("active");
  });

  it("default credentials: one organization token with every scope the operations ask for; no other token", () => {
    const fake = createFakePolar({ seed: { customers: [{ id: CUSTOMER }], customer_sessions: [{ token: SESSION_ADA, customer_id: CUSTOMER }] } });
    const input = (token: string) => ({ scheme: "access_token", token, scopes: [], operationId: "customers:delete", request: new Request("http://x") });
    expect(fake.accessToken).toBe(DEFAULT_ACCESS_TOKEN.token);
    expect(DEFAULT_ACCESS_TOKEN.scopes).toStrictEqual(["customers:write"]);
    expect([ORG_TOKEN, "polar_oat_other", "anything", SESSION_ADA].map((token) => fake.authenticate(input(token)))).toStrictEqual([true, "invalid", "invalid", "unauthorized"]);
    expect(fake.state().access_tokens).toStrictEqual([DEFAULT_ACCESS_TOKEN]);
    expect(createFakePolar({ seed: { access_tokens: [] } }).accessToken).toBeUndefined();
  });
});
