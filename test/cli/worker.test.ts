// A one-off CLI run emits types.ts on the build worker (generator/build-worker.ts);
// tests and the library emit everything on one thread. The files must be the same
// bytes either way, on the embedded spec and on every golden fixture.
import { readdirSync, readFileSync, rmSync } from "node:fs";
import { join, resolve } from "node:path";
import { parse } from "yaml";
import { afterAll, describe, expect, it } from "vitest";
import { buildOutput } from "../../generator/pipeline.js";
import { findOperations } from "../../generator/select.js";
import { runCliProcess, scratchDir } from "../helpers/cli.js";

const FIXTURES = "test/golden/fixtures";
const specs = ["spec/polar.openapi.yaml", ...readdirSync(FIXTURES).filter((name) => /\.(ya?ml|json)$/.test(name)).map((name) => join(FIXTURES, name))];

describe("the build worker", () => {
  const temp = scratchDir();
  afterAll(() => rmSync(temp, { recursive: true, force: true }));

  it.each(specs)("%s: the CLI (with the worker) writes what one thread builds", async (spec) => {
    const operations = findOperations(parse(readFileSync(spec, "utf8"))).map((found) => found.id).filter((id) => !id.startsWith("other:"));
    const out = join(temp, spec.replace(/\W+/g, "-"));
    // From a folder without a config file.
    const run = runCliProcess({ cwd: temp, args: ["--spec", resolve(spec), "--out", out, "--quiet", ...operations.flatMap((id) => ["--operations", id])] });
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    const { files } = await buildOutput({ config: false, cwd: temp, spec: resolve(spec), out, operations });
    expect(files.length).toBeGreaterThan(10);
    for (const file of files) expect(readFileSync(join(out, file.path), "utf8"), file.path).toBe(file.contents);
  });
});
