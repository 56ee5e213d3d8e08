// Types of the generated client (embedded spec): what compiles, what must not, and
// what each call resolves to.

import { describe, expectTypeOf, it } from "vitest";
import {
  createPolarClient,
  createPolarCore,
  customerPortalSubscriptionsCancel,
  customersDelete,
  PolarError,
  unwrap,
  type components,
  type CustomerPortalSubscriptionsCancelResult,
  type CustomersDeleteResult,
  type PolarClientOptions,
} from "../../generated/polar/index.js";

const id = "6a8f7a58-6a8e-4d3c-9b1e-0f7c1d2e3a4b";
const org = createPolarClient({ accessToken: "polar_oat_x" });
const portal = createPolarClient({ customerSession: async () => "polar_cst_x" });

describe("client types: shape", () => {
  it("groups operations as their ids say", () => {
    expectTypeOf(org.customers.delete).parameter(0).toHaveProperty("id").toEqualTypeOf<string>();
    expectTypeOf(org.customers.delete).parameter(0).toHaveProperty("anonymize").toEqualTypeOf<boolean | undefined>();
    expectTypeOf(org.customers.deleteExternal).parameter(0).toHaveProperty("externalId").toEqualTypeOf<string>();
    expectTypeOf(portal.customerPortal.subscriptions.cancel).returns.resolves.toEqualTypeOf<CustomerPortalSubscriptionsCancelResult>();
  });

  it("takes a server from the spec or a base URL, not both", () => {
    createPolarClient({ server: "sandbox", accessToken: "t" });
    createPolarClient({ baseUrl: "http://127.0.0.1:8080", accessToken: "t" });
    // @ts-expect-error: not a server in the spec
    createPolarClient({ server: "staging", accessToken: "t" });
    // @ts-expect-error: one or the other
    createPolarClient({ server: "sandbox", baseUrl: "http://127.0.0.1:8080", accessToken: "t" });
  });

  it("refuses options it does not know, though the options are a generic parameter", () => {
    // @ts-expect-error: timeoutMs, retry and validateResponses, misspelled
    createPolarClient({ accessToken: "t", timeout: 5000, retries: 3, validateResponse: true });
    // @ts-expect-error: one is enough
    createPolarClient({ accessToken: "t", retries: 3 });
    // @ts-expect-error: the core too
    createPolarCore({ accessToken: "t", timeout: 5000 });
    createPolarClient({ accessToken: "t", timeoutMs: 5000, retry: { attempts: 3 }, validateResponses: true });
  });

  it("still types the callbacks in the options", () => {
    createPolarClient({
      accessToken: async () => "t",
      hooks: {
        beforeRequest: (request) => {
          expectTypeOf(request.operationId).toEqualTypeOf<string>();
        },
      },
    });
  });

  it("requires the parameters and only takes known ones", () => {
    // @ts-expect-error: id is required
    void org.customers.delete({});
    // @ts-expect-error: the wire name is not the parameter name
    void org.customers.deleteExternal({ external_id: "u1" });
    // @ts-expect-error: anonymize is a boolean
    void org.customers.delete({ id, anonymize: "yes" });
  });
});

describe("client types: credentials follow the spec's security", () => {
  it("cancel with only the organization token does not compile", () => {
    // @ts-expect-error: the portal cancel needs a customer session
    void org.customerPortal.subscriptions.cancel({ id });
    // @ts-expect-error: and never takes the organization token, even per call
    void org.customerPortal.subscriptions.cancel({ id, accessToken: "t" });
    void org.customerPortal.subscriptions.cancel({ id, customerSession: "s" });
    void portal.customerPortal.subscriptions.cancel({ id });
  });

  it("a customer session cannot delete customers", () => {
    // @ts-expect-error: delete needs the organization token
    void portal.customers.delete({ id });
    void portal.customers.delete({ id, accessToken: "t" });
  });

  it("options typed loosely must give the credential per call", () => {
    const loose: PolarClientOptions = { accessToken: process.env.POLAR_TOKEN };
    const client = createPolarClient(loose);
    // @ts-expect-error: the options may hold no token
    void client.customers.delete({ id });
    void client.customers.delete({ id, accessToken: "t" });
  });

  it("options of a union type must hold the session in every member", () => {
    const either = {} as { accessToken: string } | { customerSession: string };
    // @ts-expect-error: the options may be the organization token alone
    void createPolarClient(either).customerPortal.subscriptions.cancel({ id });
    void createPolarClient(either).customerPortal.subscriptions.cancel({ id, customerSession: "s" });
    const both = {} as { customerSession: string } | { customerSession: string; accessToken: string };
    void createPolarClient(both).customerPortal.subscriptions.cancel({ id });
  });

  it("standalone functions take the core and type the same way", () => {
    const core = createPolarCore({ accessToken: () => "t" });
    expectTypeOf(customersDelete({ client: core, id })).resolves.toEqualTypeOf<CustomersDeleteResult>();
    // @ts-expect-error: no customer session on this core
    void customerPortalSubscriptionsCancel({ client: core, id });
  });
});

describe("client types: results", () => {
  it("discriminates on kind, with typed bodies per status", async () => {
    const result = await org.customers.delete({ id });
    if (result.kind === "success") expectTypeOf(result.status).toEqualTypeOf<204>();
    if (result.kind === "error") {
      expectTypeOf(result.status).toEqualTypeOf<404 | 422>();
      if (result.status === 404) expectTypeOf(result.error).toEqualTypeOf<components["schemas"]["ResourceNotFound"]>();
    }
    if (result.kind === "probably-succeeded") expectTypeOf(result.status).toEqualTypeOf<404>();
    if (result.kind === "rate-limited") expectTypeOf(result.retryAfterMs).toEqualTypeOf<number | undefined>();
    if (result.kind === "invalid-request") expectTypeOf(result.message).toEqualTypeOf<string>();
  });

  it("a success's data may be undefined when the body was not JSON (the cancel happened all the same)", async () => {
    const result = await portal.customerPortal.subscriptions.cancel({ id });
    if (result.kind === "success") expectTypeOf(result.data).toEqualTypeOf<components["schemas"]["CustomerSubscription"] | undefined>();
  });

  it("PolarError's result is one of the failures, to switch on", async () => {
    try {
      unwrap(await org.customers.delete({ id }));
    } catch (error) {
      if (!(error instanceof PolarError)) throw error;
      expectTypeOf(error.result.kind).toEqualTypeOf<
        "error" | "unexpected-status" | "invalid-body" | "rate-limited" | "network-error" | "timeout" | "aborted" | "invalid-request"
      >();
      if (error.result.kind === "rate-limited") expectTypeOf(error.result.retryAfterMs).toEqualTypeOf<number | undefined>();
    }
  });

  it("unwrap gives the success data, or undefined when an earlier attempt probably did it", async () => {
    expectTypeOf(unwrap(await portal.customerPortal.subscriptions.cancel({ id }))).toEqualTypeOf<
      components["schemas"]["CustomerSubscription"] | undefined
    >();
    expectTypeOf(unwrap(await org.customers.delete({ id }))).toEqualTypeOf<undefined>();
  });
});
