// The client against a real node:http server on 127.0.0.1: what really goes over the
// socket, redirects, a hung server, and the path property with the raw request target.

import fc from "fast-check";
import { createServer, type IncomingHttpHeaders, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { loadGeneratedClient, SPEC_2026_01_29, SPEC_2026_10, UUID, type GeneratedClientModule } from "../fixtures/client/helpers.js";

interface Received {
  method: string;
  target: string;
  headers: IncomingHttpHeaders;
  body: string;
}

let client: GeneratedClientModule;
let dispose: () => void;
let server: Server | undefined;
let received: Received[] = [];
let answer: (response: ServerResponse, request: Received) => void = (response) => response.writeHead(204).end();

beforeAll(async () => ({ module: client, dispose } = await loadGeneratedClient(SPEC_2026_10)));
afterAll(() => dispose());
afterEach(async () => {
  received = [];
  answer = (response) => response.writeHead(204).end();
  if (!server) return;
  server.closeAllConnections();
  await new Promise((resolve) => server!.close(resolve));
  server = undefined;
});

async function start(): Promise<string> {
  server = createServer((request, response) => {
    let body = "";
    request.on("data", (chunk) => (body += chunk));
    request.on("end", () => {
      const entry = { method: request.method!, target: request.url!, headers: request.headers, body };
      received.push(entry);
      answer(response, entry);
    });
  });
  await new Promise<void>((resolve) => server!.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

describe("client over a real socket", () => {
  it("sends DELETE with the path, query and headers the spec asks for, and nothing else", async () => {
    const baseUrl = await start();
    const result = await client.createPolarClient({ baseUrl: `${baseUrl}/`, accessToken: "polar_oat_x" }).customers.delete({ id: UUID, anonymize: true });
    expect(result.kind).toBe("success");
    expect(received).toHaveLength(1);
    const [request] = received;
    expect([request!.method, request!.target, request!.body]).toStrictEqual(["DELETE", `/v1/customers/${UUID}?anonymize=true`, ""]);
    expect(request!.headers.authorization).toBe("Bearer polar_oat_x");
    expect(request!.headers["polar-version"]).toBe("2026-10");
    expect(request!.headers["user-agent"]).toBe("polar-codegen/0.1.0");
    expect(request!.headers["content-type"]).toBeUndefined();
    expect(Object.values(request!.headers).filter((value) => value === "")).toStrictEqual([]);
  });

  it("does not follow a redirect to another endpoint", async () => {
    const baseUrl = await start();
    answer = (response, request) =>
      request.target.startsWith("/v1/customers/external/") ? response.writeHead(307, { location: "/v1/customers/" }).end() : response.writeHead(204).end();
    const result = await client.createPolarClient({ baseUrl, accessToken: "t" }).customers.deleteExternal({ externalId: "u1" });
    expect([result.kind, result.status]).toStrictEqual(["unexpected-status", 307]);
    expect(received.map((request) => request.target)).toStrictEqual(["/v1/customers/external/u1"]);
  });

  it("ends a call to a hung server as timeout", async () => {
    const baseUrl = await start();
    answer = () => {}; // never answers
    const result = await client.createPolarClient({ baseUrl, accessToken: "t", timeoutMs: 50 }).customers.delete({ id: UUID });
    expect(result).toStrictEqual({ kind: "timeout", attempts: 1 });
  });

  it("retries a 503 and honours Retry-After: 0", async () => {
    const baseUrl = await start();
    answer = (response) => (received.length === 1 ? response.writeHead(503, { "retry-after": "0" }).end() : response.writeHead(204).end());
    const result = await client.createPolarClient({ baseUrl, accessToken: "t", retry: true }).customers.delete({ id: UUID });
    expect([result.kind, result.attempts, received.length]).toStrictEqual(["success", 2, 2]);
  });

  it("reads a JSON error body", async () => {
    const baseUrl = await start();
    answer = (response) => response.writeHead(404, { "content-type": "application/json" }).end(JSON.stringify({ error: "ResourceNotFound", detail: "x" }));
    const result = await client.createPolarClient({ baseUrl, accessToken: "t" }).customers.delete({ id: UUID });
    expect([result.kind, result.error]).toStrictEqual(["error", { error: "ResourceNotFound", detail: "x" }]);
  });

  it("property: the raw request target has exactly the template's segments, the last decoding to the value", async () => {
    const baseUrl = await start();
    const polar = client.createPolarClient({ baseUrl, accessToken: "t" });
    const tricky = fc.array(fc.constantFrom(".", "%", "/", "2e", "?", "#", "\\", "a"), { maxLength: 6 }).map((parts) => parts.join(""));
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.string({ unit: "binary" }), tricky), async (value) => {
        const before = received.length;
        const result = await polar.customers.deleteExternal({ externalId: value });
        if (received.length === before) return void expect(result.kind).toBe("invalid-request");
        const target = received.at(-1)!.target;
        const segments = target.split("/");
        expect(segments.slice(0, 4)).toStrictEqual(["", "v1", "customers", "external"]);
        expect(segments).toHaveLength(5);
        expect(decodeURIComponent(segments[4]!)).toBe(value);
      }),
      { seed: 4242, numRuns: 300 },
    );
  });
});

describe("client over a real socket: a spec without a date version", () => {
  it("sends no Polar-Version when the spec's version is not a date", async () => {
    const undated = await loadGeneratedClient(SPEC_2026_01_29);
    try {
      const baseUrl = await start();
      await undated.module.createPolarClient({ baseUrl, accessToken: "t" }).customers.delete({ id: UUID });
      expect(received[0]!.headers["polar-version"]).toBeUndefined();
    } finally {
      undated.dispose();
    }
  });
});
