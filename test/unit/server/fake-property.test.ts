// The fake's property (test/fixtures/server/fake-property.ts) for the embedded spec and
// each era's fixture spec: random seeds and random sequences of the operations the spec
// has, with random credentials; every response is one the spec allows, with the status
// Polar's rules give, and the state changes only as they say. A fixed seed, so a
// failure reproduces.

import { join } from "node:path";
import { describe, it } from "vitest";
import * as fake from "../../../generated/polar/fake.js";
import * as server from "../../../generated/polar/index.js";
import { checkFakeProperty } from "../../fixtures/server/fake-property.js";
import { generateFolder } from "../../fixtures/server/generate.js";
import { SPEC_2025_02, SPEC_2026_01, SPEC_2026_01_29, SPEC_2026_10 } from "../../fixtures/specs/index.js";

const RUNS = { numRuns: 200, seed: 20261207 };

describe("random seeds and operation sequences: responses valid against the spec, statuses and state as Polar's rules say", () => {
  it("the embedded spec", async () => {
    await checkFakeProperty({ module: { ...fake, ...server } as never, openapiJson: "generated/polar/openapi.json", ...RUNS });
  }, 120_000);

  it.each([
    ["2025-02", SPEC_2025_02, ["customers:delete", "customer_portal:subscriptions:cancel"]],
    ["2026-01", SPEC_2026_01, undefined],
    ["2026-01-29", SPEC_2026_01_29, undefined],
    ["2026-10", SPEC_2026_10, undefined],
  ] as const)("the %s fixture spec", async (_, spec, operations) => {
    const folder = await generateFolder(spec, operations ? { operations: [...operations] } : {});
    try {
      const module = { ...(await import(join(folder.dir, "index.ts"))), ...(await import(join(folder.dir, "fake.ts"))) };
      await checkFakeProperty({ module, openapiJson: join(folder.dir, "openapi.json"), ...RUNS });
    } finally {
      folder.dispose();
    }
  }, 120_000);
});
