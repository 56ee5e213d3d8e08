// The generated folder type-checks in a user's strictest setup: every strict flag on, under
// each module system a project may use. One compiler program per module setting, over the
// committed generated/polar (templates copied verbatim and emitted files alike).

import { join } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { diagnosticsOf, STRICTEST } from "../helpers/strict-compile.js";

const GENERATED = join(import.meta.dirname, "..", "..", "generated", "polar");

const MODULE_SETTINGS: Record<string, ts.CompilerOptions> = {
  NodeNext: { module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext },
  "Bundler (ESNext)": {
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    lib: ["lib.es2022.d.ts", "lib.dom.d.ts", "lib.dom.iterable.d.ts"],
  },
  "Bundler (preserve)": { module: ts.ModuleKind.Preserve, moduleResolution: ts.ModuleResolutionKind.Bundler },
  // TypeScript refuses `import`/`export` syntax in a CommonJS file under
  // verbatimModuleSyntax (it would have to emit it as written), whoever wrote the file:
  // a CommonJS project compiles ES module sources with the flag off.
  CommonJS: { module: ts.ModuleKind.CommonJS, moduleResolution: ts.ModuleResolutionKind.Node10, verbatimModuleSyntax: false },
};

describe("the generated code under the strictest settings", () => {
  for (const [name, settings] of Object.entries(MODULE_SETTINGS)) {
    it(`type-checks under module ${name} with every strict flag`, () => {
      expect(diagnosticsOf({ root: GENERATED, options: { ...STRICTEST, ...settings } })).toStrictEqual([]);
    });
  }

  it("under CommonJS, fails verbatimModuleSyntax only on the ES module syntax TypeScript forbids there", () => {
    const options = { ...STRICTEST, ...MODULE_SETTINGS.CommonJS, verbatimModuleSyntax: true };
    const codes = new Set(diagnosticsOf({ root: GENERATED, options }).map((line) => /TS(\d+)/.exec(line)?.[1] ?? line));
    // 1286/1287/1295: import, export and `export` modifiers in a CommonJS file.
    expect([...codes].filter((code) => !["1286", "1287", "1295"].includes(code))).toStrictEqual([]);
    expect(codes.size).toBeGreaterThan(0);
  });
});
