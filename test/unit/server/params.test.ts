// Parameters: decoded and validated before any handler runs, failures answered 422 in
// FastAPI's shape with pydantic's types and messages.

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CUSTOMER, serve, SESSION_ADA, type Served } from "../../fixtures/server/polar.js";

let served: Served;
let seen: unknown[] = [];

beforeAll(async () => {
  const record = ({ params }: { params: unknown }) => {
    seen.push(params);
    return { status: 204 as const };
  };
  served = await serve({ handlers: { customersDelete: record, customersDeleteExternal: record, customerPortalSubscriptionsCancel: () => ({ status: 404, body: { error: "ResourceNotFound", detail: "x" } }) } });
});
afterAll(() => served.close());

async function detail(target: string, token?: string) {
  seen = [];
  const response = await served.call({ target, ...(token ? { token } : {}) });
  expect(response.status).toBe(422);
  expect(response.headers["content-type"]).toBe("application/json");
  expect(seen).toStrictEqual([]);
  // Polar's handler names the exception: `{"error":"RequestValidationError","detail":[...]}`.
  expect(response.json().error).toBe("RequestValidationError");
  return response.json().detail;
}

const uuidParsing = (input: string, error: string) => [
  { type: "uuid_parsing", loc: ["path", "id"], msg: `Input should be a valid UUID, ${error}`, input, ctx: { error } },
];

describe("uuid4 path ids", () => {
  it.each([
    ["abc", "invalid length: expected length 32 for simple format, found 3"],
    ["not-a-uuid", "invalid character: expected an optional prefix of `urn:uuid:` followed by [0-9a-fA-F-], found `n` at 1"],
    ["6a8f7a58-6a8e-4d3c-9b1e", "invalid group count: expected 5, found 4"],
    ["6a8f7a586a8e4d3c9b1e0f7c1d2e3a4", "invalid length: expected length 32 for simple format, found 31"],
    ["6a8f7a5-86a8e-4d3c-9b1e-0f7c1d2e3a4b", "invalid group length in group 0: expected 8, found 7"],
    ["6a8f7a58-6a8e-4d3c-9b1e-0f7c1d2e3a4bb", "invalid group length in group 4: expected 12, found 13"],
    ["{6a8f7a58-6a8e-4d3c-9b1e-0f7c1d2e3a4}", "invalid character: expected an optional prefix of `urn:uuid:` followed by [0-9a-fA-F-], found `{` at 1"],
    ["é6a8f7a58", "invalid character: expected an optional prefix of `urn:uuid:` followed by [0-9a-fA-F-], found `é` at 1"],
    ["6é", "invalid character: expected an optional prefix of `urn:uuid:` followed by [0-9a-fA-F-], found `é` at 2"],
  ])("%s: uuid_parsing with the uuid crate's message", async (input, error) => {
    expect(await detail(`/v1/customers/${encodeURIComponent(input)}`)).toStrictEqual(uuidParsing(input, error));
  });

  it.each(["6a8f7a58-6a8e-1d3c-9b1e-0f7c1d2e3a4b", "00000000-0000-0000-0000-000000000000", "6a8f7a58-6a8e-7d3c-9b1e-0f7c1d2e3a4b"])(
    "%s parses but is not version 4: uuid_version",
    async (input) => {
      expect(await detail(`/v1/customers/${input}`)).toStrictEqual([
        { type: "uuid_version", loc: ["path", "id"], msg: "UUID version 4 expected", input, ctx: { expected_version: 4 } },
      ]);
    },
  );

  it("version 4 with the wrong variant bits fails the generated uuid4 check: uuid_version too", async () => {
    const input = "6a8f7a58-6a8e-4d3c-cb1e-0f7c1d2e3a4b";
    expect(await detail(`/v1/customers/${input}`)).toStrictEqual([
      { type: "uuid_version", loc: ["path", "id"], msg: "UUID version 4 expected", input, ctx: { expected_version: 4 } },
    ]);
  });

  it("a 10,000-character id is a 422 that echoes the input, not a 500", async () => {
    const input = "a".repeat(10_000);
    expect(await detail(`/v1/customers/${input}`)).toStrictEqual(uuidParsing(input, "invalid length: expected length 32 for simple format, found 10000"));
  });

  it("an upper-case UUID is accepted and handed over in lower case, as pydantic's UUID prints", async () => {
    seen = [];
    expect((await served.call({ target: `/v1/customers/${CUSTOMER.toUpperCase()}` })).status).toBe(204);
    expect(seen).toStrictEqual([{ id: CUSTOMER, anonymize: false }]);
  });

  it.each([
    ["32 digits", CUSTOMER.replace(/-/g, "")],
    ["braced", `{${CUSTOMER}}`],
    ["a URN", `urn:uuid:${CUSTOMER}`],
    ["32 upper-case digits", CUSTOMER.replace(/-/g, "").toUpperCase()],
  ])("%s: accepted as pydantic accepts it, handed over hyphenated", async (_, input) => {
    seen = [];
    expect((await served.call({ target: `/v1/customers/${encodeURIComponent(input)}` })).status).toBe(204);
    expect(seen).toStrictEqual([{ id: CUSTOMER, anonymize: false }]);
  });

  it("a URN prefix in upper case is refused, as the uuid crate reads it in lower case only", async () => {
    const input = `URN:UUID:${CUSTOMER}`;
    expect((await detail(`/v1/customers/${input}`))[0]).toMatchObject({ type: "uuid_parsing", input });
  });

  it("the customer-portal id is checked the same way", async () => {
    expect(await detail(`/v1/customer-portal/subscriptions/abc`, SESSION_ADA)).toStrictEqual(uuidParsing("abc", "invalid length: expected length 32 for simple format, found 3"));
  });
});

describe("anonymize: a boolean as pydantic reads one (lax, as Polar parses its query)", () => {
  it.each([
    ["true", true],
    ["false", false],
    ["True", true],
    ["1", true],
    ["yes", true],
    ["ON", true],
    ["t", true],
    ["Y", true],
    ["0", false],
    ["no", false],
    ["off", false],
    ["F", false],
    ["n", false],
  ])("anonymize=%s reaches the handler as %j", async (text, value) => {
    seen = [];
    expect((await served.call({ target: `/v1/customers/external/user-1?anonymize=${text}` })).status).toBe(204);
    expect(seen).toStrictEqual([{ externalId: "user-1", anonymize: value }]);
  });

  it("absent, it takes the spec's default, false; unknown query parameters are ignored", async () => {
    seen = [];
    expect((await served.call({ target: `/v1/customers/${CUSTOMER}?Anonymize=true&other=1` })).status).toBe(204);
    expect(seen).toStrictEqual([{ id: CUSTOMER, anonymize: false }]);
  });

  it.each(["maybe", "2", "yes!", "tru", "", "%ZZ", "tru%65x"])("anonymize=%s is bool_parsing at [query, anonymize]", async (text) => {
    const input = new URLSearchParams(`a=${text}`).get("a");
    expect(await detail(`/v1/customers/${CUSTOMER}?anonymize=${text}`)).toStrictEqual([
      { type: "bool_parsing", loc: ["query", "anonymize"], msg: "Input should be a valid boolean, unable to interpret input", input },
    ]);
  });

  it("a duplicated anonymize is refused (a proxy and this server could read different ones)", async () => {
    expect(await detail(`/v1/customers/${CUSTOMER}?anonymize=false&anonymize=true`)).toStrictEqual([
      { type: "bool_type", loc: ["query", "anonymize"], msg: "Input should be a valid boolean", input: ["false", "true"] },
    ]);
  });

  it("every failing parameter is reported at once, path first", async () => {
    const errors = await detail(`/v1/customers/abc?anonymize=maybe`);
    expect(errors.map((error: { loc: string[] }) => error.loc)).toStrictEqual([
      ["path", "id"],
      ["query", "anonymize"],
    ]);
  });
});
