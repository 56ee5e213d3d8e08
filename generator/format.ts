// Format: prettier over every generated file, so output reads like hand-written code
// and does not depend on how an emitter happened to space things.

import type { GeneratedFile } from "./stages.js";

const PRETTIER_OPTIONS = { printWidth: 100, trailingComma: "all", endOfLine: "lf" } as const;

/**
 * `memo` (watch mode) maps `path\0contents` to prettier's output; it is left holding
 * this run's files only, so a file that did not change is not formatted again.
 */
export async function formatFiles(files: readonly GeneratedFile[], memo?: Map<string, string>): Promise<GeneratedFile[]> {
  const prettier = await import("prettier");
  const used = new Map<string, string>();
  const formatted = await Promise.all(
    files.map(async (file) => {
      const key = `${file.path}\0${file.contents}`;
      const contents = memo?.get(key) ?? (await prettier.format(file.contents, { ...PRETTIER_OPTIONS, filepath: file.path }));
      used.set(key, contents);
      return { path: file.path, contents };
    }),
  );
  if (memo) {
    memo.clear();
    for (const [key, contents] of used) memo.set(key, contents);
  }
  return formatted;
}
