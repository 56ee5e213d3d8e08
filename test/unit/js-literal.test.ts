// The literals client.ts and validators.ts print in prettier's layout themselves:
// a line that holds none of a quote or backslash never goes to prettier, so these
// must be prettier's bytes as they are, and evaluate to the value they print.
import { describe, expect, it } from "vitest";
import { jsLiteral } from "../../generator/emit/js-literal.js";
import { formatText } from "../../generator/format/format.js";

const values: unknown[] = [
  { id: "uuid4" },
  { anonymize: ["anonymize", "boolean"], "external-id": ["external_id", "string"] },
  ["customers", { param: "id" }],
  { AlreadyCanceled: { error: "AlreadyCanceledSubscription" }, nested: { empty: {}, list: [] } },
  { "1x": null, $ok: true, _a: 1.5, big: 1e21, small: -2.5e-7 },
];

describe("jsLiteral", () => {
  it.each(values.map((value) => [JSON.stringify(value), value]))("%s prints as prettier prints it, and evaluates to the value", async (_, value) => {
    const source = `x = ${jsLiteral(value)};\n`;
    expect(await formatText({ text: source, path: "x.ts" })).toBe(source);
    expect(new Function(`return ${jsLiteral(value)};`)()).toStrictEqual(value);
  });

  it("keeps a `__proto__` key an own property rather than the literal's prototype", async () => {
    const value = JSON.parse('{"__proto__": ["p", "string"], "id": "uuid4"}') as Record<string, unknown>;
    const evaluated = new Function(`return ${jsLiteral(value)};`)() as Record<string, unknown>;
    expect(Object.hasOwn(evaluated, "__proto__")).toBe(true);
    expect(Object.getPrototypeOf(evaluated)).toBe(Object.prototype);
    expect(evaluated).toStrictEqual(value);
    const source = `x = ${jsLiteral(value)};\n`;
    expect(await formatText({ text: source, path: "x.ts" })).toBe(source);
  });
});
