// Malformed YAML is one problem at the fault: an unclosed quote where it opens, the first
// error by position otherwise, and a count of the errors that follow from it.
import { describe, expect, it } from "vitest";
import { parseSource } from "../../generator/load/parse.js";

const problemsOf = (text: string) => parseSource({ text, label: "spec.yaml", location: "/x/spec.yaml" }).problems;

describe("YAML syntax errors", () => {
  it.each([
    ["a double quote", 'openapi: 3.1.0\ninfo:\n  title: "Unclosed\n  version: "1"\npaths: {}\n', 3, 10, '"'],
    ["a double quote with an escaped quote inside", 'openapi: 3.1.0\ninfo:\n  title: "a \\" b\npaths: {}\n', 3, 10, '"'],
    ["a single quote with a doubled quote inside", "openapi: 3.1.0\ninfo:\n  title: 'it''s\npaths: {}\n", 3, 10, "'"],
  ])("an unclosed quote (%s) is reported where it opens", (_, text, line, col, quote) => {
    expect(problemsOf(text)).toStrictEqual([
      { code: "yaml-syntax", message: `malformed YAML: Missing closing ${quote}quote`, path: "", position: { file: "spec.yaml", line, col }, severity: "error" },
    ]);
  });

  it("many errors from one fault: the first by position, and a count of the rest", () => {
    const text = "openapi: 3.1.0\npaths:\n  /a:\n    get:\n      parameters\n        - name: id\n          in: path\n      responses: {}\n";
    const problems = problemsOf(text);
    expect(problems).toHaveLength(1);
    expect(problems[0]!.position).toStrictEqual({ file: "spec.yaml", line: 5, col: 7 });
    expect(problems[0]!.message).toMatch(/^malformed YAML: .+ \(and \d+ more YAML errors? after it, likely caused by this one\)$/);
  });

  it("a duplicate key keeps its own code and names the key", () => {
    expect(problemsOf("openapi: 3.1.0\npaths: {}\npaths: {}\n")).toStrictEqual([
      { code: "yaml-duplicate-key", message: 'duplicate key "paths" in YAML mapping', path: "", position: { file: "spec.yaml", line: 3, col: 1 }, severity: "error" },
    ]);
  });
});
