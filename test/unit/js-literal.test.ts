// The literals client.ts and validators.ts print in prettier's layout themselves:
// a line that holds none of a quote or backslash never goes to prettier, so these
// must be prettier's bytes as they are, and evaluate to the value they print.
import { describe, expect, it } from "vitest";
import { jsLiteral, jsLiteralLines } from "../../generator/emit/js-literal.js";
import { formatText } from "../../generator/format/format.js";
import { layoutStatements } from "../../generator/format/statement-layout.js";

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

// jsLiteralLines: the statement-lines layout indents its lines; only a line prettier would
// break or re-quote may go to prettier, and the result must be prettier's bytes.
const long = "x".repeat(40);
const multiLine: unknown[] = [
  [{ id: "a", parameters: [{ name: "id", required: true }], security: [], responses: { 200: {}, 404: { contentType: "application/json" } } }],
  { kinds: [long, long, long], scopes: [long], nested: { list: [[1, 2], [3, 4]], pair: [["a", "b"]], empty: [], none: {} } },
  { numbers: Array.from({ length: 40 }, (_, index) => index * 1000), mixed: [1, "a", null, true, long, long] },
  JSON.parse('{"__proto__": {"a": 1}, "1x": [{}], "ok": [{"b": [2]}]}'),
];

describe("jsLiteralLines", () => {
  it.each(multiLine.map((value) => [JSON.stringify(value).slice(0, 60), value]))("%s: laid out, it is prettier's bytes and evaluates to the value", async (_, value) => {
    for (const depth of [0, 2]) {
      const statement = jsLiteralLines(value, { depth, prefix: "const x = ", suffix: ";", broken: true });
      const source = `${"{\n".repeat(depth)}${statement}\n${"}\n".repeat(depth)}`;
      const prettier = (text: string) => formatText({ text, path: "x.ts" });
      expect(await layoutStatements({ text: source, format: prettier })).toBe(await prettier(source));
    }
    expect(new Function(`return ${jsLiteralLines(value, { depth: 0, broken: true })};`)()).toStrictEqual(value);
  });
});
