import { describe, expect, it } from "vitest";
import { buildOutput } from "../../generator/pipeline.js";

describe("determinism", () => {
  it("two builds of the same spec are byte-identical", async () => {
    const first = await buildOutput({ config: "polar-codegen.config.json" });
    const second = await buildOutput({ config: "polar-codegen.config.json" });
    expect(second.files).toStrictEqual(first.files);
  });

  it("select, model and every emitter leave a frozen input document untouched", async () => {
    const { readFileSync } = await import("node:fs");
    const { parse } = await import("yaml");
    const { selectOperations, DEFAULT_OPERATIONS } = await import("../../generator/select.js");
    const { buildModel } = await import("../../generator/model/build.js");
    const { emitters } = await import("../../generator/emit/registry.js");
    const document = deepFreeze(parse(readFileSync("spec/polar.openapi.yaml", "utf8")));
    const { selected } = selectOperations({ document, operationIds: DEFAULT_OPERATIONS });
    deepFreeze(selected);
    const model = deepFreeze(buildModel({ selected: selected!, specFile: "spec/polar.openapi.yaml" }));
    for (const entry of emitters) {
      const emit = await entry.load();
      await expect(Promise.resolve().then(() => emit({ model, subset: selected!.document })), entry.name).resolves.toBeDefined();
    }
  });

  it("output files are sorted by path and carry no timestamp", async () => {
    const { files } = await buildOutput({ config: "polar-codegen.config.json" });
    expect(files.map((file) => file.path)).toStrictEqual(files.map((file) => file.path).sort());
    for (const file of files) expect(file.contents, file.path).not.toMatch(/20\d\d-\d\d-\d\dT\d\d:\d\d/);
  });
});

/** Freeze every object below `value`, so any write to it throws (ES modules are strict). */
function deepFreeze<T>(value: T): T {
  if (typeof value === "object" && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}
