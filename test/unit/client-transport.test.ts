import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { empty, json, loadGeneratedClient, scriptedFetch, SPEC_2026_01_29, SPEC_2026_10, UUID, type GeneratedClientModule } from "../fixtures/client/helpers.js";

// A spec of the era with one global access_token and no date version, and today's.
let undated: GeneratedClientModule;
let dated: GeneratedClientModule;
const disposers: Array<() => void> = [];
beforeAll(async () => {
  for (const [spec, assign] of [[SPEC_2026_01_29, (m: GeneratedClientModule) => (undated = m)], [SPEC_2026_10, (m: GeneratedClientModule) => (dated = m)]] as const) {
    const loaded = await loadGeneratedClient(spec);
    assign(loaded.module);
    disposers.push(loaded.dispose);
  }
});
afterAll(() => disposers.forEach((dispose) => dispose()));

const BASE = "https://api.test";

describe("client: credentials", () => {
  it("a missing credential fails before any request; never Bearer undefined", async () => {
    const { fetch, requests } = scriptedFetch(empty(204));
    const polar = undated.createPolarClient({ baseUrl: BASE, fetch, accessToken: undefined });
    const result = await polar.customers.delete({ id: UUID });
    expect([result.kind, result.attempts, result.message]).toStrictEqual(["invalid-request", 0, "credential: no accessToken token"]);
    expect(requests).toStrictEqual([]);
  });

  it("a credential function (sync or async) is called per call; one returning nothing is refused", async () => {
    const { fetch, requests } = scriptedFetch(empty(204));
    let calls = 0;
    const tokens = ["first", undefined];
    const polar = undated.createPolarClient({ baseUrl: BASE, fetch, accessToken: async () => tokens[calls++] });
    expect((await polar.customers.delete({ id: UUID })).kind).toBe("success");
    expect((await polar.customers.delete({ id: UUID })).kind).toBe("invalid-request");
    expect(requests.map((request) => request.headers.authorization)).toStrictEqual(["Bearer first"]);
    const sync = undated.createPolarClient({ baseUrl: BASE, fetch, accessToken: () => "sync" });
    await sync.customers.delete({ id: UUID });
    expect(requests.at(-1)!.headers.authorization).toBe("Bearer sync");
  });

  it("a token a header cannot carry is refused", async () => {
    const { fetch, requests } = scriptedFetch(empty(204));
    const polar = undated.createPolarClient({ baseUrl: BASE, fetch, accessToken: "a\r\nx-evil: 1" });
    expect((await polar.customers.delete({ id: UUID })).kind).toBe("invalid-request");
    expect(requests).toStrictEqual([]);
  });

  it("the portal cancel sends the customer session, never the organization token", async () => {
    const { fetch, requests } = scriptedFetch(json(200, {}));
    const polar = undated.createPolarClient({ baseUrl: BASE, fetch, accessToken: "oat" });
    expect((await polar.customerPortal.subscriptions.cancel({ id: UUID })).kind).toBe("invalid-request");
    await polar.customerPortal.subscriptions.cancel({ id: UUID, customerSession: "cst" });
    expect(requests.map((request) => request.headers.authorization)).toStrictEqual(["Bearer cst"]);
  });

  it("2026-10: cancel takes a customer or a member session; the call's own wins over the client's", async () => {
    const { fetch, requests } = scriptedFetch(json(200, {}));
    const polar = dated.createPolarClient({ baseUrl: BASE, fetch, accessToken: "oat", memberSession: "member" });
    await polar.customerPortal.subscriptions.cancel({ id: UUID });
    await polar.customerPortal.subscriptions.cancel({ id: UUID, customerSession: "customer" });
    await polar.customers.delete({ id: UUID, accessToken: "override" });
    expect(requests.map((request) => request.headers.authorization)).toStrictEqual(["Bearer member", "Bearer customer", "Bearer override"]);
  });
});

describe("client: the wire", () => {
  it("no Content-Type without a body, no empty headers, a User-Agent in Node, no Polar-Version without a date version", async () => {
    const { fetch, requests } = scriptedFetch(empty(204));
    await undated.createPolarClient({ baseUrl: BASE, fetch, accessToken: "oat" }).customers.delete({ id: UUID });
    expect(requests[0]!.headers).toStrictEqual({ authorization: "Bearer oat", "user-agent": "polar-codegen/0.1.0" });
    expect(requests[0]!.method).toBe("DELETE");
  });

  it("sends Polar-Version for a dated spec and a custom User-Agent", async () => {
    const { fetch, requests } = scriptedFetch(empty(204));
    await dated.createPolarClient({ baseUrl: BASE, fetch, accessToken: "oat", userAgent: "my-app/2" }).customers.delete({ id: UUID });
    expect(requests[0]!.headers).toStrictEqual({ authorization: "Bearer oat", "polar-version": "2026-10", "user-agent": "my-app/2" });
  });

  it("never follows a redirect", async () => {
    const { fetch, requests } = scriptedFetch(empty(204));
    await undated.createPolarClient({ baseUrl: BASE, fetch, accessToken: "oat" }).customers.delete({ id: UUID });
    expect(requests[0]!.redirect).toBe("manual");
  });
});

describe("client: hooks", () => {
  it("beforeRequest may add a header; afterResponse sees the response; neither changes the URL", async () => {
    const { fetch, requests } = scriptedFetch(empty(204));
    const seen: string[] = [];
    const hooks = {
      beforeRequest: (request: { init: { headers: Record<string, string> }; url: string; operationId: string }) => {
        request.init.headers["x-trace"] = "t1";
        seen.push(`before ${request.operationId} ${request.url}`);
        request.url = "https://evil.test/";
      },
      afterResponse: ({ response }: { response: Response }) => void seen.push(`after ${response.status}`),
    };
    const result = await undated.createPolarClient({ baseUrl: BASE, fetch, accessToken: "oat", hooks }).customers.delete({ id: UUID });
    expect(result.kind).toBe("success");
    expect(requests.map((request) => [request.url, request.headers["x-trace"]])).toStrictEqual([[`${BASE}/v1/customers/${UUID}`, "t1"]]);
    expect(seen).toStrictEqual([`before customers:delete ${BASE}/v1/customers/${UUID}`, "after 204"]);
  });

  it("a throwing beforeRequest refuses the call; a throwing afterResponse does not hide the answer", async () => {
    const { fetch, requests } = scriptedFetch(empty(204));
    const refusing = undated.createPolarClient({ baseUrl: BASE, fetch, accessToken: "oat", hooks: { beforeRequest: () => { throw new Error("no"); } } });
    expect((await refusing.customers.delete({ id: UUID })).kind).toBe("invalid-request");
    expect(requests).toStrictEqual([]);
    const observing = undated.createPolarClient({ baseUrl: BASE, fetch, accessToken: "oat", hooks: { afterResponse: () => { throw new Error("oops"); } } });
    expect((await observing.customers.delete({ id: UUID })).kind).toBe("success");
  });
});

describe("client: afterResponse gets a copy", () => {
  it("a hook that reads the body changes nothing: the outcome keeps its body, and the DELETE is not sent again", async () => {
    const { fetch, requests } = scriptedFetch(json(404, { error: "ResourceNotFound", detail: "gone" }));
    const bodies: string[] = [];
    const hooks = { afterResponse: async ({ response }: { response: Response }) => void bodies.push(await response.text()) };
    const polar = undated.createPolarClient({ baseUrl: BASE, fetch, accessToken: "oat", hooks, retry: { attempts: 3, baseDelayMs: 1 } });
    const result = await polar.customers.delete({ id: UUID });
    expect([result.kind, result.status, result.error]).toStrictEqual(["error", 404, { error: "ResourceNotFound", detail: "gone" }]);
    expect(bodies).toStrictEqual(['{"error":"ResourceNotFound","detail":"gone"}']);
    expect(requests).toHaveLength(1);
  });

  it("a hook that rejects is ignored, and so is one that throws at once", async () => {
    const { fetch, requests } = scriptedFetch(json(200, { id: UUID }));
    for (const afterResponse of [async () => Promise.reject(new Error("late")), () => { throw new Error("now"); }]) {
      const polar = undated.createPolarClient({ baseUrl: BASE, fetch, customerSession: "cst", hooks: { afterResponse }, retry: true });
      const result = await polar.customerPortal.subscriptions.cancel({ id: UUID });
      expect([result.kind, result.data]).toStrictEqual(["success", { id: UUID }]);
    }
    expect(requests).toHaveLength(2);
  });
});

describe("client: timeout and abort", () => {
  /** A fetch that never answers until its signal fires, like a hung server. */
  const hanging: typeof fetch = (_, init) =>
    new Promise((_, reject) => init?.signal?.addEventListener("abort", () => reject(init.signal!.reason)));

  it("timeoutMs ends a hung call as timeout", async () => {
    const result = await undated.createPolarClient({ baseUrl: BASE, fetch: hanging, accessToken: "oat", timeoutMs: 30 }).customers.delete({ id: UUID });
    expect(result).toStrictEqual({ kind: "timeout", attempts: 1 });
  });

  it("a caller's signal aborts even with a timeout set, and is reported as aborted", async () => {
    const controller = new AbortController();
    const polar = undated.createPolarClient({ baseUrl: BASE, fetch: hanging, accessToken: "oat", timeoutMs: 10_000 });
    const pending = polar.customers.delete({ id: UUID, signal: controller.signal });
    setTimeout(() => controller.abort("user left"), 20);
    expect(await pending).toStrictEqual({ kind: "aborted", attempts: 1, cause: "user left" });
  });

  it("the timeout still works when the caller gives a signal", async () => {
    const polar = undated.createPolarClient({ baseUrl: BASE, fetch: hanging, accessToken: "oat", timeoutMs: 30 });
    const result = await polar.customers.delete({ id: UUID, signal: new AbortController().signal });
    expect(result.kind).toBe("timeout");
  });

  it("an already aborted signal sends nothing", async () => {
    const { fetch, requests } = scriptedFetch(empty(204));
    const result = await undated.createPolarClient({ baseUrl: BASE, fetch, accessToken: "oat" }).customers.delete({ id: UUID, signal: AbortSignal.abort("gone") });
    expect([result.kind, result.attempts, requests.length]).toStrictEqual(["aborted", 0, 0]);
  });
});
