// The format stage's layouts print the generated files in prettier's layout themselves
// (generator/format/): a default run of the CLI never loads prettier, whose start costs
// a cold run more than any file it would format. test/unit/layout-vs-prettier.test.ts
// holds the bytes to prettier's.
import { rmSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { runCliProcess, scratchDir } from "../helpers/cli.js";

// The default operations, and the two that the 2025-02 spec has.
const specs: Array<[string, string[]]> = [
  ["spec/polar.openapi.yaml", []],
  ["test/fixtures/specs/polar-2026-10.openapi.yaml", []],
  ["test/fixtures/specs/polar-2025-02.openapi.yaml", ["--operations", "customers:delete", "--operations", "customer_portal:subscriptions:cancel"]],
];

describe("a default run", () => {
  const temp = scratchDir();
  afterAll(() => rmSync(temp, { recursive: true, force: true }));
  // Says, as the process exits, whether any module of prettier was loaded (require.cache is where createRequire's modules go).
  const probe = join(temp, "probe.mjs");
  writeFileSync(
    probe,
    `import { createRequire } from "node:module";
const cache = createRequire(import.meta.url).cache;
process.on("exit", () => { if (Object.keys(cache).some((path) => /[\\\\/]node_modules[\\\\/]prettier[\\\\/]/.test(path))) process.stderr.write("prettier was loaded\\n"); });
`,
  );

  it.each(specs)("%s: generates without loading prettier", (spec, operations) => {
    const run = runCliProcess({ cwd: temp, args: ["--spec", resolve(spec), "--out", join(temp, spec.replace(/\W+/g, "-")), "--quiet", ...operations], env: { NODE_OPTIONS: `--import=${pathToFileURL(probe).href}` } });
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
  });

  it("the probe sees prettier where a layout hands a file to it (a recursive union in types.ts)", () => {
    const spec = resolve("test/fixtures/hostile/struct-recursive-mutual-anyof.yaml");
    const run = runCliProcess({ cwd: temp, args: ["--spec", spec, "--out", join(temp, "recursive"), "--quiet", "--operations", "*"], env: { NODE_OPTIONS: `--import=${pathToFileURL(probe).href}` } });
    expect(run.code).toBe(0);
    expect(run.stderr).toContain("prettier was loaded");
  });
});
