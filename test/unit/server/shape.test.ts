// How the server reads each kind of parameter (emit/server/shape.ts), and strings the
// sampler builds for a pattern (emit/fake/pattern-sample.ts).

import { describe, expect, it } from "vitest";
import { sampleForPattern } from "../../../generator/emit/fake/pattern-sample.js";
import { parameterShape } from "../../../generator/emit/server/shape.js";
import type { Model, ParameterModel, TypeRef } from "../../../generator/model/types.js";

const model = {
  schemas: [
    { name: "Status", type: { kind: "enum", values: ["a", "b"] } },
    { name: "Level", type: { kind: "enum", values: [1, 2] } },
  ],
} as unknown as Model;

function shapeOf(type: TypeRef, extra: Partial<ParameterModel> = {}) {
  const parameter: ParameterModel = { name: "p", codeName: "p", in: "query", required: false, style: "form", explode: true, type, ...extra };
  return parameterShape({ model, parameter });
}

const string: TypeRef = { kind: "primitive", type: "string" };
const uuid4: TypeRef = { kind: "primitive", type: "string", format: "uuid4" };

describe("parameter shapes", () => {
  it("scalars by type, format and enum values", () => {
    expect(shapeOf(string)).toStrictEqual({ decode: "string" });
    expect(shapeOf(uuid4)).toStrictEqual({ decode: "uuid", uuidVersion: 4 });
    expect(shapeOf({ kind: "model", name: "Level" })).toStrictEqual({ decode: "integer" });
    expect(shapeOf({ kind: "nullable", inner: { kind: "primitive", type: "boolean" } })).toStrictEqual({ decode: "boolean" });
    expect(shapeOf({ kind: "union", variants: [string, { kind: "primitive", type: "integer" }] })).toStrictEqual({ decode: "auto" });
  });

  it("arrays: repeated keys, or split as the style says", () => {
    const array: TypeRef = { kind: "array", items: { kind: "model", name: "Status" } };
    expect(shapeOf(array)).toStrictEqual({ decode: "string", arity: "many" });
    expect(shapeOf(array, { explode: false })).toStrictEqual({ decode: "string", arity: "many", separator: "," });
    expect(shapeOf(array, { style: "spaceDelimited", explode: false })).toStrictEqual({ decode: "string", arity: "many", separator: " " });
    expect(shapeOf(array, { style: "pipeDelimited", explode: false })).toStrictEqual({ decode: "string", arity: "many", separator: "|" });
    expect(shapeOf(array, { in: "path", style: "simple", explode: false })).toStrictEqual({ decode: "string", arity: "many", separator: "," });
  });

  it("a union of a scalar and an array of it: one value or many", () => {
    const union: TypeRef = { kind: "nullable", inner: { kind: "union", variants: [uuid4, { kind: "array", items: uuid4 }] } };
    expect(shapeOf(union)).toStrictEqual({ decode: "uuid", uuidVersion: 4, arity: "either" });
  });

  it("deepObject maps; what no query can carry is a problem, not a throw", () => {
    expect(shapeOf({ kind: "map", values: string }, { style: "deepObject", explode: true })).toStrictEqual({ decode: "string", arity: "either", deepObject: true });
    expect(shapeOf({ kind: "map", values: string })).toStrictEqual({ problem: 'an object in query style "form" (only query deepObject objects are read)' });
    expect(shapeOf({ kind: "array", items: { kind: "array", items: string } })).toStrictEqual({ problem: "an array whose items are not scalars cannot be read from query text" });
    expect(shapeOf({ kind: "array", items: string }, { in: "path", style: "matrix", explode: false })).toStrictEqual({ problem: 'an array in path style "matrix" is not supported' });
  });
});

describe("strings for a pattern", () => {
  it.each([
    ["usd", "usd"],
    ["^image\\/(jpeg|png)$", "image/jpeg"],
    ["^[A-Z]{2}-\\d{3}$", "AA-000"],
    ["^(?!^[-+.]*$)[+-]?0*\\d*\\.?\\d*$", "0"],
  ])("%s → %s", (pattern, expected) => {
    expect(sampleForPattern({ pattern, preferred: "name" })).toBe(expected);
  });

  it("keeps the preferred text when it matches, and gives up on a pattern nothing matches", () => {
    expect(sampleForPattern({ pattern: "^na", preferred: "name" })).toBe("name");
    expect(sampleForPattern({ pattern: "^(?=q)z$", preferred: "name" })).toBeUndefined();
  });
});
