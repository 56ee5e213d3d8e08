// The client generated for a spec of the project's own (test/fixtures/specs/client-auth.openapi.yaml)
// sends each credential where the spec puts it: an API key in a header, the query or a
// cookie, HTTP basic's user and password, or a bearer token where an operation takes
// either; each request is read as a server would, through an injected fetch.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadGeneratedClient, type GeneratedClientModule } from "../fixtures/client/helpers.js";

const AUTH_SPEC = "test/fixtures/specs/client-auth.openapi.yaml";
let client: GeneratedClientModule;
let dispose: () => void;
beforeAll(async () => ({ module: client, dispose } = await loadGeneratedClient(AUTH_SPEC, ["*"])));
afterAll(() => dispose());

function recordingFetch() {
  const requests: Request[] = [];
  const fetcher = async (input: RequestInfo | URL, init?: RequestInit) => {
    requests.push(new Request(input, init));
    return new Response(null, { status: 204 });
  };
  return { fetch: fetcher as typeof fetch, requests };
}

function auth(options: Record<string, unknown> = {}) {
  const recorded = recordingFetch();
  return { api: client.createAuthClient({ fetch: recorded.fetch, ...options }), requests: recorded.requests };
}

/** `user:password` as a server decodes HTTP basic: base64, then UTF-8. */
function basicPair(request: Request): string | undefined {
  const encoded = /^Basic ([A-Za-z0-9+/]+=*)$/.exec(request.headers.get("authorization") ?? "")?.[1];
  return encoded === undefined ? undefined : new TextDecoder().decode(Uint8Array.from(atob(encoded), (char) => char.charCodeAt(0)));
}

describe("client: API keys", () => {
  it("in a header: under the spec's name, from the client or the call (the call's first), never in the URL", async () => {
    const { api, requests } = auth({ headerKey: "client-key" });
    expect(await api.header.get({})).toMatchObject({ kind: "success", status: 204 });
    expect(await api.header.get({ headerKey: async () => "call-key" })).toMatchObject({ kind: "success" });
    expect(requests.map((request) => request.headers.get("x-api-key"))).toStrictEqual(["client-key", "call-key"]);
    expect(requests.map((request) => request.url)).toStrictEqual(["https://auth.test/v1/header", "https://auth.test/v1/header"]);
    expect(requests[0]!.headers.get("authorization")).toBeNull();
  });

  it("in the query: encoded, after the operation's own parameters", async () => {
    const { api, requests } = auth({ queryKey: "k&y=1 é" });
    await api.query.get({ page: 2 });
    await api.query.get({});
    const urls = requests.map((request) => new URL(request.url));
    expect([...urls[0]!.searchParams]).toStrictEqual([["page", "2"], ["api key", "k&y=1 é"]]);
    expect([...urls[1]!.searchParams]).toStrictEqual([["api key", "k&y=1 é"]]);
  });

  it("in a cookie: `name=value`, and a value a cookie cannot carry is refused before any request", async () => {
    const { api, requests } = auth({ cookieKey: "s3ss10n" });
    await api.cookie.get({});
    expect(requests[0]!.headers.get("cookie")).toBe("session=s3ss10n");
    expect(await api.cookie.get({ cookieKey: "a; admin=1" })).toMatchObject({ kind: "invalid-request", attempts: 0, message: "cookieKey: not a cookie value" });
    expect(requests).toHaveLength(1);
  });

  it("refuses a header key with a line break, and a call with no credential, sending nothing", async () => {
    const { api, requests } = auth();
    expect(await api.header.get({ headerKey: "key\r\nx-admin: 1" })).toMatchObject({ kind: "invalid-request", message: "headerKey: not a header value" });
    expect(await api.header.get({})).toMatchObject({ kind: "invalid-request", message: "credential: no headerKey" });
    expect(await api.header.get({ headerKey: 42 })).toMatchObject({ kind: "invalid-request", message: "headerKey: not a string" });
    expect(requests).toHaveLength(0);
  });
});

describe("client: HTTP basic", () => {
  it("sends `user:password` as UTF-8 in base64, with the body and header parameters", async () => {
    const { api, requests } = auth({ basic: { username: "jürgen", password: "p:ss wörd €" } });
    expect(await api.basic.create({ body: { name: "n" }, xTrace: "t" })).toMatchObject({ kind: "success" });
    expect(basicPair(requests[0]!)).toBe("jürgen:p:ss wörd €");
    expect(requests[0]!.headers.get("x-trace")).toBe("t");
    expect(await requests[0]!.json()).toStrictEqual({ name: "n" });
    expect(requests[0]!.url).toBe("https://auth.test/v1/basic");
  });

  it("takes a function returning the pair; refuses a user with a colon, a control character, or no password", async () => {
    const { api, requests } = auth();
    await api.basic.create({ body: { name: "n" }, basic: async () => ({ username: "u", password: "" }) });
    expect(basicPair(requests[0]!)).toBe("u:");
    expect(await api.basic.create({ body: { name: "n" }, basic: { username: "a:b", password: "c" } })).toMatchObject({ kind: "invalid-request", message: "basic: not a user and password basic auth can carry" });
    expect(await api.basic.create({ body: { name: "n" }, basic: { username: "a", password: "c\r\n" } })).toMatchObject({ kind: "invalid-request" });
    expect(await api.basic.create({ body: { name: "n" }, basic: "u:p" })).toMatchObject({ kind: "invalid-request", message: "basic: not { username, password }" });
    expect(requests).toHaveLength(1);
  });
});

describe("client: an API key or a bearer token", () => {
  it("sends whichever is given, the call's before the client's, and no credential where none is needed", async () => {
    const { api, requests } = auth({ token: "t0ken" });
    await api.either.get({});
    await api.either.get({ headerKey: "k" });
    await api.open.get({});
    expect(requests.map((request) => [request.headers.get("authorization"), request.headers.get("x-api-key")])).toStrictEqual([
      ["Bearer t0ken", null],
      [null, "k"],
      [null, null],
    ]);
  });
});
