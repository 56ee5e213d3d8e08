// The fake's seed is held to what Polar could hold: a record the fake would answer with
// a body Polar never sends, or could never reach, is refused when the fake is made,
// naming the record and the field; `serve --seed` exits 2 with the same words.

import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { createFakePolar } from "../../../generated/polar/fake.js";
import { generateFolder } from "../../fixtures/server/generate.js";
import { CUSTOMER, OTHER_CUSTOMER, seed, SUBSCRIPTION } from "../../fixtures/server/polar.js";
import { SPEC_2025_02 } from "../../fixtures/specs/index.js";

const customer = { id: CUSTOMER, external_id: "user-42" };
const subscription = { id: SUBSCRIPTION, customer_id: CUSTOMER, status: "active" };

describe("a seed the fake refuses, naming the record and the field", () => {
  it.each([
    [[], "fake seed: seed: must be an object"],
    [{ customers: {} }, "fake seed: customers: must be an array"],
    [{ customers: [{ email: "x" }] }, "fake seed: customers[0].id: must be a non-empty string"],
    [{ subscriptions: [{ id: "s" }] }, "fake seed: subscriptions[0].customer_id: must be a non-empty string"],
    [{ customers: [customer, customer] }, `fake seed: customers[1].id: "${CUSTOMER}" appears twice`],
    [{ customer_sessions: [{ token: "", customer_id: "c" }] }, "fake seed: customer_sessions[0].token: must be a non-empty string"],
    [{ access_tokens: [{ token: "polar_oat_1", scopes: [] }, { token: "polar_oat_1", scopes: [] }] }, 'fake seed: access_tokens[1].token: "polar_oat_1" appears twice'],
  ])("not in the seed format: %j", (bad, message) => {
    expect(() => createFakePolar({ seed: bad as never })).toThrow(message);
  });

  it.each([
    ["a customer id that is no UUID", { customers: [{ id: "cus_42" }] }, 'customers[0].id: "cus_42" must be a valid uuid4'],
    ["a customer id of UUID version 1", { customers: [{ id: "6a8f7a58-6a8e-1d3c-9b1e-0f7c1d2e3a4b" }] }, "customers[0].id: \"6a8f7a58-6a8e-1d3c-9b1e-0f7c1d2e3a4b\" must be a valid uuid4"],
    ["an upper-case customer id", { customers: [{ id: CUSTOMER.toUpperCase() }] }, `customers[0].id: "${CUSTOMER.toUpperCase()}" must be lower case`],
    ["an upper-case subscription id", { customers: [customer], subscriptions: [{ ...subscription, id: SUBSCRIPTION.toUpperCase() }] }, `subscriptions[0].id: "${SUBSCRIPTION.toUpperCase()}" must be lower case: the server lower-cases the UUID in a request, so this record could never be reached`],
    ["a subscription id that is no UUID", { customers: [customer], subscriptions: [{ ...subscription, id: "sub_1" }] }, 'subscriptions[0].id: "sub_1" must be a valid uuid4'],
    ["an external id used twice", { customers: [customer, { id: OTHER_CUSTOMER, external_id: "user-42" }] }, 'customers[1].external_id: "user-42" is also customers[0]\'s'],
    ["an email that is no string", { customers: [{ id: CUSTOMER, email: 42 }] }, "customers[0].email: must be an email address (or null)"],
    ["an email without @ (Polar's anonymisation needs one)", { customers: [{ id: CUSTOMER, email: "ada" }] }, "customers[0].email: must be an email address (or null)"],
    ["a subscription of no seeded customer", { customers: [customer], subscriptions: [{ ...subscription, customer_id: OTHER_CUSTOMER }] }, `subscriptions[0].customer_id: no customer "${OTHER_CUSTOMER}" in the seed`],
    ["a session of no seeded customer", { customers: [customer], customer_sessions: [{ token: "polar_cst_1", customer_id: OTHER_CUSTOMER }] }, `customer_sessions[0].customer_id: no customer "${OTHER_CUSTOMER}" in the seed`],
    ["a customer session without Polar's prefix", { customers: [customer], customer_sessions: [{ token: "session-1", customer_id: CUSTOMER }] }, "customer_sessions[0].token: must start with polar_cst_: the fake reads a token's kind from its prefix, as Polar does"],
    ["an access token that is a session's", { access_tokens: [{ token: "polar_cst_1", scopes: [] }] }, "access_tokens[0].token: must start with polar_oat_, polar_pat_, polar_at_u_, polar_at_o_"],
    ["an access token without scopes", { access_tokens: [{ token: "polar_oat_1" }] }, "access_tokens[0].scopes: must be an array of scope names"],
    ["a member of no known role", { customers: [customer], member_sessions: [{ token: "polar_mst_1", customer_id: CUSTOMER, role: "admin" }] }, 'member_sessions[0].role: must be one of "owner", "billing_manager", "member"'],
    ["a member session without Polar's prefix", { customers: [customer], member_sessions: [{ token: "polar_cst_1", customer_id: CUSTOMER, role: "owner" }] }, "member_sessions[0].token: must start with polar_mst_"],
    ["a status outside the schema's enum", { customers: [customer], subscriptions: [{ ...subscription, status: "bogus-status" }] }, 'subscriptions[0].status: must be one of "incomplete"'],
    ["an amount of the wrong type", { customers: [customer], subscriptions: [{ ...subscription, amount: "15" }] }, 'subscriptions[0].amount: must be integer (actual "15")'],
    ["a nested field of the wrong type", { customers: [customer], subscriptions: [{ ...subscription, product: { name: 7 } }] }, 'subscriptions[0].product.id: must have property "id"'],
  ])("%s", (_, bad, message) => {
    expect(() => createFakePolar({ seed: bad as never })).toThrow(`fake seed: ${message}`);
  });
});

it("member sessions where the spec has no member_session scheme (2025-02) are refused", async () => {
  const folder = await generateFolder(SPEC_2025_02, { operations: ["customers:delete", "customer_portal:subscriptions:cancel"] });
  try {
    const { createFakePolar: create2025 } = await import(join(folder.dir, "fake.ts"));
    const seed = { customers: [customer], member_sessions: [{ token: "polar_mst_1", customer_id: CUSTOMER, role: "owner" }] };
    expect(() => create2025({ seed })).toThrow("fake seed: member_sessions: the spec has no member_session security scheme");
  } finally {
    folder.dispose();
  }
}, 60_000);

describe("a seed the fake takes", () => {
  it("the tests' own seed, every documented status and a null external id", () => {
    expect(() => createFakePolar({ seed: seed() })).not.toThrow();
    const statuses = ["incomplete", "incomplete_expired", "trialing", "active", "past_due", "canceled", "unpaid"] as const;
    const subscriptions = statuses.map((status, index) => ({ id: `${SUBSCRIPTION.slice(0, -1)}${index}`, customer_id: CUSTOMER, status }));
    const fake = createFakePolar({ seed: { customers: [{ id: CUSTOMER, external_id: null }, { id: OTHER_CUSTOMER }], subscriptions } });
    expect(fake.state().subscriptions.map((one) => one.status).sort()).toStrictEqual([...statuses].sort());
  });
});
