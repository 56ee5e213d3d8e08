// Hostile and broken requests over a real socket: each is answered 4xx, never 500, and
// the server keeps serving.

import fc from "fast-check";
import { connect } from "node:net";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { ServerErrorEvent } from "../../../generated/polar/index.js";
import { rawRequest } from "../../fixtures/server/listen.js";
import { CUSTOMER, ORG_TOKEN, serve, type Served } from "../../fixtures/server/polar.js";

let served: Served;
const events: ServerErrorEvent[] = [];
beforeAll(async () => (served = await serve({ onError: (event) => events.push(event) })));
afterAll(async () => {
  // Nothing that happened here was the server's fault.
  expect(events).toStrictEqual([]);
  await served.close();
});

/** Still serving: a well-formed request is answered as usual. */
async function stillServing() {
  expect((await served.call({ target: "/v1/customers/external/nobody" })).status).toBe(404);
}

function rawSocket(bytes: string, options: { end?: boolean } = {}): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(served.port, "127.0.0.1", () => (options.end === false ? socket.write(bytes, () => socket.destroy()) : socket.end(bytes)));
    let reply = "";
    socket.on("data", (chunk) => (reply += chunk));
    socket.on("close", () => resolve(reply));
    socket.on("error", reject);
  });
}

it.each([
  ["malformed percent-encoding", 400, "/v1/customers/%ZZ"],
  ["a truncated escape", 400, "/v1/customers/external/abc%2"],
  ["a 10,000-character id", 422, `/v1/customers/${"f".repeat(10_000)}`],
  ["a 10,000-character external id", 404, `/v1/customers/external/${"x".repeat(10_000)}`],
  ["duplicate query parameters", 422, `/v1/customers/${CUSTOMER}?anonymize=true&anonymize=true`],
  ["a query without a value", 422, `/v1/customers/${CUSTOMER}?anonymize`],
])("%s is answered %i", async (_, status, target) => {
  expect((await served.call({ target })).status).toBe(status);
  await stillServing();
});

it("a body on a DELETE is 400, and nothing is deleted", async () => {
  const response = await served.call({ target: `/v1/customers/${CUSTOMER}`, body: '{"anonymize":true}', headers: { "content-type": "application/json" } });
  expect(response.status).toBe(400);
  expect(response.json()).toStrictEqual({ error: "BadRequest", detail: "This operation takes no request body." });
  expect(served.fake.state().customers.find((customer) => customer.id === CUSTOMER)?.deleted_at).toBeUndefined();
  await stillServing();
});

it("a chunked body on a DELETE is 400 as well", async () => {
  const reply = await rawSocket(`DELETE /v1/customers/${CUSTOMER} HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${ORG_TOKEN}\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n4\r\nbody\r\n0\r\n\r\n`);
  expect(reply).toMatch(/^HTTP\/1\.1 400 /);
  await stillServing();
});

it("an empty body announced as Content-Length: 0 is no body", async () => {
  const response = await served.call({ target: "/v1/customers/external/nobody", headers: { "content-length": "0" } });
  expect(response.status).toBe(404);
});

it("a huge header is refused by node:http with 431", async () => {
  const response = await rawRequest({ port: served.port, target: `/v1/customers/${CUSTOMER}`, headers: { authorization: `Bearer ${ORG_TOKEN}`, "x-huge": "h".repeat(40_000) } });
  expect(response.status).toBe(431);
  await stillServing();
});

it("an upload abandoned half way through does not crash the server", async () => {
  await rawSocket(`DELETE /v1/customers/${CUSTOMER} HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${ORG_TOKEN}\r\nContent-Length: 1000\r\n\r\n0123456789`, { end: false });
  await rawSocket(`DELETE /v1/customers/ext`, { end: false });
  await stillServing();
});

it("bytes that are not HTTP get node:http's 400", async () => {
  expect(await rawSocket("\u0000\u0001 not http\r\n\r\n")).toMatch(/^HTTP\/1\.1 400 /);
  await stillServing();
});

it("any request target made of URL characters is answered below 500", async () => {
  const targetChar = fc.constantFrom(..."abcXYZ019-._~%/?#[]@!$&'()*+,;=".split(""));
  const target = fc.tuple(fc.constantFrom("/v1/customers/", "/v1/customers/external/", "/v1/customer-portal/subscriptions/", "/"), fc.string({ unit: targetChar, maxLength: 40 }));
  await fc.assert(
    fc.asyncProperty(target, fc.constantFrom("DELETE", "GET", "POST"), async ([prefix, rest], method) => {
      const response = await served.call({ target: prefix + rest, method });
      expect(response.status).toBeGreaterThanOrEqual(200);
      expect(response.status).toBeLessThan(500);
    }),
    { seed: 7, numRuns: 200 },
  );
});
