// Format: prettier over every generated file, so output reads like hand-written code
// and does not depend on how an emitter happened to space things.
//
// prettier's standalone build with only the Babel parser (`babel-ts` reads TypeScript)
// and the estree printer: the default entry would load its TypeScript parser plugin, a
// second 3 MB copy of the TypeScript compiler, to print the same output.
//
// Tried and measured: formatting on a worker thread that loads and warms prettier
// while the main thread loads the spec was slower (0.72 s against 0.65 s on the
// 2026-10 JSON spec, two cores) and took 15 MB more.

import { createRequire } from "node:module";
import type { GeneratedFile } from "./stages.js";

const require = createRequire(import.meta.url);

export const PRETTIER_OPTIONS = { printWidth: 100, trailingComma: "all", endOfLine: "lf" } as const;

export function parserFor(path: string): "json" | "babel-ts" {
  return path.endsWith(".json") ? "json" : "babel-ts";
}

export async function formatFiles(files: readonly GeneratedFile[]): Promise<GeneratedFile[]> {
  if (files.every((file) => file.formatted)) return files.map(({ path, contents }) => ({ path, contents }));
  const prettier = await loadPrettier();
  return Promise.all(
    files.map(async ({ path, contents, formatted }) => ({ path, contents: formatted ? contents : await prettier(contents, path) })),
  );
}

/** The text as the formatter would leave it (tests hold templates to this). */
export async function formatText(options: { text: string; path: string }): Promise<string> {
  return (await loadPrettier())(options.text, options.path);
}

async function loadPrettier(): Promise<(text: string, path: string) => Promise<string>> {
  // Their CommonJS builds, `require`d: the code cache (code-cache.ts) covers CommonJS.
  const prettier = require("prettier/standalone") as typeof import("prettier/standalone");
  const babel = require("prettier/plugins/babel") as typeof import("prettier/plugins/babel");
  const estree = require("prettier/plugins/estree") as typeof import("prettier/plugins/estree");
  return (text, path) => prettier.format(text, { ...PRETTIER_OPTIONS, parser: parserFor(path), plugins: [babel, estree] });
}
