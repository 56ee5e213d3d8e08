// The generated suite's stale-spec guard: the generator and the suite compute the same
// fingerprint, and a change to the selected spec changes it.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { fingerprintOf as atGeneration } from "../../generator/emit/contract/fingerprint.js";
import { fingerprintOf as atRunTime } from "../../templates/contract/fingerprint.js";

describe("contract fingerprint", () => {
  const spec = JSON.parse(readFileSync("generated/polar/openapi.json", "utf8"));

  it("is the same at generation and at run time (openapi.json's banner aside)", () => {
    const { "x-generated-by": _banner, ...subset } = spec;
    expect(atRunTime(spec)).toBe(atGeneration(subset));
    expect(readFileSync("generated/polar/contract/contract.test.ts", "utf8")).toContain(`fingerprint: "${atGeneration(subset)}"`);
  });

  it("does not depend on key order, and changes with any value", () => {
    expect(atRunTime({ b: 1, a: { "1000": 1, "200": 2 } })).toBe(atGeneration({ a: { "200": 2, "1000": 1 }, b: 1 }));
    const edited = structuredClone(spec);
    edited.paths["/v1/customers/{id}"].delete.parameters.push({ name: "reason", in: "query", required: true, schema: { type: "string" } });
    expect(atRunTime(edited)).not.toBe(atRunTime(spec));
  });
});
