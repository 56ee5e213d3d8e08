import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EMBEDDED_SPEC, empty, json, loadGeneratedClient, scriptedFetch, UUID, type GeneratedClientModule } from "../fixtures/client/helpers.js";

let client: GeneratedClientModule;
let dispose: () => void;
beforeAll(async () => ({ module: client, dispose } = await loadGeneratedClient(EMBEDDED_SPEC)));
afterAll(() => dispose());

const NOT_FOUND = { error: "ResourceNotFound", detail: "Not found" };
const ALREADY = { error: "AlreadyCanceledSubscription", detail: "Already canceled" };

function polarWith(fetcher: typeof fetch, options: Record<string, unknown> = {}) {
  return client.createPolarClient({ baseUrl: "https://api.test", accessToken: "oat", customerSession: "cst", fetch: fetcher, ...options });
}

describe("client: documented outcomes", () => {
  it("204 is a success without data", async () => {
    const result = await polarWith(scriptedFetch(empty(204)).fetch).customers.delete({ id: UUID });
    expect({ ...result, headers: undefined }).toStrictEqual({ kind: "success", status: 204, headers: undefined, attempts: 1, data: undefined });
  });

  it("404 is an error with its typed body", async () => {
    const result = await polarWith(scriptedFetch(json(404, NOT_FOUND)).fetch).customers.deleteExternal({ externalId: "u1" });
    expect([result.kind, result.status, result.error]).toStrictEqual(["error", 404, NOT_FOUND]);
  });

  it("200 from cancel carries the subscription; 403 the already-canceled error", async () => {
    const subscription = { id: UUID, status: "active", cancel_at_period_end: true };
    const { fetch } = scriptedFetch(json(200, subscription), json(403, ALREADY));
    const polar = polarWith(fetch);
    const first = await polar.customerPortal.subscriptions.cancel({ id: UUID });
    const second = await polar.customerPortal.subscriptions.cancel({ id: UUID });
    expect([first.kind, first.status, first.data]).toStrictEqual(["success", 200, subscription]);
    expect([second.kind, second.status, second.error]).toStrictEqual(["error", 403, ALREADY]);
  });
});

describe("client: everything else has a variant of its own", () => {
  it("an undocumented status keeps status, headers and raw body", async () => {
    const result = await polarWith(scriptedFetch(new Response("<html>teapot</html>", { status: 418, headers: { "x-id": "1" } })).fetch).customers.delete({ id: UUID });
    expect([result.kind, result.status, result.body, result.headers.get("x-id")]).toStrictEqual(["unexpected-status", 418, "<html>teapot</html>", "1"]);
  });

  it("a documented status with a body that is not JSON is invalid-body", async () => {
    const result = await polarWith(scriptedFetch(new Response("oops", { status: 404 })).fetch).customers.delete({ id: UUID });
    expect([result.kind, result.status, result.body]).toStrictEqual(["invalid-body", 404, "oops"]);
  });

  it("a 404 that is not Polar's ResourceNotFound (a proxy's or FastAPI's route 404) is invalid-body, not the typed error", async () => {
    const result = await polarWith(scriptedFetch(json(404, { detail: "Not Found" })).fetch).customers.delete({ id: UUID });
    expect([result.kind, result.status, result.body, "error" in result]).toStrictEqual(["invalid-body", 404, '{"detail":"Not Found"}', false]);
    expect(() => client.unwrap(result)).toThrow("invalid-body 404");
  });

  it("a 403 whose error is not AlreadyCanceledSubscription is invalid-body too (the body must be the documented one)", async () => {
    const result = await polarWith(scriptedFetch(json(403, { error: "NotPermitted", detail: "No billing permission" })).fetch).customerPortal.subscriptions.cancel({ id: UUID });
    expect([result.kind, result.status]).toStrictEqual(["invalid-body", 403]);
  });

  it("an error body keeps its raw text", async () => {
    const result = await polarWith(scriptedFetch(json(404, NOT_FOUND)).fetch).customers.delete({ id: UUID });
    expect([result.kind, result.body]).toStrictEqual(["error", JSON.stringify(NOT_FOUND)]);
  });

  it("a 200 that is not JSON is still the success (the cancel happened), without data, with an issue and the raw body", async () => {
    const result = await polarWith(scriptedFetch(new Response("<html>ok</html>", { status: 200 })).fetch).customerPortal.subscriptions.cancel({ id: UUID });
    expect([result.kind, result.status, result.data, result.body, result.issues.map((issue: { keyword: string }) => issue.keyword)]).toStrictEqual([
      "success",
      200,
      undefined,
      "<html>ok</html>",
      ["json"],
    ]);
    expect(client.unwrap(result)).toBeUndefined();
  });

  it("429 is rate-limited, with Retry-After in seconds", async () => {
    const result = await polarWith(scriptedFetch(json(429, {}, { "retry-after": "7" })).fetch).customers.delete({ id: UUID });
    expect([result.kind, result.status, result.retryAfterMs]).toStrictEqual(["rate-limited", 429, 7000]);
  });

  it("429 with Retry-After as an HTTP date", async () => {
    const at = new Date(Date.now() + 60_000).toUTCString();
    const result = await polarWith(scriptedFetch(json(429, {}, { "retry-after": at })).fetch).customers.delete({ id: UUID });
    expect(result.kind).toBe("rate-limited");
    expect(result.retryAfterMs).toBeGreaterThan(55_000);
    expect(result.retryAfterMs).toBeLessThanOrEqual(60_000);
  });

  it("a failing fetch is a network error", async () => {
    const cause = new TypeError("fetch failed");
    const result = await polarWith(scriptedFetch(cause).fetch).customers.delete({ id: UUID });
    expect(result).toStrictEqual({ kind: "network-error", attempts: 1, cause });
  });
});

describe("client: unwrap and PolarError", () => {
  it("unwrap returns the data of a success", async () => {
    const subscription = { id: UUID };
    const result = await polarWith(scriptedFetch(json(200, subscription)).fetch).customerPortal.subscriptions.cancel({ id: UUID });
    expect(client.unwrap(result)).toStrictEqual(subscription);
  });

  it("unwrap throws a PolarError carrying the whole result otherwise", async () => {
    const result = await polarWith(scriptedFetch(json(404, NOT_FOUND)).fetch).customers.delete({ id: UUID });
    let thrown: unknown;
    try {
      client.unwrap(result);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(client.PolarError);
    expect((thrown as { result: unknown }).result).toBe(result);
    expect((thrown as Error).message).toBe("error 404");
  });
});

describe("client: validateResponses", () => {
  const issue = { pointer: "/status", keyword: "enum", message: "not a status" };
  const validators = { CustomerSubscription: (value: unknown) => ((value as { status?: string }).status === "weird" ? [issue] : []) };

  it("a body that breaks the schema is still the success, with the issues and the raw body", async () => {
    const body = { id: UUID, status: "weird" };
    const result = await polarWith(scriptedFetch(json(200, body)).fetch, { validateResponses: validators }).customerPortal.subscriptions.cancel({ id: UUID });
    expect([result.kind, result.data, result.issues, result.body]).toStrictEqual(["success", body, [issue], JSON.stringify(body)]);
  });

  it("accepts the validators module too, and sets no issues on a valid body", async () => {
    const result = await polarWith(scriptedFetch(json(200, { status: "active" })).fetch, { validateResponses: { validators } }).customerPortal.subscriptions.cancel({ id: UUID });
    expect(result.kind).toBe("success");
    expect("issues" in result).toBe(false);
  });

  it("a validator that throws becomes an issue, not an exception", async () => {
    const throwing = { CustomerSubscription: () => { throw new Error("boom"); } };
    const result = await polarWith(scriptedFetch(json(200, {})).fetch, { validateResponses: throwing }).customerPortal.subscriptions.cancel({ id: UUID });
    expect([result.kind, result.issues]).toStrictEqual(["success", [{ pointer: "", keyword: "validator", message: "Error: boom" }]]);
  });
});
