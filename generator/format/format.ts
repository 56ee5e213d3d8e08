// Format: prettier over every generated file, so output reads like hand-written code
// and does not depend on how an emitter happened to space things.
//
// prettier's standalone build with only the Babel parser (`babel-ts` reads TypeScript)
// and the estree printer: the default entry would load its TypeScript parser plugin, a
// second copy of the TypeScript compiler, to print the same output. The layouts
// (statement-layout, ts-printer-style) send prettier only what they cannot print.

import { createRequire } from "node:module";
import type { GeneratedFile } from "../stages.js";
import { PRETTIER_OPTIONS } from "./prettier-options.js";
import { layoutStatements } from "./statement-layout.js";
import { restyleTsPrinterOutput } from "./ts-printer-style.js";

const require = createRequire(import.meta.url);

export function parserFor(path: string): "json" | "babel-ts" {
  return path.endsWith(".json") ? "json" : "babel-ts";
}

/** Watch mode's formatted texts by `path\0contents`: read from the last build's, written for this one's. */
export interface FormatMemo {
  last: Map<string, string>;
  next: Map<string, string>;
}

/**
 * A file whose text is in `memo.last` is not formatted again. Verbatim templates
 * (`formatted`) are already in style and pass through.
 */
export async function formatFiles(files: readonly GeneratedFile[], memo?: FormatMemo): Promise<GeneratedFile[]> {
  // Loaded at the first text a layout cannot print: a run whose layouts print everything never loads prettier.
  let loaded: Promise<Prettier> | undefined;
  const prettier: Prettier = async (text, path) => (await (loaded ??= loadPrettier()))(text, path);
  // One file at a time: formatting several at once keeps all their syntax trees alive together.
  const formatted: GeneratedFile[] = [];
  for (const file of files) {
    if (file.formatted) {
      formatted.push({ path: file.path, contents: file.contents });
      continue;
    }
    const key = `${file.path}\0${file.contents}`;
    const contents = memo?.last.get(key) ?? (await formatOne({ file, prettier }));
    memo?.next.set(key, contents);
    formatted.push({ path: file.path, contents });
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
  const prettier = require("prettier/standalone") as typeof import("prettier/standalone");
  const babel = require("prettier/plugins/babel") as typeof import("prettier/plugins/babel");
  const estree = require("prettier/plugins/estree") as typeof import("prettier/plugins/estree");
  return (text, path) => prettier.format(text, { ...PRETTIER_OPTIONS, parser: parserFor(path), plugins: [babel, estree] });
}
