// The generated folder type-checks in a user's strictest setup: every strict flag on, under
// each module system a project may use. One compiler program per module setting, over the
// committed generated/polar (templates copied verbatim and emitted files alike).

import { readdirSync } from "node:fs";
import { join } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

const GENERATED = join(import.meta.dirname, "..", "..", "generated", "polar");

/** Every flag a strict project may turn on that changes what compiles. */
export const STRICTEST: ts.CompilerOptions = {
  strict: true,
  noUnusedLocals: true,
  noUnusedParameters: true,
  noPropertyAccessFromIndexSignature: true,
  exactOptionalPropertyTypes: true,
  noUncheckedIndexedAccess: true,
  noImplicitOverride: true,
  noImplicitReturns: true,
  noFallthroughCasesInSwitch: true,
  verbatimModuleSyntax: true,
  isolatedModules: true,
  erasableSyntaxOnly: true,
  target: ts.ScriptTarget.ES2022,
  lib: ["lib.es2022.d.ts"],
  types: ["node"],
  skipLibCheck: true,
  noEmit: true,
};

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

/** The diagnostics of one program over every .ts file under `root`, as `file(line,col): TSnnnn message`. */
export function diagnosticsOf(input: { root: string; options: ts.CompilerOptions }): string[] {
  const files = listTs(input.root);
  const program = ts.createProgram({ rootNames: files, options: input.options });
  return ts.getPreEmitDiagnostics(program).map((found) => {
    const message = ts.flattenDiagnosticMessageText(found.messageText, "\n");
    if (!found.file || found.start === undefined) return `TS${found.code} ${message}`;
    const { line, character } = found.file.getLineAndCharacterOfPosition(found.start);
    return `${found.file.fileName.slice(input.root.length + 1)}(${line + 1},${character + 1}): TS${found.code} ${message}`;
  });
}

function listTs(root: string): string[] {
  return readdirSync(root, { recursive: true, encoding: "utf8" })
    .filter((path) => path.endsWith(".ts") && !path.includes("node_modules"))
    .map((path) => join(root, path))
    .sort();
}

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
