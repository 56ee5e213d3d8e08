// The chunked YAML parser watch mode uses: it must give exactly what one full parse
// gives, re-parse only what a save changed, and decline (undefined) whatever it cannot
// vouch for, so the caller parses the whole text and reports errors with positions.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseDocument } from "yaml";
import { createYamlChunkCache, parseYamlChunked } from "../../generator/load/yaml-chunks.js";

const full = (text: string) => parseDocument(text, { uniqueKeys: true }).toJS({ maxAliasCount: 100 }) as unknown;
const chunked = (text: string, cache = createYamlChunkCache()) => parseYamlChunked({ text, location: "/spec.yaml", cache });

/** A spec-shaped document whose `components.schemas` is big enough to be split. */
function bigSpec(schemas: number, description = "A thing."): string {
  const lines = ["openapi: 3.1.0", "info:", "  title: T", "  version: '1'", "paths:", "  /a:", "    get:", "      responses:", "        '200': { description: OK }", "components:", "  schemas:"];
  for (let index = 0; index < schemas; index++) {
    lines.push(`    Schema${index}:`, "      type: object", `      description: ${index === 0 ? description : "A thing."}`, "      properties:", "        id: { type: string }", "        note:", "          description: |", "            Several lines", "            of text.", "          type: string");
  }
  return lines.join("\n") + "\n";
}

describe("parseYamlChunked", () => {
  it("gives what a full parse gives", () => {
    const text = bigSpec(200);
    expect(chunked(text)?.value).toStrictEqual(full(text));
  });

  it("re-parses only the chunk a save changed (a run of neighbouring entries), reusing the rest as the same objects", () => {
    const cache = createYamlChunkCache();
    const before = chunked(bigSpec(200), cache)!.value as { components: { schemas: Record<string, unknown> } };
    const after = chunked(bigSpec(200, "Edited."), cache)!.value as { components: { schemas: Record<string, { description: string }> } };
    expect(after.components.schemas.Schema0!.description).toBe("Edited.");
    // Schema1 shares Schema0's run of entries; Schema199 is in another chunk.
    expect(after.components.schemas.Schema199).toBe(before.components.schemas.Schema199);
    expect(after.components.schemas.Schema0).not.toBe(before.components.schemas.Schema0);
    expect(after).toStrictEqual(full(bigSpec(200, "Edited.")));
  });

  it.each([
    ["an anchor and its alias in different chunks", bigSpec(100).replace("    Schema1:\n      type: object", "    Schema1: &one\n      type: object") + "x-copy: *one\n"],
    ["a duplicate key across chunks", bigSpec(100).replace("    Schema2:", "    Schema1:")],
    ["a syntax error", bigSpec(100).replace("        id: { type: string }", "        id: { type: string")],
    ["a flow value cut by a line at key indentation", bigSpec(100).replace("    Schema3:\n", "    Schema3: [a,\n    b]\n    Schema3b:\n")],
    ["a top-level sequence", "- a\n- b\n"],
    ["a document marker", `${bigSpec(50)}---\nmore: 1\n`],
  ])("declines %s, leaving it to the full parse", (_name, text) => {
    expect(chunked(text)).toBeUndefined();
  });

  it("property: after any line-level edit, agrees with the full parse or declines", () => {
    const base = bigSpec(60).split("\n");
    const cache = createYamlChunkCache();
    chunked(base.join("\n"), cache);
    const edit = fc.record({
      at: fc.nat({ max: base.length - 1 }),
      kind: fc.constantFrom("delete", "duplicate", "indent", "dedent", "replace"),
      text: fc.constantFrom("    Extra: { type: string }", "      description: x", "  schemas:", "x: 1", "      - a", '    "q": 1', "#c", "", "   odd: 1", "      required: [id"),
    });
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 3 }), (edits) => {
        const lines = [...base];
        for (const { at, kind, text } of edits) {
          const index = Math.min(at, lines.length - 1);
          if (kind === "delete") lines.splice(index, 1);
          if (kind === "duplicate") lines.splice(index, 0, lines[index]!);
          if (kind === "indent") lines[index] = ` ${lines[index]}`;
          if (kind === "dedent") lines[index] = lines[index]!.replace(/^ /, "");
          if (kind === "replace") lines[index] = text;
        }
        const text = lines.join("\n");
        let expected: unknown;
        try {
          const document = parseDocument(text, { uniqueKeys: true });
          expected = document.errors.length > 0 ? undefined : document.toJS({ maxAliasCount: 100 });
        } catch {
          expected = undefined;
        }
        const result = chunked(text, cache);
        if (result !== undefined) expect(result.value).toStrictEqual(expected);
      }),
      { numRuns: 150 },
    );
  });
});
