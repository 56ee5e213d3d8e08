// Node's module compile cache (generator/compile-cache.ts) is an optimisation only: where
// Node has it (22.1 and later), a first run writes it, later runs read it, and a damaged
// cache changes nothing but speed; NODE_DISABLE_COMPILE_CACHE=1 runs without one. Where
// Node has none, a run writes nothing.
import nodeModule from "node:module";
import { readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runCliProcess, scratchDir } from "../helpers/cli.js";

const supported = typeof (nodeModule as { enableCompileCache?: unknown }).enableCompileCache === "function";

function filesUnder(folder: string): string[] {
  try {
    return readdirSync(folder, { recursive: true, encoding: "utf8" }).map((name) => join(folder, name)).filter((file) => statSync(file).isFile());
  } catch {
    return [];
  }
}

describe("compile cache", () => {
  const temp = scratchDir();
  afterAll(() => rmSync(temp, { recursive: true, force: true }));
  const cacheFolder = join(temp, "cache");
  const generate = (out: string, env: Record<string, string> = {}) => {
    const run = runCliProcess({ args: ["--spec", "spec/polar.openapi.yaml", "--out", join(temp, out), "--quiet", "--force"], env: { NODE_COMPILE_CACHE: cacheFolder, ...env } });
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    return readFileSync(join(temp, out, "types.ts"), "utf8") + readFileSync(join(temp, out, "client.ts"), "utf8");
  };

  it(supported ? "is written by a first run, read by the next, and a damaged one is ignored" : "is not written where Node has none", () => {
    const first = generate("first");
    const caches = filesUnder(cacheFolder);
    if (!supported) {
      expect(caches).toStrictEqual([]);
      return;
    }
    // The TypeScript compiler's entry (over a megabyte) is written by the build worker.
    expect(caches.some((file) => statSync(file).size > 1024 * 1024)).toBe(true);
    expect(generate("second")).toBe(first);
    for (const file of caches) writeFileSync(file, "not a V8 code cache");
    expect(generate("third")).toBe(first);
  });

  it("NODE_DISABLE_COMPILE_CACHE=1 runs without one", () => {
    const elsewhere = join(temp, "elsewhere");
    const run = runCliProcess({ args: ["--spec", "spec/polar.openapi.yaml", "--out", join(temp, "none"), "--quiet"], env: { NODE_COMPILE_CACHE: elsewhere, NODE_DISABLE_COMPILE_CACHE: "1" } });
    expect(run.code).toBe(0);
    expect(filesUnder(elsewhere)).toStrictEqual([]);
  });
});
