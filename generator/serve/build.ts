// The cold path of `serve`: generate in memory, compile each file to JavaScript with
// TypeScript's single-file transpiler (Node 20 cannot import .ts), bundle, and move the result
// into the cache folder in one rename, so a concurrent or interrupted start never
// sees half a build.

import { mkdir, rename, rm, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import type { ResolvedTarget } from "../config.js";
import { BUNDLE_FILE, bundleModules } from "./bundle.js";
import { MANIFEST, sha256, type Manifest } from "./cache.js";

export async function buildCache(options: { target: ResolvedTarget; dir: string }): Promise<void> {
  const { buildFromTarget } = await import("../pipeline.js");
  // `require`, as everywhere the compiler is loaded: an ESM import of it makes Node scan
  // its whole source for named exports.
  const ts = createRequire(import.meta.url)("typescript") as typeof import("typescript");
  // Compiled and bundled here, never read by people: `.js` imports, which the bundle's
  // module map names, and the generator's own layout, whatever the target asks of its files.
  const { format: _ignored, ...target } = options.target;
  const build = await buildFromTarget({ ...target, importExtension: ".js" });
  const staging = `${options.dir}.tmp-${process.pid}-${Date.now()}`;
  await rm(staging, { recursive: true, force: true });
  try {
    const modules = new Map<string, string>();
    for (const file of build.files) {
      if (!file.path.endsWith(".ts")) continue;
      const output = ts.transpileModule(file.contents, {
        fileName: file.path,
        compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 },
      });
      modules.set(file.path.replace(/\.ts$/, ".js"), output.outputText);
    }
    await mkdir(staging, { recursive: true });
    await writeFile(join(staging, BUNDLE_FILE), bundleModules(modules));
    const others = build.spec.files.filter((file) => file !== options.target.spec).sort();
    const manifest: Manifest = { sources: await Promise.all(others.map(async (path) => ({ path, sha256: await sha256(readFileSync(path)) }))) };
    await writeFile(join(staging, MANIFEST), `${JSON.stringify(manifest, null, 2)}\n`);
    await mkdir(dirname(options.dir), { recursive: true });
    await rm(options.dir, { recursive: true, force: true });
    await rename(staging, options.dir);
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    // Another start may have filled the folder first; its build is as good as ours.
    if (!(error as NodeJS.ErrnoException).code?.match(/^(ENOTEMPTY|EEXIST)$/)) throw error;
  }
}
