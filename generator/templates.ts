// Code that never varies lives as real, type-checked .ts files in templates/ and is
// copied verbatim into the output. This finds them both from the sources (vitest)
// and from the compiled dist/ (the installed bin).

import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { GeneratedFile } from "./stages.js";

function findPackageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, "package.json")) || !existsSync(join(dir, "templates"))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error("polar-codegen: cannot find its templates/ folder");
    dir = parent;
  }
  return dir;
}

export const packageRoot = findPackageRoot();

/** The text of `templates/<name>`, e.g. `readTemplate("client/runtime.ts")`. */
export function readTemplate(name: string): string {
  return readFileSync(join(packageRoot, "templates", name), "utf8");
}

/** Templates copied verbatim into the output: `templates/<from>/<name>` → `<to>/<name>`. */
export function copyTemplates(options: { from: string; to: string; names: readonly string[] }): GeneratedFile[] {
  return options.names.map((name) => ({
    path: `${options.to}/${name}`,
    contents: readTemplate(`${options.from}/${name}`),
    formatted: true,
  }));
}
