// The line-by-line YAML fast path: wherever it accepts a text it must give exactly what
// the `yaml` package gives (values, types, key order), and it must decline every text
// `yaml` rejects. Declining too much only costs time; accepting wrongly would change a
// spec's meaning or hide an error, so the fuzzed properties below are the real test.
import fc from "fast-check";
import { isDeepStrictEqual } from "node:util";
import { describe, expect, it } from "vitest";
import { parseDocument, stringify, type ToStringOptions } from "yaml";
import { parseSimpleYamlMapping } from "../../generator/load/yaml-fast.js";

/** What the loader takes from `yaml`: the value, or undefined when it reports an error. */
function viaYaml(text: string): unknown {
  const document = parseDocument(text, { uniqueKeys: true, prettyErrors: false });
  if (document.errors.length > 0) return undefined;
  try {
    return document.toJS({ maxAliasCount: 100 });
  } catch {
    return undefined;
  }
}

/** Equal values and the same key order at every level (isDeepStrictEqual ignores order). */
function sameValue(a: unknown, b: unknown): boolean {
  return isDeepStrictEqual(a, b) && keyOrder(a) === keyOrder(b);
}

function keyOrder(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(keyOrder).join(",")}]`;
  if (value && typeof value === "object") return `{${Object.entries(value).map(([key, each]) => `${JSON.stringify(key)}:${keyOrder(each)}`).join(",")}}`;
  return "";
}

/** The property both fuzzers check: accepted means yaml accepts it too, with the same value. */
function agreesWithYaml(text: string): boolean {
  const fast = parseSimpleYamlMapping(text);
  const ok = fast === undefined || sameValue(fast, viaYaml(text));
  if (!ok && process.env.DBG) console.log("FAIL", JSON.stringify(text), JSON.stringify(fast), JSON.stringify(viaYaml(text)));
  return ok;
}

describe("parseSimpleYamlMapping on the layouts specs are written in", () => {
  it.each([
    ["plain, quoted and typed scalars", 'a: text with spaces, commas [and] {braces}\nb: "double \\"quoted\\" \\u00e9\\n"\nc: \'single \'\'quoted\'\'\'\nd: 12\ne: -1.5e3\nf: true\ng: null\nh: ~\ni: 0x1F\nj: 2026-10\nk: -created_at\n'],
    ["nested mappings and keys with colons, slashes and quotes", '/v1/customers/{id}:\n  delete:\n    operationId: customers:delete\n    responses:\n      "204":\n        description: Deleted\n'],
    ["sequences of scalars, compact mappings and nested sequences", "tags:\n  - a\n  - b\nparameters:\n  - name: id\n    in: path\n  - name: anonymize\n    schema:\n      type: boolean\nexamples:\n  - - FR61954506077\n    - 1\n"],
    ["literal block scalars, kept and stripped", "a: |\n  line one\n\n    indented\n  last\n\nb: |-\n  no final newline\n\n\nc: x\n"],
    ["a literal whose blank-looking line is wider than its indent", "a: |\n  x\n      \n  y\nb: 1\n"],
    ["a literal in a sequence entry", "a:\n  - |-\n    in a list\n  - lang: go\n    source: |\n      ctx := 1\n"],
    ["empty values", "a:\nb: []\nc: {}\nd:\n  e:\n"],
    ["a double-quoted scalar over several lines, folded", 'a: "one\n  two\n\n  \\   three \\\n  four"\nb:\n  - "x\n    y"\n'],
    ["a chunk indented as it sits in the spec", "    Schema:\n      type: object\n    Other:\n      type: string\n"],
  ])("%s: the value yaml gives", (_name, text) => {
    const fast = parseSimpleYamlMapping(text);
    expect(fast).toBeDefined();
    expect(sameValue(fast, viaYaml(text))).toBe(true);
  });

  it("reads the literal's content at its first line's indent, keeping deeper indentation", () => {
    expect(parseSimpleYamlMapping("a: |\n    x\n      y\n")).toStrictEqual({ a: "x\n  y\n" });
  });

  it("folds a multi-line double-quoted scalar: a break to a space, an empty line to a newline, `\\` at a line's end to nothing", () => {
    expect(parseSimpleYamlMapping('a: "one\n  two\n\n  three\\\n  four"\n')).toStrictEqual({ a: "one two\nthreefour" });
  });

  it.each([
    ["a comment", "a: 1 # one\n"],
    ["a comment line", "# top\na: 1\n"],
    ["an anchor and alias", "a: &x 1\nb: *x\n"],
    ["a tag", "a: !!str 1\n"],
    ["a flow collection", "a: [1, 2]\n"],
    ["a multi-line plain scalar", "a: one\n  two\n"],
    ["a folded scalar", "a: >\n  one\n"],
    ["a literal with an indentation indicator", "a: |2\n   one\n"],
    ["a numeric key (yaml reads it as a number)", "200: ok\n"],
    ["an explicit key", "? a\n: 1\n"],
    ["a sequence at its key's own indent", "a:\n- 1\n"],
    ["CRLF line ends", "a: 1\r\nb: 2\r\n"],
    ["a tab in a value", "a: x\ty\n"],
    ["a directive", "%YAML 1.2\n---\na: 1\n"],
    ["a document marker", "---\na: 1\n"],
    ["a text without its final newline", "a: 1"],
    ["a top-level sequence", "- a\n"],
    ["an escape JSON does not have", 'a: "\\x41"\n'],
  ])("declines %s", (_name, text) => {
    expect(parseSimpleYamlMapping(text)).toBeUndefined();
  });

  it.each([
    ["a duplicate key", "a: 1\na: 2\n"],
    ["the same key quoted and plain", 'a: 1\n"a": 2\n'],
    ["a nested mapping in a compact value", "a: b: c\n"],
    ["a line indented between two levels", "a:\n    b: 1\n  c: 2\n"],
    ["a sequence entry on a key's line", "a: - 1\n"],
    ["a key longer than yaml allows", `${"k".repeat(1100)}: 1\n`],
    ["an unterminated quote", 'a: "open\n'],
    ["text after a closing quote", 'a: "x" y\n'],
    ["a more-indented leading blank line in a literal", "a: |\n      \n  x\n"],
    ["a quoted scalar's line as far left as its key", 'a:\n  b: "one\n  two"\n'],
  ])("declines %s, which yaml rejects", (_name, text) => {
    expect(viaYaml(text)).toBeUndefined();
    expect(parseSimpleYamlMapping(text)).toBeUndefined();
  });
});

// Strings full of what YAML treats specially, so that quoting and escaping are exercised.
const yamlish = fc.string({
  unit: fc.constantFrom(..."ab0 9.-:#'\"\\|>&*!?%@`~[]{},\n\t\u00e9\u2028\ud83d\ude00".split(""), "true", "null", "0x1", "1e3", ".inf", "- ", ": ", " #", "---", "..."),
  maxLength: 24,
});
const jsonValue = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: "small" }, fc.constant(null), fc.boolean(), fc.integer(), fc.double({ noNaN: true }), yamlish, tie("array"), tie("object")),
  array: fc.array(tie("value"), { maxLength: 4 }),
  object: fc.dictionary(yamlish, tie("value"), { maxKeys: 4 }),
})).value;
const topMapping = fc.dictionary(yamlish, jsonValue, { minKeys: 1, maxKeys: 6 });
// The layouts dumpers produce: yaml's defaults, no line wrapping, quoted strings, flat sequences, literal blocks.
const layouts: ToStringOptions[] = [
  {},
  { lineWidth: 0 },
  { defaultStringType: "QUOTE_DOUBLE", defaultKeyType: "PLAIN" },
  { defaultStringType: "QUOTE_SINGLE" },
  { indentSeq: false },
  { indent: 4, blockQuote: "literal" },
  { lineWidth: 20, minContentWidth: 0 },
];

describe("parseSimpleYamlMapping against yaml, fuzzed", () => {
  it("gives yaml's value for what yaml's own stringify writes, in every layout, whenever it accepts", () => {
    fc.assert(
      fc.property(topMapping, fc.constantFrom(...layouts), (value, layout) => agreesWithYaml(stringify(value, layout))),
      { numRuns: 3000, seed: 20261202 },
    );
  });

  it("accepts most of what yaml writes without line wrapping (so the fast path is taken)", () => {
    const texts = fc.sample(topMapping, { numRuns: 500, seed: 7 }).map((value) => stringify(value, { lineWidth: 0 }));
    const accepted = texts.filter((text) => parseSimpleYamlMapping(text) !== undefined).length;
    expect(accepted / texts.length).toBeGreaterThan(0.5);
  });

  it("never accepts a text yaml rejects, nor reads one differently, after random edits", () => {
    const edit = fc.record({
      at: fc.nat(),
      remove: fc.nat({ max: 3 }),
      insert: fc.constantFrom("", " ", "  ", "\n", "\n  ", ":", ": ", "- ", "-", "#", " #", '"', "'", "|", "|-", ">", "&a ", "*a", "!", "\t", "[", "]", "{", "}", ",", "?", "\\", "x", "0", ".", "%", "@", "`", "~", "\r", "---", "..."),
    });
    fc.assert(
      fc.property(topMapping, fc.constantFrom(...layouts), fc.array(edit, { minLength: 1, maxLength: 3 }), (value, layout, edits) => {
        let text = stringify(value, layout);
        for (const { at, remove, insert } of edits) {
          const position = at % (text.length + 1);
          text = text.slice(0, position) + insert + text.slice(position + remove);
        }
        return agreesWithYaml(text);
      }),
      { numRuns: 6000, seed: 20261202 },
    );
  });
});
