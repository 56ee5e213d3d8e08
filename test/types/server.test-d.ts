// Types of the generated server and fake (embedded spec): a handler map with a hole,
// an undocumented outcome or a wrongly shaped body does not compile; handlers see
// typed, camelCased parameters and the credential.

import { describe, expectTypeOf, it } from "vitest";
import { createPolarServer, toNodeListener, type components, type CustomersDeleteOutcome, type FetchServer, type PolarHandlers, type ServerCredential } from "../../generated/polar/index.js";
import { createFakePolar, type FakeSeed } from "../../generated/polar/fake.js";

const notFound = { status: 404, body: { error: "ResourceNotFound", detail: "Not found" } } as const;
const handlers: PolarHandlers = {
  customersDelete: () => ({ status: 204 }),
  customersDeleteExternal: async () => notFound,
  customerPortalSubscriptionsCancel: () => notFound,
};

describe("server types: the handler map", () => {
  it("needs one handler per operation", () => {
    createPolarServer({ handlers });
    createPolarServer({
      // @ts-expect-error: customerPortalSubscriptionsCancel is missing
      handlers: { customersDelete: () => ({ status: 204 }), customersDeleteExternal: () => ({ status: 204 }) },
    });
    // @ts-expect-error: handlers are required
    createPolarServer({});
  });

  it("the fake fills the whole map and spreads straight in", () => {
    const fake = createFakePolar({ seed: { customers: [{ id: "c", external_id: "user-42" }] } });
    expectTypeOf(fake.handlers).toEqualTypeOf<PolarHandlers>();
    expectTypeOf(createPolarServer(fake)).toEqualTypeOf<FetchServer>();
    expectTypeOf(createPolarServer({ ...fake, validateResponses: false })).toHaveProperty("fetch").toEqualTypeOf<(request: Request) => Promise<Response>>();
    expectTypeOf(toNodeListener).parameter(0).toEqualTypeOf<FetchServer>();
  });
});

describe("server types: what a handler sees", () => {
  it("typed, camelCased parameters and the credential", () => {
    const check: PolarHandlers = {
      customersDelete: ({ params, credential, request }) => {
        expectTypeOf(params.id).toEqualTypeOf<string>();
        // Its default (false) is filled in: a handler always gets a boolean.
        expectTypeOf(params.anonymize).toEqualTypeOf<boolean>();
        expectTypeOf(credential).toEqualTypeOf<ServerCredential<"oidc" | "pat" | "oat">>();
        expectTypeOf(credential.scheme).toEqualTypeOf<"oidc" | "pat" | "oat">();
        expectTypeOf(request).toEqualTypeOf<Request>();
        return { status: 204 };
      },
      customersDeleteExternal: ({ params }) => {
        expectTypeOf(params).toHaveProperty("externalId").toEqualTypeOf<string>();
        // @ts-expect-error: the wire name is not the parameter name
        void params.external_id;
        return { status: 204 };
      },
      customerPortalSubscriptionsCancel: ({ credential }) => {
        expectTypeOf(credential.scheme).toEqualTypeOf<"customer_session" | "member_session">();
        // @ts-expect-error: not one of the operation's schemes
        if (credential.scheme === "oat") return notFound;
        return notFound;
      },
    };
    void check;
  });
});

describe("server types: exactly the documented outcomes", () => {
  it("the outcome union lists each documented status with its body", () => {
    expectTypeOf<CustomersDeleteOutcome["status"]>().toEqualTypeOf<204 | 404 | 422>();
    expectTypeOf<Extract<CustomersDeleteOutcome, { status: 404 }>["body"]>().toEqualTypeOf<components["schemas"]["ResourceNotFound"]>();
  });

  it("an undocumented status, a body on a 204 or a wrong body does not compile", () => {
    const wrong: Partial<PolarHandlers> = {
      // @ts-expect-error: 200 is not a documented outcome of customers:delete
      customersDelete: () => ({ status: 200, body: {} }),
      // @ts-expect-error: a 404 needs its ResourceNotFound body
      customersDeleteExternal: () => ({ status: 404 }),
      // @ts-expect-error: the 403 body is AlreadyCanceledSubscription, not ResourceNotFound
      customerPortalSubscriptionsCancel: () => ({ status: 403, body: { error: "ResourceNotFound", detail: "x" } }),
    };
    const body: Partial<PolarHandlers> = {
      // @ts-expect-error: a 204 has no body
      customersDelete: () => ({ status: 204, body: { deleted: true } }),
    };
    void [wrong, body];
  });
});

describe("fake types: the seed", () => {
  it("takes the issue's seed format, typed against the schema", () => {
    const seed: FakeSeed = {
      customers: [{ id: "6a8f7a58-6a8e-4d3c-9b1e-0f7c1d2e3a4b", external_id: "user-42", email: "a@example.com" }],
      subscriptions: [{ id: "0b5e1c7a-2f4d-4e8b-9c1a-3d5f7e9b1c2d", customer_id: "6a8f7a58-6a8e-4d3c-9b1e-0f7c1d2e3a4b", status: "active" }],
      customer_sessions: [{ token: "polar_cst_1", customer_id: "6a8f7a58-6a8e-4d3c-9b1e-0f7c1d2e3a4b" }],
    };
    const wrong: FakeSeed = {
      // @ts-expect-error: not a subscription status
      subscriptions: [{ id: "s", customer_id: "c", status: "paused-forever" }],
    };
    // @ts-expect-error: a subscription needs its customer
    const orphan: FakeSeed = { subscriptions: [{ id: "s" }] };
    void [seed, wrong, orphan];
  });
});
