// Polar's own tests of the customer portal's cancel (polarsource/polar,
// server/tests/customer_portal/endpoints/test_subscription.py and
// server/tests/subscription/test_service.py), written afresh against the fake over HTTP
// and `state()`. Each test names the Polar test it mirrors.

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  baseSeed,
  CUSTOMER,
  CUSTOMER_SESSION,
  embedded,
  INVALID_TOKEN,
  NOW,
  OTHER_SESSION,
  OTHER_SUBSCRIPTION,
  era2026_01_29,
  REALM,
  serveFake,
  SUBSCRIPTION,
  subscriptionOf,
  UNAUTHORIZED,
  WRITE_TOKEN,
  type Fake,
  type Generated,
} from "./harness.js";

const CANCELED_AT = NOW.toISOString().replace(".000Z", "Z");
const ALREADY = { error: "AlreadyCanceledSubscription", detail: "This subscription is already canceled or will be at the end of the period." };
const cancel = (id: string) => `/v1/customer-portal/subscriptions/${id}`;

function suite(load: () => Promise<Generated>) {
  let generated: Generated;
  let fake: Fake | undefined;
  beforeAll(async () => (generated = await load()), 120_000);
  afterAll(async () => {
    await fake?.close();
    generated?.dispose();
  });
  const start = async (overrides: Record<string, unknown> = {}) => {
    await fake?.close();
    fake = await serveFake({ generated, seed: baseSeed(overrides) });
    return fake;
  };
  const subscriptions = (...list: Array<Record<string, unknown>>) => ({ subscriptions: list.map((each) => ({ customer_id: CUSTOMER, ...each })) });
  return { start, subscriptions, generated: () => generated };
}

describe.each([["the embedded spec (2026-10)", embedded], ["the 2026-01-29 fixture spec (one access_token scheme)", era2026_01_29]] as const)("%s", (_, load) => {
  const { start, subscriptions } = suite(load);

  describe("server/tests/customer_portal/endpoints/test_subscription.py", () => {
    it("TestCustomerSubscriptionCancel.test_anonymous: no token is 401", async () => {
      const polar = await start();
      const response = await polar.call(cancel(SUBSCRIPTION), null);
      expect([response.status, response.headers["www-authenticate"], response.json()]).toStrictEqual([401, REALM, UNAUTHORIZED]);
    });

    it("TestCustomerSubscriptionCancel.test_tampered: another customer's subscription is 404, untouched", async () => {
      const polar = await start();
      const response = await polar.call(cancel(OTHER_SUBSCRIPTION), CUSTOMER_SESSION);
      expect([response.status, response.json()]).toStrictEqual([404, { error: "ResourceNotFound", detail: "Not found" }]);
      expect(subscriptionOf(polar, OTHER_SUBSCRIPTION)).toMatchObject({ cancel_at_period_end: false, canceled_at: null, ends_at: null });
    });

    it("TestCustomerSubscriptionCancel.test_valid: still active, not ended, cancel_at_period_end, ends_at = current_period_end", async () => {
      const polar = await start();
      const response = await polar.call(cancel(SUBSCRIPTION), CUSTOMER_SESSION);
      expect(response.status).toBe(200);
      const body = response.json();
      expect(body).toMatchObject({ id: SUBSCRIPTION, status: "active", ended_at: null, cancel_at_period_end: true, canceled_at: CANCELED_AT });
      expect(body.ends_at).toBe(body.current_period_end);
      expect(subscriptionOf(polar, SUBSCRIPTION)).toStrictEqual(body);
    });

    it("Subscription.can_cancel: a scheduled cancellation (cancel_at_period_end, ends_at) is 403, unchanged", async () => {
      const polar = await start(subscriptions({ id: SUBSCRIPTION, status: "active", cancel_at_period_end: true, canceled_at: "2026-01-20T00:00:00Z", ends_at: "2026-03-01T00:00:00Z" }));
      const before = subscriptionOf(polar, SUBSCRIPTION);
      const response = await polar.call(cancel(SUBSCRIPTION), CUSTOMER_SESSION);
      expect([response.status, response.json()]).toStrictEqual([403, ALREADY]);
      expect(subscriptionOf(polar, SUBSCRIPTION)).toStrictEqual(before);
    });
  });

  describe("server/tests/subscription/test_service.py and Subscription.can_cancel", () => {
    it("TestCancel.test_repeat_cancel_raises: the second cancel is 403 AlreadyCanceledSubscription", async () => {
      const polar = await start();
      expect((await polar.call(cancel(SUBSCRIPTION), CUSTOMER_SESSION)).status).toBe(200);
      const again = await polar.call(cancel(SUBSCRIPTION), CUSTOMER_SESSION);
      expect([again.status, again.json()]).toStrictEqual([403, ALREADY]);
    });

    it("TestCancel.test_clears_scheduled_pause: pause_at_period_end false, resumes_at null", async () => {
      const polar = await start(subscriptions({ id: SUBSCRIPTION, status: "active", pause_at_period_end: true, resumes_at: "2026-04-01T00:00:00Z" }));
      expect((await polar.call(cancel(SUBSCRIPTION), CUSTOMER_SESSION)).status).toBe(200);
      expect(subscriptionOf(polar, SUBSCRIPTION)).toMatchObject({ cancel_at_period_end: true, pause_at_period_end: false, resumes_at: null });
    });

    it("TestCancel.test_past_due_no_grace_cancels_at_period_end: past_due stays past_due, ends with the period", async () => {
      const polar = await start(subscriptions({ id: SUBSCRIPTION, status: "past_due" }));
      const response = await polar.call(cancel(SUBSCRIPTION), CUSTOMER_SESSION);
      expect(response.status).toBe(200);
      expect(response.json()).toMatchObject({ status: "past_due", cancel_at_period_end: true, ended_at: null });
      expect(response.json().ends_at).toBe(response.json().current_period_end);
    });

    it("TestCancel.test_active_cancels_at_period_end, and trialing the same", async () => {
      const polar = await start(subscriptions({ id: SUBSCRIPTION, status: "trialing" }, { id: OTHER_SUBSCRIPTION, status: "active" }));
      for (const [id, status] of [[SUBSCRIPTION, "trialing"], [OTHER_SUBSCRIPTION, "active"]]) {
        const response = await polar.call(cancel(id!), CUSTOMER_SESSION);
        expect([response.status, response.json().status, response.json().cancel_at_period_end]).toStrictEqual([200, status, true]);
      }
    });

    it.each(["incomplete", "incomplete_expired", "unpaid", "canceled"])("Subscription.can_cancel: %s is not billable, 403, unchanged", async (status) => {
      const polar = await start(subscriptions({ id: SUBSCRIPTION, status }));
      const before = subscriptionOf(polar, SUBSCRIPTION);
      const response = await polar.call(cancel(SUBSCRIPTION), CUSTOMER_SESSION);
      expect([response.status, response.json()]).toStrictEqual([403, ALREADY]);
      expect(subscriptionOf(polar, SUBSCRIPTION)).toStrictEqual(before);
    });

    it("Subscription.can_cancel: an active subscription with ends_at already set is 403, its ends_at kept", async () => {
      const polar = await start(subscriptions({ id: SUBSCRIPTION, status: "active", ends_at: "2026-05-01T00:00:00Z" }));
      expect((await polar.call(cancel(SUBSCRIPTION), CUSTOMER_SESSION)).status).toBe(403);
      expect(subscriptionOf(polar, SUBSCRIPTION).ends_at).toBe("2026-05-01T00:00:00Z");
    });

    it("Subscription.can_cancel: an active subscription already ended is 403", async () => {
      const polar = await start(subscriptions({ id: SUBSCRIPTION, status: "active", ended_at: "2026-01-10T00:00:00Z" }));
      expect((await polar.call(cancel(SUBSCRIPTION), CUSTOMER_SESSION)).status).toBe(403);
    });
  });

  describe("server/polar/auth (middlewares.py get_auth_subject; customer_portal/auth.py): the cancel's credentials", () => {
    it("an organization token is no customer: 401 Unauthorized, untouched", async () => {
      const polar = await start();
      const response = await polar.call(cancel(SUBSCRIPTION), WRITE_TOKEN);
      expect([response.status, response.json()]).toStrictEqual([401, UNAUTHORIZED]);
      expect(subscriptionOf(polar, SUBSCRIPTION)).toMatchObject({ cancel_at_period_end: false });
    });

    it("an unknown customer session is 401 invalid_token", async () => {
      const polar = await start();
      const response = await polar.call(cancel(SUBSCRIPTION), "polar_cst_unknown");
      expect([response.status, response.json()]).toStrictEqual([401, INVALID_TOKEN]);
    });

    it("another customer's session reaches only its own customer's subscriptions", async () => {
      const polar = await start();
      expect((await polar.call(cancel(SUBSCRIPTION), OTHER_SESSION)).status).toBe(404);
      expect((await polar.call(cancel(OTHER_SUBSCRIPTION), OTHER_SESSION)).status).toBe(200);
    });
  });
});

describe("the embedded spec (2026-10): member sessions", () => {
  const { start } = suite(embedded);
  const members = (role: string) => ({ member_sessions: [{ token: `polar_mst_${role}`, customer_id: CUSTOMER, role }] });

  describe("server/tests/customer_portal/endpoints/test_subscription.py", () => {
    it("TestMemberRoleEnforcementSubscriptionCancel.test_owner_can_cancel", async () => {
      const polar = await start(members("owner"));
      const response = await polar.call(cancel(SUBSCRIPTION), "polar_mst_owner");
      expect([response.status, response.json().cancel_at_period_end]).toStrictEqual([200, true]);
    });

    it("TestMemberRoleEnforcementSubscriptionCancel.test_billing_manager_can_cancel", async () => {
      const polar = await start(members("billing_manager"));
      const response = await polar.call(cancel(SUBSCRIPTION), "polar_mst_billing_manager");
      expect([response.status, response.json().cancel_at_period_end]).toStrictEqual([200, true]);
    });

    it("TestMemberRoleEnforcementSubscriptionCancel.test_regular_member_cannot_cancel: 403 NotPermitted about billing, untouched", async () => {
      const polar = await start(members("member"));
      const response = await polar.call(cancel(SUBSCRIPTION), "polar_mst_member");
      expect([response.status, response.json()]).toStrictEqual([403, { error: "NotPermitted", detail: "Only owners and billing managers can access billing features." }]);
      expect(subscriptionOf(polar, SUBSCRIPTION)).toMatchObject({ cancel_at_period_end: false });
    });

    it("a member of another customer reaches only its customer's subscriptions (get_customer_id)", async () => {
      const polar = await start({ member_sessions: [{ token: "polar_mst_other", customer_id: "2c9d4e6f-8a1b-4c3d-9e5f-7a8b9c0d1e2f", role: "owner" }] });
      expect((await polar.call(cancel(SUBSCRIPTION), "polar_mst_other")).status).toBe(404);
      expect((await polar.call(cancel(OTHER_SUBSCRIPTION), "polar_mst_other")).status).toBe(200);
    });

    it("server/tests/customer/test_service.py TestDelete.test_delete_soft_deletes_members: a deleted customer's member sessions are 401 invalid_token", async () => {
      const polar = await start(members("owner"));
      expect((await polar.call(`/v1/customers/${CUSTOMER}`, WRITE_TOKEN)).status).toBe(204);
      const response = await polar.call(cancel(SUBSCRIPTION), "polar_mst_owner");
      expect([response.status, response.json()]).toStrictEqual([401, INVALID_TOKEN]);
    });

    it("a member session on a delete is 401 Unauthorized", async () => {
      const polar = await start(members("owner"));
      expect((await polar.call(`/v1/customers/${CUSTOMER}`, "polar_mst_owner")).status).toBe(401);
    });
  });
});
