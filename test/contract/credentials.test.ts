// How the contract suite sends each credential where its scheme puts it (bearer, basic,
// an API key in a header, the query or a cookie), how its curl command reads it from the
// variable, and how its check of the generated client finds it; and which of the suite's
// credentials each scheme takes (Polar's token kinds on Polar's spec only).
import { describe, expect, it } from "vitest";
import { contractSecurity, preferredKind } from "../../generator/emit/contract/credentials.js";
import type { Model, OperationModel, SecuritySchemeModel } from "../../generator/model/types.js";
import { checkClientRequest } from "../../templates/contract/client-check.js";
import { curlCredential, withCredential, type Credential } from "../../templates/contract/credentials.js";
import type { ContractOperation, ContractSecurity } from "../../templates/contract/types.js";

const SCHEMES: SecuritySchemeModel[] = [
  { name: "bearerAuth", type: "http", bearer: true, httpScheme: "bearer", credential: "bearerAuth" },
  { name: "shop_key", type: "apiKey", bearer: false, in: "header", key: "X-Shop-Key", credential: "shopKey" },
  { name: "query_key", type: "apiKey", bearer: false, in: "query", key: "api_key", credential: "queryKey" },
  { name: "cookie_key", type: "apiKey", bearer: false, in: "cookie", key: "session", credential: "cookieKey" },
  { name: "basic", type: "http", bearer: false, httpScheme: "basic", credential: "basic" },
  { name: "pat", type: "http", bearer: true, httpScheme: "bearer", credential: "accessToken" },
  { name: "oidc", type: "openIdConnect", bearer: true, credential: "accessToken" },
];

const model = (polar: boolean): Model => ({ specFile: "spec.yaml", openapi: "3.0.3", title: "T", name: "T", polar, servers: [], securitySchemes: SCHEMES, operations: [], schemas: [] });
const operation = (schemes: string[][]): OperationModel => ({ security: schemes.map((names) => ({ schemes: names.map((scheme) => ({ scheme, scopes: [] })) })) }) as unknown as OperationModel;

describe("contractSecurity", () => {
  it("says how each alternative's credential travels", () => {
    const security = contractSecurity({ model: model(false), operation: operation([["bearerAuth"], ["shop_key"], ["query_key"], ["cookie_key"], ["basic"]]) });
    expect(security).toStrictEqual([
      { credential: "bearerAuth", via: "bearer", kind: "accessToken", scopes: [] },
      { credential: "shopKey", via: "header", key: "X-Shop-Key", kind: "accessToken", scopes: [] },
      { credential: "queryKey", via: "query", key: "api_key", kind: "accessToken", scopes: [] },
      { credential: "cookieKey", via: "cookie", key: "session", kind: "accessToken", scopes: [] },
      { credential: "basic", via: "basic", kind: "basicAuth", scopes: [] },
    ]);
  });

  it("on Polar's spec, a personal or OpenID Connect token is its own kind; the suite prefers the personal one", () => {
    const security = contractSecurity({ model: model(true), operation: operation([["oidc"], ["pat"]]) });
    expect(security.map((each) => each.kind)).toStrictEqual(["oidcToken", "personalAccessToken"]);
    expect(preferredKind(security)).toBe("personalAccessToken");
    expect(contractSecurity({ model: model(false), operation: operation([["oidc"], ["pat"]]) }).map((each) => each.kind)).toStrictEqual(["accessToken"]);
  });

  it("an operation that allows anonymous calls takes no credential", () => {
    expect(contractSecurity({ model: model(false), operation: operation([["shop_key"], []]) })).toStrictEqual([]);
  });
});

describe("withCredential and curlCredential", () => {
  const url = "http://127.0.0.1:1/pets?limit=1";
  const credential = (fields: Pick<Credential, "via" | "key"> & { token?: string }): Credential => ({ token: "tok", variable: "POLAR_CONTRACT_ACCESS_TOKEN", ...fields });

  it("a bearer token in Authorization", () => {
    expect(withCredential({ credential: credential({ via: "bearer" }), url, headers: { accept: "x" } })).toStrictEqual({ url, headers: { accept: "x", authorization: "Bearer tok" } });
    expect(curlCredential({ credential: credential({ via: "bearer" }), url })).toStrictEqual({ url: `'${url}'`, auth: ` -H "Authorization: Bearer $POLAR_CONTRACT_ACCESS_TOKEN"` });
  });

  it("basic's user:password, base64-encoded as UTF-8", () => {
    const basic = credential({ via: "basic", token: "zoë:p" });
    expect(withCredential({ credential: basic, url, headers: {} }).headers).toStrictEqual({ authorization: `Basic ${Buffer.from("zoë:p").toString("base64")}` });
    expect(curlCredential({ credential: basic, url }).auth).toBe(` -u "$POLAR_CONTRACT_ACCESS_TOKEN"`);
  });

  it("an API key in its header, its cookie or the query", () => {
    expect(withCredential({ credential: credential({ via: "header", key: "X-Shop-Key" }), url, headers: {} }).headers).toStrictEqual({ "x-shop-key": "tok" });
    expect(withCredential({ credential: credential({ via: "cookie", key: "session" }), url, headers: {} }).headers).toStrictEqual({ cookie: "session=tok" });
    expect(withCredential({ credential: credential({ via: "query", key: "api key", token: "a&b" }), url, headers: {} })).toStrictEqual({ url: `${url}&api%20key=a%26b`, headers: {} });
    expect(curlCredential({ credential: credential({ via: "header", key: "X-Shop-Key" }), url }).auth).toBe(` -H 'X-Shop-Key: '"$POLAR_CONTRACT_ACCESS_TOKEN"`);
    expect(curlCredential({ credential: credential({ via: "cookie", key: "session" }), url }).auth).toBe(` -b 'session='"$POLAR_CONTRACT_ACCESS_TOKEN"`);
    expect(curlCredential({ credential: credential({ via: "query", key: "api_key" }), url })).toStrictEqual({ url: `'${url}&api_key='"$POLAR_CONTRACT_ACCESS_TOKEN"`, auth: "" });
  });
});

describe("checkClientRequest: the credential where the spec puts it", () => {
  const contract = (security: ContractSecurity[]): ContractOperation => ({
    id: "listPets",
    clientPath: ["listPets"],
    method: "GET",
    path: "/pets",
    modelled: false,
    pathParams: [],
    query: [],
    headers: [],
    credentials: [...new Set(security.map((each) => each.credential))],
    security,
    responses: {},
  });
  const tokens = { shopKey: "k1", queryKey: "k2", basic: { username: "u", password: "p" } };
  const check = (options: { security: ContractSecurity[]; url?: string; headers?: Record<string, string> }) =>
    checkClientRequest({ operation: contract(options.security), request: { url: options.url ?? "https://x.invalid/pets", method: "GET", headers: options.headers ?? {} }, input: {}, tokens });

  it("an API key in its header or the query (not taken for an undeclared parameter), basic's pair", () => {
    expect(check({ security: [{ credential: "shopKey", via: "header", key: "X-Shop-Key", kind: "accessToken" }], headers: { "x-shop-key": "k1" } })).toStrictEqual([]);
    expect(check({ security: [{ credential: "queryKey", via: "query", key: "api_key", kind: "accessToken" }], url: "https://x.invalid/pets?api_key=k2" })).toStrictEqual([]);
    expect(check({ security: [{ credential: "basic", via: "basic", kind: "basicAuth" }], headers: { authorization: `Basic ${btoa("u:p")}` } })).toStrictEqual([]);
  });

  it("a credential sent as a bearer token where the spec puts an API key is a problem", () => {
    const problems = check({ security: [{ credential: "shopKey", via: "header", key: "X-Shop-Key", kind: "accessToken" }], headers: { authorization: "Bearer k1" } });
    expect(problems).toStrictEqual([`no credential where the spec puts one: expected one of shopKey (header X-Shop-Key); headers {"authorization":"Bearer k1"}`]);
  });
});
