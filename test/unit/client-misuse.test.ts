// "A call never throws", held for JavaScript callers too: whatever they pass, a call
// resolves to a result, `invalid-request` (nothing sent) for bad input, `network-error`
// for a fetch that returns something no response is.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EMBEDDED_SPEC, empty, json, loadGeneratedClient, scriptedFetch, UUID, type GeneratedClientModule } from "../fixtures/client/helpers.js";

let client: GeneratedClientModule;
let dispose: () => void;
beforeAll(async () => ({ module: client, dispose } = await loadGeneratedClient(EMBEDDED_SPEC)));
afterAll(() => dispose());

const BASE = "https://api.test";

async function refused(call: () => Promise<{ kind: string; attempts: number; message?: string }>, requests: unknown[] = []) {
  const result = await call();
  expect([result.kind, result.attempts, requests.length]).toStrictEqual(["invalid-request", 0, 0]);
  return result.message;
}

describe("client: JavaScript misuse resolves to a result", () => {
  it("a call without input, or with null", async () => {
    const { fetch, requests } = scriptedFetch(empty(204));
    const polar = client.createPolarClient({ baseUrl: BASE, accessToken: "oat", fetch });
    expect(await refused(() => polar.customers.delete(), requests)).toBe("id: not one path segment");
    expect(await refused(() => polar.customers.delete(null), requests)).toBe("id: not one path segment");
  });

  it("a signal that is not an AbortSignal", async () => {
    const { fetch, requests } = scriptedFetch(empty(204));
    const polar = client.createPolarClient({ baseUrl: BASE, accessToken: "oat", fetch });
    expect(await refused(() => polar.customers.delete({ id: UUID, signal: {} }), requests)).toBe("signal: not an AbortSignal");
  });

  it("a client made without options", async () => {
    expect(await refused(() => client.createPolarClient().customers.delete({ id: UUID }))).toBe("credential: no accessToken token");
  });

  it("a standalone call without its client, or without any input", async () => {
    expect(await refused(() => client.customersDelete({ id: UUID }))).toBe("client: missing");
    expect(await refused(() => client.customersDelete())).toBe("client: missing");
  });

  it("a fetch that returns a response-like object with plain headers: a network error, retried, never a rejection", async () => {
    const responseLike = { status: 503, headers: { "retry-after": "0" }, text: async () => "" };
    let calls = 0;
    const fetch = async () => (calls++, responseLike);
    const polar = client.createPolarClient({ baseUrl: BASE, accessToken: "oat", fetch, retry: { attempts: 2, baseDelayMs: 1 } });
    const result = await polar.customers.delete({ id: UUID });
    expect([result.kind, result.status, calls]).toStrictEqual(["unexpected-status", 503, 2]);
    const broken = client.createPolarClient({ baseUrl: BASE, accessToken: "oat", fetch: async () => ({ status: 404 }) });
    expect((await broken.customers.delete({ id: UUID })).kind).toBe("network-error");
  });
});

describe("client: options checked before any request", () => {
  it.each([["0", 0], ["negative", -5], ["NaN", Number.NaN], ["Infinity", Infinity], ["too long for setTimeout", 2 ** 31], ["a string", "5000"]])(
    "refuses timeoutMs: %s",
    async (_, timeoutMs) => {
      const { fetch, requests } = scriptedFetch(empty(204));
      const polar = client.createPolarClient({ baseUrl: BASE, accessToken: "oat", fetch, timeoutMs });
      expect(await refused(() => polar.customers.delete({ id: UUID }), requests)).toBe("timeoutMs: not in (0, 2^31)");
    },
  );

  it("accepts any other number of milliseconds", async () => {
    const { fetch } = scriptedFetch(json(200, {}));
    const polar = client.createPolarClient({ baseUrl: BASE, customerSession: "cst", fetch, timeoutMs: 2 ** 31 - 1 });
    expect((await polar.customerPortal.subscriptions.cancel({ id: UUID })).kind).toBe("success");
  });
});
