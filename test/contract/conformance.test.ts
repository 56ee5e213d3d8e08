// What the contract suite holds every response to, whatever the spec: a declared status
// (its own, its range's or `default`), the declared media type, and a body its schema
// accepts, item by item for an array of a component schema.
import { describe, expect, it } from "vitest";
import { conformance, type Exchange } from "../../templates/contract/exchange.js";
import type { ContractOperation } from "../../templates/contract/types.js";

const operation: ContractOperation = {
  id: "listTags",
  clientPath: ["listTags"],
  method: "GET",
  path: "/tags",
  modelled: false,
  pathParams: [],
  query: [],
  headers: [],
  credentials: [],
  security: [],
  responses: {
    "200": { contentType: "application/json", items: "Tag" },
    "4XX": { contentType: "application/problem+json", schema: "Problem" },
    default: {},
  },
};
const validators = {
  Tag: (value: unknown) => (typeof value === "string" ? [] : [{ pointer: "", keyword: "type", message: "must be string", expected: "string", actual: value }]),
  Problem: (value: unknown) => (typeof value === "object" && value !== null && Object.hasOwn(value, "title") ? [] : [{ pointer: "", keyword: "required", message: "must have title" }]),
};
const exchange = (status: number, contentType: string, body: unknown): Exchange => ({
  operation,
  method: "GET",
  url: "http://127.0.0.1/tags",
  credential: undefined,
  headers: {},
  sent: undefined,
  status,
  contentType,
  text: body === undefined ? "" : JSON.stringify(body),
  body,
});

describe("conformance", () => {
  it("an array of a component schema: each item validated, at its index", () => {
    expect(conformance({ exchange: exchange(200, "application/json", ["a", "b"]), validators })).toStrictEqual([]);
    expect(conformance({ exchange: exchange(200, "application/json", ["a", 7]), validators })).toStrictEqual(["Tag/1: must be string (expected \"string\", actual 7)"]);
    expect(conformance({ exchange: exchange(200, "application/json", { items: [] }), validators })).toStrictEqual(["body: expected an array of Tag"]);
  });

  it("a status in a declared range answers to the range's media type and schema", () => {
    expect(conformance({ exchange: exchange(409, "application/problem+json", { title: "Conflict" }), validators })).toStrictEqual([]);
    expect(conformance({ exchange: exchange(409, "application/json", { title: "Conflict" }), validators })).toStrictEqual(['content type: expected application/problem+json, actual "application/json"']);
  });

  it("a status no key names falls to default, here without content: a 204 has no body, a 503 may", () => {
    expect(conformance({ exchange: exchange(204, "", undefined), validators })).toStrictEqual([]);
    expect(conformance({ exchange: exchange(204, "text/plain", "gone"), validators })).toStrictEqual(['a 204 must have no body; got "\\"gone\\""']);
    expect(conformance({ exchange: exchange(503, "text/plain", "busy"), validators })).toStrictEqual([]);
  });
});
