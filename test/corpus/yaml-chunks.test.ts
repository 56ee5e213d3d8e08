// The chunked YAML parse (every run's, and watch mode's) on every real Polar YAML spec:
// the same value as one full parse, before and after the kind of edit a save makes; and
// the line-by-line fast path takes nearly all of each spec, giving yaml's exact value.
import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseDocument } from "yaml";
import { parseSimpleYamlMapping } from "../../generator/load/yaml-fast.js";
import { createYamlChunkCache, parseYamlChunked, splitYamlChunks } from "../../generator/load/yaml-chunks.js";
import { SPECS_DIR } from "./specs-dir.js";

const DIR = SPECS_DIR;
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

describe("the YAML fast path on the real Polar specs", () => {
  it.each(specs)("%s: takes at least 95 in 100 characters of the text, and every chunk it takes reads as yaml reads it, keys in order", (name) => {
    const text = readFileSync(`${DIR}/${name}`, "utf8");
    const chunks = splitYamlChunks(text)!;
    let taken = 0;
    for (const chunk of chunks) {
      const fast = parseSimpleYamlMapping(chunk);
      if (fast === undefined) continue;
      taken += chunk.length;
      // JSON text compares values and key order at once (the specs hold no NaN or -0).
      expect(JSON.stringify(fast)).toBe(JSON.stringify(full(chunk)));
    }
    expect(taken / text.length).toBeGreaterThan(0.95);
    const cache = createYamlChunkCache();
    expect(JSON.stringify(parseYamlChunked({ text, location: name, cache })?.value)).toBe(JSON.stringify(full(text)));
  });
});
