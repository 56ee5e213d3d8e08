// The real 2026-10 spec: several security alternatives per operation, and a
// CustomerSubscription with many required fields and nested objects, which the fake
// fills in schema-valid. Bodies are checked with Ajv (JSON Schema 2020-12, uuid4).

import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { validatorsFor } from "../../fixtures/server/ajv.js";
import { generateFolder, SPEC_2026_10 } from "../../fixtures/server/generate.js";
import { listen, rawRequest } from "../../fixtures/server/listen.js";
import { CUSTOMER, ORG_TOKEN, seed, SESSION_ADA, SUBSCRIPTION } from "../../fixtures/server/polar.js";

let dispose: () => void;
let module: Record<string, any>;
let validators: ReturnType<typeof validatorsFor>;
beforeAll(async () => {
  const folder = await generateFolder(SPEC_2026_10);
  dispose = folder.dispose;
  module = { ...(await import(join(folder.dir, "index.ts"))), ...(await import(join(folder.dir, "fake.ts"))) };
  validators = validatorsFor(join(folder.dir, "openapi.json"));
}, 60_000);
afterAll(() => dispose());

async function served(options: Record<string, unknown> = {}) {
  const fake = module.createFakePolar({ seed: seed() });
  const listening = await listen(module.toNodeListener(module.createPolarServer({ ...fake, ...options })));
  const call = (target: string, token = ORG_TOKEN) => rawRequest({ port: listening.port, target, headers: { authorization: `Bearer ${token}` } });
  return { ...listening, fake, call };
}

describe("the fake's subscriptions", () => {
  it("a seeded subscription is a valid CustomerSubscription, every required field filled", () => {
    const [subscription] = module.createFakePolar({ seed: seed() }).state().subscriptions;
    expect(validators.CustomerSubscription!(subscription)).toStrictEqual([]);
    expect(subscription.product.organization.id).toBe(subscription.product.organization_id);
  });

  it("a cancelled one is too, and the response validator agrees", async () => {
    const server = await served({ validateResponses: validators });
    try {
      const response = await server.call(`/v1/customer-portal/subscriptions/${SUBSCRIPTION}`, SESSION_ADA);
      expect(response.status).toBe(200);
      expect(validators.CustomerSubscription!(response.json())).toStrictEqual([]);
      expect(response.json()).toMatchObject({ cancel_at_period_end: true, canceled_at: "2026-01-01T00:00:00Z", pending_update: null });
      const again = await server.call(`/v1/customer-portal/subscriptions/${SUBSCRIPTION}`, SESSION_ADA);
      expect([again.status, validators.AlreadyCanceledSubscription!(again.json())]).toStrictEqual([403, []]);
      expect(validators.ResourceNotFound!((await server.call(`/v1/customers/external/nobody`)).json())).toStrictEqual([]);
      expect(validators.HTTPValidationError!((await server.call(`/v1/customers/abc`)).json())).toStrictEqual([]);
    } finally {
      await server.close();
    }
  });
});

describe("the overlapping oneOf of CustomerSubscription.prices", () => {
  it("a seeded legacy price (which ProductPrice's branch also accepts) passes validateResponses: true", async () => {
    const legacy = {
      created_at: "2025-01-01T00:00:00Z",
      modified_at: null,
      id: "7a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d",
      source: "catalog",
      amount_type: "fixed",
      price_currency: "usd",
      tax_behavior: null,
      is_archived: false,
      product_id: "63574066-bebe-4c70-b871-d7de536e4028",
      type: "recurring",
      recurring_interval: "month",
      price_amount: 1500,
      legacy: true,
    };
    const fake = module.createFakePolar({ seed: { ...seed(), subscriptions: [{ id: SUBSCRIPTION, customer_id: CUSTOMER, status: "active", prices: [legacy] }] } });
    const events: unknown[] = [];
    const listening = await listen(module.toNodeListener(module.createPolarServer({ ...fake, validateResponses: true, onError: (event: unknown) => events.push(event) })));
    try {
      const response = await rawRequest({ port: listening.port, target: `/v1/customer-portal/subscriptions/${SUBSCRIPTION}`, headers: { authorization: `Bearer ${SESSION_ADA}` } });
      expect([response.status, events]).toStrictEqual([200, []]);
      expect(response.json().prices).toStrictEqual([legacy]);
    } finally {
      await listening.close();
    }
  });
});

describe("security alternatives", () => {
  it("each scheme is asked in the spec's order until one accepts; the handler learns which", async () => {
    const asked: string[] = [];
    let credential: unknown;
    const fake = module.createFakePolar({});
    const server = await served({
      handlers: { ...fake.handlers, customerPortalSubscriptionsCancel: (context: { credential: unknown }) => ((credential = context.credential), { status: 404, body: { error: "ResourceNotFound", detail: "x" } }) },
      authenticate: ({ scheme, scopes }: { scheme: string; scopes: string[] }) => (asked.push(`${scheme}:${scopes.join(",")}`), scheme === "member_session"),
    });
    try {
      expect((await server.call(`/v1/customer-portal/subscriptions/${SUBSCRIPTION}`, "member-1")).status).toBe(404);
      expect(asked).toStrictEqual(["customer_session:customer_portal:write", "member_session:customer_portal:write"]);
      expect(credential).toStrictEqual({ scheme: "member_session", token: "member-1" });
      asked.length = 0;
      expect((await server.call(`/v1/customers/${CUSTOMER}`, "x")).status).toBe(403);
      expect(asked).toStrictEqual(["oidc:customers:write", "pat:customers:write", "oat:customers:write"]);
    } finally {
      await server.close();
    }
  });
});
