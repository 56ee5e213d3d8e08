// A compiler program over a generated folder with every flag a strict project may turn
// on, for the tests that hold the generated code to the strictest user setups.

import { readdirSync } from "node:fs";
import { join } from "node:path";
import ts from "typescript";

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

/** The diagnostics of one program over every .ts file under `root`, as `file(line,col): TSnnnn message`. */
export function diagnosticsOf(input: { root: string; options: ts.CompilerOptions }): string[] {
  const files = listTs(input.root);
  const program = ts.createProgram({ rootNames: files, options: input.options, host: cachingHost(input.options) });
  return ts.getPreEmitDiagnostics(program).map((found) => {
    const message = ts.flattenDiagnosticMessageText(found.messageText, "\n");
    if (!found.file || found.start === undefined) return `TS${found.code} ${message}`;
    const { line, character } = found.file.getLineAndCharacterOfPosition(found.start);
    return `${found.file.fileName.slice(input.root.length + 1)}(${line + 1},${character + 1}): TS${found.code} ${message}`;
  });
}

// Parsed files (lib.dom.d.ts, vitest's and node's types) are shared by the programs one
// test file builds: a file parses the same for the same language version and module format.
const parsed = new Map<string, ts.SourceFile | undefined>();

function cachingHost(options: ts.CompilerOptions): ts.CompilerHost {
  const host = ts.createCompilerHost(options);
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (fileName, languageVersion, onError, shouldCreate) => {
    const key = `${fileName}\0${JSON.stringify(languageVersion)}`;
    if (!parsed.has(key)) parsed.set(key, getSourceFile(fileName, languageVersion, onError, shouldCreate));
    return parsed.get(key);
  };
  return host;
}

function listTs(root: string): string[] {
  return readdirSync(root, { recursive: true, encoding: "utf8" })
    .filter((path) => path.endsWith(".ts") && !path.includes("node_modules"))
    .map((path) => join(root, path))
    .sort();
}
