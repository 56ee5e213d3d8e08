// Watch mode's chunked YAML parse on every real Polar YAML spec: the same value as one
// full parse, before and after the kind of edit a save makes.
import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseDocument } from "yaml";
import { createYamlChunkCache, parseYamlChunked } from "../../generator/load/yaml-chunks.js";

const DIR = "../shared/specs/polar";
const specs = readdirSync(DIR).filter((name) => name.endsWith(".yaml"));
const full = (text: string) => parseDocument(text, { uniqueKeys: true }).toJS({ maxAliasCount: 100 }) as unknown;

describe("chunked YAML on the real Polar specs", () => {
  it.each(specs)("%s: equal to the full parse, and after edits to a schema, a path and the info", (name) => {
    const text = readFileSync(`${DIR}/${name}`, "utf8");
    const cache = createYamlChunkCache();
    expect(parseYamlChunked({ text, location: name, cache })?.value).toStrictEqual(full(text));
    const edits = [
      text.replace(/^( +)ResourceNotFound:\n/m, (line, indent: string) => `${line}${indent}  description: edited\n`),
      text.replace(/^(\s+)operationId: customers:delete$/m, "$1operationId: customers:delete\n$1x-edited: true"),
      text.replace(/^info:\n/m, "info:\n  x-edited: 1\n"),
    ];
    for (const edited of edits) {
      expect(edited).not.toBe(text);
      expect(parseYamlChunked({ text: edited, location: name, cache })?.value).toStrictEqual(full(edited));
    }
  });
});
