// The contract suite for the operations polar-codegen selected. What depends on the spec
// (the operations, the fingerprints recorded at generation, the production servers) is
// in ./generated.json; the fake's seed is ./fixtures.json.
// Runs against the generated fake in process, or a live server: see POLAR_CONTRACT_* in the README.
import { readFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { expect } from "vitest";
import { createClient } from "../client.js";
import { createFakePolar, type FakeSeed } from "../fake.js";
import { createPolarServer, toNodeListener } from "../server.js";
import { parameters, validators } from "../validators.js";
import type { SpecSource } from "./fingerprint.js";
import { defineContractSuite } from "./suite.js";
import type { ContractFixtures, ContractOperation, ContractWebhook } from "./types.js";

interface Generated {
  operations: ContractOperation[];
  source: Omit<SpecSource, "outFolder">;
  fingerprints: { operations: Record<string, string | null>; subset: string };
  productionUrls: string[];
  webhooks: ContractWebhook[];
}

// The test file's own path, from vitest: `import.meta` does not exist where the suite is
// type-checked as CommonJS, and `__dirname` not where it runs as ESM.
const { testPath } = expect.getState();
if (!testPath) throw new Error("contract.test.ts runs under vitest, which names the test file");
const here = pathToFileURL(testPath);
const readJson = (name: string): unknown => JSON.parse(readFileSync(new URL(name, here), "utf8"));
const generated = readJson("./generated.json") as Generated;

defineContractSuite({
  operations: generated.operations,
  generatedFrom: {
    source: { ...generated.source, outFolder: new URL("../", here) },
    operations: generated.fingerprints.operations,
    subset: generated.fingerprints.subset,
    openapiJson: new URL("../openapi.json", here),
  },
  fixtures: readJson("./fixtures.json") as ContractFixtures,
  productionUrls: generated.productionUrls,
  fake: {
    start: (seed, webhooks) => {
      const fake = createFakePolar({ seed: seed as FakeSeed, webhooks });
      return { listener: toNodeListener(createPolarServer(fake)) as never, state: fake.state };
    },
  },
  validators,
  parameters,
  createClient: (clientOptions) => createClient(clientOptions as never),
  webhooks: generated.webhooks,
});
