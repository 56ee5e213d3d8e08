// Format: prettier over every generated file, so output reads like hand-written code
// and does not depend on how an emitter happened to space things.
//
// prettier's standalone build with only the Babel parser (`babel-ts` reads TypeScript)
// and the estree printer: the default entry would load its TypeScript parser plugin, a
// second 3 MB copy of the TypeScript compiler, to print the same output.

import type { GeneratedFile } from "./stages.js";

export const PRETTIER_OPTIONS = { printWidth: 100, trailingComma: "all", endOfLine: "lf" } as const;

async function loadPrettier() {
  const [prettier, babel, estree] = await Promise.all([
    import("prettier/standalone"),
    import("prettier/plugins/babel"),
    import("prettier/plugins/estree"),
  ]);
  return {
    format: (options: { text: string; path: string }) =>
      prettier.format(options.text, {
        ...PRETTIER_OPTIONS,
        parser: options.path.endsWith(".json") ? "json" : "babel-ts",
        plugins: [babel, estree],
      }),
  };
}

export async function formatFiles(files: readonly GeneratedFile[]): Promise<GeneratedFile[]> {
  const prettier = files.some((file) => !file.formatted) ? await loadPrettier() : undefined;
  return Promise.all(
    files.map(async ({ path, contents, formatted }) => ({
      path,
      contents: formatted || !prettier ? contents : await prettier.format({ text: contents, path }),
    })),
  );
}

/** The text as the formatter would leave it (for tests that hold templates to the style). */
export async function formatText(options: { text: string; path: string }): Promise<string> {
  return (await loadPrettier()).format(options);
}
