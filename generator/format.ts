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
import { layoutStatements } from "./emit/statement-layout.js";
import { restyleTsPrinterOutput } from "./emit/ts-printer-style.js";
import type { GeneratedFile } from "./stages.js";

const require = createRequire(import.meta.url);

export const PRETTIER_OPTIONS = { printWidth: 100, trailingComma: "all", endOfLine: "lf" } as const;

export function parserFor(path: string): "json" | "babel-ts" {
  return path.endsWith(".json") ? "json" : "babel-ts";
}

/**
 * `memo` (watch mode) maps `path\0contents` to prettier's output; it is left holding
 * this run's files only, so a file that did not change is not formatted again.
 * Verbatim templates (`formatted`) are already in style and pass through.
 */
export async function formatFiles(files: readonly GeneratedFile[], memo?: Map<string, string>): Promise<GeneratedFile[]> {
  const pending = files.filter((file) => !file.formatted && !memo?.has(`${file.path}\0${file.contents}`));
  const prettier = pending.length ? await loadPrettier() : undefined;
  const used = new Map<string, string>();
  const formatted = await Promise.all(
    files.map(async (file) => {
      const key = `${file.path}\0${file.contents}`;
      const contents = file.formatted ? file.contents : (memo?.get(key) ?? (await formatOne({ file, prettier: prettier! })));
      if (!file.formatted) used.set(key, contents);
      return { path: file.path, contents };
    }),
  );
  if (memo) {
    memo.clear();
    for (const [key, contents] of used) memo.set(key, contents);
  }
  return formatted;
}

async function formatOne(input: { file: GeneratedFile; prettier: Prettier }): Promise<string> {
  const { file, prettier } = input;
  const layout = file.layout && LAYOUTS[file.layout];
  if (layout) {
    const styled = await layout({ text: file.contents, format: (text) => prettier(text, file.path) });
    if (styled !== undefined) return styled;
  }
  return prettier(file.contents, file.path);
}

/** The text as the formatter would leave it (tests hold templates to this). */
export async function formatText(options: { text: string; path: string }): Promise<string> {
  return (await loadPrettier())(options.text, options.path);
}

/** Each brings its layout to prettier's, sending prettier only the parts it would change. */
const LAYOUTS = { "ts-printer": restyleTsPrinterOutput, "statement-lines": layoutStatements } as const;

type Prettier = (text: string, path: string) => Promise<string>;

async function loadPrettier(): Promise<Prettier> {
  // Their CommonJS builds, `require`d: the code cache (code-cache.ts) covers CommonJS.
  const prettier = require("prettier/standalone") as typeof import("prettier/standalone");
  const babel = require("prettier/plugins/babel") as typeof import("prettier/plugins/babel");
  const estree = require("prettier/plugins/estree") as typeof import("prettier/plugins/estree");
  return (text, path) => prettier.format(text, { ...PRETTIER_OPTIONS, parser: parserFor(path), plugins: [babel, estree] });
}
