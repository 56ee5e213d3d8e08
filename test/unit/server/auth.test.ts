// Credentials: a bearer token per the operation's security (401 without one), the
// `authenticate` hook's verdict per scheme and scopes (403 on refusal), checked
// before the parameters, as Polar's FastAPI dependencies are.

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPolarServer, type AuthenticateVerdict } from "../../../generated/polar/index.js";
import { createFakePolar } from "../../../generated/polar/fake.js";
import { rawRequest } from "../../fixtures/server/listen.js";
import { CUSTOMER, ORG_TOKEN, seed, serve, SUBSCRIPTION, type Served } from "../../fixtures/server/polar.js";

const UNAUTHORIZED = { error: "Unauthorized", detail: "Unauthorized" };
const REALM = 'Bearer realm="polar"';
const INVALID_TOKEN = { error: "invalid_token", error_description: "The access token provided is expired, revoked, malformed, or invalid for other reasons." };
const INVALID_TOKEN_HEADER = `${REALM}, error="invalid_token", error_description="${INVALID_TOKEN.error_description}"`;

describe("the embedded spec", () => {
  let served: Served;
  let asked: unknown[] = [];
  let verdict: (input: { token: string }) => AuthenticateVerdict | Promise<AuthenticateVerdict> = () => true;
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
    ["a comma in the token (how two headers read once joined)", "Bearer org-token, Bearer other"],
  ])("%s is 401 with WWW-Authenticate, before authenticate or the handler", async (_, header) => {
    asked = [];
    const response = await served.call({ target: `/v1/customers/${CUSTOMER}`, token: null, headers: header === undefined ? {} : { authorization: header } });
    expect(response.status).toBe(401);
    expect(response.headers["www-authenticate"]).toBe(REALM);
    expect(response.json()).toStrictEqual(UNAUTHORIZED);
    expect(asked).toStrictEqual([]);
  });

  it("a missing credential wins over a bad id: 401, not 422", async () => {
    expect((await served.call({ target: "/v1/customers/abc", token: null })).status).toBe(401);
  });

  it("authenticate hears each scheme the operation accepts, with token, scopes, operation and request; false from all is 403", async () => {
    asked = [];
    verdict = () => false;
    const response = await served.call({ target: `/v1/customers/${CUSTOMER}`, token: "org-token", headers: { host: "fake.test" } });
    verdict = () => true;
    expect(response.status).toBe(403);
    expect(response.json()).toStrictEqual({ error: "NotPermitted", detail: "Not permitted" });
    const url = `http://fake.test/v1/customers/${CUSTOMER}`;
    expect(asked).toStrictEqual(["oidc", "pat", "oat"].map((scheme) => ({ scheme, token: "org-token", scopes: ["customers:write"], operationId: "customers:delete", url })));
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

  it('"invalid" from authenticate (sync or async) is 401 invalid_token, as Polar\'s token middleware answers', async () => {
    for (const answer of ["invalid", Promise.resolve("invalid" as const)] as const) {
      verdict = () => answer;
      const response = await served.call({ target: `/v1/customers/${CUSTOMER}`, token: "revoked" });
      verdict = () => true;
      expect([response.status, response.headers["www-authenticate"], response.headers["cache-control"], response.json()]).toStrictEqual([401, INVALID_TOKEN_HEADER, "no-store", INVALID_TOKEN]);
    }
    expect(served.fake.state().customers.find((customer) => customer.id === CUSTOMER)?.deleted_at).toBeUndefined();
  });

  it('"unauthorized" (a credential of another kind) is 401 Unauthorized; { notPermitted } and { insufficientScope } are 403 in Polar\'s shapes', async () => {
    const answers: Array<[AuthenticateVerdict, number, unknown, string | undefined]> = [
      ["unauthorized", 401, UNAUTHORIZED, REALM],
      [{ notPermitted: "Only owners and billing managers can access billing features." }, 403, { error: "NotPermitted", detail: "Only owners and billing managers can access billing features." }, undefined],
      [
        { insufficientScope: ["customers:write"] },
        403,
        { error: "insufficient_scope", error_description: "The request requires higher privileges than provided by the access token." },
        `${REALM}, scope="customers:write", error="insufficient_scope", error_description="The request requires higher privileges than provided by the access token."`,
      ],
    ];
    for (const [answer, status, body, header] of answers) {
      verdict = () => answer;
      const response = await served.call({ target: `/v1/customers/${CUSTOMER}`, token: "org-token" });
      verdict = () => true;
      expect([response.status, response.json(), response.headers["www-authenticate"]]).toStrictEqual([status, body, header]);
    }
    expect(served.fake.state().customers.find((customer) => customer.id === CUSTOMER)?.deleted_at).toBeUndefined();
  });

  it("a scheme keyword in any case, and spaces around the token, are accepted", async () => {
    const response = await served.call({ target: `/v1/customers/external/nobody`, token: null, headers: { authorization: "bEaReR   tok " } });
    expect(response.status).toBe(404);
  });
});

describe("more than one Authorization header: 401 through either entry point, nothing deleted", () => {
  let served: Served;
  beforeAll(async () => (served = await serve()));
  afterAll(() => served.close());
  const pairs = [
    ["two valid tokens", `Bearer ${ORG_TOKEN}`, "Bearer other-token"],
    ["the same token twice", `Bearer ${ORG_TOKEN}`, `Bearer ${ORG_TOKEN}`],
    ["a valid token and an empty header", `Bearer ${ORG_TOKEN}`, ""],
    ["a valid token and garbage", `Bearer ${ORG_TOKEN}`, "Basic x"],
  ] as const;

  it.each(pairs)("toNodeListener, over a socket: %s", async (_, first, second) => {
    const headers = { authorization: [first, second] } as unknown as Record<string, string>;
    const response = await rawRequest({ port: served.port, target: `/v1/customers/${CUSTOMER}`, headers });
    expect([response.status, response.json()]).toStrictEqual([401, UNAUTHORIZED]);
    expect(served.fake.state().customers.find((customer) => customer.id === CUSTOMER)?.deleted_at).toBeUndefined();
  });

  it.each(pairs)("fetch: %s", async (_, first, second) => {
    const fake = createFakePolar({ seed: seed() });
    const headers = new Headers();
    headers.append("authorization", first);
    headers.append("authorization", second);
    const response = await createPolarServer(fake).fetch(new Request(`http://fake.test/v1/customers/${CUSTOMER}`, { method: "DELETE", headers }));
    expect([response.status, await response.json()]).toStrictEqual([401, UNAUTHORIZED]);
    expect(fake.state().customers.find((customer) => customer.id === CUSTOMER)?.deleted_at).toBeUndefined();
  });

  it("one header is still accepted through both", async () => {
    expect((await rawRequest({ port: served.port, target: "/v1/customers/external/nobody", headers: { authorization: `Bearer ${ORG_TOKEN}` } })).status).toBe(404);
    const response = await createPolarServer(createFakePolar({ seed: seed() })).fetch(new Request("http://fake.test/v1/customers/external/nobody", { method: "DELETE", headers: { authorization: `Bearer ${ORG_TOKEN}` } }));
    expect(response.status).toBe(404);
  });
});
