// Relative imports in generated files name the file they import with `.js`, which tsc and
// bundlers resolve to the `.ts` beside it, or with `.ts` itself, which runtimes that strip
// types (Node 24, Deno, Bun) need to run the files as they are, without a build.
// Every generated import is relative (`./x.js`, `../x.js`): nothing else is rewritten.

import type { ImportExtension } from "../config-file.js";
import type { GeneratedFile } from "../stages.js";

// `from "./x.js"`, `import "./x.js"`, `import("./x.js")`: the specifier and its quotes.
const RELATIVE_IMPORT = /(\bfrom\s+|\bimport\s*\(\s*|\bimport\s+)(["'])(\.\.?\/[^"'\n]*?)\.js\2/g;

export function withImportExtension(input: { files: GeneratedFile[]; extension: ImportExtension }): GeneratedFile[] {
  if (input.extension === ".js") return input.files;
  return input.files.map((file) =>
    file.path.endsWith(".ts") ? { ...file, contents: file.contents.replace(RELATIVE_IMPORT, (_, lead: string, quote: string, path: string) => `${lead}${quote}${path}.ts${quote}`) } : file,
  );
}
