// emitTypes calls openapi-typescript's transform without the Redocly pass that
// `openapiTS()` runs first (our subset is already bundled and validated). This holds
// it to producing exactly what the public `openapiTS()` produces.
import { readFileSync } from "node:fs";
import openapiTS, { astToString } from "openapi-typescript";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { emitTypes, TYPES_OPTIONS } from "../../generator/emit/types-file.js";
import { cloneJson } from "../../generator/json.js";
import { buildModel } from "../../generator/model/build.js";
import { selectOperations } from "../../generator/select.js";

/** Every operation of the file, selected. */
function contextOf(file: string) {
  const document = parse(readFileSync(file, "utf8"));
  const paths = Object.values(document.paths as Record<string, Record<string, { operationId?: string }>>);
  const operationIds = paths.flatMap((item) => Object.values(item).flatMap((operation) => operation.operationId ?? []));
  const { selected } = selectOperations({ document, operationIds });
  return { model: buildModel({ selected: selected!, specFile: file }), subset: selected!.document };
}

describe("emitTypes", () => {
  it.each(["spec/polar.openapi.yaml", "test/golden/fixtures/openapi-30.yaml"])("equals openapiTS() on %s", async (file) => {
    const context = contextOf(file);
    const [types] = await emitTypes(context);
    const expected = astToString(await openapiTS(cloneJson(context.subset) as never, { ...TYPES_OPTIONS }));
    expect(types!.contents).toBe(expected);
    expect(types!.contents).toMatch(/export interface components \{/);
  });
});
