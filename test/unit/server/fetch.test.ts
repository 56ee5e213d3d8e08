// `server.fetch(request)`: the Web-standard entry point (Bun, Deno, Workers, Hono),
// in process, with the same rules as over node:http.

import { describe, expect, it } from "vitest";
import { createPolarServer, type PolarServerOptions } from "../../../generated/polar/index.js";
import { createFakePolar } from "../../../generated/polar/fake.js";
import { CUSTOMER, ORG_TOKEN, seed, SESSION_ADA, SUBSCRIPTION } from "../../fixtures/server/polar.js";

const BASE = "http://fake.test";

function server(overrides: Partial<PolarServerOptions> = {}) {
  const fake = createFakePolar({ seed: seed() });
  return { fake, server: createPolarServer({ ...fake, ...overrides }) };
}

describe("fetch", () => {
  it("deletes, then answers 404 in Polar's shape", async () => {
    const { server: polar } = server();
    const init = { method: "DELETE", headers: { authorization: `Bearer ${ORG_TOKEN}` } };
    const first = await polar.fetch(new Request(`${BASE}/v1/customers/${CUSTOMER}`, init));
    expect(first.status).toBe(204);
    expect(await first.text()).toBe("");
    const second = await polar.fetch(new Request(`${BASE}/v1/customers/${CUSTOMER}`, init));
    expect(second.status).toBe(404);
    expect(second.headers.get("content-type")).toBe("application/json");
    expect(await second.json()).toStrictEqual({ error: "ResourceNotFound", detail: "Not found" });
  });

  it("cancels with a customer session and returns the subscription as JSON", async () => {
    const { server: polar } = server();
    const response = await polar.fetch(new Request(`${BASE}/v1/customer-portal/subscriptions/${SUBSCRIPTION}`, { method: "DELETE", headers: { authorization: `Bearer ${SESSION_ADA}` } }));
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ id: SUBSCRIPTION, cancel_at_period_end: true, canceled_at: "2026-01-01T00:00:00Z" });
  });

  it("a body stream on a DELETE is 400; an empty one is no body", async () => {
    const { server: polar } = server();
    const withBody = await polar.fetch(new Request(`${BASE}/v1/customers/external/nobody`, { method: "DELETE", headers: { authorization: `Bearer ${ORG_TOKEN}` }, body: "x" }));
    const empty = await polar.fetch(new Request(`${BASE}/v1/customers/external/nobody`, { method: "DELETE", headers: { authorization: `Bearer ${ORG_TOKEN}` }, body: "" }));
    expect(withBody.status).toBe(400);
    expect(empty.status).toBe(404);
  });

  it("405 carries Allow; 401 carries WWW-Authenticate; 422 the FastAPI shape", async () => {
    const { server: polar } = server();
    const wrongMethod = await polar.fetch(new Request(`${BASE}/v1/customers/${CUSTOMER}`, { method: "PUT" }));
    expect([wrongMethod.status, wrongMethod.headers.get("allow")]).toStrictEqual([405, "DELETE"]);
    const anonymous = await polar.fetch(new Request(`${BASE}/v1/customers/${CUSTOMER}`, { method: "DELETE" }));
    expect([anonymous.status, anonymous.headers.get("www-authenticate")]).toStrictEqual([401, 'Bearer realm="polar"']);
    const invalid = await polar.fetch(new Request(`${BASE}/v1/customers/${CUSTOMER}?anonymize=maybe`, { method: "DELETE", headers: { authorization: `Bearer ${ORG_TOKEN}` } }));
    expect(invalid.status).toBe(422);
    expect((await invalid.json()).detail[0].loc).toStrictEqual(["query", "anonymize"]);
  });

  it("the handler sees the very Request it was given", async () => {
    let seen: Request | undefined;
    const request = new Request(`${BASE}/v1/customers/external/user-42`, { method: "DELETE", headers: { authorization: `Bearer ${ORG_TOKEN}`, "x-trace": "abc" } });
    const { fake } = server();
    const polar = createPolarServer({ ...fake, handlers: { ...fake.handlers, customersDeleteExternal: (context) => ((seen = context.request), { status: 204 }) } });
    expect((await polar.fetch(request)).status).toBe(204);
    expect(seen).toBe(request);
  });

  it("createPolarServer refuses a handler map with a hole (for callers without the types)", () => {
    const { fake } = server();
    const { customersDelete: _, ...rest } = fake.handlers;
    expect(() => createPolarServer({ handlers: rest as never })).toThrow('server: no handler "customersDelete" for customers:delete');
  });
});
