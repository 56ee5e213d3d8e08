// Credentials: a bearer token per the operation's security (401 without one), the
// `authenticate` hook's verdict per scheme and scopes (403 on refusal), checked
// before the parameters, as Polar's FastAPI dependencies are.

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CUSTOMER, serve, SUBSCRIPTION, type Served } from "../../fixtures/server/polar.js";

const UNAUTHORIZED = { error: "Unauthorized", detail: "Send a bearer token: Authorization: Bearer <token>." };

describe("the embedded spec", () => {
  let served: Served;
  let asked: unknown[] = [];
  let verdict: (input: { token: string }) => boolean | Promise<boolean> = () => true;
  beforeAll(async () => {
    served = await serve({
      authenticate: (input) => {
        asked.push({ scheme: input.scheme, token: input.token, scopes: input.scopes, operationId: input.operationId, url: input.request.url });
        return verdict(input);
      },
    });
  });
  afterAll(() => served.close());

  it.each([
    ["no Authorization header", undefined],
    ["an empty bearer", "Bearer "],
    ["the bare scheme", "Bearer"],
    ["another scheme", "Basic dXNlcjpwYXNz"],
    ["two tokens", "Bearer one two"],
    ["a token outside visible ASCII", "Bearer t\u00f6k"],
  ])("%s is 401 with WWW-Authenticate, before authenticate or the handler", async (_, header) => {
    asked = [];
    const response = await served.call({ target: `/v1/customers/${CUSTOMER}`, token: null, headers: header === undefined ? {} : { authorization: header } });
    expect(response.status).toBe(401);
    expect(response.headers["www-authenticate"]).toBe("Bearer");
    expect(response.json()).toStrictEqual(UNAUTHORIZED);
    expect(asked).toStrictEqual([]);
  });

  it("a missing credential wins over a bad id: 401, not 422", async () => {
    expect((await served.call({ target: "/v1/customers/abc", token: null })).status).toBe(401);
  });

  it("authenticate hears the scheme, token, scopes, operation and request; false is 403", async () => {
    asked = [];
    verdict = () => false;
    const response = await served.call({ target: `/v1/customers/${CUSTOMER}`, token: "org-token", headers: { host: "fake.test" } });
    verdict = () => true;
    expect(response.status).toBe(403);
    expect(response.json()).toStrictEqual({ error: "NotPermitted", detail: "This credential may not call this operation." });
    expect(asked).toStrictEqual([{ scheme: "access_token", token: "org-token", scopes: [], operationId: "customers:delete", url: `http://fake.test/v1/customers/${CUSTOMER}` }]);
    expect(served.fake.state().customers.find((customer) => customer.id === CUSTOMER)?.deleted_at).toBeUndefined();
  });

  it("an async verdict is awaited", async () => {
    verdict = async ({ token }) => token === "good";
    const refused = await served.call({ target: `/v1/customer-portal/subscriptions/${SUBSCRIPTION}`, token: "bad" });
    const accepted = await served.call({ target: `/v1/customer-portal/subscriptions/${SUBSCRIPTION}`, token: "good" });
    verdict = () => true;
    expect(refused.status).toBe(403);
    expect(accepted.status).toBe(404); // accepted; "good" is no session of the subscription's customer
  });

  it("a scheme keyword in any case, and spaces around the token, are accepted", async () => {
    const response = await served.call({ target: `/v1/customers/external/nobody`, token: null, headers: { authorization: "bEaReR   tok " } });
    expect(response.status).toBe(404);
  });
});
