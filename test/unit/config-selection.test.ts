// The config's "operations" (a list of selectors, or "*" alone) and "name" (the API's
// name in generated code), read and checked before anything is generated.

import { describe, expect, it } from "vitest";
import { parseConfig } from "../../generator/config-file.js";

const parse = (value: unknown) => parseConfig({ text: JSON.stringify(value), label: "c.json" });
const fault = (value: unknown) => parse(value).problems.map(({ code, message, path }) => ({ code, message, path }));
const OPERATIONS_MESSAGE = 'must be "*", or a non-empty array of operationIds, "tag:NAME" or "*"';

describe('config "operations"', () => {
  it('reads "*" as one selector, at the top and in a target', () => {
    expect(parse({ operations: "*" }).config).toStrictEqual({ operations: ["*"] });
    expect(parse({ targets: [{ name: "all", out: "a", operations: "*" }] }).config).toStrictEqual({ targets: [{ name: "all", out: "a", operations: ["*"] }] });
  });

  it("keeps tags and ids as given", () => {
    expect(parse({ operations: ["tag:x", "some:id"] }).config).toStrictEqual({ operations: ["tag:x", "some:id"] });
  });

  it.each([
    ["an empty array", []],
    ["a number in the array", ["a", 1]],
    ["an empty string in the array", ["a", ""]],
    ["an empty string", ""],
    ["an object", { tag: "x" }],
    ["true", true],
  ])("refuses %s, at the key", (_, operations) => {
    expect(fault({ operations })).toStrictEqual([{ code: "config-invalid", message: `c.json: "operations" ${OPERATIONS_MESSAGE}`, path: "/operations" }]);
  });

  it("names the target whose operations are wrong", () => {
    expect(fault({ targets: [{ name: "a", out: "a" }, { name: "b", out: "b", operations: [] }] })).toStrictEqual([
      { code: "config-invalid", message: `c.json: targets[1] "operations" ${OPERATIONS_MESSAGE}`, path: "/targets/1/operations" },
    ]);
  });
});

describe('config "name"', () => {
  it("reads an identifier starting with a capital", () => {
    expect(parse({ name: "Petstore" }).config).toStrictEqual({ name: "Petstore" });
    expect(parse({ name: "Acme2" }).config).toStrictEqual({ name: "Acme2" });
  });

  it.each([["petstore"], ["Pet Store"], ["Pet-Store"], ["2Pets"], [""], [7], ["Café"]])("refuses %j", (name) => {
    expect(fault({ name })).toStrictEqual([
      { code: "config-invalid", message: 'c.json: "name" must be an identifier starting with a capital letter, of letters and digits ("Petstore")', path: "/name" },
    ]);
  });
});
