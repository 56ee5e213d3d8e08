// Every operation of the real 2026-10 spec in one run (`--operations '*'`, 186 of them):
// the whole of Polar's API generates, and the output type-checks under the strictest
// settings a project may use, as the three-operation output does.
import { mkdtempSync, rmSync } from "node:fs";
import { join } from "node:path";
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
});
