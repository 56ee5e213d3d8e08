// The generated suite's stale-spec guard. The generator and the suite compute the same
// fingerprints; the suite compares the SOURCE spec (through polar-codegen's own API)
// with what it was generated from, names the operations that changed, and falls back
// to openapi.json, saying what it did not check, when it cannot.
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { parse as parseYaml, stringify as stringifyYaml } from "yaml";
import { fingerprintOf as atGeneration, fingerprintOperations, operationFingerprints } from "../../generator/emit/contract/fingerprint.js";
import { buildOutput } from "../../generator/pipeline.js";
import { selectOperations } from "../../generator/select.js";
import { writeOutput } from "../../generator/write/write-output.js";
import { checkGeneratedFrom, fingerprintOf as atRunTime, type GeneratedFrom } from "../../templates/contract/fingerprint.js";

const OPERATIONS = ["customer_portal:subscriptions:cancel", "customers:delete", "customers:delete_external"];
// Inside the project, so the generated suite resolves vitest, fast-check and polar-codegen.
const scratch = mkdtempSync(join(process.cwd(), ".polar-codegen-tmp-guard-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe("contract fingerprints", () => {
  const spec = JSON.parse(readFileSync("generated/polar/openapi.json", "utf8"));

  it("are the same at generation and at run time (openapi.json's banner aside)", () => {
    const { "x-generated-by": _banner, ...subset } = spec;
    expect(atRunTime(spec)).toBe(atGeneration(subset));
    const generated = JSON.parse(readFileSync("generated/polar/contract/generated.json", "utf8"));
    expect(generated.fingerprints.subset).toBe(atGeneration(subset));
  });

  it("do not depend on key order, and change with any value", () => {
    expect(atRunTime({ b: 1, a: { "1000": 1, "200": 2 } })).toBe(atGeneration({ a: { "200": 2, "1000": 1 }, b: 1 }));
    const edited = structuredClone(spec);
    edited.paths["/v1/customers/{id}"].delete.parameters.push({ name: "reason", in: "query", required: true, schema: { type: "string" } });
    expect(atRunTime(edited)).not.toBe(atRunTime(spec));
  });

  it("per operation: the subset and the full spec agree, and an edit changes only the operations that reach it", async () => {
    const now = await fingerprintOperations({ spec: "spec/polar.openapi.yaml", operations: OPERATIONS });
    expect(operationFingerprints({ document: spec, operationIds: OPERATIONS })).toStrictEqual(now);
    const edited = structuredClone(spec);
    edited.paths["/v1/customers/{id}"].delete.summary = "Delete Customer (edited)";
    const after = operationFingerprints({ document: edited, operationIds: OPERATIONS });
    expect(Object.keys(after).filter((id) => after[id] !== now[id])).toStrictEqual(["customers:delete"]);
    expect(operationFingerprints({ document: edited, operationIds: ["no:such"] })).toStrictEqual({ "no:such": null });
  });

  it.each(["test/fixtures/specs/polar-2026-10.openapi.yaml", "test/fixtures/specs/client-shapes.openapi.yaml"])(
    "per operation, on %s: each is the hash of the operation selected alone, from the spec or from a checked subset of every operation",
    (path) => {
      const document = parseYaml(readFileSync(path, "utf8"));
      const ids: string[] = Object.values(document.paths).flatMap((item: any) => Object.values(item).map((operation: any) => operation?.operationId)).filter((id: unknown) => typeof id === "string");
      const alone = Object.fromEntries([...ids].sort().map((id) => [id, atGeneration(selectOperations({ document, operationIds: [id] }).selected!.document)]));
      expect(operationFingerprints({ document, operationIds: ids })).toStrictEqual(alone);
      const subset = selectOperations({ document, operationIds: ids }).selected!.document;
      expect(operationFingerprints({ document: subset, operationIds: ids, checked: true })).toStrictEqual(alone);
    },
  );
});

describe("the guard, run by the generated suite", () => {
  /** Generates from a copy of the embedded spec, with the output folder as the cwd, so the header label is the path from the output folder. */
  async function generate(name: string): Promise<string> {
    const dir = join(scratch, name);
    writeSpec(dir);
    const { files } = await buildOutput({ config: false, spec: "spec.yaml", out: ".", cwd: dir });
    await writeOutput({ outDir: dir, files });
    return dir;
  }
  function writeSpec(dir: string, edit?: (document: { paths: Record<string, any> }) => void): void {
    const document = parseYaml(readFileSync("spec/polar.openapi.yaml", "utf8"));
    edit?.(document);
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, "spec.yaml"), stringifyYaml(document));
  }
  function runGuard(dir: string): { passed: boolean; output: string } {
    const config = join(scratch, `${dir.split("/").at(-1)}.vitest.config.mjs`);
    writeFileSync(config, `export default ${JSON.stringify({ cacheDir: join(scratch, "vite-cache"), test: { include: ["contract/contract.test.ts"] } })};\n`);
    const vitest = resolve("node_modules/vitest/vitest.mjs");
    const run = spawnSync(process.execPath, [vitest, "run", "--config", config, "--root", dir, "-t", "was generated from"], { encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } });
    return { passed: run.status === 0, output: run.stdout + run.stderr };
  }

  it("passes on the spec it was generated from; an edit not regenerated fails, naming the operations", async () => {
    const dir = await generate("edited");
    expect(runGuard(dir)).toMatchObject({ passed: true });
    writeSpec(dir, (document) => {
      document.paths["/v1/customers/{id}"].delete.responses["404"].description = "Gone.";
      delete document.paths["/v1/customers/external/{external_id}"];
    });
    const stale = runGuard(dir);
    expect(stale.passed).toBe(false);
    expect(stale.output).toContain(
      "the source spec spec.yaml changed since these contract tests were generated: customers:delete (changed), customers:delete_external (gone from the spec); run polar-codegen to regenerate them",
    );
  }, 120_000);

  it("a spec named by URL: openapi.json is checked instead, and the output says what was not", async () => {
    const dir = join(scratch, "remote");
    const text = readFileSync("spec/polar.openapi.yaml", "utf8");
    const fetchSpec = async () => new Response(text, { status: 200, headers: { "content-type": "application/yaml" } });
    const { files } = await buildOutput({ config: false, spec: "https://specs.example.invalid/polar.yaml", out: dir, fetch: fetchSpec as typeof fetch });
    await writeOutput({ outDir: dir, files });
    const run = runGuard(dir);
    expect(run.passed).toBe(true);
    expect(run.output).toContain(
      "contract tests: the source spec (https://specs.example.invalid/polar.yaml) was not checked for changes since generation: it is a URL, which the suite does not fetch; only openapi.json beside the suite was",
    );
  }, 120_000);
});

describe("the guard, when polar-codegen cannot be imported", () => {
  const from = (subset: string): GeneratedFrom => ({
    source: { label: "../../spec/polar.openapi.yaml", embedded: false, outFolder: pathToFileURL(resolve("generated/polar/")) },
    operations: { "customers:delete": "0000000000000000" },
    subset,
    openapiJson: pathToFileURL(resolve("generated/polar/openapi.json")),
  });
  const unimportable = async () => {
    throw new Error("Cannot find package 'polar-codegen'");
  };
  const current = atRunTime(JSON.parse(readFileSync("generated/polar/openapi.json", "utf8")));

  it("falls back to openapi.json and says, in one line, what it did not check", async () => {
    const result = await checkGeneratedFrom({ from: from(current), importCodegen: unimportable });
    expect(result).toStrictEqual({
      notice: "contract tests: the source spec (../../spec/polar.openapi.yaml) was not checked for changes since generation: polar-codegen cannot be imported here (Cannot find package 'polar-codegen'); only openapi.json beside the suite was",
    });
  });

  it("and that check still fails on an openapi.json the suite was not generated from", async () => {
    const result = await checkGeneratedFrom({ from: from("ffffffffffffffff"), importCodegen: unimportable });
    expect(result.stale).toBe(`openapi.json changed since these contract tests were generated (fingerprint ffffffffffffffff, now ${current}); run polar-codegen to regenerate them`);
  });

  it("a source spec that is not there is said so", async () => {
    const result = await checkGeneratedFrom({ from: { ...from(current), source: { ...from(current).source, label: "missing.yaml" } } });
    expect(result.notice).toContain(`there is no file at ${resolve("generated/polar/missing.yaml")}`);
  });
});
