import { describe, expect, it } from "vitest";
import { documentWith, loadValidators } from "../fixtures/validators/load.js";

const check = async (schema: unknown, values: { valid: unknown[]; invalid: unknown[] }) => {
  const { validators } = await loadValidators(documentWith({ S: schema }));
  for (const value of values.valid) expect(validators.S!(value), JSON.stringify(value)).toStrictEqual([]);
  for (const value of values.invalid) expect(validators.S!(value).length, JSON.stringify(value)).toBeGreaterThan(0);
};

describe("validators: keywords", () => {
  it("type, including type arrays and integer", () =>
    check({ type: ["integer", "null"] }, { valid: [1, null, 0], invalid: [1.5, "1", true, {}, [], Number.NaN] }));
  it("nullable (OpenAPI 3.0)", () => check({ type: "string", nullable: true }, { valid: ["a", null], invalid: [1] }));
  it("enum and const", async () => {
    await check({ enum: ["active", "canceled", null] }, { valid: ["active", null], invalid: ["Active", 1] });
    await check({ const: "ResourceNotFound" }, { valid: ["ResourceNotFound"], invalid: ["resourcenotfound"] });
  });
  it("required, properties, additionalProperties", () =>
    check(
      { type: "object", required: ["id"], properties: { id: { type: "string" }, n: { type: "number" } }, additionalProperties: false },
      { valid: [{ id: "a" }, { id: "a", n: 2 }], invalid: [{}, { id: 1 }, { id: "a", extra: 1 }, { id: "a", n: "2" }, []] },
    ));
  it("additionalProperties as a schema, patternProperties, propertyNames, maxProperties", () =>
    check(
      { type: "object", additionalProperties: { type: "string" }, propertyNames: { maxLength: 3 }, maxProperties: 2, patternProperties: { "^n_": { type: "number" } } },
      { valid: [{ a: "x" }, { n_a: 1 }], invalid: [{ a: 1 }, { long: "x" }, { a: "x", b: "y", c: "z" }, { n_a: "1" }] },
    ));
  it("a pattern that escapes its slashes, as JSON Schema allows (Polar's file MIME types)", () =>
    check({ type: "string", pattern: "^(image\\/(jpeg|png)|application\\/pdf)$" }, { valid: ["image/png", "application/pdf"], invalid: ["image\\/png", "text/csv"] }));
  it("strings: minLength and maxLength in code points, pattern", () =>
    check({ type: "string", minLength: 2, maxLength: 3, pattern: "^[a-z😀]+$" }, { valid: ["ab", "😀😀😀"], invalid: ["a", "abcd", "AB"] }));
  it("numbers: bounds, exclusive bounds (3.1 and 3.0), multipleOf", async () => {
    await check({ type: "number", minimum: 0, exclusiveMaximum: 10, multipleOf: 0.5 }, { valid: [0, 9.5], invalid: [-1, 10, 0.3] });
    await check({ type: "number", minimum: 0, exclusiveMinimum: true }, { valid: [1], invalid: [0] });
  });
  it("arrays: items, prefixItems, minItems, maxItems", () =>
    check(
      { type: "array", prefixItems: [{ type: "string" }], items: { type: "integer" }, minItems: 1, maxItems: 3 },
      { valid: [["a"], ["a", 1, 2]], invalid: [[], [1], ["a", "b"], ["a", 1, 2, 3]] },
    ));
  it("allOf, anyOf, not", async () => {
    await check({ allOf: [{ type: "string" }, { minLength: 2 }] }, { valid: ["ab"], invalid: ["a", 1] });
    await check({ anyOf: [{ type: "string" }, { type: "null" }] }, { valid: ["a", null], invalid: [1] });
    await check({ not: { type: "string" } }, { valid: [1], invalid: ["a"] });
  });
  it("$ref, recursive", async () => {
    const { validators } = await loadValidators(
      documentWith({ Tree: { type: "object", required: ["name"], properties: { name: { type: "string" }, children: { type: "array", items: { $ref: "#/components/schemas/Tree" } } } } }),
    );
    expect(validators.Tree!({ name: "a", children: [{ name: "b", children: [] }] })).toStrictEqual([]);
    expect(validators.Tree!({ name: "a", children: [{ name: "b", children: [{ name: 3 }] }] })).toStrictEqual([
      { pointer: "/children/0/children/0/name", keyword: "type", message: "must be string", expected: "string", actual: 3 },
    ]);
  });
});

describe("validators: formats are enforced", () => {
  it("uuid4: version 4 and the RFC variant only", () =>
    check(
      { type: "string", format: "uuid4" },
      { valid: ["6a8f7a58-6a8e-4d3c-9b1e-0f7c1d2e3a4b"], invalid: ["6a8f7a58-6a8e-1d3c-9b1e-0f7c1d2e3a4b", "6a8f7a58-6a8e-4d3c-7b1e-0f7c1d2e3a4b", "not-a-uuid", ""] },
    ));
  it("date-time: RFC 3339 with a real calendar date and an offset", () =>
    check(
      { type: "string", format: "date-time" },
      { valid: ["2026-10-01T12:00:00Z", "2024-02-29T00:00:00.123+02:00"], invalid: ["2024-13-01T00:00:00Z", "2023-02-29T00:00:00Z", "2026-10-01", "2026-10-01T12:00:00"] },
    ));
  it("email, uri, date, duration, ip addresses, uuid", async () => {
    await check({ format: "email" }, { valid: ["a@example.com"], invalid: ["a@", "a b@c.d"] });
    await check({ format: "uri" }, { valid: ["https://polar.sh/x"], invalid: ["polar.sh", "https://a b"] });
    await check({ format: "date" }, { valid: ["2026-10-31"], invalid: ["2026-11-31"] });
    await check({ format: "duration" }, { valid: ["P1D", "PT1H30M"], invalid: ["P", "1D"] });
    await check({ format: "ipvanyaddress" }, { valid: ["127.0.0.1", "::1"], invalid: ["256.0.0.1", "host"] });
    await check({ format: "uuid" }, { valid: ["6a8f7a58-6a8e-1d3c-9b1e-0f7c1d2e3a4b"], invalid: ["6a8f7a58"] });
  });
  it("a format it does not know is named in the file as not checked", async () => {
    const { validators, source } = await loadValidators(documentWith({ S: { type: "string", format: "hostname" } }));
    expect(validators.S!("anything at all")).toStrictEqual([]);
    expect(source).toContain("Formats NOT checked (unknown to polar-codegen; values pass): hostname.");
  });
});

describe("validators: oneOf", () => {
  const price = (extra: Record<string, unknown>) => ({ type: "object", required: ["amount_type"], properties: { amount_type: { type: "string" }, ...extra } });
  it("overlapping branches: a value matching both is valid (Polar sends such data)", () =>
    check(
      { oneOf: [price({ legacy: { const: true } }), price({})] },
      { valid: [{ amount_type: "fixed", legacy: true }, { amount_type: "fixed" }], invalid: [{}, { amount_type: 1 }] },
    ));
  it("a discriminator checks the branch it names", async () => {
    const { validators } = await loadValidators(
      documentWith({
        Fixed: price({ price_amount: { type: "integer" } }),
        Free: price({}),
        Price: { oneOf: [{ $ref: "#/components/schemas/Fixed" }, { $ref: "#/components/schemas/Free" }], discriminator: { propertyName: "amount_type", mapping: { fixed: "#/components/schemas/Fixed", free: "#/components/schemas/Free" } } },
      }),
    );
    expect(validators.Price!({ amount_type: "fixed", price_amount: 100 })).toStrictEqual([]);
    expect(validators.Price!({ amount_type: "fixed", price_amount: "100" }).map((issue) => issue.pointer)).toStrictEqual(["/price_amount"]);
    expect(validators.Price!({ amount_type: "custom" }).map((issue) => issue.keyword)).toStrictEqual(["discriminator"]);
  });
});

describe("validators: parameters", () => {
  it("by operationId and in.name, from the operation's and the path's parameters", async () => {
    const { parameters } = await loadValidators(
      documentWith(
        {},
        {
          paths: {
            "/v1/customers/{id}": {
              parameters: [{ name: "id", in: "path", required: true, schema: { type: "string", format: "uuid4" } }],
              delete: { operationId: "customers:delete", parameters: [{ $ref: "#/components/parameters/Anonymize" }], responses: {} },
            },
          },
          components: { schemas: {}, parameters: { Anonymize: { name: "anonymize", in: "query", schema: { type: "boolean" } } } },
        },
      ),
    );
    expect(Object.keys(parameters["customers:delete"]!)).toStrictEqual(["path.id", "query.anonymize"]);
    expect(parameters["customers:delete"]!["path.id"]!("6a8f7a58-6a8e-4d3c-9b1e-0f7c1d2e3a4b")).toStrictEqual([]);
    expect(parameters["customers:delete"]!["path.id"]!("x")[0]).toMatchObject({ pointer: "", keyword: "format", expected: "uuid4" });
    expect(parameters["customers:delete"]!["query.anonymize"]!("maybe")[0]).toMatchObject({ keyword: "type" });
  });
});
