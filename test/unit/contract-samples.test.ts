// The inputs the contract suite's schema-level checks send, built from the model: wire
// samples and refusable values per parameter, a body sample and bodies that break it.
import { describe, expect, it } from "vitest";
import { bodyFacts, parameterFacts } from "../../generator/emit/contract/samples.js";
import type { Model, ParameterModel } from "../../generator/model/types.js";

const parameter = (fields: Partial<ParameterModel> & Pick<ParameterModel, "type">): ParameterModel => ({
  name: "p",
  codeName: "p",
  in: "query",
  required: false,
  style: "form",
  explode: true,
  ...fields,
});

const model = (schemas: Model["schemas"]): Model => ({
  specFile: "spec.yaml",
  openapi: "3.0.3",
  title: "T",
  name: "T",
  polar: false,
  servers: [],
  securitySchemes: [],
  operations: [],
  schemas,
});

describe("parameterFacts", () => {
  it("a UUID path parameter: a fixed UUID4, and a value that is none", () => {
    expect(parameterFacts({ parameter: parameter({ in: "path", type: { kind: "primitive", type: "string", format: "uuid" }, format: "uuid" }) })).toStrictEqual({
      type: "string",
      samples: ["3fa85f64-5717-4562-b3fc-2c963f66afa6", "contract-path-sample"],
      invalid: [{ what: "not a UUID", value: "not-a-uuid" }],
    });
  });

  it("a nullable enum: its values first, a value outside it", () => {
    expect(parameterFacts({ parameter: parameter({ type: { kind: "nullable", inner: { kind: "enum", values: ["cat", "dog", null] } } }) })).toStrictEqual({
      type: "string",
      enum: ["cat", "dog"],
      samples: ["cat", "dog", "contract-query-sample"],
      invalid: [{ what: "a value not in the enum", value: "contract-not-in-enum" }],
    });
  });

  it("an integer with a default: the default first, then small integers; a fraction and a word refused", () => {
    expect(parameterFacts({ parameter: parameter({ type: { kind: "primitive", type: "integer" }, default: 25 }) })).toStrictEqual({
      type: "integer",
      samples: ["25", "1", "10", "0", "100"],
      invalid: [
        { what: "not an integer", value: "1.5" },
        { what: "not a number", value: "abc" },
      ],
    });
  });

  it("a required query parameter named by $ref to an enum: the enum's values, a value outside it", () => {
    const intervals = model([{ name: "TimeInterval", type: { kind: "enum", values: ["day", "week"] } }]);
    expect(parameterFacts({ parameter: parameter({ required: true, type: { kind: "model", name: "TimeInterval" } }), model: intervals })).toStrictEqual({
      type: "string",
      enum: ["day", "week"],
      samples: ["day", "week", "contract-query-sample"],
      invalid: [{ what: "a value not in the enum", value: "contract-not-in-enum" }],
    });
  });

  it("an array: no scalar type, no refusable value of its own", () => {
    expect(parameterFacts({ parameter: parameter({ type: { kind: "array", items: { kind: "primitive", type: "string" } } }) })).toStrictEqual({
      type: "other",
      samples: ["contract-query-sample"],
      invalid: [],
    });
  });
});

describe("bodyFacts", () => {
  const pets = model([
    {
      name: "NewPet",
      type: {
        kind: "object",
        properties: [
          { name: "age", required: false, type: { kind: "primitive", type: "integer" } },
          { name: "name", required: true, type: { kind: "primitive", type: "string" } },
          { name: "tags", required: true, type: { kind: "array", items: { kind: "primitive", type: "string" } } },
        ],
      },
    },
  ]);

  it("a component body: required properties sampled; each left out, a required scalar of the wrong type, an array", () => {
    expect(bodyFacts({ model: pets, body: { required: true, contentType: "application/json", contentTypes: ["application/json"], type: { kind: "model", name: "NewPet" } } })).toStrictEqual({
      contentType: "application/json",
      required: true,
      schema: "NewPet",
      samples: [{ name: "contract", tags: ["contract"] }],
      invalid: [
        { what: "missing the required property name", value: { tags: ["contract"] } },
        { what: "missing the required property tags", value: { name: "contract" } },
        { what: "with name of the wrong type", value: { name: 12345, tags: ["contract"] } },
        { what: "that is an array, not an object", value: [] },
      ],
    });
  });

  it("the schema's example is tried first; a property named __proto__ stays data", () => {
    const odd = model([
      { name: "Odd", example: { ["__proto__"]: "x" }, type: { kind: "object", properties: [{ name: "__proto__", required: true, type: { kind: "primitive", type: "string" } }] } },
    ]);
    const facts = bodyFacts({ model: odd, body: { required: false, contentType: "application/json", contentTypes: ["application/json"], type: { kind: "model", name: "Odd" } } })!;
    expect(facts.samples).toHaveLength(2);
    expect(Object.hasOwn(facts.samples[1] as object, "__proto__")).toBe(true);
    expect(Object.getPrototypeOf(facts.samples[1])).toBe(Object.prototype);
    expect(facts.invalid[0]).toStrictEqual({ what: "missing the required property __proto__", value: {} });
  });

  it("a form or multipart body: its fields sampled, each required one left out; no wrong type (fields are text)", () => {
    for (const contentType of ["multipart/form-data", "application/x-www-form-urlencoded"])
      expect(bodyFacts({ model: pets, body: { required: true, contentType, contentTypes: [contentType], type: { kind: "model", name: "NewPet" } } })).toStrictEqual({
        contentType,
        required: true,
        schema: "NewPet",
        samples: [{ name: "contract", tags: ["contract"] }],
        invalid: [
          { what: "missing the required property name", value: { tags: ["contract"] } },
          { what: "missing the required property tags", value: { name: "contract" } },
        ],
      });
  });

  it("a body of another media type: no facts (the suite sends none)", () => {
    expect(bodyFacts({ model: pets, body: { required: true, contentType: "text/plain", contentTypes: ["text/plain"], type: { kind: "primitive", type: "string" } } })).toBeUndefined();
  });
});
