// What leaves the server: only documented outcomes. A handler that throws, answers a
// status or shape the spec does not declare, or (with validateResponses) a body that
// does not match its schema, gets a generic 500 and the developer gets the details.

import { afterEach, describe, expect, it, vi } from "vitest";
import type { PolarHandlers, ServerErrorEvent } from "../../../generated/polar/index.js";
import { validatorsFor } from "../../fixtures/server/ajv.js";
import { CUSTOMER, ORG_TOKEN, serve, SESSION_ADA, SUBSCRIPTION, type Served } from "../../fixtures/server/polar.js";

const INTERNAL = { error: "InternalServerError", detail: "Internal Server Error" };
let served: Served | undefined;
afterEach(async () => {
  await served?.close();
  served = undefined;
  vi.restoreAllMocks();
});

/** The fake, with the delete-by-id handler replaced. */
async function withDelete(handler: (...args: any[]) => unknown, options: { onError?: (event: ServerErrorEvent) => void } = {}) {
  served = await serve({ ...options });
  const handlers = { ...served.fake.handlers, customersDelete: handler } as PolarHandlers;
  await served.close();
  served = await serve({ handlers, ...options });
  return served.call({ target: `/v1/customers/${CUSTOMER}`, token: ORG_TOKEN });
}

describe("a handler that throws", () => {
  it.each([
    ["synchronously", () => { throw new Error("db password is hunter2 (token polar_oat_fake_polar_default)"); }],
    ["asynchronously", async () => { throw new Error("db password is hunter2 (token polar_oat_fake_polar_default)"); }],
  ])("%s: 500 with a generic body; onError gets the error", async (_, handler) => {
    const events: ServerErrorEvent[] = [];
    const response = await withDelete(handler, { onError: (event) => events.push(event) });
    expect(response.status).toBe(500);
    expect(response.json()).toStrictEqual(INTERNAL);
    expect(response.text).not.toMatch(new RegExp(`hunter2|${ORG_TOKEN}|outcomes\\.test|\\bat `));
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ kind: "handler-threw", operationId: "customers:delete" });
    expect(String((events[0] as { error: Error }).error.message)).toContain("hunter2");
  });

  it("without onError, one console.error line names the operation", async () => {
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    const response = await withDelete(() => { throw new Error("boom"); });
    expect(response.status).toBe(500);
    expect(logged).toHaveBeenCalledTimes(1);
    expect(String(logged.mock.calls[0]![0])).toBe("polar-codegen server: customers:delete: the handler threw, answered 500:");
  });

  it("an onError hook that throws still leaves a 500, not a crash", async () => {
    const response = await withDelete(() => { throw new Error("boom"); }, { onError: () => { throw new Error("hook"); } });
    expect(response.status).toBe(500);
  });
});

describe("an outcome the spec does not declare is never sent", () => {
  it.each([
    ["a status it does not document", { status: 200, body: {} }, "status 200 is not documented for customers:delete"],
    ["a 204 with a body", { status: 204, body: { gone: true } }, "a 204 response of customers:delete has no body"],
    ["a 404 without its body", { status: 404 }, "a 404 response of customers:delete needs a body"],
    ["no outcome at all", undefined, "the handler returned no outcome object"],
    ["a header value with CR LF", { status: 204, headers: { "x-a": "1\r\nset-cookie: a=b" } }, "headers must be a record of strings, without CR or LF"],
    ["a body JSON cannot carry", { status: 404, body: { error: "ResourceNotFound", detail: 1n } }, "the 404 body cannot be sent as application/json"],
  ])("%s: 500, and onError says why", async (_, outcome, message) => {
    const events: ServerErrorEvent[] = [];
    const response = await withDelete(() => outcome, { onError: (event) => events.push(event) });
    expect(response.status).toBe(500);
    expect(response.json()).toStrictEqual(INTERNAL);
    expect(events).toStrictEqual([{ kind: "undeclared-outcome", operationId: "customers:delete", status: (outcome as { status?: number } | undefined)?.status, message }]);
  });

  it("by default the reason is logged on one console.error line", async () => {
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    await withDelete(() => ({ status: 418 }));
    expect(logged.mock.calls).toStrictEqual([["polar-codegen server: customers:delete: undeclared outcome answered 500: status 418 is not documented for customers:delete"]]);
  });

  it("a handler's own headers are sent; framing headers stay the runtime's", async () => {
    const response = await withDelete(() => ({ status: 404, body: { error: "ResourceNotFound", detail: "x" }, headers: { "X-Request-Id": "r-1", "content-length": "999", "content-type": "text/html" } }));
    expect(response.status).toBe(404);
    expect(response.headers["x-request-id"]).toBe("r-1");
    expect(response.headers["content-type"]).toBe("application/json");
    expect(response.json()).toStrictEqual({ error: "ResourceNotFound", detail: "x" });
  });
});

describe("authenticate that throws", () => {
  it("is a 500 with a generic body and an authenticate-threw event", async () => {
    const events: ServerErrorEvent[] = [];
    served = await serve({ authenticate: () => { throw new Error("auth db down"); }, onError: (event) => events.push(event) });
    const response = await served.call({ target: `/v1/customers/${CUSTOMER}` });
    expect(response.status).toBe(500);
    expect(response.json()).toStrictEqual(INTERNAL);
    expect(events.map((event) => event.kind)).toStrictEqual(["authenticate-threw"]);
  });
});

describe("validateResponses", () => {
  const validators = validatorsFor("generated/polar/openapi.json");

  it("a body that matches its schema is sent", async () => {
    served = await serve({ validateResponses: validators });
    const response = await served.call({ target: `/v1/customer-portal/subscriptions/${SUBSCRIPTION}`, token: SESSION_ADA });
    expect(response.status).toBe(200);
    expect(response.json().cancel_at_period_end).toBe(true);
  });

  it("a body that does not is a 500, and onError gets the schema's issues", async () => {
    const events: ServerErrorEvent[] = [];
    served = await serve({ validateResponses: validators, onError: (event) => events.push(event) });
    const handlers = {
      ...served.fake.handlers,
      customerPortalSubscriptionsCancel: () => ({ status: 200, body: { id: "not-a-uuid", status: "paused-forever" } }),
    } as unknown as PolarHandlers;
    await served.close();
    served = await serve({ handlers, validateResponses: { validators }, onError: (event) => events.push(event) });
    const response = await served.call({ target: `/v1/customer-portal/subscriptions/${SUBSCRIPTION}`, token: SESSION_ADA });
    expect(response.status).toBe(500);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ kind: "invalid-response", operationId: "customer_portal:subscriptions:cancel", status: 200 });
    const keywords = (events[0] as { issues: Array<{ keyword: string }> }).issues.map((issue) => issue.keyword);
    expect(keywords).toContain("required");
  });

  it("true uses the generated validators", async () => {
    const events: ServerErrorEvent[] = [];
    served = await serve();
    const handlers = { ...served.fake.handlers, customerPortalSubscriptionsCancel: () => ({ status: 200, body: { id: "x" } }) } as unknown as PolarHandlers;
    await served.close();
    served = await serve({ handlers, validateResponses: true, onError: (event) => events.push(event) });
    expect((await served.call({ target: `/v1/customer-portal/subscriptions/${SUBSCRIPTION}`, token: SESSION_ADA })).status).toBe(500);
    expect(events[0]).toMatchObject({ kind: "invalid-response", status: 200 });
    await served.close();
    served = await serve({ validateResponses: true });
    expect((await served.call({ target: `/v1/customer-portal/subscriptions/${SUBSCRIPTION}`, token: SESSION_ADA })).status).toBe(200);
    expect((await served.call({ target: `/v1/customers/external/nobody` })).status).toBe(404);
  });

  it("true without generated validators is refused when the server is made", async () => {
    const { createServerCore } = await import("../../../templates/server/runtime/core.js");
    expect(() => createServerCore({ routes: [], handlers: {}, validateResponses: true })).toThrow("server: validateResponses: true needs the generated validators");
  });

  it("is off by default: the same body is passed through", async () => {
    served = await serve();
    const handlers = { ...served.fake.handlers, customerPortalSubscriptionsCancel: () => ({ status: 200, body: { id: "x" } }) } as unknown as PolarHandlers;
    await served.close();
    served = await serve({ handlers });
    expect((await served.call({ target: `/v1/customer-portal/subscriptions/${SUBSCRIPTION}`, token: SESSION_ADA })).status).toBe(200);
  });
});

describe("a deeply frozen outcome is checked and serialised once, a mutable one on every request", () => {
  /** A ResourceNotFound validator that counts its calls, in the shape validateResponses takes. */
  function counting() {
    const counter = { calls: 0 };
    const validators = { ResourceNotFound: (value: unknown) => (counter.calls++, typeof (value as { detail?: unknown }).detail === "string" ? [] : [{ pointer: "/detail", keyword: "type", message: "must be string" }]) };
    return { counter, validators };
  }
  async function serveWith(handler: () => unknown, validators: Record<string, (value: unknown) => unknown[]>) {
    served = await serve();
    const handlers = { ...served.fake.handlers, customersDelete: handler } as PolarHandlers;
    await served.close();
    served = await serve({ handlers, validateResponses: validators as never });
    return () => served!.call({ target: `/v1/customers/${CUSTOMER}` });
  }

  it("frozen at every level: the same bytes each time, the schema checked once", async () => {
    const { counter, validators } = counting();
    const outcome = Object.freeze({ status: 404, body: Object.freeze({ error: "ResourceNotFound", detail: "gone" }) } as const);
    const call = await serveWith(() => outcome, validators);
    const answers = [await call(), await call(), await call()].map((response) => [response.status, response.text]);
    expect(answers).toStrictEqual(Array(3).fill([404, '{"error":"ResourceNotFound","detail":"gone"}']));
    expect(counter.calls).toBe(1);
  });

  it.each([
    ["not frozen", () => ({ status: 404, body: { error: "ResourceNotFound", detail: "first" } })],
    ["frozen outside, its body mutable", () => Object.freeze({ status: 404, body: { error: "ResourceNotFound", detail: "first" } })],
  ])("%s: a change between requests is what the next one gets, checked again", async (_, make) => {
    const { counter, validators } = counting();
    const outcome = make() as { body: { detail: unknown } };
    const call = await serveWith(() => outcome, validators);
    expect((await call()).json().detail).toBe("first");
    outcome.body.detail = "second";
    expect((await call()).json().detail).toBe("second");
    outcome.body.detail = 7;
    expect((await call()).status).toBe(500);
    expect(counter.calls).toBe(3);
  });

  it("one frozen outcome shared by two operations is held to each one's responses", async () => {
    const shared = Object.freeze({ status: 204 } as const);
    served = await serve();
    const handlers = { ...served.fake.handlers, customersDelete: () => shared, customerPortalSubscriptionsCancel: () => shared } as unknown as PolarHandlers;
    await served.close();
    served = await serve({ handlers, onError: () => {} });
    expect((await served.call({ target: `/v1/customers/${CUSTOMER}` })).status).toBe(204);
    // The cancel documents no 204: the same object is an undeclared outcome there.
    expect((await served.call({ target: `/v1/customer-portal/subscriptions/${SUBSCRIPTION}`, token: SESSION_ADA })).status).toBe(500);
  });
});
