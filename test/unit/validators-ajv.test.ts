// The generated validators agree with Ajv (an independent JSON Schema 2020-12
// implementation) on the embedded spec's schemas: on valid values, and on values
// mutated from them (a property replaced by any JSON value, or removed).
import { readFileSync } from "node:fs";
import { parse } from "yaml";
import { describe, it } from "vitest";
import { DEFAULT_OPERATIONS, selectOperations } from "../../generator/select.js";
import { agreeWithAjv } from "../fixtures/validators/agree.js";

describe("validators agree with Ajv", () => {
  it("on every schema of the embedded spec, valid and mutated", async () => {
    const document = parse(readFileSync("spec/polar.openapi.yaml", "utf8"));
    const { selected } = selectOperations({ document, operationIds: DEFAULT_OPERATIONS });
    await agreeWithAjv({ document: selected!.document as Record<string, unknown>, numRuns: 60 });
  });
});
