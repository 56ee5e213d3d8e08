// Every operation of the real 2026-10 spec in one run (`--operations '*'`, 186 of them):
// the whole of Polar's API generates, and the output type-checks under the strictest
// settings a project may use, as the three-operation output does; and its contract suite's
// schema-level checks of every operation pass against the generated fake.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import ts from "typescript";
import { afterAll, describe, expect, it } from "vitest";
import { buildOutput } from "../../generator/pipeline.js";
import { writeOutput } from "../../generator/write/write-output.js";
import { diagnosticsOf, STRICTEST } from "../helpers/strict-compile.js";
import { specFile } from "./specs-dir.js";

const SPEC = specFile("polar-2026-10.openapi.json");
// Inside the project, so the generated contract suite resolves vitest and @types/node.
const scratch = mkdtempSync(join(process.cwd(), ".polar-codegen-tmp-all-operations-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe("corpus: every operation of polar-2026-10", () => {
  let written = false;

  it("generates all 186 operations in one run, named as Polar's", async () => {
    const { files, model } = await buildOutput({ config: false, spec: SPEC, operations: ["*"] });
    expect(model.operations).toHaveLength(186);
    expect(model).toMatchObject({ name: "Polar", polar: true, apiVersion: "2026-10" });
    await writeOutput({ outDir: scratch, files });
    written = true;
  });

  it("type-checks under the strictest settings", () => {
    expect(written).toBe(true);
    const options = { ...STRICTEST, module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext };
    expect(diagnosticsOf({ root: scratch, options })).toStrictEqual([]);
  });

  it("the generated contract suite checks every operation against the generated fake, and passes", () => {
    expect(written).toBe(true);
    const config = join(scratch, "vitest.config.mjs");
    writeFileSync(config, `export default ${JSON.stringify({ cacheDir: join(scratch, "vite-cache"), test: { include: ["contract/*.test.ts"] } })};\n`);
    const vitest = resolve("node_modules/vitest/vitest.mjs");
    const run = spawnSync(process.execPath, [vitest, "run", "--config", config, "--root", scratch, "--reporter=json"], { encoding: "utf8", env: { ...process.env, NO_COLOR: "1" }, maxBuffer: 256 * 1024 * 1024 });
    const report = JSON.parse(run.stdout.slice(run.stdout.indexOf("{"))) as {
      numPassedTests: number;
      numFailedTests: number;
      testResults: Array<{ assertionResults: Array<{ title: string; status: string; failureMessages: string[] }> }>;
    };
    const results = report.testResults.flatMap((file) => file.assertionResults);
    const failed = results.filter((result) => result.status === "failed").map((result) => `${result.title}: ${result.failureMessages.join(" ").slice(0, 300)}`);
    expect(failed).toStrictEqual([]);
    // Every operation has its schema-level check of a valid request.
    const checked = new Set(results.flatMap((result) => (result.status === "passed" ? (/^(.+?): a valid request /.exec(result.title)?.[1] ?? []) : [])));
    expect(checked.size).toBe(186);
  }, 600_000);
});
