// The generation-time sample behind the fake's defaults: schema-valid, deterministic,
// the spec's examples first, and a `oneOf` branch only that branch accepts.

import { describe, expect, it } from "vitest";
import { propertyEnum, sampleSchema, SEEDING_TIME } from "../../../generator/emit/fake/sample.js";
import { matchesSchema } from "../../../generator/emit/fake/matches.js";
import type { OpenApiDocument } from "../../../generator/openapi.js";

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const document: OpenApiDocument = {
  components: {
    schemas: {
      Fixed: { type: "object", required: ["amount_type", "id"], properties: { amount_type: { const: "fixed" }, id: { type: "string", format: "uuid4" } } },
      LegacyFixed: {
        type: "object",
        required: ["amount_type", "id", "type"],
        properties: { amount_type: { const: "fixed" }, id: { type: "string", format: "uuid4" }, type: { const: "recurring" } },
      },
      Holder: {
        type: "object",
        required: ["price", "price_id", "label", "count", "when", "maybe", "tags", "pair", "status", "self"],
        properties: {
          price: { oneOf: [ref("LegacyFixed"), ref("Fixed")] },
          price_id: { type: "string", format: "uuid4" },
          label: { type: "string", examples: ["usd"] },
          count: { type: "integer", minimum: 1 },
          when: { type: "string", format: "date-time" },
          maybe: { anyOf: [{ type: "string" }, { type: "null" }] },
          tags: { type: "array", minItems: 2, items: { type: "string", minLength: 3 } },
          pair: { allOf: [{ type: "object", required: ["a"], properties: { a: { type: "boolean" } } }, { type: "object", required: ["b"], properties: { b: { enum: ["x", "y"] } } }] },
          status: { $ref: "#/components/schemas/Status" },
          self: { anyOf: [ref("Holder"), { type: "null" }] },
        },
      },
      Status: { type: "string", enum: ["incomplete", "active"] },
    },
  },
};

describe("sampleSchema", () => {
  const value = sampleSchema({ document, schemaName: "Holder" }) as Record<string, any>;

  it("fills every required field: examples, minimums, nulls, arrays of minItems, allOf merged, times left to the clock", () => {
    expect(value).toMatchObject({
      label: "usd",
      count: 1,
      when: SEEDING_TIME,
      maybe: null,
      tags: ["0xx", "1xx"],
      pair: { a: false, b: "x" },
      status: "incomplete",
      self: null,
    });
  });

  it("picks the oneOf branch whose sample no other branch accepts", () => {
    expect(value.price).toStrictEqual({ amount_type: "fixed", id: value.price.id });
    expect(matchesSchema({ document, schema: ref("Holder"), value })).toBe(true);
    const legacy = { amount_type: "fixed", id: value.price.id, type: "recurring" };
    expect(matchesSchema({ document, schema: { oneOf: [ref("LegacyFixed"), ref("Fixed")] }, value: legacy })).toBe(false);
  });

  it("an x_id copies the id of its sibling x; ids are version-4 UUIDs fixed by their place", () => {
    expect(value.price_id).toBe(value.price.id);
    expect(value.price.id).toMatch(/^[\da-f]{8}-[\da-f]{4}-4[\da-f]{3}-[89ab][\da-f]{3}-[\da-f]{12}$/);
    expect(sampleSchema({ document, schemaName: "Holder" })).toStrictEqual(value);
  });

  it("propertyEnum follows $refs", () => {
    expect(propertyEnum({ document, schemaName: "Holder", property: "status" })).toStrictEqual(["incomplete", "active"]);
  });
});
