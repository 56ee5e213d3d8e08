// ts-morph, loaded on demand and sharing one TypeScript compiler with openapi-typescript.
// ts-morph 27 bundles its own copy of TypeScript 5.9 (9 MB of source, ~50 MB in memory);
// openapi-typescript loads the `typescript` package, the same 5.9. Two copies double the
// start-up cost and the peak memory, so ts-morph's internal `require("./typescript")`
// is pointed at the `typescript` package. The versions are pinned together in package.json.

import { createRequire } from "node:module";

const require = createRequire(import.meta.url);

type ResolveFilename = (request: string, parent: { filename?: string | null } | undefined, ...rest: unknown[]) => string;
type ModuleInternals = { _resolveFilename: ResolveFilename };

let shared = false;

function shareTypeScript(): void {
  if (shared) return;
  shared = true;
  const moduleInternals = require("node:module") as ModuleInternals;
  const typescriptPath = require.resolve("typescript");
  const resolveFilename = moduleInternals._resolveFilename;
  moduleInternals._resolveFilename = function (request, parent, ...rest) {
    if (request === "./typescript" && parent?.filename?.includes("@ts-morph")) return typescriptPath;
    return resolveFilename.call(this, request, parent, ...rest);
  };
}

/** `require`, not `import`: an ESM import of a CommonJS package makes Node scan its source for exports. */
export function loadTsMorph(): typeof import("ts-morph") {
  shareTypeScript();
  return require("ts-morph") as typeof import("ts-morph");
}
