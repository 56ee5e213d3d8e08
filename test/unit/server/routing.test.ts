// Routing over a real socket: unknown paths, other methods, and the one path rule —
// a parameter is exactly one raw segment, percent-decoded once (the inverse of the
// client's encodeURIComponent), so no id ever reaches another operation.

import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CUSTOMER, serve, type Served } from "../../fixtures/server/polar.js";

const NOT_FOUND = { error: "ResourceNotFound", detail: "Not found" };
let served: Served;
let seen: Array<{ handler: string; params: unknown }> = [];

beforeAll(async () => {
  const record = (handler: string) => ({ params }: { params: unknown }) => {
    seen.push({ handler, params });
    return { status: 404 as const, body: { error: "ResourceNotFound" as const, detail: "recorded" } };
  };
  served = await serve({
    handlers: {
      customersDelete: record("customersDelete"),
      customersDeleteExternal: record("customersDeleteExternal"),
      customerPortalSubscriptionsCancel: record("customerPortalSubscriptionsCancel"),
    },
  });
});
afterAll(() => served.close());

async function routed(target: string) {
  seen = [];
  const response = await served.call({ target });
  return { status: response.status, body: response.text ? response.json() : undefined, seen };
}

describe("unknown paths and methods", () => {
  it.each(["/", "/nope", "/v1/customers", "/v1/customers/", `/V1/customers/${CUSTOMER}`, `/v1/customers/${CUSTOMER}/`, `//v1/customers/${CUSTOMER}`])(
    "%s is 404 in Polar's ResourceNotFound shape, no handler runs",
    async (target) => {
      const response = await served.call({ target });
      expect(response.status).toBe(404);
      expect(response.headers["content-type"]).toBe("application/json");
      expect(response.json()).toStrictEqual(NOT_FOUND);
      expect(seen).toStrictEqual([]);
    },
  );

  it.each(["GET", "POST", "PUT", "PATCH", "OPTIONS"])("%s on a known path is 405 with Allow: DELETE", async (method) => {
    const response = await served.call({ target: `/v1/customers/${CUSTOMER}`, method });
    expect(response.status).toBe(405);
    expect(response.headers.allow).toBe("DELETE");
    expect(response.json()).toStrictEqual({ error: "MethodNotAllowed", detail: "Method Not Allowed" });
  });

  it("HEAD on a known path is 405 with Allow and no body", async () => {
    const response = await served.call({ target: `/v1/customers/external/user-42`, method: "HEAD" });
    expect(response.status).toBe(405);
    expect(response.headers.allow).toBe("DELETE");
    expect(response.text).toBe("");
  });

  it("an absolute-form target routes on its path", async () => {
    const result = await routed(`http://api.polar.sh/v1/customers/external/user-42`);
    expect(result.seen).toStrictEqual([{ handler: "customersDeleteExternal", params: { externalId: "user-42", anonymize: false } }]);
  });
});

describe("path parameters: one segment, decoded once", () => {
  it.each([
    ["user-42", "user-42"],
    ["caf%C3%A9%20%2B%3F%23", "café +?#"],
    ["%252e%252e", "%2e%2e"],
    ["%25ZZ", "%ZZ"],
  ])("external id %s reaches the handler as %j", async (segment, value) => {
    const result = await routed(`/v1/customers/external/${segment}`);
    expect(result.seen).toStrictEqual([{ handler: "customersDeleteExternal", params: { externalId: value, anonymize: false } }]);
  });

  it.each([
    "/v1/customers/external/..",
    "/v1/customers/external/.",
    "/v1/customers/external/%2e%2E",
    "/v1/customers/external/.%2e",
    "/v1/customers/external/a%2Fb",
    "/v1/customers/external/a%5Cb",
    "/v1/customers/external/%2F",
    `/v1/customers/external/../${CUSTOMER}`,
    `/v1/customers/external/..%2F${CUSTOMER}`,
    `/v1/customer-portal/subscriptions/..%2F..%2Fcustomers%2F${CUSTOMER}`,
  ])("%s matches no route: 404, no handler runs", async (target) => {
    const result = await routed(target);
    expect(result).toStrictEqual({ status: 404, body: NOT_FOUND, seen: [] });
  });

  it.each(["/v1/customers/external/%ZZ", "/v1/customers/external/%E", "/v1/customers/external/%C0%80", "/v1/customers/%FF"])(
    "%s is not percent-encoded UTF-8: 400, no handler runs",
    async (target) => {
      const result = await routed(target);
      expect(result.status).toBe(400);
      expect(result.body).toStrictEqual({ error: "BadRequest", detail: "The request path is not valid percent-encoded UTF-8." });
      expect(result.seen).toStrictEqual([]);
    },
  );

  it("any id the client would send arrives unchanged, at the operation it was sent to", async () => {
    const single = (value: string) => value !== "" && value !== "." && value !== ".." && !/[/\\]/.test(value);
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: "grapheme", maxLength: 12 }), async (value) => {
        const result = await routed(`/v1/customers/external/${encodeURIComponent(value)}`);
        if (single(value)) {
          expect(result.seen).toStrictEqual([{ handler: "customersDeleteExternal", params: { externalId: value, anonymize: false } }]);
        } else {
          expect(result).toStrictEqual({ status: 404, body: NOT_FOUND, seen: [] });
        }
      }),
      { seed: 4242, numRuns: 150 },
    );
  });
});
