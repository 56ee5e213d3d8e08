// Format: prettier over every generated file, so output reads like hand-written code
// and does not depend on how an emitter happened to space things.

import type { GeneratedFile } from "./stages.js";

export const PRETTIER_OPTIONS = { printWidth: 100, trailingComma: "all", endOfLine: "lf" } as const;

export async function formatFiles(files: readonly GeneratedFile[]): Promise<GeneratedFile[]> {
  const prettier = await import("prettier");
  return Promise.all(
    files.map(async (file) => ({
      path: file.path,
      contents: file.verbatim ? file.contents : await prettier.format(file.contents, { ...PRETTIER_OPTIONS, filepath: file.path }),
    })),
  );
}
