// A spec that is not Polar's (test/fixtures/server/shop.openapi.yaml, OpenAPI 3.1):
// the generated server over real HTTP on 127.0.0.1 decodes and validates every kind
// of parameter and body, answers 422 in FastAPI's plain shape, checks API keys and
// basic credentials only where the operation has security, and the fake answers each
// operation with a schema-valid example (Ajv), or 501.

import { writeFileSync } from "node:fs";
import { join } from "node:path";
import ts from "typescript";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { validatorsFor } from "../fixtures/server/ajv.js";
import { generateServerFolder } from "../fixtures/server/generate-server.js";
import { listen, type Listening } from "../fixtures/server/listen.js";

const SPEC = "test/fixtures/server/shop.openapi.yaml";
const ID = "3b241101-e2bb-4255-8caf-4136c566a962";
let dispose = () => {};
let handlers: Listening;
let fake: Listening;
let seen: Array<{ params: unknown; body: unknown; credential: unknown }> = [];
let module: Record<string, any>;
let dir = "";

beforeAll(async () => {
  const folder = await generateServerFolder(SPEC);
  dispose = folder.dispose;
  dir = folder.dir;
  module = { ...(await import(join(folder.dir, "server.ts"))), ...(await import(join(folder.dir, "fake.ts"))) };
  const record = (status: number, body?: unknown) => (context: { params: unknown; body: unknown; credential: unknown }) => {
    seen.push({ params: context.params, body: context.body, credential: context.credential });
    return body === undefined ? { status } : { status, body };
  };
  const server = module.createShopServer({
    handlers: {
      itemsList: record(200, { items: [] }),
      itemsCreate: record(201, { id: ID, name: "n", price: 1, status: "live" }),
      itemsGet: record(200, { id: ID, name: "n", price: 1, status: "live" }),
      itemsDelete: record(204),
      itemsImage: record(200, new Uint8Array([137, 80, 78, 71])),
      sessionLogin: record(200, { token: "t" }),
      uploadsCreate: record(201, { size: 3 }),
      healthGet: record(200, "ok"),
      reportsGet: record(200, "zz"),
    },
    maxBodyBytes: 1000,
  });
  handlers = await listen(module.toNodeListener(server));
  fake = await listen(module.toNodeListener(module.createShopServer(module.createFakeShop())));
}, 120_000);

afterAll(async () => {
  await handlers?.close();
  await fake?.close();
  dispose();
});

async function call(options: { path: string; method?: string; headers?: Record<string, string>; body?: BodyInit; base?: Listening }) {
  seen = [];
  const response = await fetch(`${(options.base ?? handlers).url}${options.path}`, { method: options.method ?? "GET", headers: options.headers ?? {}, ...(options.body === undefined ? {} : { body: options.body }) });
  const text = await response.text();
  return { status: response.status, type: response.headers.get("content-type"), text, json: () => JSON.parse(text), headers: response.headers };
}

async function invalid(options: Parameters<typeof call>[0]) {
  const response = await call(options);
  expect(response.status).toBe(422);
  expect(seen).toStrictEqual([]);
  return response.json().detail;
}

const KEY = { "x-api-key": "k" };

describe("query, path and header parameters", () => {
  it("decodes a scalar-or-array union, explode:false and pipe lists, deepObject, a header, with the default filled in", async () => {
    const response = await call({ path: "/items?tag=a&status=draft,live&sizes=1|2&in_stock=yes&filter[color]=red&filter[size]=L", headers: { "x-trace": "7" } });
    expect(response.status).toBe(200);
    expect(seen[0]!.params).toStrictEqual({ tag: "a", status: ["draft", "live"], sizes: [1, 2], limit: 10, inStock: true, filter: { color: "red", size: "L" }, xTrace: 7 });
    await call({ path: "/items?tag=a&tag=b" });
    expect(seen[0]!.params).toMatchObject({ tag: ["a", "b"] });
  });

  it("answers 422 in the plain shape for each bad kind of parameter", async () => {
    expect(await invalid({ path: "/items?status=draft,gone" })).toStrictEqual([{ type: "enum", loc: ["query", "status", 1], msg: 'must be one of "draft", "live", "archived"', input: "gone" }]);
    expect(await invalid({ path: "/items?sizes=1|x" })).toStrictEqual([{ type: "int_parsing", loc: ["query", "sizes", 1], msg: "Input should be a valid integer, unable to parse string as an integer", input: "x" }]);
    expect(await invalid({ path: "/items?limit=0" })).toMatchObject([{ type: "greater_than_equal", loc: ["query", "limit"], input: "0" }]);
    expect(await invalid({ path: "/items?in_stock=maybe" })).toMatchObject([{ type: "bool_parsing", loc: ["query", "in_stock"] }]);
    expect(await invalid({ path: "/items?owner_id=nope" })).toMatchObject([{ type: "uuid_parsing", loc: ["query", "owner_id"], input: "nope" }]);
    expect(await invalid({ path: "/items?limit=1&limit=2" })).toMatchObject([{ type: "int_type", loc: ["query", "limit"], input: ["1", "2"] }]);
    expect(await invalid({ path: "/items", headers: { "x-trace": "seven" } })).toMatchObject([{ type: "int_parsing", loc: ["header", "X-Trace"] }]);
    expect(await invalid({ path: `/items/nope/image` })).toMatchObject([{ type: "uuid_parsing", loc: ["path", "id"] }]);
    const body = (await call({ path: "/items?limit=x" })).json();
    expect(Object.keys(body)).toStrictEqual(["detail"]);
  });
});

describe("request bodies", () => {
  it("passes a valid JSON body to the handler, typed as sent", async () => {
    const response = await call({ path: "/items", method: "POST", headers: { ...KEY, "content-type": "application/json" }, body: JSON.stringify({ name: "pen", price: 3 }) });
    expect(response.status).toBe(201);
    expect(seen[0]!.body).toStrictEqual({ name: "pen", price: 3 });
    expect(seen[0]!.credential).toStrictEqual({ scheme: "api_key", token: "k" });
  });

  it("answers 422 for a body that breaks its schema, a missing body and malformed JSON (json_invalid)", async () => {
    const post = (body: string) => invalid({ path: "/items", method: "POST", headers: { ...KEY, "content-type": "application/json" }, body });
    expect(await post(JSON.stringify({ name: "", price: "3" }))).toStrictEqual([
      { type: "string_too_short", loc: ["body", "name"], msg: "must NOT have fewer than 1 characters", input: "" },
      { type: "int_type", loc: ["body", "price"], msg: "Input should be a valid integer", input: "3" },
    ].map((error, index) => (index === 0 ? { ...error, msg: expect.any(String) } : error)));
    expect(await post(JSON.stringify({ price: 1 }))).toStrictEqual([{ type: "missing", loc: ["body", "name"], msg: "Field required", input: { price: 1 } }]);
    expect(await post("")).toStrictEqual([{ type: "missing", loc: ["body"], msg: "Field required", input: null }]);
    // FastAPI's words, from Python's json module: the offset and its message.
    expect(await post('{"name": ')).toStrictEqual([{ type: "json_invalid", loc: ["body", 9], msg: "JSON decode error", input: {}, ctx: { error: "Expecting value" } }]);
    expect(await post('{"name": "a" "price": 1}')).toStrictEqual([{ type: "json_invalid", loc: ["body", 13], msg: "JSON decode error", input: {}, ctx: { error: "Expecting ',' delimiter" } }]);
  });

  it("refuses a body over the size limit (413) and one of a media type the operation does not take (415)", async () => {
    const big = JSON.stringify({ name: "x".repeat(2000), price: 1 });
    expect((await call({ path: "/items", method: "POST", headers: { ...KEY, "content-type": "application/json" }, body: big })).status).toBe(413);
    expect((await call({ path: "/items", method: "POST", headers: { ...KEY, "content-type": "text/plain" }, body: "hi" })).status).toBe(415);
    expect(seen).toStrictEqual([]);
  });

  it("decodes a form body into typed fields, and checks it", async () => {
    const form = (text: string) => call({ path: "/login", method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body: text });
    expect((await form("username=ada&password=secret&remember=true")).status).toBe(200);
    expect(seen[0]!.body).toStrictEqual({ username: "ada", password: "secret", remember: true });
    expect(await invalid({ path: "/login", method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body: "username=ada&password=abc&remember=perhaps" })).toMatchObject([
      { type: "bool_parsing", loc: ["body", "remember"] },
    ]);
    expect(await invalid({ path: "/login", method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body: "username=ada&password=abc" })).toMatchObject([
      { type: "string_too_short", loc: ["body", "password"], input: "abc" },
    ]);
  });

  it("decodes a multipart body: fields as text, files as Blobs", async () => {
    const data = new FormData();
    data.append("title", "notes");
    data.append("file", new Blob(["abc"]), "a.txt");
    const response = await call({ path: "/uploads", method: "POST", body: data });
    expect(response.status).toBe(201);
    const body = seen[0]!.body as { title: string; file: Blob };
    expect(body.title).toBe("notes");
    expect(await body.file.text()).toBe("abc");
  });

  it("refuses a body on an operation that takes none (400)", async () => {
    expect((await call({ path: "/health", method: "GET" })).status).toBe(200);
    expect((await call({ path: `/items/${ID}`, method: "DELETE", headers: { authorization: `Basic ${btoa("u:p")}`, "content-type": "text/plain" }, body: "x" })).status).toBe(400);
  });
});

describe("the fetch entry point", () => {
  it("reads and checks bodies as node:http does: 201, 422, 413", async () => {
    const server = module.createShopServer({ handlers: { ...module.createFakeShop().handlers }, maxBodyBytes: 64 });
    const post = (body: string) => server.fetch(new Request("http://shop.test/items", { method: "POST", headers: { ...KEY, "content-type": "application/json" }, body }));
    expect((await post('{"name":"a","price":1}')).status).toBe(201);
    const invalid = await post('{"name":"a","price":-1}');
    expect([invalid.status, (await invalid.json()).detail[0].loc]).toStrictEqual([422, ["body", "price"]]);
    expect((await post(JSON.stringify({ name: "x".repeat(100), price: 1 }))).status).toBe(413);
  });
});

describe("security", () => {
  it("401 without credentials only where the operation has security, in the documented body", async () => {
    const missing = await call({ path: "/items", method: "POST", headers: { "content-type": "application/json" }, body: "{}" });
    expect(missing.status).toBe(401);
    expect(missing.json()).toStrictEqual({ message: "message" });
    expect((await call({ path: `/items/${ID}` })).status).toBe(401);
    const basic = await call({ path: `/items/${ID}`, method: "DELETE" });
    expect(basic.status).toBe(401);
    expect(basic.json()).toStrictEqual({ detail: "Not authenticated" });
    expect(basic.headers.get("www-authenticate")).toBe("Basic");
    expect((await call({ path: "/health" })).status).toBe(200);
    expect(seen).toHaveLength(1);
  });

  it("takes an API key from a header or the query, and basic's user:password", async () => {
    expect((await call({ path: `/items/${ID}?api_key=q` })).status).toBe(200);
    expect(seen[0]!.credential).toStrictEqual({ scheme: "query_key", token: "q" });
    expect((await call({ path: `/items/${ID}`, method: "DELETE", headers: { authorization: `Basic ${btoa("ada:pw")}` } })).status).toBe(204);
    expect(seen[0]!.credential).toStrictEqual({ scheme: "basic", token: "ada:pw" });
  });
});

describe("responses", () => {
  it("sends text and bytes with their documented media types", async () => {
    const health = await call({ path: "/health" });
    expect([health.type, health.text]).toStrictEqual(["text/plain", "ok"]);
    const image = await fetch(`${handlers.url}/items/${ID}/image`);
    expect(image.headers.get("content-type")).toBe("image/png");
    expect([...new Uint8Array(await image.arrayBuffer())]).toStrictEqual([137, 80, 78, 71]);
  });
});

/** A user's handlers: what must compile, and what must not. */
const USAGE = `import { createShopServer, type ShopHandlers, type ShopServerOptions } from "./server.js";
import { createFakeShop, type FakeShop, type FakeShopOptions } from "./fake.js";

const handlers: ShopHandlers = {
  itemsList: ({ params }) => {
    const tag: string | string[] | null | undefined = params.tag;
    const limit: number = params.limit;
    const trace: number | undefined = params.xTrace;
    const filter: Record<string, string> | undefined = params.filter;
    void [tag, limit, trace, filter];
    return { status: 200, body: { items: [] } };
  },
  itemsCreate: ({ body, credential }) => {
    const name: string = body.name;
    const token: string = credential.token;
    void token;
    // @ts-expect-error the body has no such field
    void body.colour;
    return { status: 201, body: { id: "i", name, price: body.price, status: "live" } };
  },
  itemsGet: ({ params }) => ({ status: 200, body: { id: params.id, name: "n", price: 1, status: "draft" } }),
  itemsDelete: () => ({ status: 204 }),
  itemsImage: () => ({ status: 200, body: new Uint8Array(1) }),
  sessionLogin: ({ body }) => {
    const remember: boolean | undefined = body.remember;
    void remember;
    return { status: 200, body: { token: body.username } };
  },
  uploadsCreate: () => ({ status: 201, body: { size: 1 } }),
  // @ts-expect-error 201 is not a documented status of health:get
  healthGet: () => ({ status: 201, body: "ok" }),
  reportsGet: () => ({ status: 200, body: "zz" }),
};
const options: ShopServerOptions = { handlers, maxBodyBytes: 10 };
const fakeOptions: FakeShopOptions = {};
const fake: FakeShop = createFakeShop(fakeOptions);
export const servers = [createShopServer(options), createShopServer(fake)];
`;

describe("types", () => {
  it("compile strictly, handlers typed by params, body and documented outcomes", () => {
    writeFileSync(join(dir, "usage.ts"), USAGE);
    const program = ts.createProgram([join(dir, "usage.ts")], {
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.NodeNext,
      moduleResolution: ts.ModuleResolutionKind.NodeNext,
      lib: ["lib.es2022.d.ts", "lib.dom.d.ts"],
      types: [],
      strict: true,
      noUncheckedIndexedAccess: true,
      exactOptionalPropertyTypes: true,
      noPropertyAccessFromIndexSignature: true,
      verbatimModuleSyntax: true,
      noUnusedLocals: true,
      noEmit: true,
    });
    const problems = ts.getPreEmitDiagnostics(program).map((diagnostic) => `${diagnostic.file?.fileName.slice(dir.length)}:${diagnostic.start} ${ts.flattenDiagnosticMessageText(diagnostic.messageText, "\n")}`);
    expect(problems).toStrictEqual([]);
  }, 60_000);
});

describe("the fake", () => {
  it("lists what it models and what answers an example", () => {
    expect(module.fakeCoverage).toStrictEqual({
      modelled: [],
      examples: ["health:get", "items:create", "items:delete", "items:get", "items:image", "items:list", "reports:get", "session:login", "uploads:create"],
      notModelled: [],
    });
  });

  it("answers each operation with its lowest documented 2xx and a body valid against the schema (Ajv)", async () => {
    const validators = validatorsFor(join(dir, "openapi.json"));
    const json = { "content-type": "application/json" };
    const upload = new FormData();
    upload.append("title", "t");
    upload.append("file", new Blob(["x"]), "x.txt");
    const cases: Array<[Parameters<typeof call>[0], number, string]> = [
      [{ path: "/items" }, 200, "ItemList"],
      [{ path: "/items", method: "POST", headers: { ...KEY, ...json }, body: '{"name":"a","price":1}' }, 201, "Item"],
      [{ path: `/items/${ID}?api_key=k` }, 200, "Item"],
      [{ path: "/login", method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body: "username=a&password=abcd" }, 200, "Token"],
      [{ path: "/uploads", method: "POST", body: upload }, 201, "Uploaded"],
    ];
    for (const [request, status, schema] of cases) {
      const response = await call({ ...request, base: fake });
      expect([request.path, response.status, response.type]).toStrictEqual([request.path, status, "application/json"]);
      expect(validators[schema]!(response.json())).toStrictEqual([]);
    }
    // The schema's own example where it fits.
    expect((await call({ path: "/login", method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body: "username=a&password=abcd", base: fake })).json()).toStrictEqual({ token: "t-123" });
    const deleted = await call({ path: `/items/${ID}`, method: "DELETE", headers: { authorization: `Basic ${btoa("u:p")}` }, base: fake });
    expect([deleted.status, deleted.text]).toStrictEqual([204, ""]);
    const health = await call({ path: "/health", base: fake });
    expect([health.status, health.type, health.text]).toStrictEqual([200, "text/plain", "ok"]);
    const image = await call({ path: `/items/${ID}/image`, base: fake });
    expect([image.status, image.type]).toStrictEqual([200, "image/png"]);
    // The fake checks credentials for presence where the operation has security.
    expect((await call({ path: `/items/${ID}`, base: fake })).status).toBe(401);
  });

  it("answers 501 naming an operation whose example fails its schema", async () => {
    const response = await call({ path: "/reports/r1", base: fake });
    expect(response.status).toBe(501);
    expect(response.json().detail).toContain("reports:get");
  });
});
