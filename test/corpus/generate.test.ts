// Every real Polar spec, end to end: the pipeline generates and the output compiles;
// the spec without customers:delete_external fails with a clear error; and the output
// depends only on what the selected operations reach (drift precision).
import { spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { parse as parseYaml, stringify as stringifyYaml } from "yaml";
import { buildOutput } from "../../generator/pipeline.js";
import { ProblemError } from "../../generator/problems.js";
import { writeOutput } from "../../generator/write/write-output.js";
import { SPECS_DIR } from "./specs-dir.js";

const FOLDER = resolve(SPECS_DIR);
const specs = readdirSync(FOLDER).filter((name) => /\.openapi\.(ya?ml|json)$/.test(name)).sort();
// Inside the project, so the generated contract suites resolve vitest and fast-check.
const scratch = mkdtempSync(join(process.cwd(), ".polar-codegen-tmp-corpus-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe("corpus: every real Polar spec", () => {
  const generated: string[] = [];

  it.each(specs.filter((name) => !name.startsWith("polar-2025-02-18")))("%s generates", async (name) => {
    const { files, model } = await buildOutput({ config: false, spec: join(FOLDER, name) });
    expect(model.operations.map((operation) => operation.id)).toStrictEqual([
      "customer_portal:subscriptions:cancel",
      "customers:delete",
      "customers:delete_external",
    ]);
    const out = join(scratch, name.replace(/\W+/g, "-"));
    await writeOutput({ outDir: out, files });
    generated.push(out);
  });

  it("all generated folders compile under strict TypeScript", () => {
    expect(generated.length).toBe(specs.length - 1);
    const tsconfig = {
      compilerOptions: {
        target: "ES2022", module: "NodeNext", moduleResolution: "NodeNext", strict: true, noEmit: true,
        noUncheckedIndexedAccess: true, skipLibCheck: true, lib: ["ES2023", "DOM"], types: ["node"],
        typeRoots: [resolve("node_modules/@types")],
      },
      include: generated.map((dir) => `${dir}/**/*.ts`),
    };
    writeFileSync(join(scratch, "tsconfig.json"), JSON.stringify(tsconfig));
    const tsc = resolve("node_modules/typescript/bin/tsc");
    const compiled = spawnSync(process.execPath, [tsc, "-p", join(scratch, "tsconfig.json")], { encoding: "utf8" });
    expect(compiled.stdout + compiled.stderr).toBe("");
    expect(compiled.status).toBe(0);
  });

  it("every generated contract suite passes against its own generated fake", () => {
    expect(generated.length).toBe(specs.length - 1);
    const config = join(scratch, "vitest.config.mjs");
    writeFileSync(config, `export default ${JSON.stringify({ cacheDir: join(scratch, "vite-cache"), test: { include: generated.map((dir) => `${dir}/contract/*.test.ts`) } })};\n`);
    const vitest = resolve("node_modules/vitest/vitest.mjs");
    const run = spawnSync(process.execPath, [vitest, "run", "--config", config, "--root", scratch, "--reporter=json"], { encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } });
    const report = JSON.parse(run.stdout.slice(run.stdout.indexOf("{"))) as { numPassedTests: number; numFailedTests: number; testResults: Array<{ name: string }> };
    expect(report.testResults.length).toBe(generated.length);
    expect(report.numFailedTests, run.stdout.slice(0, 4000)).toBe(0);
    expect(report.numPassedTests).toBeGreaterThan(20 * generated.length);
  }, 240_000);

  it("polar-2025-02-18 (no customers:delete_external) fails, naming the missing operation", async () => {
    const failure = await buildOutput({ config: false, spec: join(FOLDER, "polar-2025-02-18.openapi.yaml") }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ProblemError);
    expect((failure as ProblemError).problems.map((problem) => problem.code)).toStrictEqual(["operation-not-found"]);
    expect((failure as ProblemError).message).toContain('operation "customers:delete_external" is not in the spec');
  });
});

describe("corpus: drift precision", () => {
  it.each(["polar-2026-10.openapi.json", "polar-2026-01-29.openapi.yaml"])(
    "%s: edits the selected operations cannot see leave the output byte-identical",
    async (name) => {
      const original = join(scratch, "original");
      const edited = join(scratch, "edited");
      for (const dir of [original, edited]) mkdirSync(dir, { recursive: true });
      const extension = name.endsWith(".json") ? ".json" : ".yaml";
      copyFileSync(join(FOLDER, name), join(original, `polar${extension}`));
      const text = readFileSync(join(FOLDER, name), "utf8");
      writeFileSync(join(edited, `polar${extension}`), editUnreachable({ text, json: extension === ".json" }));
      const before = await buildOutput({ config: false, cwd: original, spec: `polar${extension}` });
      const after = await buildOutput({ config: false, cwd: edited, spec: `polar${extension}` });
      expect(after.files).toStrictEqual(before.files);
    },
  );

  it.each(["polar-2026-10.openapi.yaml", "polar-2026-10.openapi.json"])(
    "%s: the CLI (compiler on a worker thread, YAML parsed on both) writes what the in-process pipeline builds",
    async (name) => {
      const out = join(scratch, `cli-${name}`);
      const cli = spawnSync(process.execPath, ["dist/generator/cli.js", "--spec", join(FOLDER, name), "--out", out, "--quiet"], { encoding: "utf8" });
      expect(cli.stderr).toBe("");
      expect(cli.status).toBe(0);
      const { files } = await buildOutput({ config: false, spec: join(FOLDER, name), out });
      for (const file of files) expect(readFileSync(join(out, file.path), "utf8"), file.path).toBe(file.contents);
    },
  );

  it("the 2026-10 YAML and JSON produce the same output but for the header's spec name", async () => {
    const yaml = await buildOutput({ config: false, spec: join(FOLDER, "polar-2026-10.openapi.yaml") });
    const json = await buildOutput({ config: false, spec: join(FOLDER, "polar-2026-10.openapi.json") });
    const strip = (contents: string) => contents.replaceAll("polar-2026-10.openapi.yaml", "SPEC").replaceAll("polar-2026-10.openapi.json", "SPEC");
    expect(json.files.map((file) => ({ ...file, contents: strip(file.contents) }))).toStrictEqual(
      yaml.files.map((file) => ({ ...file, contents: strip(file.contents) })),
    );
  });
});

/** Change what the three operations cannot reach: another operation, info.version, code samples, an unrelated schema. */
function editUnreachable(input: { text: string; json: boolean }): string {
  const { parse, stringify } = input.json ? { parse: JSON.parse, stringify: (value: unknown) => JSON.stringify(value) } : yamlCodec();
  const document = parse(input.text);
  document.info.version = document.info.version === "0.1.0" ? "0.2.0" : document.info.version;
  document.info.description = "Edited elsewhere.";
  const other = Object.keys(document.paths).find((path) => !path.includes("customer"))!;
  delete document.paths[other];
  document.paths["/v1/customers/{id}"].delete["x-codeSamples"] = [{ lang: "sh", source: "curl -X DELETE ..." }];
  document.components.schemas.UnrelatedAddedSchema = { type: "object", properties: { a: { type: "string" } } };
  return stringify(document);
}

function yamlCodec() {
  return { parse: (text: string) => parseYaml(text, { maxAliasCount: -1 }), stringify: (value: unknown) => stringifyYaml(value) };
}
