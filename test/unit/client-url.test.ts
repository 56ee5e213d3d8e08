import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EMBEDDED_SPEC, empty, loadGeneratedClient, scriptedFetch, UUID, type GeneratedClientModule } from "../fixtures/client/helpers.js";

let client: GeneratedClientModule;
let dispose: () => void;
beforeAll(async () => ({ module: client, dispose } = await loadGeneratedClient(EMBEDDED_SPEC)));
afterAll(() => dispose());

const BASE = "https://api.test/prefix";

function polarWith(fetcher: typeof fetch) {
  return client.createPolarClient({ baseUrl: `${BASE}/`, accessToken: "polar_oat_token", customerSession: "polar_cst_session", fetch: fetcher });
}

async function deleteExternal(externalId: unknown) {
  const { fetch, requests } = scriptedFetch(empty(204));
  const result = await polarWith(fetch).customers.deleteExternal({ externalId });
  return { result, requests };
}

describe("client: path parameters", () => {
  it("sends exactly one encoded segment for an ordinary value", async () => {
    const { result, requests } = await deleteExternal("user 1?#%é");
    expect(result.kind).toBe("success");
    expect(requests.map((request) => request.url)).toStrictEqual([`${BASE}/v1/customers/external/user%201%3F%23%25%C3%A9`]);
  });

  it.each([
    ["empty", ""],
    ["dot", "."],
    ["dot dot", ".."],
    ["encoded dot", "%2e"],
    ["encoded dot dot, mixed case", ".%2E"],
    ["double-encoded dot dot", "%252e%252e"],
    ["slash", "a/b"],
    ["backslash", "a\\b"],
    ["encoded slash", "..%2f"],
    ["lone surrogate", "\uD800"],
    // Their NFKC forms are `..`, `.`, `/` and `\`: a server that normalises would see those.
    ["fullwidth dots", "．．"],
    ["two-dot leader", "‥"],
    ["small full stops", "﹒﹒"],
    ["one-dot leader", "․"],
    ["fullwidth encoded dot", "％２ｅ"],
    ["fullwidth slash", "a／b"],
    ["fullwidth backslash", "a＼b"],
  ])("refuses %s before any request", async (_, value) => {
    const { result, requests } = await deleteExternal(value);
    expect(result.kind).toBe("invalid-request");
    expect(result.attempts).toBe(0);
    expect(requests).toStrictEqual([]);
  });

  it("refuses a value that is neither a string nor a number (JavaScript callers); a number is its digits, one safe segment", async () => {
    for (const value of [undefined, null, Number.NaN, {}, [1]]) {
      const { result, requests } = await deleteExternal(value);
      expect([result.kind, requests.length]).toStrictEqual(["invalid-request", 0]);
    }
    const { requests } = await deleteExternal(42);
    expect(requests.map((request) => request.url)).toStrictEqual([`${BASE}/v1/customers/external/42`]);
  });

  it("sends what only looks like a dot or a slash when its NFKC form is neither", async () => {
    const { result, requests } = await deleteExternal("…"); // NFKC: "...", an ordinary segment
    expect(result.kind).toBe("success");
    expect(requests.map((request) => request.url)).toStrictEqual([`${BASE}/v1/customers/external/%E2%80%A6`]);
  });

  it("checks format: uuid4 parameters before sending", async () => {
    const { fetch, requests } = scriptedFetch(empty(204));
    const polar = polarWith(fetch);
    expect((await polar.customers.delete({ id: "not-a-uuid" })).kind).toBe("invalid-request");
    expect((await polar.customerPortal.subscriptions.cancel({ id: `${UUID}/..` })).kind).toBe("invalid-request");
    expect(requests).toStrictEqual([]);
    expect((await polar.customers.delete({ id: UUID })).kind).toBe("success");
    expect(requests.map((request) => request.url)).toStrictEqual([`${BASE}/v1/customers/${UUID}`]);
  });
});

describe("client: query", () => {
  it("refuses a value its schema does not allow (JavaScript callers): anonymize is a boolean", async () => {
    const { fetch, requests } = scriptedFetch(empty(204));
    const polar = polarWith(fetch);
    for (const anonymize of ["yes", "true", 1, {}]) {
      const result = await polar.customers.delete({ id: UUID, anonymize });
      expect([result.kind, result.message]).toStrictEqual(["invalid-request", "anonymize: not a boolean"]);
    }
    expect(requests).toStrictEqual([]);
  });

  it("sends anonymize only when given, as true or false (null is left out)", async () => {
    const { fetch, requests } = scriptedFetch(empty(204));
    const polar = polarWith(fetch);
    await polar.customers.delete({ id: UUID, anonymize: null as never });
    await polar.customers.delete({ id: UUID, anonymize: true });
    await polar.customers.deleteExternal({ externalId: "u1", anonymize: false });
    expect(requests.map((request) => request.url)).toStrictEqual([
      `${BASE}/v1/customers/${UUID}`,
      `${BASE}/v1/customers/${UUID}?anonymize=true`,
      `${BASE}/v1/customers/external/u1?anonymize=false`,
    ]);
  });
});

describe("client: base URL", () => {
  it.each([
    ["ftp://api.test"],
    ["https://api.test/?x=1"],
    ["https://api.test/?"],
    ["https://api.test/#frag"],
    ["not a url"],
    ["https://user:secret@api.test"],
    ["https://user@api.test/prefix"],
  ])("refuses %s", async (baseUrl) => {
    const { fetch, requests } = scriptedFetch(empty(204));
    const polar = client.createPolarClient({ baseUrl, accessToken: "t", fetch });
    expect((await polar.customers.delete({ id: UUID })).kind).toBe("invalid-request");
    expect(requests).toStrictEqual([]);
  });

  it("uses the named server, production by default", async () => {
    const { fetch, requests } = scriptedFetch(empty(204));
    await client.createPolarClient({ accessToken: "t", fetch }).customers.delete({ id: UUID });
    await client.createPolarClient({ server: "sandbox", accessToken: "t", fetch }).customers.delete({ id: UUID });
    expect(requests.map((request) => request.url)).toStrictEqual([
      `https://api.polar.sh/v1/customers/${UUID}`,
      `https://sandbox-api.polar.sh/v1/customers/${UUID}`,
    ]);
  });
});

/** Strings made of the characters URL parsers treat specially, and those NFKC turns into them. */
const trickyString = fc
  .array(
    fc.constantFrom(".", "%", "/", "2e", "2E", "?", "#", "\\", "%2f", "25", ";", " ", "\t", "\n", "\uD800", "a", "．", "‥", "﹒", "․", "／", "＼", "％", "２", "ｅ", "…"),
    { maxLength: 8 },
  )
  .map((parts) => parts.join(""));
const DOT_SEGMENT = /^(?:\.|%(?:25)*2e){1,2}$/i;

describe("client: property — no request reaches another endpoint", () => {
  it("either sends nothing (invalid-request) or exactly the template's segments, the last decoding to the value", async () => {
    await fc.assert(
      // fast-check 4 has no fullUnicodeString: `unit: "binary"` is its replacement (every code
      // point, lone surrogates included); `grapheme` adds multi-code-point characters.
      fc.asyncProperty(fc.oneof(fc.string({ unit: "binary" }), fc.string({ unit: "grapheme" }), trickyString), async (value) => {
        const { result, requests } = await deleteExternal(value);
        if (requests.length === 0) {
          expect(result.kind).toBe("invalid-request");
          return;
        }
        expect(requests).toHaveLength(1);
        // Parse the URL the way fetch would, then check the path it will really request.
        const url = new URL(requests[0]!.url);
        expect(url.origin + url.pathname.slice(0, "/prefix".length)).toBe(BASE);
        const segments = url.pathname.slice("/prefix/".length).split("/");
        expect(segments.slice(0, 3)).toStrictEqual(["v1", "customers", "external"]);
        expect(segments).toHaveLength(4);
        expect(decodeURIComponent(segments[3]!)).toBe(value);
        // And a server that normalises the decoded segment (NFKC) still sees one segment, not a dot segment.
        const normal = value.normalize("NFKC");
        expect(DOT_SEGMENT.test(normal) || /[/\\]|%(?:25)*(?:2f|5c)/i.test(normal)).toBe(false);
        expect(url.search).toBe("");
        expect(url.hash).toBe("");
      }),
      { seed: 20261022, numRuns: 2000 },
    );
  });
});
