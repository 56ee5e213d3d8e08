// contract/: a vitest suite proving a server and the generated client keep to the spec
// for the selected operations. The checks never vary and are copied verbatim from
// templates/contract/; what depends on the spec (the operations as data, fixtures in
// the fake's seed format, the spec's fingerprint) is written here.

import type { Model } from "../model/types.js";
import type { EmitContext, GeneratedFile } from "../stages.js";
import { copyTemplates } from "../templates.js";
import { fingerprintOf, operationFingerprints } from "./contract/fingerprint.js";
import { contractOperations } from "./contract/operations.js";
import { printJsonLikePrettier } from "./json-style.js";

const CONTRACT_FILES = ["client-cases.ts", "client-check.ts", "exchange.ts", "fingerprint.ts", "negative.ts", "outcomes.ts", "suite.ts", "target.ts", "types.ts"];
/** How headers name the spec embedded in polar-codegen (config.ts): no path, found through polar-codegen itself. */
const EMBEDDED_LABEL = "polar-codegen/spec/polar.openapi.yaml";

/** Fixed ids (valid UUID4s), so the fixtures and every run are the same. */
const FIXTURES = {
  customers: [
    { id: "5b0a7d1e-3c2f-4a6b-8d9e-0f1a2b3c4d01", external_id: "contract-user-1", email: "deleted-by-id@example.com" },
    { id: "5b0a7d1e-3c2f-4a6b-8d9e-0f1a2b3c4d02", external_id: "contract-user-2", email: "deleted-by-external-id@example.com" },
    { id: "5b0a7d1e-3c2f-4a6b-8d9e-0f1a2b3c4d03", external_id: "contract-user-3", email: "portal@example.com" },
  ],
  subscriptions: [{ id: "7e1f2a3b-4c5d-4e6f-9a0b-1c2d3e4f5a01", customer_id: "5b0a7d1e-3c2f-4a6b-8d9e-0f1a2b3c4d03", status: "active" }],
  customer_sessions: [{ token: "polar_cst_contract_tests_customer_3", customer_id: "5b0a7d1e-3c2f-4a6b-8d9e-0f1a2b3c4d03" }],
};

export function emitContract(context: EmitContext): GeneratedFile[] {
  const { model } = context;
  return [
    { path: "contract/contract.test.ts", contents: suiteFile({ model, subset: fingerprintOf(context.subset), operations: operationFingerprints({ document: context.subset, operationIds: model.operations.map((operation) => operation.id) }) }) },
    fixturesFile(),
    ...copyTemplates({ from: "contract", to: "contract", names: CONTRACT_FILES }),
  ];
}

/** In prettier's layout already where json-style can vouch for it (a cold prettier would start its JSON parser for 1 kB). */
function fixturesFile(): GeneratedFile {
  const styled = printJsonLikePrettier(FIXTURES);
  return styled === undefined
    ? { path: "contract/fixtures.json", contents: JSON.stringify(FIXTURES, null, 2) + "\n" }
    : { path: "contract/fixtures.json", contents: styled, formatted: true };
}

function suiteFile(options: { model: Model; subset: string; operations: Record<string, string | null> }): string {
  const { model } = options;
  const source = { label: model.specFile, embedded: model.specFile === EMBEDDED_LABEL };
  const production = model.servers.filter((server) => server.id === "production").map((server) => server.url);
  return `// The contract suite for ${model.operations.map((operation) => operation.id).join(", ")}.
// Runs against the generated fake in process, or a live server: see POLAR_CONTRACT_* in the README.
import { readFileSync } from "node:fs";
import { createPolarClient } from "../client.js";
import { createFakePolar, type FakeSeed } from "../fake.js";
import { createPolarServer, toNodeListener } from "../server.js";
import { parameters, validators } from "../validators.js";
import { defineContractSuite } from "./suite.js";
import type { ContractFixtures, ContractOperation } from "./types.js";

const operations: ContractOperation[] = ${JSON.stringify(contractOperations(model), null, 2)};

defineContractSuite({
  operations,
  generatedFrom: {
    source: { label: ${JSON.stringify(source.label)}, embedded: ${source.embedded}, outFolder: new URL("../", import.meta.url) },
    operations: ${JSON.stringify(options.operations, null, 2)},
    subset: ${JSON.stringify(options.subset)},
    openapiJson: new URL("../openapi.json", import.meta.url),
  },
  fixtures: JSON.parse(readFileSync(new URL("./fixtures.json", import.meta.url), "utf8")) as ContractFixtures,
  productionUrls: ${JSON.stringify(production)},
  fake: { listener: (seed) => toNodeListener(createPolarServer(createFakePolar({ seed: seed as FakeSeed }))) as never },
  validators,
  parameters,
  createClient: (clientOptions) => createPolarClient(clientOptions as never),
});
`;
}
