// The client generated with `--operations '*'` for a spec of the project's own
// (test/fixtures/specs/client-shapes.openapi.yaml): query parameters of every style,
// a header parameter, JSON, form and multipart bodies, text and binary responses, and a
// paged list walked by `all()`. Each request is decoded as a server would (`Request`,
// `URLSearchParams`, `formData()`), through an injected fetch.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { json, loadGeneratedClient, SHAPES_SPEC, type GeneratedClientModule } from "../fixtures/client/helpers.js";

let client: GeneratedClientModule;
let dispose: () => void;
beforeAll(async () => ({ module: client, dispose } = await loadGeneratedClient(SHAPES_SPEC, ["*"])));
afterAll(() => dispose());

const BASE = "https://shapes.test/api";

/** A fetch that keeps each request as the server would receive it, and answers from `answer`. */
function recordingFetch(answer: (request: Request) => Response | Promise<Response> = () => new Response(null, { status: 204 })) {
  const requests: Request[] = [];
  const fetcher = async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = new Request(input, init);
    requests.push(request.clone());
    return answer(request);
  };
  return { fetch: fetcher as typeof fetch, requests };
}

function shapes(fetcher: typeof fetch, options: Record<string, unknown> = {}) {
  return client.createShapesClient({ token: "t0ken", fetch: fetcher, ...options });
}

const page = (items: unknown[], maxPage: number) => json(200, { items, pagination: { total_count: 99, max_page: maxPage } });

describe("client: query parameters of every style", () => {
  it("encodes arrays, a scalar-or-array union, deepObject, booleans and numbers as a server decodes them; null is left out", async () => {
    const { fetch, requests } = recordingFetch(() => page([], 1));
    await shapes(fetch).items.list({
      page: 2,
      ownerId: ["a,b", "c&d"],
      tag: ["x", "y z"],
      csv: ["1,2", "3"],
      spaced: [4, 5],
      piped: ["p|q", "r"],
      metadata: { plan: "pro", seats: 3, trial: false, colors: ["red", "blue"], gone: null },
      active: null,
    });
    const url = new URL(requests[0]!.url);
    expect(url.origin + url.pathname).toBe(`${BASE}/items`);
    expect([...url.searchParams]).toStrictEqual([
      ["page", "2"],
      ["owner_id", "a,b"],
      ["owner_id", "c&d"],
      ["tag", "x"],
      ["tag", "y z"],
      ["csv", "1,2,3"],
      ["spaced", "4 5"],
      ["piped", "p|q|r"],
      ["metadata[plan]", "pro"],
      ["metadata[seats]", "3"],
      ["metadata[trial]", "false"],
      ["metadata[colors]", "red"],
      ["metadata[colors]", "blue"],
    ]);
    // Delimiters inside an item are encoded, so a server splits only where the client joined.
    expect(url.search).toContain("csv=1%2C2,3");
    expect(url.search).toContain("piped=p%7Cq|r");
    expect(url.search).toContain("spaced=4%205");
  });

  it("sends a union parameter given as one value once, and leaves out empty arrays", async () => {
    const { fetch, requests } = recordingFetch(() => page([], 1));
    await shapes(fetch).items.list({ ownerId: "only", tag: [], csv: [] });
    expect(new URL(requests[0]!.url).search).toBe("?owner_id=only");
  });

  it("refuses items of the wrong type, and a deepObject that is not an object, before sending", async () => {
    const { fetch, requests } = recordingFetch();
    const polar = shapes(fetch);
    expect((await polar.items.list({ spaced: ["4"] })).message).toBe("spaced: not a number");
    expect((await polar.items.list({ ownerId: [{}] })).message).toBe("ownerId: not a string");
    expect((await polar.items.list({ metadata: ["x"] })).message).toBe("metadata: not an object");
    expect(requests).toStrictEqual([]);
  });
});

describe("client: path parameters", () => {
  it("sends an integer parameter as its digits, and still refuses what is not one segment", async () => {
    const { fetch, requests } = recordingFetch(() => json(200, { id: "i", name: "n" }));
    expect((await shapes(fetch).items.version({ id: "i 1", version: 12 })).kind).toBe("success");
    expect(requests[0]!.url).toBe(`${BASE}/items/i%201/versions/12`);
    expect((await shapes(fetch).items.version({ id: "..", version: 1 })).message).toBe("id: not one path segment");
    expect((await shapes(fetch).items.version({ id: "i", version: Number.NaN })).message).toBe("version: not one path segment");
    expect(requests).toHaveLength(1);
  });
});

describe("client: header parameters", () => {
  it("sends them as headers, and refuses a value that would start another header", async () => {
    const { fetch, requests } = recordingFetch(() => page([], 1));
    await shapes(fetch).items.list({ xTraceId: "trace-1" });
    expect(requests[0]!.headers.get("x-trace-id")).toBe("trace-1");
    const refused = await shapes(fetch).items.list({ xTraceId: "a\r\nx-admin: 1" });
    expect([refused.kind, refused.message]).toStrictEqual(["invalid-request", "xTraceId: not a header value"]);
    expect(requests).toHaveLength(1);
  });
});

describe("client: request bodies", () => {
  it("sends JSON with its content type", async () => {
    const { fetch, requests } = recordingFetch(() => json(201, { id: "i1", name: "n" }));
    const result = await shapes(fetch).items.create({ body: { name: "n", count: 2 } });
    expect([result.kind, result.status, result.data]).toStrictEqual(["success", 201, { id: "i1", name: "n" }]);
    expect([requests[0]!.method, requests[0]!.headers.get("content-type")]).toStrictEqual(["POST", "application/json"]);
    // Polar-Version is Polar's: another API's client never sends it.
    expect([requests[0]!.headers.get("authorization"), requests[0]!.headers.get("polar-version")]).toStrictEqual(["Bearer t0ken", null]);
    expect(await requests[0]!.json()).toStrictEqual({ name: "n", count: 2 });
  });

  it("refuses a missing required body", async () => {
    const { fetch, requests } = recordingFetch();
    const result = await shapes(fetch).items.create({});
    expect([result.kind, result.message]).toStrictEqual(["invalid-request", "body: missing"]);
    expect(requests).toStrictEqual([]);
  });

  it("with validateRequests, refuses a body that breaks its schema, with the issues, and sends one that fits", async () => {
    const { fetch, requests } = recordingFetch(() => json(201, { id: "i1", name: "n" }));
    const polar = shapes(fetch, { validateRequests: true });
    const refused = await polar.items.create({ body: { name: "", extra: 1 } });
    expect(refused.kind).toBe("invalid-request");
    expect(refused.message).toMatch(/^body: breaks ItemCreate: /);
    expect(refused.cause.issues.map((issue: { pointer: string }) => issue.pointer)).toContain("/name");
    expect(requests).toStrictEqual([]);
    expect((await polar.items.create({ body: { name: "n" } })).kind).toBe("success");
    // Without the option, the server is the judge.
    expect((await shapes(fetch).items.create({ body: { name: "" } })).kind).toBe("success");
    expect(requests).toHaveLength(2);
  });

  it("sends application/x-www-form-urlencoded as URLSearchParams writes it, arrays repeated", async () => {
    const { fetch, requests } = recordingFetch(() => json(200, { access_token: "a" }));
    const result = await shapes(fetch).tokens.create({ body: { grant_type: "client_credentials", scope: ["read", "write all"] } });
    expect(result.data).toStrictEqual({ access_token: "a" });
    expect(requests[0]!.headers.get("content-type")).toBe("application/x-www-form-urlencoded");
    expect(requests[0]!.headers.get("authorization")).toBeNull();
    expect([...new URLSearchParams(await requests[0]!.text())]).toStrictEqual([
      ["grant_type", "client_credentials"],
      ["scope", "read"],
      ["scope", "write all"],
    ]);
  });

  it("sends multipart/form-data with a Blob as a file, the boundary set by fetch; an optional body may be left out", async () => {
    const { fetch, requests } = recordingFetch();
    const file = new Blob([new Uint8Array([0, 1, 2, 255])], { type: "application/octet-stream" });
    expect((await shapes(fetch).uploads.create({ body: { name: "n", file } })).kind).toBe("success");
    expect(requests[0]!.headers.get("content-type")).toMatch(/^multipart\/form-data; boundary=/);
    const form = await requests[0]!.formData();
    expect(form.get("name")).toBe("n");
    expect([...new Uint8Array(await (form.get("file") as Blob).arrayBuffer())]).toStrictEqual([0, 1, 2, 255]);
    expect((await shapes(fetch).uploads.create({})).kind).toBe("success");
    expect(requests[1]!.headers.get("content-type")).toBeNull();
  });
});

describe("client: responses that are not JSON", () => {
  it("reads text/* as a string, other media types as a Blob, no body as undefined", async () => {
    const csv = await shapes(recordingFetch(() => new Response("id,name\n1,a\n", { headers: { "content-type": "text/csv" } })).fetch).items.export({ id: "1" });
    expect([csv.kind, csv.data]).toStrictEqual(["success", "id,name\n1,a\n"]);
    const bytes = new Uint8Array([137, 80, 78, 71, 0, 255]);
    const download = await shapes(recordingFetch(() => new Response(bytes)).fetch).items.download({ id: "1" });
    expect(download.data).toBeInstanceOf(Blob);
    expect([...new Uint8Array(await download.data.arrayBuffer())]).toStrictEqual([...bytes]);
    const deleted = await shapes(recordingFetch().fetch).items.delete({ id: "1" });
    expect([deleted.kind, deleted.status, deleted.data]).toStrictEqual(["success", 204, undefined]);
  });
});

describe("client: paged lists", () => {
  const pages = [[{ id: "1" }, { id: "2" }], [{ id: "3" }], [{ id: "4" }]];

  async function collect(iterator: AsyncIterable<unknown>): Promise<unknown[]> {
    const items: unknown[] = [];
    for await (const item of iterator) items.push(item);
    return items;
  }

  it("walks every page up to max_page, keeping the other parameters", async () => {
    const { fetch, requests } = recordingFetch((request) => page(pages[Number(new URL(request.url).searchParams.get("page")) - 1]!, 3));
    const items = await collect(shapes(fetch).items.list.all({ limit: 2, tag: ["t"] }));
    expect(items).toStrictEqual([{ id: "1" }, { id: "2" }, { id: "3" }, { id: "4" }]);
    expect(requests.map((request) => new URL(request.url).search)).toStrictEqual(["?page=1&limit=2&tag=t", "?page=2&limit=2&tag=t", "?page=3&limit=2&tag=t"]);
  });

  it("starts at the page given, and stops at an empty page", async () => {
    const { fetch, requests } = recordingFetch((request) => page(new URL(request.url).searchParams.get("page") === "2" ? [{ id: "3" }] : [], 9));
    expect(await collect(shapes(fetch).items.list.all({ page: 2 }))).toStrictEqual([{ id: "3" }]);
    expect(requests).toHaveLength(2);
  });

  it("ends by throwing the failing page's result, after the items before it", async () => {
    const { fetch } = recordingFetch((request) => (new URL(request.url).searchParams.get("page") === "1" ? page([{ id: "1" }], 5) : new Response("down", { status: 503 })));
    const items: unknown[] = [];
    let thrown: { result: { kind: string; status: number } } | undefined;
    try {
      for await (const item of shapes(fetch).items.list.all({})) items.push(item);
    } catch (error) {
      thrown = error as typeof thrown;
    }
    expect(items).toStrictEqual([{ id: "1" }]);
    expect(thrown).toBeInstanceOf(client.ShapesError);
    expect([thrown?.result.kind, thrown?.result.status]).toStrictEqual(["unexpected-status", 503]);
  });

  it("works with the standalone function through paginate", async () => {
    const { fetch } = recordingFetch((request) => page(pages[Number(new URL(request.url).searchParams.get("page")) - 1]!, 2));
    const core = client.createShapesCore({ token: "t", fetch });
    expect(await collect(client.paginate({ call: client.itemsList, input: { client: core } }))).toStrictEqual([{ id: "1" }, { id: "2" }, { id: "3" }]);
  });
});
