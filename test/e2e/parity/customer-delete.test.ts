// Polar's own tests of customer deletion (polarsource/polar, server/tests/customer/ and
// server/tests/subscription/), written afresh against the fake over HTTP and `state()`.
// Each test names the Polar test it mirrors. For each shape of the spec (harness.ts).

import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  baseSeed,
  CUSTOMER,
  CUSTOMER_SESSION,
  customerOf,
  embedded,
  INVALID_TOKEN,
  OTHER_CUSTOMER,
  OTHER_SUBSCRIPTION,
  era2026_01_29,
  READ_TOKEN,
  REALM,
  serveFake,
  SUBSCRIPTION,
  subscriptionOf,
  UNAUTHORIZED,
  WRITE_TOKEN,
  type Fake,
  type Generated,
} from "./harness.js";

const DELETED_AT = "2026-02-03T04:05:06Z";
/** `anonymize_for_deletion`: SHA-256 of the creation time as Python prints it, then the value. */
const hashed = (value: string, created = "2025-06-07T08:09:10.123456+00:00") => createHash("sha256").update(created + value).digest("hex");

describe.each([["the embedded spec (2026-10)", embedded], ["the 2026-01-29 fixture spec (one access_token scheme)", era2026_01_29]] as const)("%s", (_, load) => {
  let generated: Generated;
  let fake: Fake | undefined;
  beforeAll(async () => (generated = await load()), 120_000);
  afterAll(() => generated?.dispose());
  const start = async (overrides: Record<string, unknown> = {}) => {
    await fake?.close();
    fake = await serveFake({ generated, seed: baseSeed(overrides) });
    return fake;
  };
  afterAll(() => fake?.close());

  describe("server/tests/customer/test_endpoints.py", () => {
    it("TestDeleteCustomerWithAnonymize.test_delete_with_anonymize: email and name hashed, email unverified, deleted", async () => {
      const polar = await start();
      expect((await polar.call(`/v1/customers/${CUSTOMER}?anonymize=true`, WRITE_TOKEN)).status).toBe(204);
      const deleted = customerOf(polar, CUSTOMER);
      expect(deleted.email).toBe(`${hashed("individual@example.com")}@anonymized.polar.sh`);
      expect(deleted.email_verified).toBe(false);
      expect(deleted.name).toBe(hashed("John Doe"));
      expect(deleted.name).toHaveLength(64);
      expect(deleted.deleted_at).toBe(DELETED_AT);
    });

    it("TestDeleteCustomerWithAnonymize.test_business_customer_preserves_name: a customer with a tax id keeps its name and tax id", async () => {
      const taxId = ["DE123456789", "eu_vat"];
      const polar = await start({ customers: [{ id: CUSTOMER, email: "business@example.com", name: "Acme Corp", tax_id: taxId }] , subscriptions: [], customer_sessions: [] });
      expect((await polar.call(`/v1/customers/${CUSTOMER}?anonymize=true`, WRITE_TOKEN)).status).toBe(204);
      expect(customerOf(polar, CUSTOMER)).toMatchObject({ name: "Acme Corp", tax_id: taxId, email: expect.stringMatching(/^[\da-f]{64}@anonymized\.polar\.sh$/) });
    });

    it("TestDeleteCustomerWithAnonymize.test_preserves_external_id: the column is freed, the value kept in metadata", async () => {
      const polar = await start();
      expect((await polar.call(`/v1/customers/${CUSTOMER}?anonymize=true`, WRITE_TOKEN)).status).toBe(204);
      expect(customerOf(polar, CUSTOMER)).toMatchObject({ external_id: null, metadata: { __external_id: "ext-123" } });
      // Freed: the external id names no customer any more (the test's recreate is not an operation of the fake).
      expect((await polar.call("/v1/customers/external/ext-123", WRITE_TOKEN)).status).toBe(404);
    });

    it("TestDeleteCustomerWithAnonymize.test_delete_without_anonymize: deleted, nothing hashed", async () => {
      const polar = await start();
      expect((await polar.call(`/v1/customers/${CUSTOMER}`, WRITE_TOKEN)).status).toBe(204);
      expect(customerOf(polar, CUSTOMER)).toMatchObject({ email: "individual@example.com", name: "John Doe", deleted_at: DELETED_AT });
      expect(customerOf(polar, CUSTOMER).metadata).toStrictEqual({ user_id: "ABC", __external_id: "ext-123" });
    });

    it("TestDeleteCustomerExternalWithAnonymize.test_delete_with_anonymize: by external id, hashed, external id moved to metadata", async () => {
      const polar = await start();
      expect((await polar.call("/v1/customers/external/ext-123?anonymize=true", WRITE_TOKEN)).status).toBe(204);
      expect(customerOf(polar, CUSTOMER)).toMatchObject({
        email: `${hashed("individual@example.com")}@anonymized.polar.sh`,
        external_id: null,
        metadata: { user_id: "ABC", __external_id: "ext-123", __anonymized_at: "2026-02-03T04:05:06+00:00" },
      });
      expect(customerOf(polar, OTHER_CUSTOMER)).toStrictEqual({ id: OTHER_CUSTOMER, external_id: "ext-456", email: "second@example.com" });
    });
  });

  describe("server/tests/customer/test_service.py", () => {
    it("TestDelete.test_valid: soft-deleted, then not found", async () => {
      const polar = await start();
      expect((await polar.call(`/v1/customers/${CUSTOMER}`, WRITE_TOKEN)).status).toBe(204);
      expect(customerOf(polar, CUSTOMER).deleted_at).toBe(DELETED_AT);
      const again = await polar.call(`/v1/customers/${CUSTOMER}`, WRITE_TOKEN);
      expect([again.status, again.json()]).toStrictEqual([404, { error: "ResourceNotFound", detail: "Not found" }]);
    });

    it("TestDelete.test_delete_with_anonymize_recycled_external_id: the freed external id is kept in metadata, anonymised or not", async () => {
      const polar = await start();
      expect((await polar.call("/v1/customers/external/ext-123?anonymize=1", WRITE_TOKEN)).status).toBe(204);
      expect(customerOf(polar, CUSTOMER).metadata.__external_id).toBe("ext-123");
    });

    it("TestDelete.test_delete_soft_deletes_members: the customer's sessions stop working (401 invalid_token)", async () => {
      const polar = await start();
      expect((await polar.call(`/v1/customers/${CUSTOMER}`, WRITE_TOKEN)).status).toBe(204);
      const response = await polar.call(`/v1/customer-portal/subscriptions/${SUBSCRIPTION}`, CUSTOMER_SESSION);
      expect([response.status, response.json()]).toStrictEqual([401, INVALID_TOKEN]);
    });

    it("TestAnonymize.test_individual_customer: email, name hashed; other metadata kept; __anonymized_at recorded", async () => {
      const polar = await start();
      await polar.call(`/v1/customers/${CUSTOMER}?anonymize=true`, WRITE_TOKEN);
      expect(customerOf(polar, CUSTOMER).metadata).toMatchObject({ user_id: "ABC", __anonymized_at: "2026-02-03T04:05:06+00:00" });
    });

    it("TestAnonymize.test_idempotent: a customer anonymised before is left as it is", async () => {
      const already = { id: CUSTOMER, email: "0123@anonymized.polar.sh", name: "n", metadata: { __anonymized_at: "2025-01-01T00:00:00+00:00" } };
      const polar = await start({ customers: [already], subscriptions: [], customer_sessions: [] });
      await polar.call(`/v1/customers/${CUSTOMER}?anonymize=true`, WRITE_TOKEN);
      expect(customerOf(polar, CUSTOMER)).toMatchObject({ email: already.email, name: "n", metadata: already.metadata });
    });

    it("TestAnonymize.test_clears_billing_address and test_clears_oauth_accounts", async () => {
      const customer = { id: CUSTOMER, email: "a@example.com", billing_address: { country: "FR" }, oauth_accounts: { "github:1": { access_token: "x" } } };
      const polar = await start({ customers: [customer], subscriptions: [], customer_sessions: [] });
      await polar.call(`/v1/customers/${CUSTOMER}?anonymize=true`, WRITE_TOKEN);
      expect(customerOf(polar, CUSTOMER)).toMatchObject({ billing_address: null, oauth_accounts: {} });
    });

    it("TestAnonymize.test_hashes_billing_name: hashed even for a business; an empty name is left empty", async () => {
      const customer = { id: CUSTOMER, email: "b@example.com", name: "", billing_name: "Business Billing Name", tax_id: ["DE1", "eu_vat"], created_at: "2026-01-01T00:00:00Z" };
      const polar = await start({ customers: [customer], subscriptions: [], customer_sessions: [] });
      await polar.call(`/v1/customers/${CUSTOMER}?anonymize=true`, WRITE_TOKEN);
      expect(customerOf(polar, CUSTOMER)).toMatchObject({ name: "", billing_name: hashed("Business Billing Name", "2026-01-01T00:00:00+00:00") });
    });
  });

  describe("server/tests/subscription/test_service.py", () => {
    it("TestCancelCustomer.test_basic: an active subscription is revoked at once", async () => {
      const polar = await start();
      await polar.call(`/v1/customers/${CUSTOMER}`, WRITE_TOKEN);
      expect(subscriptionOf(polar, SUBSCRIPTION)).toMatchObject({ status: "canceled", canceled_at: DELETED_AT, ends_at: DELETED_AT, ended_at: DELETED_AT, cancel_at_period_end: false });
      expect(subscriptionOf(polar, OTHER_SUBSCRIPTION)).toMatchObject({ status: "active", canceled_at: null, ended_at: null });
    });

    it("TestCancelCustomer.test_past_due_subscription_is_canceled_and_voids_pending_orders: past_due is revoked too", async () => {
      const polar = await start({ subscriptions: [{ id: SUBSCRIPTION, customer_id: CUSTOMER, status: "past_due" }] });
      await polar.call(`/v1/customers/${CUSTOMER}`, WRITE_TOKEN);
      expect(subscriptionOf(polar, SUBSCRIPTION)).toMatchObject({ status: "canceled", ended_at: DELETED_AT });
    });

    it("TestRevoke.test_revoke_scheduled_cancellation_sends_canceled_hook: a scheduled cancellation is revoked, keeping cancel_at_period_end", async () => {
      const scheduled = { id: SUBSCRIPTION, customer_id: CUSTOMER, status: "active", cancel_at_period_end: true, canceled_at: "2026-01-15T00:00:00Z", ends_at: "2026-03-01T00:00:00Z" };
      const polar = await start({ subscriptions: [scheduled] });
      await polar.call(`/v1/customers/${CUSTOMER}`, WRITE_TOKEN);
      expect(subscriptionOf(polar, SUBSCRIPTION)).toMatchObject({ status: "canceled", cancel_at_period_end: true, canceled_at: DELETED_AT, ends_at: DELETED_AT, ended_at: DELETED_AT });
    });

    it("TestRevoke.test_already_canceled: an ended subscription is not touched again", async () => {
      const ended = { id: SUBSCRIPTION, customer_id: CUSTOMER, status: "canceled", canceled_at: "2025-12-01T00:00:00Z", ends_at: "2025-12-01T00:00:00Z", ended_at: "2025-12-01T00:00:00Z" };
      const unpaid = { id: OTHER_SUBSCRIPTION, customer_id: CUSTOMER, status: "unpaid" };
      const polar = await start({ subscriptions: [ended, unpaid] });
      const before = polar.state().subscriptions;
      await polar.call(`/v1/customers/${CUSTOMER}`, WRITE_TOKEN);
      expect(polar.state().subscriptions).toStrictEqual(before);
    });
  });

  describe("server/polar/auth (dependencies.py, middlewares.py): the deletes' credentials", () => {
    it("test_anonymous (every endpoint test class): no token is 401 Unauthorized, nothing deleted", async () => {
      const polar = await start();
      const response = await polar.call(`/v1/customers/${CUSTOMER}`, null);
      expect([response.status, response.headers["www-authenticate"], response.json()]).toStrictEqual([401, REALM, UNAUTHORIZED]);
      expect(customerOf(polar, CUSTOMER).deleted_at).toBeUndefined();
    });

    it("a customer session is no organization: 401 Unauthorized, nothing deleted", async () => {
      const polar = await start();
      const response = await polar.call(`/v1/customers/${OTHER_CUSTOMER}`, CUSTOMER_SESSION);
      expect([response.status, response.json()]).toStrictEqual([401, UNAUTHORIZED]);
      expect(customerOf(polar, OTHER_CUSTOMER).deleted_at).toBeUndefined();
    });

    it("an unknown token is 401 invalid_token, whatever its prefix", async () => {
      const polar = await start();
      for (const token of ["polar_oat_unknown", "polar_pat_unknown", "no-prefix"]) {
        const response = await polar.call(`/v1/customers/${CUSTOMER}`, token);
        expect([response.status, response.json(), response.headers["cache-control"]]).toStrictEqual([401, INVALID_TOKEN, "no-store"]);
      }
    });

    it("a token without customers:write is 403 insufficient_scope, naming the scope", async () => {
      const polar = await start();
      const response = await polar.call(`/v1/customers/${CUSTOMER}`, READ_TOKEN);
      expect(response.status).toBe(403);
      expect(response.json().error).toBe("insufficient_scope");
      expect(response.headers["www-authenticate"]).toContain('scope="customers:write"');
      expect(customerOf(polar, CUSTOMER).deleted_at).toBeUndefined();
    });

    it("credentials are checked before parameters (a dependency of the route): 401 wins over 422", async () => {
      const polar = await start();
      expect((await polar.call("/v1/customers/not-a-uuid", "polar_oat_unknown")).status).toBe(401);
      const invalid = await polar.call("/v1/customers/not-a-uuid", WRITE_TOKEN);
      expect([invalid.status, invalid.json().error]).toStrictEqual([422, "RequestValidationError"]);
    });
  });
});
