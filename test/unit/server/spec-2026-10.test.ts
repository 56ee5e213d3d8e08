// The real 2026-10 spec: several security alternatives per operation, and a
// CustomerSubscription with many required fields and nested objects, which the fake
// fills in schema-valid. Bodies are checked with Ajv (JSON Schema 2020-12, uuid4).

import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { validatorsFor } from "../../fixtures/server/ajv.js";
import { generateFolder, SPEC_2026_10 } from "../../fixtures/server/generate.js";
import { listen, rawRequest } from "../../fixtures/server/listen.js";
import { CUSTOMER, seed, SUBSCRIPTION } from "../../fixtures/server/polar.js";

let dispose: () => void;
let module: Record<string, any>;
let validators: ReturnType<typeof validatorsFor>;
beforeAll(async () => {
  const folder = await generateFolder(SPEC_2026_10);
  dispose = folder.dispose;
  module = await import(join(folder.dir, "index.ts"));
  validators = validatorsFor(join(folder.dir, "openapi.json"));
}, 60_000);
afterAll(() => dispose());

async function served(options: Record<string, unknown> = {}) {
  const fake = module.createFakePolar({ seed: seed() });
  const listening = await listen(module.toNodeListener(module.createPolarServer({ ...fake, ...options })));
  const call = (target: string, token = "t") => rawRequest({ port: listening.port, target, headers: { authorization: `Bearer ${token}` } });
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
      const response = await server.call(`/v1/customer-portal/subscriptions/${SUBSCRIPTION}`, "session-ada");
      expect(response.status).toBe(200);
      expect(validators.CustomerSubscription!(response.json())).toStrictEqual([]);
      expect(response.json()).toMatchObject({ cancel_at_period_end: true, canceled_at: "2026-01-01T00:00:00Z", pending_update: null });
      const again = await server.call(`/v1/customer-portal/subscriptions/${SUBSCRIPTION}`, "session-ada");
      expect([again.status, validators.AlreadyCanceledSubscription!(again.json())]).toStrictEqual([403, []]);
      expect(validators.ResourceNotFound!((await server.call(`/v1/customers/external/nobody`)).json())).toStrictEqual([]);
      expect(validators.HTTPValidationError!((await server.call(`/v1/customers/abc`)).json())).toStrictEqual([]);
    } finally {
      await server.close();
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
