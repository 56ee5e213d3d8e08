// The fake's property (test/fixtures/server/fake-property.ts) for every real Polar spec:
// random seeds the fake accepts, random sequences of the operations that spec has, with
// random credentials; every response valid against that spec, with the status Polar's
// rules give, and the state changed only as they say.

import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "vitest";
import { checkFakeProperty } from "../fixtures/server/fake-property.js";
import { generateFolder } from "../fixtures/server/generate.js";
import { SPECS_DIR } from "./specs-dir.js";
const specs = readdirSync(SPECS_DIR).filter((name) => /\.openapi\.(ya?ml|json)$/.test(name)).sort();

describe("the fake's property, every real Polar spec", () => {
  it.each(specs)("%s", async (spec) => {
    // The operations this spec has (2025-02-18 has no delete by external id).
    const text = readFileSync(join(SPECS_DIR, spec), "utf8");
    const operations = ["customers:delete", "customers:delete_external", "customer_portal:subscriptions:cancel"].filter((id) => new RegExp(`operationId"?:\\s*"?${id}"?\\s*[,\\n]`).test(text));
    const folder = await generateFolder(join(SPECS_DIR, spec), { operations });
    try {
      const module = { ...(await import(join(folder.dir, "index.ts"))), ...(await import(join(folder.dir, "fake.ts"))) };
      await checkFakeProperty({ module, openapiJson: join(folder.dir, "openapi.json"), numRuns: 150, seed: 20261207 });
    } finally {
      folder.dispose();
    }
  });
});
