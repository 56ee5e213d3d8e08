import { readFileSync } from "node:fs";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { printJsonLikePrettier } from "../../generator/format/json-style.js";
import { formatText } from "../../generator/format/format.js";

const prettierJson = (value: unknown) => formatText({ text: JSON.stringify(value, null, 2), path: "x.json" });

describe("printJsonLikePrettier", () => {
  const cases: Record<string, unknown> = {
    "scalars and empties": { a: 1, b: "x", c: null, d: true, e: {}, f: [], g: [{}] },
    "a scalar array on one line": { enum: ["active", "canceled", "incomplete"] },
    "an array of objects broken": { oneOf: [{ $ref: "#/a" }, { $ref: "#/b" }] },
    // 100 columns exactly, then 101, with and without a comma after.
    "fits exactly at the print width": { k: ["x".repeat(89)] },
    "one column over the print width": { k: ["x".repeat(90)] },
    "a comma counts towards the width": { k: ["x".repeat(89)], l: 1 },
    "deep nesting": { a: { b: { c: { d: ["one", "two"], e: [1, 2.5, -3] } } } },
    "escapes": { "quote\"key": "line\nbreak\ttab \\ \u0001" },
    // Tuples as examples (a tax id and its format): prettier breaks a list of two or more.
    "a list of pairs, one per line": { examples: [["911144442", "us_ein"], ["FR61954506077", "eu_vat"]] },
    "a list of number pairs": { examples: [[1, 2], [3, 4, 5]] },
    "a long pair broken inside the list": { examples: [["a".repeat(60), "b".repeat(60)], ["c", "d"]] },
    "pairs holding objects": { examples: [[{ a: 1 }, { b: 2 }], ["c", "d"]] },
    // One list as the only example (a list of hosts): a group like any other.
    "a list inside a list": { examples: [["example.com", "*.example.com", "localhost:3000"]] },
    "a list inside a list, over the width": { examples: [["example.com", "x".repeat(70), "localhost:3000"]] },
    "lists and text side by side": { k: [["a", "b"], "c", [true, null]] },
    "lists and text side by side, over the width": { k: [["a".repeat(40), "b".repeat(40)], "c", [["d"], [true, null]]] },
    "three levels": { k: [[["a", "b"]]] },
    "empty lists inside": { k: [[], ["a"]] },
  };
  it.each(Object.entries(cases))("%s: same bytes as prettier", async (_name, value) => {
    expect(printJsonLikePrettier(value)).toBe(await prettierJson(value));
  });

  it("the embedded spec: same bytes as prettier", async () => {
    const spec = parse(readFileSync("spec/polar.openapi.yaml", "utf8"));
    expect(printJsonLikePrettier(spec)).toBe(await prettierJson(spec));
  });

  it("hands prettier the cases whose rules it does not model", () => {
    expect(printJsonLikePrettier({ k: Array.from({ length: 40 }, (_, i) => i * 1000) })).toBeUndefined();
    expect(printJsonLikePrettier({ k: ["日本語"] })).toBeUndefined();
    expect(printJsonLikePrettier({ k: [[1], [2]] })).toBeUndefined();
    expect(printJsonLikePrettier({ k: [[1, 2]] })).toBeUndefined();
    expect(printJsonLikePrettier({ k: [["日本語"]] })).toBeUndefined();
    expect(printJsonLikePrettier({ k: [[{ a: 1 }]] })).toBeUndefined();
  });
});
